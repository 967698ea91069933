/** A recorded payment: the payment, its receipt and the invoice after it. */
import { z } from 'zod';
import { INVOICE_STATUSES, type InvoiceStatus } from '../../../domain/invoice-status.ts';
import { PAYMENT_STATUSES, type PaymentStatus } from '../../../domain/payment-status.ts';
import type { ReceiptType } from '../../../domain/receipt-types.ts';
import { id, instant, iso, isoOrNull, satang } from './common.ts';

export const receiptRefDto = z.strictObject({ id, number: z.string(), type: z.enum(['RC', 'PREREC', 'DEPR', 'DEPRR']) });
export type ReceiptRefDto = z.infer<typeof receiptRefDto>;

export function toReceiptRef(receipt: { id: string; number: string; type: string }): ReceiptRefDto {
  return { id: receipt.id, number: receipt.number, type: receipt.type as ReceiptType };
}

export const paymentRecordedDto = z.strictObject({
  payment: z.strictObject({ id, amountSatang: satang, status: z.literal('confirmed'), taxInvoiceNumber: z.string().nullable() }),
  receipt: receiptRefDto,
  invoice: z.strictObject({ id, number: z.string(), status: z.enum(INVOICE_STATUSES), paidSatang: satang, balanceSatang: satang }),
});
export type PaymentRecordedDto = z.infer<typeof paymentRecordedDto>;

interface PaymentRecorded {
  payment: { id: string; amountSatang: number; taxInvoiceNumber: string | null };
  receipt: { id: string; number: string; type: string };
  invoice: { id: string; number: string; status: InvoiceStatus; paidSatang: number; balanceSatang: number };
}

export function toPaymentRecordedDto(r: PaymentRecorded): PaymentRecordedDto {
  return {
    payment: { id: r.payment.id, amountSatang: r.payment.amountSatang, status: 'confirmed', taxInvoiceNumber: r.payment.taxInvoiceNumber },
    receipt: toReceiptRef(r.receipt),
    invoice: { id: r.invoice.id, number: r.invoice.number, status: r.invoice.status, paidSatang: r.invoice.paidSatang, balanceSatang: r.invoice.balanceSatang },
  };
}

/** A voided payment: its cancelled receipt and, for a tax invoice, the credit note that reverses it. */
export const paymentVoidedDto = z.strictObject({
  payment: z.strictObject({
    id,
    amountSatang: satang,
    status: z.literal('void'),
    voidedAt: instant,
    voidReason: z.string(),
    taxInvoiceNumber: z.string().nullable(),
    creditNote: z.strictObject({ number: z.string(), documentId: z.string() }).nullable(),
  }),
  receipt: z.strictObject({ id, number: z.string(), type: receiptRefDto.shape.type, cancelledAt: instant }).nullable(),
  invoice: z.strictObject({ id, number: z.string(), status: z.enum(INVOICE_STATUSES), paidSatang: satang, balanceSatang: satang }),
});
export type PaymentVoidedDto = z.infer<typeof paymentVoidedDto>;

interface PaymentVoided {
  payment: { id: string; amountSatang: number; voidedAt: Date; voidReason: string; taxInvoiceNumber: string | null; creditNoteNumber: string | null };
  receipt: { id: string; number: string; type: string; cancelledAt: Date } | null;
  invoice: { id: string; number: string; status: InvoiceStatus; paidSatang: number; balanceSatang: number };
}

export function toPaymentVoidedDto(r: PaymentVoided): PaymentVoidedDto {
  const p = r.payment;
  return {
    payment: {
      id: p.id,
      amountSatang: p.amountSatang,
      status: 'void',
      voidedAt: iso(p.voidedAt),
      voidReason: p.voidReason,
      taxInvoiceNumber: p.taxInvoiceNumber,
      creditNote: p.creditNoteNumber ? { number: p.creditNoteNumber, documentId: `credit_note.${p.id}` } : null,
    },
    receipt: r.receipt ? { ...toReceiptRef(r.receipt), cancelledAt: iso(r.receipt.cancelledAt) } : null,
    invoice: { id: r.invoice.id, number: r.invoice.number, status: r.invoice.status, paidSatang: r.invoice.paidSatang, balanceSatang: r.invoice.balanceSatang },
  };
}

/** One payment as staff see it, with what was issued for it and whether it was voided. */
export const paymentDto = z.strictObject({
  id,
  invoiceId: id,
  customerId: id,
  amountSatang: satang,
  method: z.string(),
  reference: z.string().nullable(),
  status: z.enum(PAYMENT_STATUSES),
  receivedAt: instant,
  taxInvoiceNumber: z.string().nullable(),
  creditNoteNumber: z.string().nullable(),
  voidedAt: instant.nullable(),
  voidReason: z.string().nullable(),
  receipt: z
    .strictObject({
      id,
      number: z.string(),
      type: receiptRefDto.shape.type,
      cancelled: z.boolean(),
      cancelledAt: instant.nullable(),
      cancelReason: z.string().nullable(),
    })
    .nullable(),
});
export type PaymentDto = z.infer<typeof paymentDto>;

export function toPaymentDto(p: {
  id: string;
  invoiceId: string;
  customerId: string;
  amountSatang: number;
  method: string;
  reference: string | null;
  status: string;
  receivedAt: Date;
  taxInvoiceNumber: string | null;
  creditNoteNumber: string | null;
  voidedAt: Date | null;
  voidReason: string | null;
  receipt: { id: string; number: string; type: string; cancelledAt: Date | null; cancelReason: string | null } | null;
}): PaymentDto {
  return {
    id: p.id,
    invoiceId: p.invoiceId,
    customerId: p.customerId,
    amountSatang: p.amountSatang,
    method: p.method,
    reference: p.reference,
    status: p.status as PaymentStatus,
    receivedAt: iso(p.receivedAt),
    taxInvoiceNumber: p.taxInvoiceNumber,
    creditNoteNumber: p.creditNoteNumber,
    voidedAt: isoOrNull(p.voidedAt),
    voidReason: p.voidReason,
    receipt: p.receipt
      ? {
          ...toReceiptRef(p.receipt),
          cancelled: p.receipt.cancelledAt !== null,
          cancelledAt: isoOrNull(p.receipt.cancelledAt),
          cancelReason: p.receipt.cancelReason,
        }
      : null,
  };
}
