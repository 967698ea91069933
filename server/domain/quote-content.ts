/**
 * The exact quote content a client signs, as one canonical text: the signature's audit record
 * keeps its SHA-256, so anyone holding the same facts can show what was agreed. Canonical means
 * fixed key order, no whitespace, integers only (satang, quantity × 1000): the same quote always
 * gives the same text on every machine, and any change to a signed fact changes the text.
 */

export interface SignedQuoteFacts {
  number: string;
  issueDate: string;
  validUntil: string;
  customer: { name: string; companyName: string | null; taxId: string | null; branchCode: string | null; address: string | null };
  lines: { description: string; quantityMilli: number; unitPriceSatang: number; amountSatang: number }[];
  totals: {
    vatMode: string;
    vatRateBasisPoints: number;
    withholdingBasisPoints: number;
    grossSatang: number;
    discountSatang: number;
    subtotalSatang: number;
    vatSatang: number;
    totalSatang: number;
    withholdingSatang: number;
    netPayableSatang: number;
  };
  depositSatang: number;
  notes: string | null;
}

/** Version tag inside the text: a later change of the canonical form cannot collide with this one. */
export const QUOTE_CONTENT_VERSION = 'quote-content/1';

/** Key order is spelled out here rather than taken from the input object, so it never depends on how a caller built it. */
export function canonicalQuoteContent(facts: SignedQuoteFacts): string {
  const c = facts.customer;
  const t = facts.totals;
  return JSON.stringify({
    v: QUOTE_CONTENT_VERSION,
    number: facts.number,
    issueDate: facts.issueDate,
    validUntil: facts.validUntil,
    customer: { name: c.name, companyName: c.companyName ?? null, taxId: c.taxId ?? null, branchCode: c.branchCode ?? null, address: c.address ?? null },
    lines: facts.lines.map((l) => ({
      description: l.description,
      quantityMilli: l.quantityMilli,
      unitPriceSatang: l.unitPriceSatang,
      amountSatang: l.amountSatang,
    })),
    totals: {
      vatMode: t.vatMode,
      vatRateBasisPoints: t.vatRateBasisPoints,
      withholdingBasisPoints: t.withholdingBasisPoints,
      grossSatang: t.grossSatang,
      discountSatang: t.discountSatang,
      subtotalSatang: t.subtotalSatang,
      vatSatang: t.vatSatang,
      totalSatang: t.totalSatang,
      withholdingSatang: t.withholdingSatang,
      netPayableSatang: t.netPayableSatang,
    },
    depositSatang: facts.depositSatang,
    notes: facts.notes ?? null,
  });
}
