/**
 * Operator alarms: something is wrong that no client action can fix (a stored legal document is
 * missing or altered, a render keeps failing). Recorded once per (kind, subject) and counted, logged
 * as an error, and listed at the top of the operator page (/admin/outbox) until resolved: by
 * itself, once the subject is fine again (the file restored from a backup and verified).
 */
import type { AppContext } from './context.ts';

export type OperatorAlarmKind = 'document_missing' | 'document_altered' | 'document_unknown' | 'document_render_failed' | 'blob_store_failed';

/** The subject of the blob store's own alarm (data/blob-store.ts): one, however many files it failed. */
export const BLOB_STORE_SUBJECT = 'blob store';

export interface RaiseAlarmInput {
  kind: OperatorAlarmKind;
  /** What it is about, e.g. a document id 'tax_invoice.<payment id>'. */
  subject: string;
  detail: string;
}

export async function raiseOperatorAlarm(ctx: AppContext, input: RaiseAlarmInput): Promise<void> {
  const now = ctx.clock.now();
  ctx.logger.error({ alarm: input.kind, subject: input.subject, detail: input.detail }, 'operator alarm');
  await ctx.db.operatorAlarm.upsert({
    where: { kind_subject: { kind: input.kind, subject: input.subject } },
    create: { ...input, firstAt: now, lastAt: now },
    // Seen again: still open (even if someone marked it resolved), with the latest detail.
    update: { detail: input.detail, lastAt: now, count: { increment: 1 }, resolvedAt: null },
  });
}

/** The subject is fine again (a restored file verified, a job done): its open alarms close themselves. */
export async function resolveOperatorAlarms(ctx: AppContext, subject: string): Promise<void> {
  await ctx.db.operatorAlarm.updateMany({ where: { subject, resolvedAt: null }, data: { resolvedAt: ctx.clock.now() } });
}
