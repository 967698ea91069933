/**
 * What a tax invoice for one payment lists: the whole invoice when the payment settled all of
 * it, otherwise every invoice line with the part of its value this payment covers (s.86/4 asks
 * for the service, its quantity and value on the tax invoice itself, not a reference to a bill).
 */
import { partPaymentLines, partShareBasisPoints } from '../domain/part-payment-lines.ts';
import { formatBaht, quantityFromMilli } from '../domain/money.ts';
import { printedLines, printedTotals } from '../services/document-fields.ts';
import type { DocumentLang, DocumentLine, DocumentTotals } from './document-model.ts';
import { bi, both } from './labels.ts';

interface InvoiceRow {
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
  lines: readonly { description: string; quantityMilli: number; unitPriceSatang: number; amountSatang: number }[];
}

function percentText(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(2)}%`;
}

export function taxInvoiceContent(
  inv: InvoiceRow,
  part: { baseSatang: number; vatSatang: number },
  lang: DocumentLang,
): { lines: DocumentLine[]; totals: DocumentTotals } {
  const whole = part.baseSatang === inv.subtotalSatang && part.vatSatang === inv.vatSatang;
  // The tax invoice is for the sale (total after VAT); withholding is shown on the receipt.
  if (whole) return { lines: printedLines(inv.lines), totals: { ...printedTotals(inv), withholdingSatang: 0, netPayableSatang: inv.totalSatang } };
  const percent = percentText(partShareBasisPoints(inv.subtotalSatang, part.baseSatang));
  const shares = partPaymentLines(
    inv.lines.map((l) => l.amountSatang),
    inv.subtotalSatang,
    part.baseSatang,
  );
  const lines = inv.lines.map((l, i): DocumentLine => {
    const { lineBaseSatang, shareSatang } = shares[i]!;
    const note = both(
      bi(`ชำระบางส่วน ${percent} ของมูลค่า ${formatBaht(lineBaseSatang)} บาท`, `Part payment: ${percent} of ${formatBaht(lineBaseSatang)} baht`),
      lang,
    );
    return {
      description: `${l.description}\n${note}`,
      quantity: quantityFromMilli(l.quantityMilli),
      unitPriceSatang: l.unitPriceSatang,
      amountSatang: shareSatang,
    };
  });
  const total = part.baseSatang + part.vatSatang;
  return {
    lines,
    totals: {
      grossSatang: part.baseSatang,
      discountSatang: 0,
      subtotalSatang: part.baseSatang,
      vatSatang: part.vatSatang,
      vatMode: 'exclusive',
      vatRateBasisPoints: inv.vatRateBasisPoints,
      totalSatang: total,
      withholdingSatang: 0,
      netPayableSatang: total,
    },
  };
}
