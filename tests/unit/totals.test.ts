/**
 * The totals arithmetic is one import-free module, so the staff app's live totals run the same
 * code the server prices documents with; bad input is answered as a problem naming the field.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tryComputeTotals, withholdingBasisPointsOf } from '../../server/domain/totals.ts';
import { computeTotals } from '../../server/domain/money.ts';
import { isDomainError } from '../../server/domain/errors.ts';

describe('server/domain/totals.ts', () => {
  it('imports nothing (liff/ may only share import-free modules)', () => {
    const source = readFileSync(new URL('../../server/domain/totals.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/\bimport\(/);
  });

  it('prices like the server: 2.5 days × 1,000.00 less 100.00, VAT added, 3% withheld', () => {
    const input = {
      lines: [{ description: 'งาน', quantity: 2.5, unitPriceSatang: 100_000 }],
      discountSatang: 10_000,
      vatMode: 'exclusive' as const,
      vatRateBasisPoints: 700,
      withholdingBasisPoints: 300,
    };
    const result = tryComputeTotals(input);
    expect(result).toEqual({ ok: true, totals: computeTotals(input) });
    expect(result.ok && result.totals).toMatchObject({ subtotalSatang: 240_000, vatSatang: 16_800, withholdingSatang: 7_200, netPayableSatang: 249_600 });
  });

  it('answers bad input as a problem naming the field; money.ts throws the same as a VALIDATION error', () => {
    const input = { lines: [{ description: 'x', quantity: 1.2345, unitPriceSatang: 100 }], vatMode: 'none' as const };
    expect(tryComputeTotals(input)).toEqual({ ok: false, problem: { field: 'lines.0.quantity', message: 'lines.0.quantity may have at most 3 decimals' } });
    const discount = tryComputeTotals({ lines: [{ description: 'x', quantity: 1, unitPriceSatang: 100 }], discountSatang: 101, vatMode: 'none' });
    expect(discount).toEqual({ ok: false, problem: { field: 'discountSatang', message: 'discount cannot exceed the sum of the lines', grossSatang: 100 } });
    try {
      computeTotals({ lines: [{ description: 'x', quantity: 1, unitPriceSatang: 100 }], discountSatang: 101, vatMode: 'none' });
      expect.unreachable();
    } catch (err) {
      expect(isDomainError(err, 'VALIDATION') && err.details).toEqual({ field: 'discountSatang', grossSatang: 100 });
    }
  });

  it('reads a withholding percent as basis points (0–15 %, two decimals)', () => {
    expect(withholdingBasisPointsOf(3)).toBe(300);
    expect(withholdingBasisPointsOf(1.5)).toBe(150);
    expect(withholdingBasisPointsOf(15.01)).toBeNull();
    expect(withholdingBasisPointsOf(1.234)).toBeNull();
  });
});
