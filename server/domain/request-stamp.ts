/**
 * The state a request for payment states on its face when it is downloaded (labels.ts
 * REQUEST_STAMP_LABELS). An invoice or a deposit request is not a legal record: the printed copy
 * says what is true now, so a forwarded PDF never asks for money already paid or never owed.
 */
import type { InvoiceStatus, RequestStamp } from './labels.ts';
import { depositOutstandingSatang, type DepositAmounts } from './deposit-status.ts';

export type { RequestStamp };

/** null: an unpaid, issued invoice (the request itself, nothing to stamp). */
export function invoiceStamp(invoice: { status: InvoiceStatus; paidSatang: number }, amountDueSatang: number): RequestStamp | null {
  if (invoice.status === 'draft' || invoice.status === 'void') return invoice.status;
  if (invoice.paidSatang > 0) return amountDueSatang > 0 ? 'partially_paid' : 'paid';
  return null;
}

/** Collected once the full amount is held (whatever happened after: returns are their own receipts). */
export function depositRequestStamp(deposit: DepositAmounts): RequestStamp | null {
  const settled = deposit.returnedSatang + deposit.deductedSatang > 0;
  if (settled || deposit.heldSatang >= deposit.requiredSatang) return 'collected';
  return deposit.heldSatang > 0 && depositOutstandingSatang(deposit) > 0 ? 'partially_paid' : null;
}
