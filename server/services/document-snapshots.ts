/**
 * Freezes who a document is between, inside the transaction that issues it (gives it its number).
 *
 * Legal documents are also marked `renderPending`: a durable render job recorded in that same
 * transaction. Why a job and not the render itself inside the transaction: rendering a Thai PDF
 * (and sealing a signed quote) takes tens of milliseconds during which SQLite's single writer
 * would be held, and the renderer reads through its own connection, which cannot see the open
 * transaction. The job cannot be lost (it commits or rolls back with the number), its output is
 * fully determined by what the transaction froze (the records and this snapshot), and it runs
 * right after the commit (ctx.documents.storePending), else by the worker's retry, else at the
 * first download — always the same bytes.
 */
import type { Tx } from '../data/database.ts';
import { isStoredAtIssue, serializeParties, takeParties } from '../domain/document-snapshot.ts';
import type { DocumentIssuer } from './ports.ts';
import { getBusiness } from './business.ts';

export interface IssuedDocumentRef {
  /** A portal document kind: 'receipt', 'tax_invoice', 'credit_note', 'signed_quote', 'invoice', 'deposit_request'. */
  kind: string;
  recordId: string;
  customerId: string;
}

/** Records the parties now (once: a document is issued once; a later call keeps the first snapshot). */
export async function snapshotIssuedDocument(tx: Tx, document: IssuedDocumentRef, now: Date): Promise<void> {
  const business = await getBusiness(tx);
  const customer = await tx.customer.findUniqueOrThrow({ where: { id: document.customerId } });
  const parties = serializeParties(takeParties(business, customer));
  await tx.documentSnapshot.upsert({
    where: { documentType_documentId: { documentType: document.kind, documentId: document.recordId } },
    create: { documentType: document.kind, documentId: document.recordId, parties, takenAt: now, renderPending: isStoredAtIssue(document.kind) },
    update: {},
  });
}

/**
 * The document issuer of a use case running inside a caller's transaction (an idempotent request):
 * the render jobs are not committed yet, so storing waits until the caller has committed.
 */
export class HeldDocumentIssuer implements DocumentIssuer {
  #requested = false;

  async storePending(): Promise<void> {
    this.#requested = true;
  }

  /** After the commit. */
  async release(to: DocumentIssuer): Promise<void> {
    if (!this.#requested) return;
    this.#requested = false;
    await to.storePending();
  }
}
