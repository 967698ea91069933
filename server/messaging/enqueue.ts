/**
 * Writes a message to the outbox inside the caller's transaction, so the message exists if and
 * only if the change that caused it committed. The worker delivers it after commit.
 * One idempotency key, one message: a use case run twice gets the first message back.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../data/database.ts';
import type { Clock } from '../domain/clock.ts';
import { chooseChannel, type ChannelChoice, type Reachability } from './choose-channel.ts';
import { channelsForKind, type Channel, type MessageKind, type StoredContent } from './message-content.ts';
import { smsNumber } from './phone.ts';
import { deliverableAt } from '../domain/reminder-schedule.ts';

export interface EnqueueInput {
  idempotencyKey: string;
  customerId: string;
  /** What the message says, with a reference to its portal link (never the token). */
  content: StoredContent;
  /** Staff's choice of channel; must be reachable. */
  channel?: Channel | null;
}

export interface EnqueuedMessage {
  id: string;
  channel: Channel;
  recipient: string;
  /** True when the key was already used: the existing message is returned, nothing new queued. */
  duplicate: boolean;
}

/** How a customer can be reached right now: bound LINE user still following, email, SMS number. */
export async function loadReachability(db: Tx | Db, customerId: string): Promise<Reachability> {
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: {
      email: true,
      phone: true,
      // The earliest binding that still follows: the account the customer confirmed first. A later
      // binding (a forwarded link opened by someone else) never takes the channel over.
      lineUsers: { where: { following: true }, orderBy: [{ boundAt: 'asc' }, { createdAt: 'asc' }], take: 1, select: { lineUserId: true } },
    },
  });
  if (!customer) return { lineUserId: null, email: null, smsNumber: null };
  return { lineUserId: customer.lineUsers[0]?.lineUserId ?? null, email: customer.email || null, smsNumber: smsNumber(customer.phone) };
}

/** Channels no one can use right now (LINE monthly quota used up), shared by every instance. */
export async function unavailableChannels(db: Tx | Db, now: Date): Promise<Channel[]> {
  const rows = await db.channelStatus.findMany({ where: { unavailableUntil: { gt: now } }, select: { channel: true } });
  return rows.map((r) => r.channel as Channel);
}

/** The channel and recipient a message would use; throws the CONFLICT staff see when none fits. */
export async function planDelivery(
  db: Tx | Db,
  ctx: { clock: Clock },
  input: { customerId: string; kind: MessageKind; channel?: Channel | null; exclude?: readonly Channel[] },
): Promise<ChannelChoice> {
  // Sequential on purpose: queries on one interactive transaction must not overlap.
  const reach = await loadReachability(db, input.customerId);
  const unavailable = await unavailableChannels(db, ctx.clock.now());
  return chooseChannel({
    reach,
    forced: input.channel ?? null,
    allowed: channelsForKind(input.kind).filter((c) => !input.exclude?.includes(c)),
    unavailable,
  });
}

export async function findByIdempotencyKey(tx: Tx | Db, idempotencyKey: string): Promise<EnqueuedMessage | null> {
  const existing = await tx.outboxMessage.findUnique({ where: { idempotencyKey }, select: { id: true, channel: true, recipient: true } });
  return existing ? { id: existing.id, channel: existing.channel as Channel, recipient: existing.recipient, duplicate: true } : null;
}

/** MUST run inside the caller's transaction (same commit as the change that causes the message). */
export async function enqueueMessage(tx: Tx, ctx: { clock: Clock }, input: EnqueueInput): Promise<EnqueuedMessage> {
  const existing = await findByIdempotencyKey(tx, input.idempotencyKey);
  if (existing) return existing;
  const choice = await planDelivery(tx, ctx, { customerId: input.customerId, kind: input.content.kind, channel: input.channel });
  const now = ctx.clock.now();
  const row = await tx.outboxMessage.create({
    data: {
      idempotencyKey: input.idempotencyKey,
      customerId: input.customerId,
      kind: input.content.kind,
      channel: choice.channel,
      recipient: choice.recipient,
      payload: JSON.stringify(input.content),
      retryKey: randomUUID(),
      status: 'queued',
      nextAttemptAt: deliverableAt(input.content.kind, now),
      createdAt: now,
    },
    select: { id: true },
  });
  return { id: row.id, channel: choice.channel, recipient: choice.recipient, duplicate: false };
}
