import { z } from 'zod';
import { adminRoute } from './admin-route.ts';
import { calendarDate, idParams, optionalPrintedMultilineText, optionalPrintedText, paymentMethod, positiveSatang, pricingFields } from './schemas.ts';
import { createInvoice, voidInvoice } from '../../services/invoices.ts';
import { recordPayment } from '../../services/payments.ts';
import { invoiceDto, toInvoiceDto } from './dto/document.dto.ts';
import { paymentRecordedDto, toPaymentRecordedDto } from './dto/payment.dto.ts';

/** What an invoice is made of: created with these, and a draft edited with any of them (drafts.routes.ts). */
export const invoiceFields = {
  jobId: z.string().min(1).nullish(),
  ...pricingFields,
  dueDate: calendarDate,
  issueDate: calendarDate.optional(),
  notes: optionalPrintedMultilineText(2000),
};

export const invoiceRoutes = [
  adminRoute({
    operationId: 'createInvoice',
    method: 'post',
    path: '/invoices',
    tag: 'Invoices',
    summary: 'Create an invoice (draft), priced with VAT and withholding rules',
    body: z.object({ customerId: z.string().min(1), quoteId: z.string().min(1).nullish(), ...invoiceFields }),
    successStatus: 201,
    errors: [503],
    response: invoiceDto,
    handler: async ({ ctx, body }) => toInvoiceDto(await createInvoice(ctx, body)),
  }),
  adminRoute({
    operationId: 'voidInvoice',
    ownerOnly: true,
    method: 'post',
    path: '/invoices/:id/void',
    tag: 'Invoices',
    summary: 'Void an unpaid invoice',
    params: idParams,
    body: z.object({ reason: optionalPrintedText(500) }),
    errors: [404, 409],
    response: invoiceDto,
    handler: async ({ ctx, params, body }) => toInvoiceDto(await voidInvoice(ctx, params.id, body.reason ?? null)),
  }),
  adminRoute({
    operationId: 'recordPayment',
    method: 'post',
    path: '/invoices/:id/payments',
    tag: 'Payments',
    summary: 'Record a confirmed payment; issues its receipt',
    params: idParams,
    body: z.object({ amountSatang: positiveSatang, method: paymentMethod, reference: optionalPrintedText(200) }),
    idempotent: true,
    successStatus: 201,
    errors: [404, 409],
    response: paymentRecordedDto,
    handler: async ({ ctx, params, body, actor }) =>
      toPaymentRecordedDto(
        await recordPayment(ctx, {
          invoiceId: params.id,
          amountSatang: body.amountSatang,
          method: body.method,
          reference: body.reference ?? null,
          recordedBy: actor,
        }),
      ),
  }),
];
