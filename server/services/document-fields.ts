/**
 * The printed facts of a quote (and the lines/totals of any priced document), built once from the
 * stored rows: the PDF (documents/load-document-model.ts) and the portal page
 * (portal/build-portal-view.ts) both take them from here, so the page shows exactly what the PDF
 * prints. Nothing is recomputed: amounts are what was stored when the document was priced.
 */
import { quantityFromMilli } from '../domain/money.ts';

export interface PrintedLine {
  description: string;
  /** Units, may be fractional (1.5 days). */
  quantity: number;
  unitPriceSatang: number;
  amountSatang: number;
}

export interface PrintedTotals {
  grossSatang: number;
  discountSatang: number;
  subtotalSatang: number;
  vatSatang: number;
  vatMode: 'exclusive' | 'inclusive' | 'none';
  vatRateBasisPoints: number;
  totalSatang: number;
  withholdingSatang: number;
  withholdingBasisPoints: number;
  netPayableSatang: number;
}

export interface PrintedQuote {
  number: string;
  issueDate: string;
  validUntil: string;
  note: string | null;
  lines: PrintedLine[];
  totals: PrintedTotals;
  /** Security deposit asked with the quote; null = none. */
  depositSatang: number | null;
}

type LineRow = { description: string; quantityMilli: number; unitPriceSatang: number; amountSatang: number };
type TotalsRow = {
  grossSatang: number;
  discountSatang: number;
  subtotalSatang: number;
  vatSatang: number;
  vatMode: string;
  vatRateBasisPoints: number;
  totalSatang: number;
  withholdingSatang: number;
  withholdingBasisPoints: number;
  netPayableSatang: number;
};

export function printedLines(rows: readonly LineRow[]): PrintedLine[] {
  return rows.map((l) => ({
    description: l.description,
    quantity: quantityFromMilli(l.quantityMilli),
    unitPriceSatang: l.unitPriceSatang,
    amountSatang: l.amountSatang,
  }));
}

export function printedTotals(d: TotalsRow): PrintedTotals {
  return {
    grossSatang: d.grossSatang,
    discountSatang: d.discountSatang,
    subtotalSatang: d.subtotalSatang,
    vatSatang: d.vatSatang,
    vatMode: d.vatMode as PrintedTotals['vatMode'],
    vatRateBasisPoints: d.vatRateBasisPoints,
    totalSatang: d.totalSatang,
    withholdingSatang: d.withholdingSatang,
    withholdingBasisPoints: d.withholdingBasisPoints,
    netPayableSatang: d.netPayableSatang,
  };
}

export function printedQuote(
  q: TotalsRow & { number: string; issueDate: string; validUntil: string; notes: string | null; depositSatang: number; lines: readonly LineRow[] },
): PrintedQuote {
  return {
    number: q.number,
    issueDate: q.issueDate,
    validUntil: q.validUntil,
    note: q.notes,
    lines: printedLines(q.lines),
    totals: printedTotals(q),
    depositSatang: q.depositSatang || null,
  };
}
