import { describe, expect, it } from 'vitest';
import { buddhistYearPeriod, buildAccountStatement, lastTwelveMonths, type StatementEntry } from '../../server/domain/account-statement.ts';
import { expectDomainError } from './expect-domain-error.ts';

const inv = (date: string, documentNumber: string, debitSatang: number): StatementEntry => ({
  date,
  kind: 'invoice',
  documentNumber,
  debitSatang,
  creditSatang: 0,
});
const pay = (date: string, documentNumber: string, creditSatang: number): StatementEntry => ({
  date,
  kind: 'payment',
  documentNumber,
  debitSatang: 0,
  creditSatang,
});

describe('statement periods', () => {
  it.each([
    ['2026-11-25', { from: '2025-12-01', to: '2026-11-25' }],
    ['2026-01-01', { from: '2025-02-01', to: '2026-01-01' }],
    ['2024-02-29', { from: '2023-03-01', to: '2024-02-29' }],
  ])('the last 12 months up to %s', (today, period) => {
    expect(lastTwelveMonths(today)).toEqual(period);
  });

  it('takes a Buddhist-era year, up to today for the current one', () => {
    expect(buddhistYearPeriod('2568', '2026-11-25')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(buddhistYearPeriod('2569', '2026-11-25')).toEqual({ from: '2026-01-01', to: '2026-11-25' });
  });

  it.each([['2570'], ['2026'], ['25690'], [''], [['2569']], [undefined], ['2559']])('refuses year %j, naming the field', (year) => {
    expectDomainError(() => buddhistYearPeriod(year, '2026-11-25'), 'VALIDATION', 'year');
  });
});

describe('the account statement', () => {
  const period = { from: '2026-01-01', to: '2026-03-31' };

  it('opens with what came before, runs invoices before payments on a day, groups by month and closes', () => {
    const s = buildAccountStatement(
      [
        pay('2026-02-03', 'RC-2', 40_000),
        inv('2025-12-20', 'INV-1', 100_000),
        pay('2025-12-28', 'RC-1', 30_000),
        inv('2026-02-03', 'INV-2', 50_000),
        inv('2026-04-02', 'INV-3', 9_999),
      ],
      period,
    );
    expect(s.openingBalanceSatang).toBe(70_000);
    expect(s.months.map((m) => [m.month, m.rows.map((r) => [r.documentNumber, r.balanceSatang])])).toEqual([
      [
        '2026-02',
        [
          ['INV-2', 120_000],
          ['RC-2', 80_000],
        ],
      ],
    ]);
    expect(s).toMatchObject({ totalDebitSatang: 50_000, totalCreditSatang: 40_000, closingBalanceSatang: 80_000 });
  });

  it('is empty but balanced with nothing in the period', () => {
    expect(buildAccountStatement([], period)).toMatchObject({ openingBalanceSatang: 0, months: [], closingBalanceSatang: 0 });
  });

  it('refuses a backwards period and amounts that are not whole satang', () => {
    expectDomainError(() => buildAccountStatement([], { from: '2026-02-01', to: '2026-01-01' }), 'VALIDATION', 'period');
    expectDomainError(() => buildAccountStatement([inv('2026-01-02', 'INV-1', 1.5)], period), 'VALIDATION', 'amountSatang');
  });
});
