/** A recorded payment: the payment, its receipt and the invoice after it. */
import { z } from 'zod';
import { INVOICE_STATUSES, type InvoiceStatus } from '../../../domain/invoice-status.ts';
import type { ReceiptType } from '../../../domain/receipt-types.ts';
import { id, satang } from './common.ts';

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
