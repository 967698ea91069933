import { z } from 'zod';
import { adminRoute } from './admin-route.ts';
import { calendarDate, optionalPrintedMultilineText, pricingFields, satang } from './schemas.ts';
import { createQuote } from '../../services/quotes.ts';
import { quoteDto, toQuoteDto } from './dto/document.dto.ts';

/** What a quote is made of: created with these, and a draft edited with any of them (drafts.routes.ts). */
export const quoteFields = {
  jobId: z.string().min(1).nullish(),
  ...pricingFields,
  validUntil: calendarDate,
  issueDate: calendarDate.optional(),
  depositSatang: satang.optional(),
  notes: optionalPrintedMultilineText(2000),
};

export const quoteRoutes = [
  adminRoute({
    operationId: 'createQuote',
    method: 'post',
    path: '/quotes',
    tag: 'Quotes',
    summary: 'Create a quote (draft), priced with VAT and withholding rules',
    body: z.object({ customerId: z.string().min(1), ...quoteFields }),
    successStatus: 201,
    errors: [503],
    response: quoteDto,
    handler: async ({ ctx, body }) => toQuoteDto(await createQuote(ctx, body)),
  }),
  // POST /quotes/:id/send (mark sent + link + message) lives with the messaging routes.
];
