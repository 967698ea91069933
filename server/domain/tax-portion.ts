/**
 * For services the VAT tax point is each receipt of payment (Revenue Code s.78/1), so every
 * payment against an invoice gets a tax invoice for the part of the invoice it settles.
 *
 * Two rules hold at once (docs/decisions/0006-part-payment-vat.md):
 * - every tax invoice is self-consistent: its VAT is its own printed base × rate, rounded half-up;
 * - the tax invoices of a fully paid invoice add up exactly to its pre-VAT amount and its VAT.
 *
 * A part's base is the invoice's pre-VAT amount in proportion to the money settled, moved by the
 * few satang needed so that (a) the VAT so far is still the rate of the base so far and (b) the
 * rest of the invoice, paid in one go, would also be self-consistent. Then the last part, which has
 * no choice (it takes what is left), is self-consistent too. The withholding settled by a payment
 * is proportional to the money (cumulative, so it never drifts).
 */
import { BASIS_POINTS, roundHalfUpDiv } from './money.ts';
import { validation } from './errors.ts';

export interface InvoiceTaxAmounts {
  subtotalSatang: number;
  vatSatang: number;
  /** subtotal + VAT. */
  totalSatang: number;
  withholdingSatang: number;
  netPayableSatang: number;
  /** 700 = 7 %. */
  vatRateBasisPoints: number;
}

/** What the invoice's live (not voided) tax invoices already cover. */
export interface TaxInvoicedSoFar {
  baseSatang: number;
  vatSatang: number;
}

export interface TaxPortion {
  baseSatang: number;
  vatSatang: number;
  totalSatang: number;
}

export interface PaymentSettlement {
  /** Part of the invoice total (after VAT, before withholding) this payment settles. */
  grossSatang: number;
  /** Withholding tax the customer kept on that part. */
  withheldSatang: number;
  /** Money received. */
  cashSatang: number;
}

/** How far (satang) from the proportional base a part's base may move to keep both rules. */
const SEARCH_SATANG = 60;

function cumulative(amount: number, settled: number, net: number): number {
  if (settled >= net) return amount;
  return roundHalfUpDiv(BigInt(amount) * BigInt(settled), net);
}

export function vatOnBase(baseSatang: number, vatRateBasisPoints: number): number {
  return roundHalfUpDiv(BigInt(baseSatang) * BigInt(vatRateBasisPoints), BASIS_POINTS);
}

function checkAmounts(invoice: InvoiceTaxAmounts, paidBeforeSatang: number, amountSatang: number): void {
  const net = invoice.netPayableSatang;
  if (!Number.isSafeInteger(net) || net <= 0) throw validation('netPayableSatang', 'net payable must be greater than zero');
  if (!Number.isSafeInteger(paidBeforeSatang) || paidBeforeSatang < 0)
    throw validation('paidBeforeSatang', 'paid before must be a whole, non-negative number of satang');
  if (!Number.isSafeInteger(amountSatang) || amountSatang <= 0) throw validation('amountSatang', 'amount must be a whole number of satang greater than zero');
  if (paidBeforeSatang + amountSatang > net) throw validation('amountSatang', 'payment is more than the net payable');
}

/** Gross settled, withheld and cash of one payment; over a fully paid invoice they add up to total, withholding and net. */
export function paymentSettlement(invoice: InvoiceTaxAmounts, paidBeforeSatang: number, amountSatang: number): PaymentSettlement {
  checkAmounts(invoice, paidBeforeSatang, amountSatang);
  const net = invoice.netPayableSatang;
  const after = paidBeforeSatang + amountSatang;
  const withheldSatang = cumulative(invoice.withholdingSatang, after, net) - cumulative(invoice.withholdingSatang, paidBeforeSatang, net);
  return { grossSatang: amountSatang + withheldSatang, withheldSatang, cashSatang: amountSatang };
}

export function paymentTaxPortion(invoice: InvoiceTaxAmounts, paidBeforeSatang: number, amountSatang: number, soFar: TaxInvoicedSoFar): TaxPortion {
  checkAmounts(invoice, paidBeforeSatang, amountSatang);
  const { subtotalSatang: S, vatSatang: V, vatRateBasisPoints: rate, netPayableSatang: net } = invoice;
  const B = soFar.baseSatang;
  const Vc = soFar.vatSatang;
  const after = paidBeforeSatang + amountSatang;
  // The last payment takes exactly what is left, so the parts add up to the invoice.
  if (after >= net) return portion(S - B, V - Vc);

  const vat = (base: number) => vatOnBase(base, rate);
  const targetBase = cumulative(S, after, net);
  // Where the tax invoices' running total should be after this payment: the money settled so far.
  const targetTotal = grossSettled(invoice, after);
  const totalSoFar = B + Vc;
  // This part's VAT is the rate of its own base, and what is left would be self-consistent as one last part.
  const fits = (cum: number) => cum >= B && cum <= S && V - Vc - vat(cum - B) === vat(S - cum);
  let best: number | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let delta = -SEARCH_SATANG; delta <= SEARCH_SATANG; delta++) {
    const cum = targetBase + delta;
    if (!fits(cum)) continue;
    const score = Math.abs(totalSoFar + cum - B + vat(cum - B) - targetTotal) * 1000 + Math.abs(delta);
    if (score < bestScore) {
      best = cum;
      bestScore = score;
    }
  }
  // Not reached for invoices issued here (the property test sweeps them); kept so an odd history
  // (a voided part in the middle) still gets a self-consistent part, the last one absorbing the rest.
  const base = (best ?? Math.min(S, Math.max(B, targetBase))) - B;
  return portion(base, vat(base));
}

/** Invoice total (before withholding) settled once `settled` satang of the net payable are paid. */
function grossSettled(invoice: InvoiceTaxAmounts, settled: number): number {
  return settled + cumulative(invoice.withholdingSatang, settled, invoice.netPayableSatang);
}

function portion(baseSatang: number, vatSatang: number): TaxPortion {
  return { baseSatang, vatSatang, totalSatang: baseSatang + vatSatang };
}
