import { describe, expect, it } from 'vitest';
import {
  computeTotals,
  formatBaht,
  formatBahtWithSymbol,
  lineAmountSatang,
  parseBahtToSatang,
  quantityFromMilli,
  requireSatang,
  roundHalfUpDiv,
  satangToBahtString,
  toQuantityMilli,
  type TotalsInput,
} from '../../server/domain/money.ts';
import { allowedVatModes, DEFAULT_VAT_RATE_BASIS_POINTS, resolveVatMode, vatRateFor, type VatMode } from '../../server/domain/money.ts';
import { priceDocument } from '../../server/services/pricing.ts';
import { expectDomainError } from './expect-domain-error.ts';

describe('roundHalfUpDiv', () => {
  it.each([
    [5, 10, 1], // 0.5 rounds up
    [4, 10, 0],
    [15, 10, 2],
    [14999, 10000, 1],
    [15000, 10000, 2],
    [-5, 10, -1], // mirror image of 0.5
    [-4, 10, 0],
    [-15, 10, -2],
    [0, 7, 0],
    [2099993n, 100n, 21000],
    [10n ** 30n, 10n ** 17n, 10 ** 13],
  ] as const)('%s / %s → %s', (numerator, denominator, expected) => {
    expect(roundHalfUpDiv(numerator, denominator)).toBe(expected);
  });

  it.each([
    [1, 0],
    [1, -3],
    [1.5, 2],
    [10n ** 20n, 1n],
  ] as const)('refuses %s / %s as a programming error', (numerator, denominator) => {
    expect(() => roundHalfUpDiv(numerator, denominator)).toThrow(RangeError);
  });
});

describe('toQuantityMilli', () => {
  it.each([
    [1, 1000],
    [1.5, 1500],
    [0.001, 1],
    [2.125, 2125],
    [1.005, 1005], // 1.005 * 1000 is 1004.999… in floating point
    [0.3, 300],
    [1_000_000, 1_000_000_000],
  ])('%s → %s', (quantity, expected) => {
    expect(toQuantityMilli(quantity)).toBe(expected);
  });

  it.each([[0], [-1], [1.0005], [0.1 + 0.2], [Number.NaN], [Number.POSITIVE_INFINITY], [1e-7], [1_000_001], [1e21]])('refuses %s', (quantity) => {
    expectDomainError(() => toQuantityMilli(quantity), 'VALIDATION', 'quantity');
  });

  it('names the field it was given', () => {
    expectDomainError(() => toQuantityMilli(0, 'lines.2.quantity'), 'VALIDATION', 'lines.2.quantity');
  });

  it('round-trips through quantityFromMilli', () => {
    expect(quantityFromMilli(toQuantityMilli(1.5))).toBe(1.5);
  });
});

describe('lineAmountSatang', () => {
  it.each([
    [2000, 100000, 200000],
    [3000, 33333, 99999],
    [1500, 99, 149], // 148.5 → 149
    [1500, 97, 146], // 145.5 → 146
    [1, 499, 0], // 0.499 → 0
    [1, 500, 1], // 0.5 → 1
    [1_000_000_000, 10_000_000, 10 ** 13], // a million units at 100,000 baht stays exact
  ])('%s milli × %s satang → %s', (quantityMilli, unitPrice, expected) => {
    expect(lineAmountSatang(quantityMilli, unitPrice)).toBe(expected);
  });

  it.each([
    [0, 100, 'quantityMilli'],
    [1.5, 100, 'quantityMilli'],
    [1000, -1, 'unitPriceSatang'],
    [1000, 1.5, 'unitPriceSatang'],
    [1_000_000_000, 10 ** 15, 'unitPriceSatang'], // product far beyond Number's safe range
  ])('refuses %s × %s (field %s)', (quantityMilli, unitPrice, field) => {
    expectDomainError(() => lineAmountSatang(quantityMilli, unitPrice), 'VALIDATION', field);
  });
});

describe('computeTotals', () => {
  const twoLines = [
    { description: 'Tent 6x6', quantity: 2, unitPriceSatang: 100000 },
    { description: 'Chairs', quantity: 3, unitPriceSatang: 33333 },
  ];

  it.each<[string, TotalsInput, Record<string, number>]>([
    [
      'exclusive 7% with 3% withholding (the reference example)',
      { lines: twoLines, discountSatang: 0, vatMode: 'exclusive', withholdingBasisPoints: 300 },
      { grossSatang: 299999, subtotalSatang: 299999, vatSatang: 21000, totalSatang: 320999, withholdingSatang: 9000, netPayableSatang: 311999 },
    ],
    [
      'inclusive single line 1,000.00',
      { lines: [{ description: 'Service', quantity: 1, unitPriceSatang: 100000 }], discountSatang: 0, vatMode: 'inclusive' },
      { grossSatang: 100000, subtotalSatang: 93458, vatSatang: 6542, totalSatang: 100000, withholdingSatang: 0, netPayableSatang: 100000 },
    ],
    [
      'inclusive with discount and withholding on the pre-VAT amount',
      { lines: [{ description: 'Service', quantity: 1, unitPriceSatang: 107100 }], discountSatang: 100, vatMode: 'inclusive', withholdingBasisPoints: 300 },
      {
        grossSatang: 107100,
        discountSatang: 100,
        subtotalSatang: 100000,
        vatSatang: 7000,
        totalSatang: 107000,
        withholdingSatang: 3000,
        netPayableSatang: 104000,
      },
    ],
    [
      'exclusive with discount: VAT on the amount after discount',
      { lines: twoLines, discountSatang: 99999, vatMode: 'exclusive' },
      { grossSatang: 299999, discountSatang: 99999, subtotalSatang: 200000, vatSatang: 14000, totalSatang: 214000, netPayableSatang: 214000 },
    ],
    [
      'exclusive VAT rounds half up (150 × 7% = 10.5 → 11)',
      { lines: [{ description: 'x', quantity: 1, unitPriceSatang: 150 }], vatMode: 'exclusive' },
      { subtotalSatang: 150, vatSatang: 11, totalSatang: 161 },
    ],
    [
      'exclusive VAT rounds down below half (143 × 7% = 10.01 → 10)',
      { lines: [{ description: 'x', quantity: 1, unitPriceSatang: 143 }], vatMode: 'exclusive' },
      { vatSatang: 10, totalSatang: 153 },
    ],
    [
      'withholding rounds half up (50 × 3% = 1.5 → 2)',
      { lines: [{ description: 'x', quantity: 1, unitPriceSatang: 50 }], vatMode: 'none', withholdingBasisPoints: 300 },
      { subtotalSatang: 50, vatSatang: 0, totalSatang: 50, withholdingSatang: 2, netPayableSatang: 48 },
    ],
    [
      'no VAT',
      { lines: twoLines, discountSatang: 1999, vatMode: 'none' },
      { grossSatang: 299999, subtotalSatang: 298000, vatSatang: 0, totalSatang: 298000, netPayableSatang: 298000 },
    ],
    [
      'fractional quantity 1.5 days × 999.99',
      { lines: [{ description: 'Generator', quantity: 1.5, unitPriceSatang: 99999 }], vatMode: 'none' },
      { grossSatang: 149999 }, // 149998.5 → 149999
    ],
    [
      'custom VAT rate',
      { lines: [{ description: 'x', quantity: 1, unitPriceSatang: 100000 }], vatMode: 'exclusive', vatRateBasisPoints: 1000 },
      { vatSatang: 10000, totalSatang: 110000 },
    ],
    [
      'discount equal to gross gives zero',
      { lines: [{ description: 'x', quantity: 1, unitPriceSatang: 5000 }], discountSatang: 5000, vatMode: 'exclusive' },
      { subtotalSatang: 0, vatSatang: 0, totalSatang: 0, netPayableSatang: 0 },
    ],
    ['no lines', { lines: [], vatMode: 'exclusive' }, { grossSatang: 0, totalSatang: 0 }],
    [
      'large amounts (10^13 satang) stay exact',
      { lines: [{ description: 'x', quantity: 1, unitPriceSatang: 10 ** 13 }], vatMode: 'exclusive', withholdingBasisPoints: 300 },
      { subtotalSatang: 10 ** 13, vatSatang: 7 * 10 ** 11, totalSatang: 10_700_000_000_000, withholdingSatang: 3 * 10 ** 11 },
    ],
  ])('%s', (_name, input, expected) => {
    const totals = computeTotals(input);
    expect(totals).toMatchObject(expected);
    expect(totals.totalSatang).toBe(totals.subtotalSatang + totals.vatSatang);
    expect(totals.netPayableSatang).toBe(totals.totalSatang - totals.withholdingSatang);
  });

  it('returns the lines with milli quantities and amounts', () => {
    expect(computeTotals({ lines: twoLines, vatMode: 'none' }).lines).toEqual([
      { description: 'Tent 6x6', quantityMilli: 2000, unitPriceSatang: 100000, amountSatang: 200000 },
      { description: 'Chairs', quantityMilli: 3000, unitPriceSatang: 33333, amountSatang: 99999 },
    ]);
  });

  it.each<[string, TotalsInput, string]>([
    ['discount above gross', { lines: twoLines, discountSatang: 300000, vatMode: 'exclusive' }, 'discountSatang'],
    ['negative discount', { lines: twoLines, discountSatang: -1, vatMode: 'exclusive' }, 'discountSatang'],
    ['fractional discount', { lines: twoLines, discountSatang: 1.5, vatMode: 'exclusive' }, 'discountSatang'],
    ['bad quantity on the second line', { lines: [twoLines[0]!, { description: 'x', quantity: 0, unitPriceSatang: 1 }], vatMode: 'none' }, 'lines.1.quantity'],
    ['fractional unit price', { lines: [{ description: 'x', quantity: 1, unitPriceSatang: 10.5 }], vatMode: 'none' }, 'lines.0.unitPriceSatang'],
    ['negative unit price', { lines: [{ description: 'x', quantity: 1, unitPriceSatang: -100 }], vatMode: 'none' }, 'lines.0.unitPriceSatang'],
    ['line amount too large', { lines: [{ description: 'x', quantity: 1000, unitPriceSatang: 10 ** 13 }], vatMode: 'none' }, 'lines.0'],
    [
      'gross too large',
      {
        lines: [
          { description: 'x', quantity: 1, unitPriceSatang: 10 ** 15 },
          { description: 'y', quantity: 1, unitPriceSatang: 1 },
        ],
        vatMode: 'none',
      },
      'lines',
    ],
    ['unknown VAT mode', { lines: twoLines, vatMode: 'both' as never }, 'vatMode'],
    ['VAT rate above 100%', { lines: twoLines, vatMode: 'exclusive', vatRateBasisPoints: 10001 }, 'vatRateBasisPoints'],
    ['fractional withholding', { lines: twoLines, vatMode: 'exclusive', withholdingBasisPoints: 2.5 }, 'withholdingBasisPoints'],
  ])('refuses %s', (_name, input, field) => {
    expectDomainError(() => computeTotals(input), 'VALIDATION', field);
  });
});

describe('requireSatang', () => {
  it.each([[0], [1], [10 ** 15]])('accepts %s', (value) => {
    expect(requireSatang(value, 'amountSatang')).toBe(value);
  });
  it.each([[-1], [0.5], [Number.NaN], [10 ** 15 + 1]])('refuses %s', (value) => {
    expectDomainError(() => requireSatang(value, 'amountSatang'), 'VALIDATION', 'amountSatang');
  });
});

describe('formatting', () => {
  it.each([
    [0, '0.00', '0.00', '฿0.00', 'THB 0.00'],
    [5, '0.05', '0.05', '฿0.05', 'THB 0.05'],
    [123450, '1234.50', '1,234.50', '฿1,234.50', 'THB 1,234.50'],
    [99999, '999.99', '999.99', '฿999.99', 'THB 999.99'],
    [100000000, '1000000.00', '1,000,000.00', '฿1,000,000.00', 'THB 1,000,000.00'],
    [10 ** 13, '100000000000.00', '100,000,000,000.00', '฿100,000,000,000.00', 'THB 100,000,000,000.00'],
    [-123450, '-1234.50', '-1,234.50', '-฿1,234.50', '-THB 1,234.50'],
    [-5, '-0.05', '-0.05', '-฿0.05', '-THB 0.05'],
  ])('%s satang', (satang, plain, formatted, th, en) => {
    expect(satangToBahtString(satang)).toBe(plain);
    expect(formatBaht(satang)).toBe(formatted);
    expect(formatBahtWithSymbol(satang, 'th')).toBe(th);
    expect(formatBahtWithSymbol(satang, 'en')).toBe(en);
  });

  it.each([[1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('refuses to format %s', (satang) => {
    expectDomainError(() => formatBaht(satang), 'VALIDATION');
    expectDomainError(() => satangToBahtString(satang), 'VALIDATION');
    expectDomainError(() => formatBahtWithSymbol(satang, 'th'), 'VALIDATION');
  });
});

describe('parseBahtToSatang', () => {
  it.each([
    ['1,234.5', 123450],
    ['1234.50', 123450],
    ['฿12', 1200],
    ['฿ 12.05', 1205],
    ['THB 1,000', 100000],
    ['12 บาท', 1200],
    ['  7.1  ', 710],
    ['0', 0],
    ['0.01', 1],
    ['1,000,000.99', 100000099],
    ['๑,๒๓๔.๕๐', 123450],
    ['10000000000000', 10 ** 15],
  ])('%j → %s', (text, expected) => {
    expect(parseBahtToSatang(text)).toBe(expected);
  });

  it.each([[''], ['  '], ['abc'], ['1.234'], ['12,34'], ['1,2345'], ['-5'], ['1.'], ['.5'], ['1e3'], ['12.3.4'], ['฿'], ['10000000000000.01']])(
    'refuses %j',
    (text) => {
      expectDomainError(() => parseBahtToSatang(text), 'VALIDATION', 'amount');
    },
  );

  it('names the field it was given', () => {
    expectDomainError(() => parseBahtToSatang('x', 'amountPaid'), 'VALIDATION', 'amountPaid');
  });
});

describe('VAT rule: registration decides the allowed modes', () => {
  it.each([
    [true, undefined, 'exclusive'],
    [true, 'exclusive', 'exclusive'],
    [true, 'inclusive', 'inclusive'],
    [true, 'none', null],
    [false, undefined, 'none'],
    [false, 'none', 'none'],
    [false, 'exclusive', null],
    [false, 'inclusive', null],
  ] as const)('registered %s, asked %s → %s', (registered, requested, expected) => {
    if (expected === null) {
      expectDomainError(() => resolveVatMode(registered, requested as VatMode), 'VALIDATION', 'vatMode');
      expect(allowedVatModes(registered)).not.toContain(requested);
    } else {
      expect(resolveVatMode(registered, requested as VatMode | undefined)).toBe(expected);
      expect(allowedVatModes(registered)).toContain(expected);
    }
  });

  it('prices and stores at the one rate: 7 % unless there is no VAT', () => {
    expect(DEFAULT_VAT_RATE_BASIS_POINTS).toBe(700);
    expect(vatRateFor('exclusive')).toBe(DEFAULT_VAT_RATE_BASIS_POINTS);
    expect(vatRateFor('inclusive')).toBe(DEFAULT_VAT_RATE_BASIS_POINTS);
    expect(vatRateFor('none')).toBe(0);
    const priced = priceDocument({ vatRegistered: true }, { lines: [{ description: 'x', quantity: 1, unitPriceSatang: 100_000 }] });
    expect(priced.vatRateBasisPoints).toBe(DEFAULT_VAT_RATE_BASIS_POINTS);
    // The stored rate explains the stored VAT exactly.
    expect(priced.vatSatang).toBe((priced.subtotalSatang * priced.vatRateBasisPoints) / 10_000);
    const exempt = priceDocument({ vatRegistered: false }, { lines: [{ description: 'x', quantity: 1, unitPriceSatang: 100_000 }] });
    expect([exempt.vatMode, exempt.vatRateBasisPoints, exempt.vatSatang]).toEqual(['none', 0, 0]);
  });
});
