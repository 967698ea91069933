/**
 * Claims a batch of due outbox messages: moves them to 'sending' under a lease (lockedBy = the
 * claim's token, lockedUntil) and returns them, attempts already counted.
 *
 * PostgreSQL: one statement that locks its candidates FOR UPDATE SKIP LOCKED, so instances
 * claiming at the same moment each take a full batch of their own instead of all selecting the
 * same rows and all but one coming back empty. SQLite: select, then a conditional update (one
 * writer at a time already serialises claims; SQLite has no row locks to skip).
 */
import { Prisma, type Db } from './database.ts';
import type { DatabaseProvider } from './schema-engine.ts';

export type OutboxRow = Awaited<ReturnType<Db['outboxMessage']['findFirstOrThrow']>>;

export interface OutboxClaim {
  now: Date;
  batchSize: number;
  /** Written to lockedBy; every later write of the claimer is conditional on it. */
  token: string;
  lockedUntil: Date;
  /** Kinds not sent now (reminders outside the sending window), whatever their nextAttemptAt. */
  excludeKinds: readonly string[];
}

export interface ClaimedOutbox {
  rows: OutboxRow[];
  /** Worth claiming again: something was due (SQLite: another worker may have taken it meanwhile). */
  due: boolean;
}

export async function claimDueOutbox(db: Db, provider: DatabaseProvider, claim: OutboxClaim): Promise<ClaimedOutbox> {
  if (provider === 'sqlite') return claimSelectThenUpdate(db, claim);
  const rows = await claimSkippingLocked(db, claim);
  return { rows, due: rows.length > 0 };
}

async function claimSelectThenUpdate(db: Db, claim: OutboxClaim): Promise<ClaimedOutbox> {
  const due = {
    ...(claim.excludeKinds.length > 0 ? { kind: { notIn: [...claim.excludeKinds] } } : {}),
    OR: [
      { status: { in: ['queued', 'failed'] }, nextAttemptAt: { lte: claim.now } },
      // An expired lease: the worker that held it died or hung.
      { status: 'sending', lockedUntil: { lt: claim.now } },
    ],
  };
  const candidates = await db.outboxMessage.findMany({ where: due, select: { id: true }, orderBy: { nextAttemptAt: 'asc' }, take: claim.batchSize });
  if (candidates.length === 0) return { rows: [], due: false };
  const rows = await db.outboxMessage.updateManyAndReturn({
    where: { id: { in: candidates.map((c) => c.id) }, ...due },
    data: { status: 'sending', lockedBy: claim.token, lockedUntil: claim.lockedUntil, attempts: { increment: 1 } },
  });
  return { rows, due: true };
}

/**
 * The candidates are picked in a MATERIALIZED CTE: PostgreSQL then runs the locking SELECT exactly
 * once (an `id IN (subquery)` may be planned as a join that re-scans it). Rows another claim holds
 * are skipped, never waited for; a row it has already committed no longer matches on re-check.
 */
async function claimSkippingLocked(db: Db, claim: OutboxClaim): Promise<OutboxRow[]> {
  const excluded = claim.excludeKinds.length > 0 ? Prisma.sql`AND "kind" NOT IN (${Prisma.join(claim.excludeKinds)})` : Prisma.empty;
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    WITH picked AS MATERIALIZED (
      SELECT "id" FROM "OutboxMessage"
      WHERE (("status" IN ('queued', 'failed') AND "nextAttemptAt" <= ${claim.now})
          OR ("status" = 'sending' AND "lockedUntil" < ${claim.now}))
        ${excluded}
      ORDER BY "nextAttemptAt" ASC
      LIMIT ${claim.batchSize}
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE "OutboxMessage" AS m
      SET "status" = 'sending', "lockedBy" = ${claim.token}, "lockedUntil" = ${claim.lockedUntil}, "attempts" = m."attempts" + 1
      FROM picked WHERE m."id" = picked."id"
      RETURNING m.*
    )
    SELECT * FROM claimed ORDER BY "nextAttemptAt" ASC`;
  return rows.map(toOutboxRow);
}

const date = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const dateOrNull = (value: unknown): Date | null => (value === null || value === undefined ? null : date(value));
const textOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** Raw rows carry the driver's types; callers get exactly what the Prisma model query returns. */
function toOutboxRow(raw: Record<string, unknown>): OutboxRow {
  return {
    id: String(raw.id),
    idempotencyKey: String(raw.idempotencyKey),
    customerId: textOrNull(raw.customerId),
    kind: String(raw.kind),
    channel: String(raw.channel),
    recipient: String(raw.recipient),
    payload: String(raw.payload),
    retryKey: String(raw.retryKey),
    status: String(raw.status),
    attempts: Number(raw.attempts),
    nextAttemptAt: date(raw.nextAttemptAt),
    lockedBy: textOrNull(raw.lockedBy),
    lockedUntil: dateOrNull(raw.lockedUntil),
    lastError: textOrNull(raw.lastError),
    providerMessageId: textOrNull(raw.providerMessageId),
    deliveryStatus: textOrNull(raw.deliveryStatus),
    createdAt: date(raw.createdAt),
    sentAt: dateOrNull(raw.sentAt),
  };
}
