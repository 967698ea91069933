import { z } from 'zod';
import { adminRoute } from './admin-route.ts';
import { optionalText, text } from './schemas.ts';
import { getBusiness, saveBusiness } from '../../services/business.ts';
import { businessDto, toBusinessDto } from './dto/business.dto.ts';

export const businessRoutes = [
  adminRoute({
    operationId: 'getBusiness', method: 'get', path: '/business', tag: 'Business', summary: 'The business profile', errors: [503],
    response: businessDto,
    handler: async ({ ctx }) => toBusinessDto(await getBusiness(ctx.db)),
  }),
  adminRoute({
    operationId: 'saveBusiness', method: 'put', path: '/business', tag: 'Business', summary: 'Create or replace the business profile',
    body: z.object({
      name: text(200),
      nameEn: text(200),
      address: text(500),
      addressEn: optionalText(500),
      // Every document prints the seller's 13-digit tax id (a citizen id for a sole trader).
      taxId: z.string().regex(/^\d{13}$/, 'must be 13 digits'),
      branchCode: z.string().regex(/^\d{5}$/, 'must be 5 digits').optional(),
      vatRegistered: z.boolean(),
      promptPayId: z.string().regex(/^(\d{10}|\d{13}|\d{15})$/, 'must be a 10-digit phone, 13-digit tax id or 15-digit e-wallet id'),
      promptPayName: text(200),
      phone: optionalText(50),
      email: z.string().email().nullish(),
      lineOaId: z.string().regex(/^@[A-Za-z0-9._-]{2,40}$/, 'must look like @yourshop').nullish(),
    }),
    response: businessDto,
    handler: async ({ ctx, body }) => toBusinessDto(await saveBusiness(ctx, body)),
  }),
];
