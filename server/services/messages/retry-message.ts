/**
 * Gives a dead message another chance (staff fixed the address, the operator fixed credentials):
 * dead → queued with a fresh attempt budget, due now, to the customer's current best channel
 * (or the one staff pick) — the address that failed may have been corrected since. Conditional on
 * 'dead', so two clicks queue it once and a message that is not dead is never re-sent.
 */
import type { AppContext } from '../context.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { planDelivery } from '../../messaging/enqueue.ts';
import { messageView } from './list-messages.ts';
import type { Channel, MessageKind } from '../../messaging/message-content.ts';

export async function retryDeadMessage(ctx: AppContext, input: { messageId: string; channel?: Channel | null }) {
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.outboxMessage.findUnique({ where: { id: input.messageId } });
    if (!row) throw notFound('Message');
    if (row.status !== 'dead') throw conflict(`Message is ${row.status}; only a dead message can be retried`, { status: row.status });
    const target = row.customerId
      ? await planDelivery(tx, ctx, { customerId: row.customerId, kind: row.kind as MessageKind, channel: input.channel ?? null })
      : { channel: row.channel as Channel, recipient: row.recipient };
    const { count } = await tx.outboxMessage.updateMany({
      where: { id: row.id, status: 'dead' },
      data: {
        status: 'queued',
        channel: target.channel,
        recipient: target.recipient,
        attempts: 0,
        nextAttemptAt: ctx.clock.now(),
        lockedBy: null,
        lockedUntil: null,
      },
    });
    if (count === 0) throw conflict('Message was changed by someone else; reload and try again');
    return messageView(await tx.outboxMessage.findUniqueOrThrow({ where: { id: row.id } }));
  });
}
