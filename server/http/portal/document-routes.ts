/**
 * Portal document downloads: one PDF (inline or attachment, readable Thai/English file names) and
 * "download all" as one ZIP of exactly the documents the link may see. Logged for staff.
 * The ZIP's documents are all read before its headers are sent, so a failure gets an error status;
 * a document temporarily unavailable is replaced by a note file.
 */
import type { Router } from 'express';
import { ZipArchive } from 'archiver';
import type { AppContext } from '../../services/context.ts';
import { getDocumentPdf } from '../../documents/document-pdfs.ts';
import { loadDocumentOwner } from '../../documents/document-owner.ts';
import { unicodeSafe } from '../../documents/file-name.ts';
import { parseDocumentId } from '../../portal/document-ids.ts';
import { canSeeDocument } from '../../portal/scope.ts';
import { buildPortalData } from '../../portal/build-portal-view.ts';
import { isDomainError, notFound } from '../../domain/errors.ts';
import { contentDisposition } from './content-disposition.ts';
import { MISSING_NOTE_NAME, missingDocumentsNote } from './zip-missing-note.ts';
import { accessMeta } from './request-meta.ts';
import type { WithLink } from './portal-api.ts';

export function registerDocumentRoutes(ctx: AppContext) {
  return (router: Router, withLink: WithLink) => {
    router.get(
      '/documents.zip',
      withLink(async (req, res, link) => {
        const data = await buildPortalData(ctx, link);
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
        // Every PDF is read (and checked) BEFORE the first byte goes out, so a failure still gets a
        // proper status. A document that cannot be served as issued (alarmed, 503 on its own) is left
        // out with a note inside the ZIP: the client still gets everything else, and knows.
        const files: { name: string; bytes: Buffer }[] = [];
        const missing: string[] = [];
        const used = new Set<string>();
        for (const doc of data.documents) {
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
          files.push({ name: fileName, bytes: pdf.bytes });
        }
        res.setHeader('Content-Type', 'application/zip');
        const name = `${unicodeSafe(data.customer.name) || 'documents'}-documents.zip`;
        res.setHeader('Content-Disposition', contentDisposition('attachment', 'documents.zip', name));
        const zip = new ZipArchive({ zlib: { level: 6 } });
        // Past the headers only the archiver itself can fail: cut the connection (never a 200 that hangs).
        zip.on('error', (err: Error) => res.destroy(err));
        zip.pipe(res);
        const date = new Date('2000-01-01T00:00:00Z');
        for (const file of files) zip.append(file.bytes, { name: file.name, date });
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
