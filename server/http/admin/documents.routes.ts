import { z } from 'zod';
import { adminRoute, rawBody } from './admin-route.ts';
import { getDocumentPdf } from '../../documents/document-pdfs.ts';

export const documentRoutes = [
  adminRoute({
    operationId: 'getDocumentPdf',
    method: 'get',
    path: '/documents/:documentId',
    tag: 'Documents',
    summary:
      "Any document's PDF by portal document id: quote.<id>, signed_quote.<id>, invoice.<id>, tax_invoice.<id>, receipt.<id>, deposit_request.<id>, credit_note.<payment id>, statement.<customer id> (the last 12 months)",
    params: z.object({ documentId: z.string().regex(/^[a-z_]+\.[A-Za-z0-9_-]{1,64}(\.pdf)?$/, 'must look like invoice.<id>') }),
    errors: [404],
    raw: { contentType: 'application/pdf' },
    response: rawBody,
    handler: async ({ ctx, params }) => {
      const pdf = await getDocumentPdf(ctx, params.documentId.replace(/\.pdf$/, ''));
      return { bytes: pdf.bytes, fileName: pdf.fileName.ascii };
    },
  }),
];
