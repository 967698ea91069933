/**
 * PostgreSQL only: claims LINE webhook events waiting for a worker (never handled, due for a
 * retry, or left behind by a worker whose lease ran out) in one statement, FOR UPDATE SKIP LOCKED:
 * instances polling the inbox at the same moment each take events of their own instead of all
 * listing the same ones and racing to claim each. The composition root hands it to the inbox
 * (bot/webhook/inbox.ts), which claims one event at a time on SQLite.
 */
import type { Db } from './database.ts';

export interface ClaimedWebhookEvent {
  id: string;
  payload: string;
  /** Including this claim. */
  attempts: number;
  receivedAt: Date;
}

export async function claimDueWebhookEvents(db: Db, claim: { now: Date; lockedUntil: Date; limit: number }): Promise<ClaimedWebhookEvent[]> {
  // MATERIALIZED: the locking SELECT runs once (see claim-due-outbox.ts).
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    WITH picked AS MATERIALIZED (
      SELECT "id" FROM "WebhookEvent"
      WHERE ("status" = 'received' AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${claim.now}))
         OR ("status" = 'processing' AND "lockedUntil" <= ${claim.now})
      ORDER BY "receivedAt" ASC
      LIMIT ${claim.limit}
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE "WebhookEvent" AS e
      SET "status" = 'processing', "attempts" = e."attempts" + 1, "lockedUntil" = ${claim.lockedUntil}
      FROM picked WHERE e."id" = picked."id"
      RETURNING e."id", e."payload", e."attempts", e."receivedAt"
    )
    SELECT * FROM claimed ORDER BY "receivedAt" ASC`;
  return rows.map((row) => ({
    id: String(row.id),
    payload: String(row.payload),
    attempts: Number(row.attempts),
    receivedAt: row.receivedAt instanceof Date ? row.receivedAt : new Date(String(row.receivedAt)),
  }));
}
