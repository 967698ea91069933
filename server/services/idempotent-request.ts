/**
 * `Idempotency-Key` for requests that record money: the first successful answer is stored under
 * (scope, key) and a retry with the same key gets that answer again, with no second effect.
 *
 * The key row is written in the SAME transaction as the money change: the caller's work runs with
 * a context whose database is that transaction (data/join-transaction.ts), so the use case's own
 * `$transaction` joins it instead of opening another. A crash therefore cannot leave a payment
 * without its key, nor a key without its payment. Decision record: docs/decisions/0005-idempotency-keys.md.
 *
 * Only successes are stored. A failed request changed nothing (its transaction rolled back), so a
 * retry with the same key simply runs again — and may succeed once the cause is fixed.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from './context.ts';
import { Prisma, type Db } from '../data/database.ts';
import { joinTransaction } from '../data/join-transaction.ts';
import { DomainError } from '../domain/errors.ts';
import { HeldPortalEvents } from './portal-events.ts';
import { HeldDocumentIssuer } from './document-snapshots.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** How long a key is remembered; a retry later than this records the money again. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

export interface IdempotentRequest {
  /** operationId + the caller's identity: one caller's key never answers another's request. */
  scope: string;
  key: string;
  requestHash: string;
}

export interface Answer {
  status: number;
  body: unknown;
}

/** 1–255 printable ASCII characters (UUIDs, ULIDs, "order-123-try"…), as the header allows. */
export function checkIdempotencyKey(key: string): string {
  if (!/^[\x20-\x7e]{1,255}$/.test(key) || key.trim() === '') {
    throw new DomainError('VALIDATION', `${IDEMPOTENCY_HEADER} must be 1 to 255 printable ASCII characters`, { field: IDEMPOTENCY_HEADER });
  }
  return key;
}

/** SHA-256 of a JSON value with its object keys sorted, so `{a,b}` and `{b,a}` are the same request. */
export function requestHash(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Runs `work` once per (scope, key) within 24 h and returns its answer, or the stored answer of
 * the first run. `work` must do all its writes through the context it is given; what it publishes
 * to open portals is delivered only once everything has committed.
 */
export async function runIdempotent(
  ctx: AppContext,
  request: IdempotentRequest,
  work: (joined: AppContext) => Promise<Answer>,
): Promise<Answer & { replayed: boolean }> {
  const now = ctx.clock.now();
  const expiredBefore = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS);
  const prior = await storedAnswer(ctx.db, request, expiredBefore);
  if (prior) return { ...prior, replayed: true };
  // Portal events wait for the commit: published inside, they would announce a change that is
  // not visible yet, or one that rolls back (a unique-key race lost, a response check failed).
  const held = new HeldPortalEvents();
  // Likewise the documents it issued: their render jobs are visible only after the commit.
  const documents = new HeldDocumentIssuer();
  try {
    const answer = await ctx.db.$transaction(async (tx) => {
      const answer = await work({ ...ctx, db: joinTransaction(tx), events: held, documents });
      // Cleanup on write: keys past their 24 h (this one too, if it had expired) go first.
      await tx.idempotencyKey.deleteMany({ where: { createdAt: { lt: expiredBefore } } });
      await tx.idempotencyKey.create({
        data: { ...request, responseStatus: answer.status, responseBody: JSON.stringify(answer.body ?? null), createdAt: now },
      });
      return { ...answer, replayed: false };
    });
    held.release(ctx.events);
    await documents.release(ctx.documents);
    return answer;
  } catch (error) {
    // Another process committed the same key first; our whole transaction, money included, rolled
    // back. SQLite runs the two one after the other, so ours ends on the key's unique index;
    // PostgreSQL runs them side by side, so ours may first find the winner's change (a conflict).
    if (!isUniqueViolation(error) && !(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
    const winner = await storedAnswer(ctx.db, request, expiredBefore);
    if (winner) return { ...winner, replayed: true };
    throw error;
  }
}

async function storedAnswer(db: Db, request: IdempotentRequest, expiredBefore: Date): Promise<Answer | null> {
  const row = await db.idempotencyKey.findUnique({ where: { scope_key: { scope: request.scope, key: request.key } } });
  if (!row || row.createdAt < expiredBefore) return null;
  if (row.requestHash !== request.requestHash) {
    throw new DomainError('UNPROCESSABLE', `${IDEMPOTENCY_HEADER} was already used for a different request; use a new key for a new request`, {
      field: IDEMPOTENCY_HEADER,
    });
  }
  return { status: row.responseStatus, body: JSON.parse(row.responseBody) };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
