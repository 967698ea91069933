/**
 * Portal document downloads: one PDF (inline or attachment, readable Thai/English file names) and
 * "download all" as one ZIP of exactly the documents the link may see, every year of them. Logged
 * for staff. The first READ_AHEAD_DOCUMENTS documents are read before the headers are sent, so a
 * failure there (for most customers: anywhere) gets an error status; beyond that the ZIP streams,
 * so any number of documents fits (a later failure cuts the connection: a failed download, never a
 * truncated file with 200). A document temporarily unavailable is replaced by a note file.
 */
import { once } from 'node:events';
import type { Router } from 'express';
import { ZipArchive } from 'archiver';
import type { AppContext } from '../../services/context.ts';
import { getDocumentPdf } from '../../documents/document-pdfs.ts';
import { loadDocumentOwner } from '../../documents/document-owner.ts';
import { unicodeSafe } from '../../documents/file-name.ts';
import { parseDocumentId } from '../../portal/document-ids.ts';
import { canSeeDocument } from '../../portal/scope.ts';
import { allPortalDocuments, portalCustomerName } from '../../portal/portal-history.ts';
import { isDomainError, notFound } from '../../domain/errors.ts';
import { contentDisposition } from './content-disposition.ts';
import { MISSING_NOTE_NAME, missingDocumentsNote } from './zip-missing-note.ts';
import { accessMeta } from './request-meta.ts';
import type { WithLink } from './portal-api.ts';

/** How much of a ZIP is read before its first byte goes out: all of it for most customers. */
const READ_AHEAD_DOCUMENTS = 40;
const READ_AHEAD_BYTES = 4 * 1024 * 1024;

interface ZipFile {
  name: string;
  bytes: Buffer;
}

/**
 * The link's documents as ZIP entries, one year at a time. A document that cannot be served as
 * issued (alarmed, 503 on its own) is left out and its number added to `missing`.
 */
async function* zipFiles(ctx: AppContext, link: Parameters<typeof allPortalDocuments>[1], missing: string[]): AsyncGenerator<ZipFile> {
  const used = new Set<string>();
  for await (const doc of allPortalDocuments(ctx, link)) {
    let pdf: Awaited<ReturnType<typeof getDocumentPdf>>;
    try {
      pdf = await getDocumentPdf(ctx, doc.id);
    } catch (error) {
      if (!isDomainError(error, 'UNAVAILABLE')) throw error;
      missing.push(doc.number);
      continue;
    }
    let fileName = pdf.fileName.unicode;
    for (let n = 2; used.has(fileName); n++) fileName = pdf.fileName.unicode.replace(/\.pdf$/, ` (${n}).pdf`);
    used.add(fileName);
    yield { name: fileName, bytes: pdf.bytes };
  }
}

export function registerDocumentRoutes(ctx: AppContext) {
  return (router: Router, withLink: WithLink) => {
    router.get(
      '/documents.zip',
      withLink(async (req, res, link) => {
        const customerName = await portalCustomerName(ctx, link);
        const meta = accessMeta(req);
        ctx.activity.record({
          customerId: link.customerId,
          linkId: link.id,
          action: 'download',
          documentType: 'zip',
          documentId: null,
          ...meta,
          at: ctx.clock.now(),
        });
        const missing: string[] = [];
        const files = zipFiles(ctx, link, missing);
        const ahead: ZipFile[] = [];
        let aheadBytes = 0;
        let more = true;
        while (more && aheadBytes < READ_AHEAD_BYTES && ahead.length < READ_AHEAD_DOCUMENTS) {
          const next = await files.next();
          if (next.done) more = false;
          else {
            ahead.push(next.value);
            aheadBytes += next.value.bytes.length;
          }
        }
        res.setHeader('Content-Type', 'application/zip');
        const name = `${unicodeSafe(customerName) || 'documents'}-documents.zip`;
        res.setHeader('Content-Disposition', contentDisposition('attachment', 'documents.zip', name));
        const zip = new ZipArchive({ zlib: { level: 6 } });
        // Past the headers a failure can only cut the connection (never a 200 that hangs or looks complete).
        zip.on('error', (err: Error) => res.destroy(err));
        zip.pipe(res);
        const date = new Date('2000-01-01T00:00:00Z');
        for (const file of ahead) zip.append(file.bytes, { name: file.name, date });
        if (more) {
          try {
            for await (const file of files) {
              zip.append(file.bytes, { name: file.name, date });
              // A slow phone sets the pace: never more than one document waiting on it.
              if (res.writableNeedDrain) await once(res, 'drain');
            }
          } catch (error) {
            // Detach first: aborting ends the archive stream, which would otherwise end the response
            // cleanly and make the truncated ZIP look complete.
            zip.unpipe(res);
            zip.abort();
            res.destroy(error instanceof Error ? error : new Error(String(error)));
            return;
          }
        }
        if (missing.length > 0) zip.append(missingDocumentsNote(missing), { name: MISSING_NOTE_NAME, date });
        await zip.finalize();
      }),
    );

    router.get(
      '/documents/:documentId',
      withLink(async (req, res, link) => {
        const documentId = String(req.params.documentId).replace(/\.pdf$/, '');
        const parsed = parseDocumentId(documentId);
        if (!parsed) throw notFound('Document');
        // Scope first, with a cheap lookup: another customer's id renders and stores nothing, and
        // gets the same answer as an id that does not exist.
        const owner = await loadDocumentOwner(ctx, documentId);
        if (!owner || !canSeeDocument(link, owner)) throw notFound('Document');
        let pdf: Awaited<ReturnType<typeof getDocumentPdf>>;
        try {
          // ?year=2569 (Buddhist era) chooses the statement's period; other documents have none.
          pdf = await getDocumentPdf(ctx, documentId, parsed.kind === 'statement' && req.query.year !== undefined ? { year: req.query.year } : {});
        } catch (error) {
          // One wording for every kind: the answer must not tell which record type exists.
          throw isDomainError(error, 'NOT_FOUND') ? notFound('Document') : error;
        }
        // Same answer for "not yours" as for "does not exist": nothing to learn by probing ids.
        if (!canSeeDocument(link, pdf.owner)) throw notFound('Document');
        const download = req.query.download !== undefined;
        ctx.activity.record({
          customerId: link.customerId,
          linkId: link.id,
          action: download ? 'download' : 'view',
          documentType: parsed.kind,
          documentId: parsed.recordId,
          ...accessMeta(req),
          at: ctx.clock.now(),
        });
        res.setHeader('Content-Type', 'application/pdf');
        res.setHeader('Content-Disposition', contentDisposition(download ? 'attachment' : 'inline', pdf.fileName.ascii, pdf.fileName.unicode));
        res.setHeader('ETag', `"${pdf.sha256}"`);
        res.end(pdf.bytes);
      }),
    );
  };
}
