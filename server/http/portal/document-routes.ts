/**
 * Portal document downloads: one PDF (inline or attachment, readable Thai/English file names) and
 * "download all" as one streamed ZIP of exactly the documents the link may see. Logged for staff.
 * A ZIP that fails half-way is cut off (errors.ts destroys the connection): the client sees a
 * failed download, never a truncated file with 200.
 */
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
import { accessMeta } from './request-meta.ts';
import type { WithLink } from './portal-api.ts';

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
        res.setHeader('Content-Type', 'application/zip');
        const name = `${unicodeSafe(customerName) || 'documents'}-documents.zip`;
        res.setHeader('Content-Disposition', contentDisposition('attachment', 'documents.zip', name));
        const zip = new ZipArchive({ zlib: { level: 6 } });
        zip.on('error', (err: Error) => res.destroy(err));
        zip.pipe(res);
        const used = new Set<string>();
        try {
          // One at a time: each PDF is appended as soon as it exists, so the download starts at once;
          // the list itself comes a year at a time, so any number of documents streams.
          for await (const doc of allPortalDocuments(ctx, link)) {
            const pdf = await getDocumentPdf(ctx, doc.id);
            let fileName = pdf.fileName.unicode;
            for (let n = 2; used.has(fileName); n++) fileName = pdf.fileName.unicode.replace(/\.pdf$/, ` (${n}).pdf`);
            used.add(fileName);
            zip.append(pdf.bytes, { name: fileName, date: new Date('2000-01-01T00:00:00Z') });
          }
        } catch (error) {
          // Detach first: aborting ends the archive stream, which would otherwise end the response
          // cleanly and make the truncated ZIP look complete.
          zip.unpipe(res);
          zip.abort();
          if (!res.headersSent) res.removeHeader('Content-Disposition');
          throw error;
        }
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
          pdf = await getDocumentPdf(ctx, documentId);
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
