/**
 * Issued documents never change. Legal documents (tax invoices, receipts, credit notes, the sealed
 * signed quote) are rendered from the snapshot taken when they were issued and stored in the blob
 * store (data/blob-store.ts: the database, or S3) with their SHA-256 and location (IssuedDocument)
 * by the render job recorded in the issuing transaction (services/document-snapshots.ts): right
 * after the commit, else by the worker's retry, else at the first download. Sent quotes are stored at first download, from their snapshot too.
 * Drafts, statements and requests for payment (invoices and deposit requests, printed from their
 * snapshot with their state now: request-state.ts) are rendered on demand and never stored.
 *
 * Once stored, a document is only ever served as those bytes: stored bytes that are missing or
 * altered, or a legal document with neither a stored file nor a render job, is an operator alarm
 * and a 503 for the client — never a silent re-render (which would print today's data).
 */
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../services/context.ts';
import type { DocumentIssuer } from '../services/ports.ts';
import { DomainError, isDomainError, notFound } from '../domain/errors.ts';
import { isStoredAtIssue } from '../domain/document-snapshot.ts';
import { raiseOperatorAlarm, resolveOperatorAlarms, type OperatorAlarmKind } from '../services/operator-alarms.ts';
import { loadDocumentModel, type DocumentOwner, type LoadedDocument } from './load-document-model.ts';
import { loadStatement, type StatementOptions } from './load-statement.ts';
import { renderDocumentPdf } from './render-document-pdf.ts';
import { documentFileName } from './file-name.ts';
import { sha256Hex } from './pdf-hash.ts';
import { parseDocumentId } from '../portal/document-ids.ts';
import type { StagedBlob, VerifiedRead } from '../data/blob-store.ts';
import { legacyDocumentPath } from '../data/legacy-files.ts';
import { claimRenderJob, releaseRenderJob, type RenderJobClaim } from '../data/claim-render-job.ts';

export interface DocumentPdf {
  bytes: Buffer;
  sha256: string;
  fileName: { ascii: string; unicode: string };
  owner: DocumentOwner;
}

const ORIGINAL = 'original';

/** A new key per write: the render job and a download may store the same document at the same moment. */
function documentKey(kind: string, recordId: string): string {
  return `documents/${kind}/${recordId}.${randomBytes(6).toString('base64url')}.pdf`;
}

/** The client's answer when an issued document cannot be served as issued. */
function temporarilyUnavailable(): DomainError {
  return new DomainError('UNAVAILABLE', 'This document is temporarily unavailable', { reason: 'document_unavailable' });
}

async function alarm(ctx: AppContext, kind: OperatorAlarmKind, documentId: string, detail: string): Promise<never> {
  await raiseOperatorAlarm(ctx, { kind, subject: documentId, detail });
  throw temporarilyUnavailable();
}

export async function getDocumentPdf(ctx: AppContext, documentId: string, options: StatementOptions = {}): Promise<DocumentPdf> {
  const parsed = parseDocumentId(documentId);
  if (!parsed) throw notFound('Document');
  const { kind, recordId } = parsed;
  const loaded = kind === 'statement' ? await loadStatement(ctx, recordId, options) : await loadDocumentModel(ctx, documentId);
  const fileName = documentFileName(loaded.model);
  if (!loaded.issued) {
    const bytes = await renderDocumentPdf(loaded.model);
    return { bytes, sha256: sha256Hex(bytes), fileName, owner: loaded.owner };
  }
  const record = await ctx.db.issuedDocument.findUnique({
    where: { documentType_documentId_variant: { documentType: kind, documentId: recordId, variant: ORIGINAL } },
  });
  if (record) {
    const location = record.location ?? legacyDocumentPath(kind, recordId);
    let read: VerifiedRead;
    try {
      read = await ctx.blobs.read(location, record.sha256);
    } catch (error) {
      // The store did not answer (its own alarm tells the operator why): the client hears the document's wording.
      if (isDomainError(error, 'UNAVAILABLE')) throw temporarilyUnavailable();
      throw error;
    }
    if (read.status === 'missing') {
      return alarm(ctx, 'document_missing', documentId, `stored bytes ${location} are missing (recorded SHA-256 ${record.sha256})`);
    }
    if (read.status === 'altered') {
      // Tampering or corruption: refuse rather than hand out a document that differs from the issued one.
      return alarm(ctx, 'document_altered', documentId, `stored bytes ${location} have SHA-256 ${read.sha256}, not the recorded ${record.sha256}`);
    }
    await resolveOperatorAlarms(ctx, documentId);
    return { bytes: read.bytes, sha256: record.sha256, fileName, owner: loaded.owner };
  }
  if (isStoredAtIssue(kind)) {
    const job = await ctx.db.documentSnapshot.findUnique({ where: { documentType_documentId: { documentType: kind, documentId: recordId } } });
    if (!job?.renderPending) {
      return alarm(ctx, 'document_unknown', documentId, 'issued legal document has no stored file and no render job');
    }
    // The render job recorded at issue, not done yet (the process stopped after the commit): do it now,
    // even when another run holds its lease. The bytes are deterministic and the unique row keeps one
    // copy, while waiting could mean waiting out the lease of an instance that crashed.
  }
  try {
    const stored = await renderAndStore(ctx, kind, recordId, loaded);
    return { ...stored, fileName, owner: loaded.owner };
  } catch (error) {
    // The store cannot take it now (its own alarm tells the operator why); the job stays open for the retry.
    if (isDomainError(error, 'UNAVAILABLE')) throw temporarilyUnavailable();
    throw error;
  }
}

/** Renders (and seals) an issued document from its snapshot, stores it, records its SHA-256, closes its render job. */
async function renderAndStore(ctx: AppContext, kind: string, recordId: string, loaded: LoadedDocument): Promise<{ bytes: Buffer; sha256: string }> {
  let bytes = await renderDocumentPdf(loaded.model);
  if (loaded.model.kind === 'signed_quote') {
    // Sealed at issue: the stored bytes carry the business's PAdES signature (seal-pdf.ts).
    bytes = await ctx.pdfSealer.seal(bytes, {
      businessName: loaded.model.seller.nameEn || loaded.model.seller.name,
      signingTime: new Date(loaded.model.signature.signedAtIso),
    });
  }
  const sha256 = sha256Hex(bytes);
  // One line per render: how an operator (and the multi-instance tests) see that each document was rendered once.
  ctx.logger.info({ document: `${kind}.${recordId}`, sha256 }, 'document rendered');
  let staged: StagedBlob | null = null;
  try {
    const blob = await ctx.blobs.stage(documentKey(kind, recordId), bytes);
    staged = blob;
    await ctx.db.$transaction(async (tx) => {
      const location = await blob.record(tx);
      await tx.issuedDocument.create({ data: { documentType: kind, documentId: recordId, variant: ORIGINAL, sha256, sizeBytes: bytes.length, location } });
    });
  } catch (error) {
    await staged?.discard();
    const stored = await ctx.db.issuedDocument.findUnique({
      where: { documentType_documentId_variant: { documentType: kind, documentId: recordId, variant: ORIGINAL } },
    });
    // Another request stored it at the same moment; rendering and sealing are deterministic, so the bytes agree.
    if (!stored) {
      if (error instanceof DomainError) throw error;
      // Named, for the log and the render job's alarm: the database's own message does not say what was stored.
      throw new Error(`storing ${kind}.${recordId} failed: ${error instanceof Error ? error.message.trim() : String(error)}`, { cause: error });
    }
  }
  await ctx.db.documentSnapshot.updateMany({
    where: { documentType: kind, documentId: recordId, renderPending: true },
    data: { renderPending: false, renderClaimedBy: null, renderClaimedUntil: null },
  });
  await resolveOperatorAlarms(ctx, `${kind}.${recordId}`);
  return { bytes, sha256 };
}

/** A render job runs in tens of milliseconds; a lease this long only runs out when its instance died or hung. */
const RENDER_LEASE_MS = 120_000;

/**
 * Claims open render jobs one at a time and runs them until none is left to claim: a job another
 * run (of this instance or another) holds is skipped, never waited for and never rendered twice.
 * A job that fails is alarmed and given back, open for the retry.
 */
async function runRenderJobs(ctx: AppContext, scope: RenderJobClaim['scope']): Promise<void> {
  const token = randomBytes(9).toString('base64url');
  for (;;) {
    const now = ctx.clock.now();
    const job = await claimRenderJob(ctx.db, ctx.config.databaseProvider, { now, token, claimedUntil: new Date(now.getTime() + RENDER_LEASE_MS), scope });
    if (!job) return;
    const documentId = `${job.documentType}.${job.documentId}`;
    try {
      const existing = await ctx.db.issuedDocument.findUnique({
        where: { documentType_documentId_variant: { documentType: job.documentType, documentId: job.documentId, variant: ORIGINAL } },
      });
      if (existing) {
        // Stored by a download in the meantime: only the job is left to close.
        await ctx.db.documentSnapshot.update({ where: { id: job.id }, data: { renderPending: false, renderClaimedBy: null, renderClaimedUntil: null } });
        continue;
      }
      await renderAndStore(ctx, job.documentType, job.documentId, await loadDocumentModel(ctx, documentId));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      await raiseOperatorAlarm(ctx, { kind: 'document_render_failed', subject: documentId, detail }).catch(() => undefined);
      await releaseRenderJob(ctx.db, { id: job.id, token, now: ctx.clock.now() }).catch(() => undefined);
    }
  }
}

/**
 * The DocumentIssuer port. The run after a commit takes fresh jobs, newest first (its request's
 * own, just committed), and never waits for a render another request or instance holds; the
 * retry timer also takes jobs that failed or whose lease ran out (a crashed instance), oldest first.
 */
export function documentIssuer(ctx: AppContext): DocumentIssuer & { stop(): Promise<void>; startRetries(intervalMs: number): void } {
  const running = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  const run = (scope: RenderJobClaim['scope']) => {
    const done: Promise<void> = runRenderJobs(ctx, scope)
      .catch((error: unknown) => {
        ctx.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'document render jobs failed');
      })
      .finally(() => running.delete(done));
    running.add(done);
    return done;
  };
  let retrying: Promise<void> | null = null;
  const retry = () => {
    // One retry run at a time per instance: an overdue tick joins the run in progress.
    retrying ??= run('any').finally(() => {
      retrying = null;
    });
    return retrying;
  };
  return {
    storePending: () => run('fresh'),
    /** The worker: jobs left by a stopped process are done at start and retried every `intervalMs`. */
    startRetries(intervalMs) {
      void retry();
      timer = setInterval(() => void retry(), intervalMs);
      timer.unref();
    },
    /** No more retries; resolves when the runs in progress (if any) have finished. */
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await Promise.all([...running]);
    },
  };
}
