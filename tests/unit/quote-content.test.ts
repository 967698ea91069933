import { describe, expect, it } from 'vitest';
import { canonicalQuoteContent, type SignedQuoteFacts } from '../../server/domain/quote-content.ts';

const facts: SignedQuoteFacts = {
  number: 'QT-2026-0007',
  issueDate: '2026-11-25',
  validUntil: '2026-12-10',
  customer: { name: 'คุณสมหญิง', companyName: 'บริษัท ฟ้าใส จำกัด', taxId: '0105561234560', branchCode: '00000', address: 'กรุงเทพฯ' },
  lines: [{ description: 'เช่าเครื่องเสียง', quantityMilli: 1500, unitPriceSatang: 1_000_000, amountSatang: 1_500_000 }],
  totals: {
    vatMode: 'exclusive',
    vatRateBasisPoints: 700,
    withholdingBasisPoints: 300,
    grossSatang: 1_500_000,
    discountSatang: 0,
    subtotalSatang: 1_500_000,
    vatSatang: 105_000,
    totalSatang: 1_605_000,
    withholdingSatang: 45_000,
    netPayableSatang: 1_560_000,
  },
  depositSatang: 500_000,
  notes: null,
};

describe('canonicalQuoteContent', () => {
  it('is one fixed text: versioned, fixed key order, no whitespace', () => {
    const text = canonicalQuoteContent(facts);
    expect(
      text.startsWith('{"v":"quote-content/1","number":"QT-2026-0007","issueDate":"2026-11-25","validUntil":"2026-12-10","customer":{"name":"คุณสมหญิง"'),
    ).toBe(true);
    expect(text).not.toMatch(/\s"|":\s/);
    expect(JSON.parse(text).lines).toEqual(facts.lines);
  });

  it('does not depend on how the caller built the objects (key order, extra fields)', () => {
    const shuffled = {
      notes: null,
      depositSatang: 500_000,
      totals: { ...facts.totals, extra: 1 },
      lines: facts.lines.map((l) => ({
        amountSatang: l.amountSatang,
        unitPriceSatang: l.unitPriceSatang,
        quantityMilli: l.quantityMilli,
        description: l.description,
        id: 'x',
      })),
      customer: { address: 'กรุงเทพฯ', branchCode: '00000', taxId: '0105561234560', companyName: 'บริษัท ฟ้าใส จำกัด', name: 'คุณสมหญิง', email: 'a@b.c' },
      validUntil: '2026-12-10',
      issueDate: '2026-11-25',
      number: 'QT-2026-0007',
      status: 'sent',
    } as unknown as SignedQuoteFacts;
    expect(canonicalQuoteContent(shuffled)).toBe(canonicalQuoteContent(facts));
  });

  it.each([
    ['a line amount', { lines: [{ ...facts.lines[0]!, amountSatang: 1_500_001 }] }],
    ['the total', { totals: { ...facts.totals, totalSatang: 1_605_001 } }],
    ['the valid-until date', { validUntil: '2026-12-11' }],
    ['the deposit', { depositSatang: 0 }],
    ['the customer', { customer: { ...facts.customer, taxId: null } }],
    ['the notes', { notes: 'ราคานี้รวมค่าขนส่ง' }],
  ] as const)('changes when %s changes', (_label, change) => {
    expect(canonicalQuoteContent({ ...facts, ...change } as SignedQuoteFacts)).not.toBe(canonicalQuoteContent(facts));
  });
});
