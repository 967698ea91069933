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
import { businessDto, businessLogoDto, currentLogoDto, removedLogoDto, toBusinessDto } from './dto/business.dto.ts';
import { businessLogoInfo, businessLogoPath, removeBusinessLogo, saveBusinessLogo, type BusinessLogoInfo } from '../../services/business-logo.ts';
import { iso } from './dto/common.ts';

const logoDto = (logo: BusinessLogoInfo) => ({ ...logo, url: businessLogoPath(logo.sha256), updatedAt: iso(logo.updatedAt) });

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
  adminRoute({
    operationId: 'saveBusinessLogo',
    ownerOnly: true,
    method: 'put',
    path: '/business/logo',
    tag: 'Business',
    summary: 'Upload the business logo (PNG or JPEG, base64, at most 500 KB); stored as PNG of at most 512 px a side',
    errors: [413],
    body: z.strictObject({
      image: z.base64('image must be base64 (PNG or JPEG bytes)'),
    }),
    response: businessLogoDto,
    handler: async ({ ctx, body }) => logoDto(await saveBusinessLogo(ctx, { image: Buffer.from(body.image, 'base64') })),
  }),
  adminRoute({
    operationId: 'getBusinessLogo',
    method: 'get',
    path: '/business/logo',
    tag: 'Business',
    summary: 'The business logo, if any (its public URL, size and fingerprint)',
    response: currentLogoDto,
    handler: async ({ ctx }) => {
      const logo = await businessLogoInfo(ctx.db);
      return { logo: logo ? logoDto(logo) : null };
    },
  }),
  adminRoute({
    operationId: 'removeBusinessLogo',
    ownerOnly: true,
    method: 'delete',
    path: '/business/logo',
    tag: 'Business',
    summary: 'Remove the business logo (documents and the portal then show none)',
    response: removedLogoDto,
    handler: async ({ ctx }) => {
      await removeBusinessLogo(ctx);
      return { removed: true as const };
    },
  }),
];
