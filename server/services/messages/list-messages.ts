/** Staff's view of the outbox (admin API): newest first, filtered by customer and status. */
import type { AppContext } from '../context.ts';
import type { Channel, MessageStatus } from '../../messaging/message-content.ts';

export interface ListMessagesInput {
  customerId?: string;
  status?: MessageStatus;
  channel?: Channel;
  limit?: number;
  /** Cursor from the previous page (`nextCursor`). */
  cursor?: string;
}

/** What staff see of a message. Not its content: that carries the link, which only the client gets. */
export interface MessageView {
  id: string;
  customerId: string | null;
  kind: string;
  channel: string;
  recipient: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  providerMessageId: string | null;
  deliveryStatus: string | null;
  createdAt: string;
  sentAt: string | null;
}

type Row = Awaited<ReturnType<AppContext['db']['outboxMessage']['findFirstOrThrow']>>;

export function messageView(row: Row): MessageView {
  const pending = row.status === 'queued' || row.status === 'failed';
  return {
    id: row.id,
    customerId: row.customerId,
    kind: row.kind,
    channel: row.channel,
    recipient: row.recipient,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: pending ? row.nextAttemptAt.toISOString() : null,
    lastError: row.lastError,
    providerMessageId: row.providerMessageId,
    deliveryStatus: row.deliveryStatus,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

export async function listMessages(ctx: AppContext, input: ListMessagesInput) {
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const rows = await ctx.db.outboxMessage.findMany({
    where: {
      ...(input.customerId ? { customerId: input.customerId } : {}),
      ...(input.status ? { status: input.status } : {}),
      ...(input.channel ? { channel: input.channel } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, limit);
  return { messages: page.map(messageView), nextCursor: rows.length > limit ? page[page.length - 1]!.id : null };
}
