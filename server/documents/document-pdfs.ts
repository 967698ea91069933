/**
 * Issued documents never change. Legal documents (tax invoices, receipts, credit notes, the sealed
 * signed quote) are rendered from the snapshot taken when they were issued and stored under
 * DATA_DIR/documents with their SHA-256 (IssuedDocument) by the render job recorded in the issuing
 * transaction (services/document-snapshots.ts): right after the commit, else by the worker's retry,
 * else at the first download. Sent quotes are stored at first download, from their snapshot too.
 * Drafts, statements and requests for payment (invoices and deposit requests, printed from their
 * snapshot with their state now: request-state.ts) are rendered on demand and never stored.
 *
 * Once stored, a document is only ever served as those bytes: a stored file that is missing or
 * altered, or a legal document with neither a stored file nor a render job, is an operator alarm
 * and a 503 for the client — never a silent re-render (which would print today's data).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../services/context.ts';
import type { DocumentIssuer } from '../services/ports.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { isStoredAtIssue } from '../domain/document-snapshot.ts';
import { raiseOperatorAlarm, resolveOperatorAlarms, type OperatorAlarmKind } from '../services/operator-alarms.ts';
import { loadDocumentModel, type DocumentOwner, type LoadedDocument } from './load-document-model.ts';
import { loadStatement, type StatementOptions } from './load-statement.ts';
import { renderDocumentPdf } from './render-document-pdf.ts';
import { documentFileName } from './file-name.ts';
import { sha256Hex } from './pdf-hash.ts';
import { parseDocumentId } from '../portal/document-ids.ts';

export interface DocumentPdf {
  bytes: Buffer;
  sha256: string;
  fileName: { ascii: string; unicode: string };
  owner: DocumentOwner;
}

const ORIGINAL = 'original';

function storagePath(ctx: AppContext, kind: string, recordId: string): string {
  return path.join(ctx.config.dataDir, 'documents', kind, `${recordId}.pdf`);
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
    const file = storagePath(ctx, kind, recordId);
    if (!existsSync(file)) {
      return alarm(
        ctx,
        'document_missing',
        documentId,
        `stored file ${path.relative(ctx.config.dataDir, file)} is missing (recorded SHA-256 ${record.sha256})`,
      );
    }
    const bytes = readFileSync(file);
    const sha256 = sha256Hex(bytes);
    if (sha256 !== record.sha256) {
      // Tampering or disk corruption: refuse rather than hand out a document that differs from the issued one.
      return alarm(ctx, 'document_altered', documentId, `stored file SHA-256 ${sha256} differs from the recorded ${record.sha256}`);
    }
    await resolveOperatorAlarms(ctx, documentId);
    return { bytes, sha256, fileName, owner: loaded.owner };
  }
  if (isStoredAtIssue(kind)) {
    const job = await ctx.db.documentSnapshot.findUnique({ where: { documentType_documentId: { documentType: kind, documentId: recordId } } });
    if (!job?.renderPending) {
      return alarm(ctx, 'document_unknown', documentId, 'issued legal document has no stored file and no render job');
    }
    // The render job recorded at issue, not done yet (the process stopped after the commit): do it now.
  }
  const stored = await renderAndStore(ctx, kind, recordId, loaded);
  return { ...stored, fileName, owner: loaded.owner };
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
  const file = storagePath(ctx, kind, recordId);
  // Issued documents carry customer names and tax IDs: private to the portal's user, like the database.
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Unique per write: the render job and a download may store the same document at the same moment.
  const tmp = `${file}.${randomUUID()}.tmp`;
  writeFileSync(tmp, bytes, { mode: 0o600 });
  renameSync(tmp, file);
  try {
    await ctx.db.issuedDocument.create({ data: { documentType: kind, documentId: recordId, variant: ORIGINAL, sha256, sizeBytes: bytes.length } });
  } catch {
    // Another request stored it at the same moment; rendering and sealing are deterministic, so the bytes agree.
  }
  await ctx.db.documentSnapshot.updateMany({ where: { documentType: kind, documentId: recordId, renderPending: true }, data: { renderPending: false } });
  await resolveOperatorAlarms(ctx, `${kind}.${recordId}`);
  return { bytes, sha256 };
}

/** Runs the open render jobs, oldest first; a job that fails stays open, is alarmed, and is tried again next time. */
async function storePendingOnce(ctx: AppContext): Promise<void> {
  const jobs = await ctx.db.documentSnapshot.findMany({ where: { renderPending: true }, orderBy: { takenAt: 'asc' } });
  for (const job of jobs) {
    const documentId = `${job.documentType}.${job.documentId}`;
    try {
      const existing = await ctx.db.issuedDocument.findUnique({
        where: { documentType_documentId_variant: { documentType: job.documentType, documentId: job.documentId, variant: ORIGINAL } },
      });
      if (existing) {
        // Stored by a download in the meantime: only the job is left to close.
        await ctx.db.documentSnapshot.update({ where: { id: job.id }, data: { renderPending: false } });
        continue;
      }
      await renderAndStore(ctx, job.documentType, job.documentId, await loadDocumentModel(ctx, documentId));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      await raiseOperatorAlarm(ctx, { kind: 'document_render_failed', subject: documentId, detail }).catch(() => undefined);
    }
  }
}

/**
 * The DocumentIssuer port. Runs are chained, so a run asked for after a commit always starts after
 * it and sees its jobs; concurrent callers share the work instead of rendering the same PDF twice.
 */
export function documentIssuer(ctx: AppContext): DocumentIssuer & { stop(): Promise<void>; startRetries(intervalMs: number): void } {
  let chain: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const storePending = () => {
    chain = chain
      .then(() => storePendingOnce(ctx))
      .catch((error: unknown) => {
        ctx.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'document render jobs failed');
      });
    return chain;
  };
  return {
    storePending,
    /** The worker: jobs left by a stopped process are done at start and retried every `intervalMs`. */
    startRetries(intervalMs) {
      void storePending();
      timer = setInterval(() => void storePending(), intervalMs);
      timer.unref();
    },
    /** No more retries; resolves when the run in progress (if any) has finished. */
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      return chain;
    },
  };
}
