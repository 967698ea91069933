/**
 * The current state printed on a request for payment (invoice, deposit request): not a legal
 * record, so every download shows what is true now — paid so far, the balance, a stamp, and a QR
 * for exactly what is due to the business's current PromptPay payee (none when nothing is due).
 * The amounts come from the same domain functions as the portal's Pay block.
 */
import { depositOutstandingSatang, type DepositAmounts } from '../domain/deposit-status.ts';
import { invoiceAmountDueSatang, type InvoiceStatus } from '../domain/invoice-status.ts';
import { depositRequestStamp, invoiceStamp } from '../domain/request-stamp.ts';
import { amountDuePayload } from '../payments/promptpay.ts';
import type { DepositRequestDocument, DocumentStamp, InvoiceDocument } from './document-model.ts';

type Payee = { promptPayId: string; promptPayBillerId: string | null };

export function invoiceRequestState(
  invoice: { status: string; number: string; netPayableSatang: number; paidSatang: number; voidReason: string | null },
  payee: Payee,
): Pick<InvoiceDocument, 'paidSatang' | 'balanceSatang' | 'promptPayPayload' | 'stamp'> {
  const status = invoice.status as InvoiceStatus;
  const due = invoiceAmountDueSatang({ status, netPayableSatang: invoice.netPayableSatang, paidSatang: invoice.paidSatang });
  const kind = invoiceStamp({ status, paidSatang: invoice.paidSatang }, due);
  const stamp: DocumentStamp | null = kind === null ? null : { kind, balanceSatang: due, reason: kind === 'void' ? invoice.voidReason : null };
  return {
    // A void invoice settles nothing and asks for nothing: no paid/balance rows.
    paidSatang: status === 'void' ? 0 : invoice.paidSatang,
    balanceSatang: due,
    promptPayPayload: amountDuePayload(payee, due, invoice.number),
    stamp,
  };
}

export function depositRequestState(
  deposit: DepositAmounts & { number: string },
  payee: Payee,
): Pick<DepositRequestDocument, 'collectedSatang' | 'balanceSatang' | 'promptPayPayload' | 'stamp'> {
  const due = depositOutstandingSatang(deposit);
  const kind = depositRequestStamp(deposit);
  return {
    collectedSatang: Math.min(deposit.heldSatang, deposit.requiredSatang),
    balanceSatang: due,
    promptPayPayload: amountDuePayload(payee, due, deposit.number),
    stamp: kind === null ? null : { kind, balanceSatang: due },
  };
}
