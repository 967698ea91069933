/**
 * The parts of a LINE webhook event the bot uses, checked with zod: events are recorded as
 * received and parsed when handled, so an event type we do not know is stored and skipped,
 * never a crash.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

const sourceSchema = z.looseObject({
  type: z.string(),
  userId: z.string().optional(),
  groupId: z.string().optional(),
  roomId: z.string().optional(),
});

export const lineEventSchema = z.looseObject({
  type: z.string(),
  timestamp: z.number(),
  webhookEventId: z.string().optional(),
  /** 'standby': another channel (e.g. a chat module) owns the conversation; no reply token. */
  mode: z.string().optional(),
  deliveryContext: z.looseObject({ isRedelivery: z.boolean() }).optional(),
  source: sourceSchema.optional(),
  replyToken: z.string().optional(),
  message: z.looseObject({ type: z.string(), id: z.string().optional(), text: z.string().optional() }).optional(),
  postback: z.looseObject({ data: z.string() }).optional(),
});

export type LineEvent = z.infer<typeof lineEventSchema>;

/** The id an event is recorded under: LINE's webhookEventId, or (for a malformed event) a hash of its content. */
export function eventIdOf(raw: unknown): string {
  const id = (raw as { webhookEventId?: unknown } | null)?.webhookEventId;
  if (typeof id === 'string' && id.length > 0 && id.length <= 100) return id;
  return `sha256:${createHash('sha256').update(JSON.stringify(raw)).digest('hex')}`;
}

/** Events of one chat are handled one after another, in LINE's timestamp order. */
export function laneOf(raw: unknown): string {
  const source = (raw as { source?: { userId?: unknown; groupId?: unknown; roomId?: unknown } } | null)?.source;
  const key = source?.userId ?? source?.groupId ?? source?.roomId;
  return typeof key === 'string' ? key : '-';
}

export function timestampOf(raw: unknown): number {
  const t = (raw as { timestamp?: unknown } | null)?.timestamp;
  return typeof t === 'number' && Number.isFinite(t) ? t : 0;
}
