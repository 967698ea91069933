/** A client's payment notice as staff review it: who, for what, the slip as read, the outcome. */
import { z } from 'zod';
import { NOTICE_STATUSES, type NoticeRow, type NoticeStatus } from '../../../services/payment-notices.ts';
import { INVOICE_STATUSES, invoiceBalanceSatang, type InvoiceStatus } from '../../../domain/invoice-status.ts';
import { DEPOSIT_STATUS_LABELS, type DepositStatus } from '../../../domain/labels.ts';
import { id, instant, iso, isoOrNull, satang } from './common.ts';
import { receiptRefDto, toReceiptRef } from './payment.dto.ts';

export const paymentNoticeDto = z.strictObject({
  id,
  status: z.enum(NOTICE_STATUSES),
  customer: z
    .strictObject({ id, name: z.string(), companyName: z.string().nullable() })
    .nullable()
    .describe('null: a bank-reported payment whose reference names nothing of ours'),
  target: z
    .strictObject({
      kind: z.enum(['invoice', 'deposit']),
      id,
      number: z.string(),
      balanceSatang: satang.describe('Still to pay on the invoice / deposit now'),
    })
    .nullable(),
  amountSatang: satang.describe('What the client says they paid'),
  confirmedSatang: satang.nullable().describe('What staff confirmed'),
  channel: z.string().describe("'web', 'line', or 'bank' (reported by the payment webhook, no slip image)"),
  bankReference1: z.string().nullable().describe('Bill-payment reference 1 as the bank reported it'),
  reviewReason: z
    .string()
    .nullable()
    .describe(
      'Why a bank-reported payment waits for staff: unknown_reference, amount_mismatch, nothing_to_pay, other_biller, or buyer_no_address / buyer_no_branch / buyer_no_name (the tax invoice could not name the buyer)',
    ),
  sentAt: instant,
  paidAt: instant.nullable().describe('When the money arrived, as confirmed by staff'),
  slip: z.strictObject({
    readable: z.boolean().describe('false: no slip QR could be read ("no QR"); check the image'),
    sendingBank: z.string().nullable(),
    transRef: z.string().nullable(),
    url: z.string().nullable().describe('GET (admin key) for the slip image; null without one (bank-reported)'),
  }),
  withholdingCertificate: z.strictObject({ url: z.string() }).nullable(),
  reviewedAt: instant.nullable(),
  reviewedBy: z.string().nullable(),
  rejectReason: z.string().nullable(),
  paymentId: z.string().nullable(),
  taxInvoiceNumber: z.string().nullable(),
  receipt: receiptRefDto.nullable(),
});
export type PaymentNoticeDto = z.infer<typeof paymentNoticeDto>;

export function toPaymentNoticeDto(n: NoticeRow): PaymentNoticeDto {
  const base = `/api/admin/payment-notices/${encodeURIComponent(n.id)}`;
  const target = n.invoice
    ? {
        kind: 'invoice' as const,
        id: n.invoice.id,
        number: n.invoice.number,
        balanceSatang: invoiceBalanceSatang(n.invoice.netPayableSatang, n.invoice.paidSatang),
      }
    : n.deposit
      ? { kind: 'deposit' as const, id: n.deposit.id, number: n.deposit.number, balanceSatang: Math.max(0, n.deposit.requiredSatang - n.deposit.heldSatang) }
      : null;
  const receipt = n.payment?.receipt ?? n.depositCollection?.receipt ?? null;
  return {
    id: n.id,
    status: n.status as NoticeStatus,
    customer: n.customer ? { id: n.customer.id, name: n.customer.name, companyName: n.customer.companyName } : null,
    target,
    amountSatang: n.amountSatang,
    confirmedSatang: n.confirmedSatang,
    channel: n.channel,
    bankReference1: n.bankReference1,
    reviewReason: n.reviewReason,
    sentAt: iso(n.sentAt),
    paidAt: isoOrNull(n.paidAt),
    slip: { readable: n.slipReadable, sendingBank: n.slipSendingBank, transRef: n.slipTransRef, url: n.slipFileId ? `${base}/slip` : null },
    withholdingCertificate: n.withholdingCertFileId ? { url: `${base}/withholding-certificate` } : null,
    reviewedAt: isoOrNull(n.reviewedAt),
    reviewedBy: n.reviewedBy,
    rejectReason: n.rejectReason,
    paymentId: n.payment?.id ?? null,
    taxInvoiceNumber: n.payment?.taxInvoiceNumber ?? null,
    receipt: receipt ? toReceiptRef(receipt) : null,
  };
}

export const paymentNoticeListDto = z.strictObject({ notices: z.array(paymentNoticeDto) });

export const noticeConfirmedDto = z.strictObject({
  notice: paymentNoticeDto,
  receipt: receiptRefDto,
  invoice: z.strictObject({ id, number: z.string(), status: z.enum(INVOICE_STATUSES), paidSatang: satang, balanceSatang: satang }).nullable(),
  deposit: z
    .strictObject({
      id,
      number: z.string(),
      status: z.enum(Object.keys(DEPOSIT_STATUS_LABELS) as [DepositStatus, ...DepositStatus[]]),
      requiredSatang: satang,
      heldSatang: satang,
    })
    .nullable(),
});

export function toNoticeConfirmedDto(r: {
  notice: NoticeRow;
  receipt: { id: string; number: string; type: string };
  invoice: { id: string; number: string; status: InvoiceStatus; paidSatang: number; balanceSatang: number } | null;
  deposit: { id: string; number: string; status: DepositStatus; requiredSatang: number; heldSatang: number } | null;
}): z.infer<typeof noticeConfirmedDto> {
  return {
    notice: toPaymentNoticeDto(r.notice),
    receipt: toReceiptRef(r.receipt),
    invoice: r.invoice
      ? { id: r.invoice.id, number: r.invoice.number, status: r.invoice.status, paidSatang: r.invoice.paidSatang, balanceSatang: r.invoice.balanceSatang }
      : null,
    deposit: r.deposit
      ? { id: r.deposit.id, number: r.deposit.number, status: r.deposit.status, requiredSatang: r.deposit.requiredSatang, heldSatang: r.deposit.heldSatang }
      : null,
  };
}
