/**
 * Whether a payment fits its invoice: the invoice still takes payments and the amount is no more
 * than the balance. Checked when staff are asked to confirm (bot) and again when the money is
 * recorded, with the same refusals (`details.reason`, error-messages.ts).
 */
import { conflict } from './errors.ts';
import { invoiceBalanceSatang } from './invoice-status.ts';
import type { InvoiceStatus } from './labels.ts';
import { formatBaht } from './money.ts';

const PAYABLE_STATUSES: readonly string[] = ['draft', 'sent', 'partially_paid'] satisfies InvoiceStatus[];

export function assertPaymentFits(invoice: { number: string; status: string; netPayableSatang: number; paidSatang: number }, amountSatang: number): void {
  if (!PAYABLE_STATUSES.includes(invoice.status)) {
    throw conflict(`Invoice ${invoice.number} is ${invoice.status}; it cannot take a payment`, {
      status: invoice.status,
      reason: 'invoice_not_payable',
      number: invoice.number,
    });
  }
  const balance = invoiceBalanceSatang(invoice.netPayableSatang, invoice.paidSatang);
  if (amountSatang > balance) {
    throw conflict(`Payment of ${formatBaht(amountSatang)} is more than the balance due of ${formatBaht(balance)}`, {
      field: 'amountSatang',
      balanceSatang: balance,
      reason: 'overpayment',
      number: invoice.number,
      amountSatang,
    });
  }
}
