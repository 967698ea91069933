/** The documents module as the email channel's attachment source (the same stored, immutable PDFs). */
import type { AppContext } from '../services/context.ts';
import type { DocumentAttachments } from '../messaging/channel-ports.ts';
import { isDomainError } from '../domain/errors.ts';
import { getDocumentPdf } from './document-pdfs.ts';

export function documentAttachments(ctx: AppContext): DocumentAttachments {
  return {
    async pdfFor(documentId) {
      try {
        const pdf = await getDocumentPdf(ctx, documentId);
        return { fileName: pdf.fileName.unicode, content: pdf.bytes };
      } catch (error) {
        if (isDomainError(error, 'NOT_FOUND')) return null;
        throw error;
      }
    },
  };
}
