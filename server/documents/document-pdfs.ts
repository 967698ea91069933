/**
 * Issued documents never change: the first render of an issued document is stored under
 * DATA_DIR/documents and its SHA-256 recorded (IssuedDocument); every later download returns those
 * exact bytes, even if the business later changes its address. Drafts and requests for payment
 * (invoice, deposit request: request-state.ts) are rendered on demand with their current state and
 * never stored.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../services/context.ts';
import type { DocumentIssuer } from '../services/ports.ts';
import { DomainError } from '../domain/errors.ts';
import { loadDocumentModel, type DocumentOwner } from './load-document-model.ts';
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

function storagePath(ctx: AppContext, documentId: string): string {
  const { kind, recordId } = parseDocumentId(documentId)!;
  return path.join(ctx.config.dataDir, 'documents', kind, `${recordId}.pdf`);
}

export async function getDocumentPdf(ctx: AppContext, documentId: string, options: StatementOptions = {}): Promise<DocumentPdf> {
  const statement = parseDocumentId(documentId);
  const loaded = statement?.kind === 'statement' ? await loadStatement(ctx, statement.recordId, options) : await loadDocumentModel(ctx, documentId);
  const fileName = documentFileName(loaded.model);
  const { kind, recordId } = parseDocumentId(documentId)!;
  const file = storagePath(ctx, documentId);
  if (loaded.issued) {
    const record = await ctx.db.issuedDocument.findUnique({
      where: { documentType_documentId_variant: { documentType: kind, documentId: recordId, variant: 'original' } },
    });
    if (record && existsSync(file)) {
      const bytes = readFileSync(file);
      const sha256 = sha256Hex(bytes);
      if (sha256 !== record.sha256) {
        // Tampering or disk corruption: refuse rather than hand out a document that differs from the issued one.
        ctx.logger.error({ documentId, expected: record.sha256, actual: sha256 }, 'stored document does not match its recorded SHA-256');
        throw new DomainError('UNAVAILABLE', 'This document cannot be provided right now');
      }
      return { bytes, sha256, fileName, owner: loaded.owner };
    }
  }
  let bytes = await renderDocumentPdf(loaded.model);
  if (loaded.model.kind === 'signed_quote') {
    // Sealed at issue: the stored bytes carry the business's PAdES signature (seal-pdf.ts).
    bytes = await ctx.pdfSealer.seal(bytes, {
      businessName: loaded.model.seller.nameEn || loaded.model.seller.name,
      signingTime: new Date(loaded.model.signature.signedAtIso),
    });
  }
  const sha256 = sha256Hex(bytes);
  if (!loaded.issued) return { bytes, sha256, fileName, owner: loaded.owner };
  // Issued documents carry customer names and tax IDs: private to the portal's user, like the database.
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, bytes, { mode: 0o600 });
  renameSync(tmp, file);
  try {
    await ctx.db.issuedDocument.create({ data: { documentType: kind, documentId: recordId, variant: 'original', sha256, sizeBytes: bytes.length } });
  } catch {
    // Another request issued it at the same moment; rendering and sealing are deterministic, so the bytes agree.
  }
  return { bytes, sha256, fileName, owner: loaded.owner };
}

/** The DocumentIssuer port: renders (and seals) an issued document now and stores it. */
export function documentIssuer(ctx: AppContext): DocumentIssuer {
  return { issue: async (documentId) => ({ sha256: (await getDocumentPdf(ctx, documentId)).sha256 }) };
}
