import { z } from 'zod';
import { adminRoute } from './admin-route.ts';
import { calendarDate, idParams, optionalText, pricingFields, satang } from './schemas.ts';
import { createQuote, markQuoteSent } from '../../services/quotes.ts';
import { documentView } from './document-view.ts';

export const quoteRoutes = [
  adminRoute({
    method: 'post', path: '/quotes', tag: 'Quotes', summary: 'Create a quote (draft), priced with VAT and withholding rules',
    body: z.object({
      customerId: z.string().min(1),
      jobId: z.string().min(1).nullish(),
      ...pricingFields,
      validUntil: calendarDate,
      issueDate: calendarDate.optional(),
      depositSatang: satang.optional(),
      notes: optionalText(2000),
    }),
    successStatus: 201, errors: [503],
    handler: async ({ ctx, body }) => documentView(await createQuote(ctx, body)),
  }),
  adminRoute({
    method: 'post', path: '/quotes/:id/send', tag: 'Quotes', summary: 'Mark a quote as sent to the client',
    params: idParams, errors: [404, 409],
    handler: async ({ ctx, params }) => documentView(await markQuoteSent(ctx, params.id)),
  }),
];
