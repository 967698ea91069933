/**
 * A tax invoice must name the service it is for (Revenue Code s.86/4: name, kind, quantity and
 * value), also when a payment settles only part of the invoice. The part's pre-VAT base is spread
 * over the invoice's lines in proportion to each line's share of the invoice's pre-VAT amount, so
 * every line is printed with what this payment covers of it, and the shares add up to the base.
 */
import { BASIS_POINTS, roundHalfUpDiv } from './money.ts';

export interface PartLine {
  /** The line's pre-VAT value on the invoice (after the invoice discount, VAT backed out). */
  lineBaseSatang: number;
  /** The part of that value this payment covers. */
  shareSatang: number;
}

/** Splits `total` in proportion to `weights`, largest remainders first, so the parts add up to `total`. */
export function allocateProportionally(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) return [];
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (BigInt(total) * BigInt(w)) / BigInt(sum));
  const parts = exact.map(Number);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = weights
    .map((w, i) => ({ i, remainder: (BigInt(total) * BigInt(w)) % BigInt(sum) }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

export function partPaymentLines(lineAmountsSatang: readonly number[], subtotalSatang: number, partBaseSatang: number): PartLine[] {
  const lineBases = allocateProportionally(subtotalSatang, lineAmountsSatang);
  const shares = allocateProportionally(partBaseSatang, lineBases);
  return lineBases.map((lineBaseSatang, i) => ({ lineBaseSatang, shareSatang: shares[i]! }));
}

/** This part's share of the invoice's pre-VAT amount, in basis points (4000 = 40.00 %). */
export function partShareBasisPoints(subtotalSatang: number, partBaseSatang: number): number {
  if (subtotalSatang <= 0) return BASIS_POINTS;
  return roundHalfUpDiv(BigInt(partBaseSatang) * BigInt(BASIS_POINTS), subtotalSatang);
}
