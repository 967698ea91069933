import { z } from 'zod';
import { adminRoute } from './admin-route.ts';
import { idParams, optionalPrintedText } from './schemas.ts';
import { voidPayment } from '../../services/payment-void.ts';
import { getPayment } from '../../services/payment-queries.ts';
import { paymentDto, paymentVoidedDto, toPaymentDto, toPaymentVoidedDto } from './dto/payment.dto.ts';

export const paymentRoutes = [
  adminRoute({
    operationId: 'getPayment',
    method: 'get',
    path: '/payments/:id',
    tag: 'Payments',
    summary: 'A payment with its receipt (cancelled or not), tax invoice and credit note',
    params: idParams,
    errors: [404],
    response: paymentDto,
    handler: async ({ ctx, params }) => toPaymentDto(await getPayment(ctx, params.id)),
  }),
  adminRoute({
    operationId: 'voidPayment',
    ownerOnly: true,
    method: 'post',
    path: '/payments/:id/void',
    tag: 'Payments',
    summary: 'Void a confirmed payment recorded in error (owner): the receipt is cancelled, a credit note reverses its tax invoice, the balance returns',
    params: idParams,
    body: z.object({ reason: optionalPrintedText(500) }),
    idempotent: true,
    errors: [404, 409],
    response: paymentVoidedDto,
    handler: async ({ ctx, params, body, actor }) =>
      toPaymentVoidedDto(await voidPayment(ctx, { paymentId: params.id, reason: body.reason ?? '', voidedBy: actor })),
  }),
];
