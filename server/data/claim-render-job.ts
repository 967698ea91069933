/**
 * Claims one open document render job (DocumentSnapshot.renderPending) under a lease, so each
 * issued PDF is rendered by one run across all instances.
 *
 * PostgreSQL: one statement that locks its candidate FOR UPDATE SKIP LOCKED, so runs claiming at
 * the same moment each take a different job instead of queueing behind one row. SQLite: select,
 * then a conditional update (one writer at a time already serialises claims).
 */
import { Prisma, type Db } from './database.ts';
import type { DatabaseProvider } from './schema-engine.ts';

export interface RenderJobClaim {
  now: Date;
  /** Written to renderClaimedBy; releasing is conditional on it. */
  token: string;
  claimedUntil: Date;
  /**
   * 'fresh': jobs never claimed, newest first — the run right after a commit, which so takes the
   * jobs its request just recorded first. 'any': also jobs whose lease ended (given back after a
   * failure, or run out: a crashed instance), oldest first — the periodic retry. A run never takes
   * again a job it gave back itself: a failing job is tried once per run.
   */
  scope: 'fresh' | 'any';
}

export interface ClaimedRenderJob {
  id: string;
  documentType: string;
  documentId: string;
}

export async function claimRenderJob(db: Db, provider: DatabaseProvider, claim: RenderJobClaim): Promise<ClaimedRenderJob | null> {
  return provider === 'sqlite' ? claimSelectThenUpdate(db, claim) : claimSkippingLocked(db, claim);
}

async function claimSelectThenUpdate(db: Db, claim: RenderJobClaim): Promise<ClaimedRenderJob | null> {
  const open = {
    renderPending: true,
    ...(claim.scope === 'fresh'
      ? { renderClaimedUntil: null }
      : { OR: [{ renderClaimedUntil: null }, { renderClaimedUntil: { lte: claim.now }, renderClaimedBy: { not: claim.token } }] }),
  };
  // Another instance may take the candidate between the select and the update: then try the next one.
  for (;;) {
    const candidate = await db.documentSnapshot.findFirst({
      where: open,
      select: { id: true, documentType: true, documentId: true },
      orderBy: { takenAt: claim.scope === 'fresh' ? 'desc' : 'asc' },
    });
    if (!candidate) return null;
    const taken = await db.documentSnapshot.updateMany({
      where: { id: candidate.id, ...open },
      data: { renderClaimedBy: claim.token, renderClaimedUntil: claim.claimedUntil },
    });
    if (taken.count === 1) return candidate;
  }
}

async function claimSkippingLocked(db: Db, claim: RenderJobClaim): Promise<ClaimedRenderJob | null> {
  // After a commit: never-claimed jobs, newest first (the request's own). The retry: also jobs whose lease ended, oldest first.
  const due =
    claim.scope === 'fresh'
      ? Prisma.sql`"renderPending" AND "renderClaimedUntil" IS NULL ORDER BY "takenAt" DESC`
      : Prisma.sql`"renderPending"
          AND ("renderClaimedUntil" IS NULL OR ("renderClaimedUntil" <= ${claim.now} AND "renderClaimedBy" <> ${claim.token}))
          ORDER BY "takenAt" ASC`;
  const rows = await db.$queryRaw<ClaimedRenderJob[]>`
    WITH picked AS MATERIALIZED (
      SELECT "id" FROM "DocumentSnapshot" WHERE ${due}
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "DocumentSnapshot" AS s
    SET "renderClaimedBy" = ${claim.token}, "renderClaimedUntil" = ${claim.claimedUntil}
    FROM picked WHERE s."id" = picked."id"
    RETURNING s."id", s."documentType", s."documentId"`;
  const row = rows[0];
  return row ? { id: String(row.id), documentType: String(row.documentType), documentId: String(row.documentId) } : null;
}

/**
 * Gives a job back after a failed render, open for the retry: its lease ends now. It keeps the
 * failed run's token, so that run does not take it again, and runs after a commit (which take
 * only never-claimed jobs) leave it to the retry timer.
 */
export async function releaseRenderJob(db: Db, job: { id: string; token: string; now: Date }): Promise<void> {
  await db.documentSnapshot.updateMany({ where: { id: job.id, renderClaimedBy: job.token }, data: { renderClaimedUntil: job.now } });
}
