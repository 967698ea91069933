/**
 * For services the VAT tax point is each receipt of payment (Revenue Code s.78/1), so every
 * payment against an invoice gets a tax invoice for the part of the invoice it settles.
 *
 * The part is proportional to money settled: a payment P against a net payable N settles P/N of
 * the invoice (withholding tax is settled in the same proportion). Portions are computed
 * cumulatively — (paid so far) minus (paid before) — so rounding never drifts: the tax invoices of
 * a fully paid invoice add up exactly to its pre-VAT amount and its VAT.
 */
import { roundHalfUpDiv } from './money.ts';
import { validation } from './errors.ts';

export interface InvoiceTaxAmounts {
  subtotalSatang: number;
  vatSatang: number;
  netPayableSatang: number;
}

export interface TaxPortion {
  baseSatang: number;
  vatSatang: number;
  totalSatang: number;
}

function cumulative(amount: number, settled: number, net: number): number {
  if (settled >= net) return amount;
  return roundHalfUpDiv(BigInt(amount) * BigInt(settled), net);
}

export function paymentTaxPortion(invoice: InvoiceTaxAmounts, paidBeforeSatang: number, amountSatang: number): TaxPortion {
  const net = invoice.netPayableSatang;
  if (!Number.isSafeInteger(net) || net <= 0) throw validation('netPayableSatang', 'net payable must be greater than zero');
  if (!Number.isSafeInteger(paidBeforeSatang) || paidBeforeSatang < 0)
    throw validation('paidBeforeSatang', 'paid before must be a whole, non-negative number of satang');
  if (!Number.isSafeInteger(amountSatang) || amountSatang <= 0) throw validation('amountSatang', 'amount must be a whole number of satang greater than zero');
  if (paidBeforeSatang + amountSatang > net) throw validation('amountSatang', 'payment is more than the net payable');
  const after = paidBeforeSatang + amountSatang;
  const baseSatang = cumulative(invoice.subtotalSatang, after, net) - cumulative(invoice.subtotalSatang, paidBeforeSatang, net);
  const vatSatang = cumulative(invoice.vatSatang, after, net) - cumulative(invoice.vatSatang, paidBeforeSatang, net);
  return { baseSatang, vatSatang, totalSatang: baseSatang + vatSatang };
}
