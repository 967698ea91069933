import { describe, it, expect } from 'vitest';
import { paymentTaxPortion } from '../../server/domain/tax-portion.ts';
import { computeTotals } from '../../server/domain/money.ts';
import { expectDomainError } from './expect-domain-error.ts';

// The example: subtotal 2,999.99, VAT 210.00, total 3,209.99, WHT 90.00, net 3,119.99.
const example = computeTotals({
  lines: [
    { description: 'a', quantity: 2, unitPriceSatang: 100000 },
    { description: 'b', quantity: 3, unitPriceSatang: 33333 },
  ],
  vatMode: 'exclusive',
  withholdingBasisPoints: 300,
});

describe('paymentTaxPortion', () => {
  it('a single full payment covers the whole invoice', () => {
    expect(paymentTaxPortion(example, 0, 311999)).toEqual({ baseSatang: 299999, vatSatang: 21000, totalSatang: 320999 });
  });

  it.each([[[100000, 211999]], [[1, 1, 311997]], [[155999, 156000]], [[33333, 33333, 33333, 212000]]])(
    'payments %j add up exactly to the invoice (no drift)',
    (payments) => {
      let before = 0;
      let base = 0;
      let vat = 0;
      for (const p of payments) {
        const portion = paymentTaxPortion(example, before, p);
        expect(portion.totalSatang).toBe(portion.baseSatang + portion.vatSatang);
        base += portion.baseSatang;
        vat += portion.vatSatang;
        before += p;
      }
      expect(base).toBe(299999);
      expect(vat).toBe(21000);
    },
  );

  it('a half payment carries half the VAT, rounded half-up', () => {
    // 1,000.00 + 7 % = 1,070.00, paid 535.00 → base 500.00, VAT 35.00
    expect(paymentTaxPortion({ subtotalSatang: 100000, vatSatang: 7000, netPayableSatang: 107000 }, 0, 53500)).toEqual({
      baseSatang: 50000,
      vatSatang: 3500,
      totalSatang: 53500,
    });
  });

  it.each([
    [0, 0, 'amountSatang'],
    [0, 311999 + 1, 'amountSatang'],
    [-1, 10, 'paidBeforeSatang'],
    [0, 1.5, 'amountSatang'],
  ])('refuses paid-before %s and amount %s (%s)', (before, amount, field) => {
    expectDomainError(() => paymentTaxPortion(example, before, amount), 'VALIDATION', field);
  });
});
