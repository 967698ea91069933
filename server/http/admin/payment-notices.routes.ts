/** Staff review of clients' payment notices (slips sent from the portal). */
import { z } from 'zod';
import { adminRoute, rawBody } from './admin-route.ts';
import { idParams, optionalText, positiveSatang } from './schemas.ts';
import {
  confirmPaymentNotice,
  getPaymentNotice,
  listPaymentNotices,
  NOTICE_STATUSES,
  paymentNoticeFile,
  rejectPaymentNotice,
} from '../../services/payment-notices.ts';
import { noticeConfirmedDto, paymentNoticeDto, paymentNoticeListDto, toNoticeConfirmedDto, toPaymentNoticeDto } from './dto/payment-notice.dto.ts';

/** `2026-11-24` (that day, Bangkok) or a full ISO instant. */
const paidAt = z
  .union([z.iso.datetime({ offset: true }), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD or an ISO 8601 instant')])
  .transform((v) => new Date(v.length === 10 ? `${v}T00:00:00+07:00` : v))
  .refine((d) => !Number.isNaN(d.getTime()), 'must be a real date')
  .describe('When the money arrived: YYYY-MM-DD (Bangkok) or an ISO 8601 instant; default: when the client sent the slip');

export const paymentNoticeRoutes = [
  adminRoute({
    operationId: 'listPaymentNotices',
    method: 'get',
    path: '/payment-notices',
    tag: 'Payments',
    summary: 'Payment notices (slips sent by clients); status=pending_review lists what waits for review, oldest first',
    query: z.object({ status: z.enum(NOTICE_STATUSES).optional(), limit: z.coerce.number().int().min(1).max(500).optional() }),
    response: paymentNoticeListDto,
    handler: async ({ ctx, query }) => ({ notices: (await listPaymentNotices(ctx, query)).map(toPaymentNoticeDto) }),
  }),
  adminRoute({
    operationId: 'getPaymentNotice',
    method: 'get',
    path: '/payment-notices/:id',
    tag: 'Payments',
    summary: 'One payment notice',
    params: idParams,
    errors: [404],
    response: paymentNoticeDto,
    handler: async ({ ctx, params }) => toPaymentNoticeDto(await getPaymentNotice(ctx, params.id)),
  }),
  adminRoute({
    operationId: 'confirmPaymentNotice',
    method: 'post',
    path: '/payment-notices/:id/confirm',
    tag: 'Payments',
    summary: 'Confirm a notice: records the payment (or deposit collection) with its receipt and tax invoice, and tells the client',
    params: idParams,
    body: z.object({ amountSatang: positiveSatang.nullish().describe('What arrived, if not what the client typed'), paidAt: paidAt.nullish() }),
    idempotent: true,
    errors: [404, 409],
    response: noticeConfirmedDto,
    handler: async ({ ctx, params, body, actor }) =>
      toNoticeConfirmedDto(
        await confirmPaymentNotice(ctx, { noticeId: params.id, amountSatang: body.amountSatang ?? null, paidAt: body.paidAt ?? null, reviewedBy: actor }),
      ),
  }),
  adminRoute({
    operationId: 'rejectPaymentNotice',
    method: 'post',
    path: '/payment-notices/:id/reject',
    tag: 'Payments',
    summary: 'Reject a notice (the reason is kept for the record)',
    params: idParams,
    body: z.object({ reason: optionalText(500).describe('Why the payment was not accepted (required)') }),
    errors: [404, 409],
    response: paymentNoticeDto,
    handler: async ({ ctx, params, body, actor }) =>
      toPaymentNoticeDto(await rejectPaymentNotice(ctx, { noticeId: params.id, reason: body.reason ?? '', reviewedBy: actor })),
  }),
  adminRoute({
    operationId: 'getPaymentNoticeSlip',
    method: 'get',
    path: '/payment-notices/:id/slip',
    tag: 'Payments',
    summary: 'The slip image of a notice (JPEG, PNG or WebP)',
    params: idParams,
    errors: [404],
    raw: { contentType: 'image/*' },
    response: rawBody,
    handler: async ({ ctx, params }) => {
      const file = await paymentNoticeFile(ctx, { noticeId: params.id, which: 'slip' });
      return { bytes: file.bytes, contentType: file.mimeType };
    },
  }),
  adminRoute({
    operationId: 'getPaymentNoticeCertificate',
    method: 'get',
    path: '/payment-notices/:id/withholding-certificate',
    tag: 'Payments',
    summary: 'The withholding tax certificate (50 ทวิ) sent with a notice (image or PDF)',
    params: idParams,
    errors: [404],
    raw: { contentType: 'application/octet-stream' },
    response: rawBody,
    handler: async ({ ctx, params }) => {
      const file = await paymentNoticeFile(ctx, { noticeId: params.id, which: 'withholdingCertificate' });
      return { bytes: file.bytes, contentType: file.mimeType };
    },
  }),
];
