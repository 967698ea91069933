import { z } from 'zod';
import { adminRoute } from './admin-route.ts';
import {
  billerId,
  keepWholeWords,
  optionalPrintedMultilineText,
  optionalPrintedText,
  optionalText,
  printedMultilineText,
  printedText,
  promptPayId,
  thaiTaxId,
} from './schemas.ts';
import { getBusiness, saveBusiness } from '../../services/business.ts';
import { businessDto, toBusinessDto } from './dto/business.dto.ts';

export const businessRoutes = [
  adminRoute({
    operationId: 'getBusiness',
    method: 'get',
    path: '/business',
    tag: 'Business',
    summary: 'The business profile',
    errors: [503],
    response: businessDto,
    handler: async ({ ctx }) => toBusinessDto(await getBusiness(ctx.db)),
  }),
  adminRoute({
    operationId: 'saveBusiness',
    ownerOnly: true,
    method: 'put',
    path: '/business',
    tag: 'Business',
    summary: 'Create or replace the business profile',
    body: z.object({
      name: printedText(200),
      nameEn: printedText(200),
      address: printedMultilineText(500),
      addressEn: optionalPrintedMultilineText(500),
      // Every document prints the seller's 13-digit tax id (a citizen id for a sole trader).
      taxId: thaiTaxId,
      branchCode: z
        .string()
        .regex(/^\d{5}$/, 'must be 5 digits')
        .optional(),
      vatRegistered: z.boolean(),
      promptPayId,
      promptPayName: printedText(200),
      // With one, invoice and deposit QRs are bill payments naming the document (tag 30), which the
      // bank can report back (POST /api/webhooks/payments); null or absent: plain PromptPay (tag 29).
      promptPayBillerId: billerId.nullish(),
      phone: optionalPrintedText(50),
      email: z.string().email().nullish(),
      lineOaId: z
        .string()
        .regex(/^@[A-Za-z0-9._-]{2,40}$/, 'must look like @yourshop')
        .nullish(),
      // Opens every SMS; short so a Thai SMS (UCS-2) still fits in two segments.
      smsSenderName: optionalText(11),
      // Absent: the stored list is kept.
      keepWholeWords: keepWholeWords.optional(),
    }),
    response: businessDto,
    handler: async ({ ctx, body }) => toBusinessDto(await saveBusiness(ctx, body)),
  }),
];
