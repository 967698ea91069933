/**
 * Turns the lines and tax options of a quote or invoice into stored amounts, applying the
 * business's VAT registration (the rule lives in domain/money.ts: allowedVatModes).
 */
import { computeTotals, resolveVatMode, vatRateFor, type LineInput, type VatMode } from '../domain/money.ts';
import { validation } from '../domain/errors.ts';
import { withholdingBasisPointsOf } from '../domain/totals.ts';

export interface PricingInput {
  lines: LineInput[];
  discountSatang?: number;
  vatMode?: VatMode;
  /** Percent, e.g. 3 for 3%; up to two decimals (1.5%). */
  withholdingPercent?: number;
}

export function priceDocument(business: { vatRegistered: boolean }, input: PricingInput) {
  if (input.lines.length === 0) throw validation('lines', 'at least one line is required');
  const vatMode = resolveVatMode(business.vatRegistered, input.vatMode);
  // Priced and stored at the same rate, so the stored rate always explains the stored VAT.
  const vatRateBasisPoints = vatRateFor(vatMode);
  const withholdingBasisPoints = withholdingBasisPointsOf(input.withholdingPercent ?? 0);
  if (withholdingBasisPoints === null) {
    throw validation('withholdingPercent', 'withholdingPercent must be between 0 and 15 with at most two decimals');
  }
  const totals = computeTotals({
    lines: input.lines,
    discountSatang: input.discountSatang ?? 0,
    vatMode,
    vatRateBasisPoints,
    withholdingBasisPoints,
  });
  return {
    vatMode,
    vatRateBasisPoints,
    withholdingBasisPoints,
    grossSatang: totals.grossSatang,
    discountSatang: totals.discountSatang,
    subtotalSatang: totals.subtotalSatang,
    vatSatang: totals.vatSatang,
    totalSatang: totals.totalSatang,
    withholdingSatang: totals.withholdingSatang,
    netPayableSatang: totals.netPayableSatang,
    lines: totals.lines.map((l, position) => ({ position, ...l })),
  };
}

/** The amounts every created quote and invoice answers with. */
export function totalsView(doc: {
  subtotalSatang: number;
  discountSatang: number;
  vatSatang: number;
  vatMode: string;
  totalSatang: number;
  withholdingSatang: number;
  netPayableSatang: number;
}) {
  return {
    subtotalSatang: doc.subtotalSatang,
    discountSatang: doc.discountSatang,
    vatMode: doc.vatMode as VatMode,
    vatSatang: doc.vatSatang,
    totalSatang: doc.totalSatang,
    withholdingSatang: doc.withholdingSatang,
    netPayableSatang: doc.netPayableSatang,
  };
}
