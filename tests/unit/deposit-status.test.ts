import { describe, expect, it } from 'vitest';
import {
  assertCanCollect,
  assertCanReturn,
  depositOutstandingSatang,
  depositStatusFor,
  type DepositAmounts,
  type DepositReturnInput,
  type DepositStatus,
} from '../../server/domain/transitions.ts';
import { expectDomainError } from './expect-domain-error.ts';

const deposit = (heldSatang: number, returnedSatang = 0, deductedSatang = 0, requiredSatang = 500000): DepositAmounts => ({
  requiredSatang,
  heldSatang,
  returnedSatang,
  deductedSatang,
});

describe('depositStatusFor', () => {
  it.each<[DepositAmounts, DepositStatus, number]>([
    [deposit(0), 'pending', 500000],
    [deposit(200000), 'partially_held', 300000],
    [deposit(500000), 'held', 0],
    [deposit(500000, 500000, 0), 'returned', 0],
    [deposit(500000, 300000, 200000), 'partially_returned', 0],
    [deposit(500000, 0, 500000), 'forfeited', 0],
    [deposit(200000, 200000, 0), 'returned', 0], // returned before it was fully collected
  ])('%o → %s (still to collect %s)', (amounts, status, outstanding) => {
    expect(depositStatusFor(amounts)).toBe(status);
    expect(depositOutstandingSatang(amounts)).toBe(outstanding);
  });

  it.each<[DepositAmounts, string]>([
    [deposit(-1), 'heldSatang'],
    [deposit(100, 0.5), 'returnedSatang'],
    [deposit(100, 60, 60), 'returnedSatang'],
    [{ ...deposit(0), requiredSatang: Number.NaN }, 'requiredSatang'],
  ])('refuses inconsistent amounts %o', (amounts, field) => {
    expectDomainError(() => depositStatusFor(amounts), 'VALIDATION', field);
  });
});

describe('assertCanCollect', () => {
  it.each([
    [deposit(0), 500000],
    [deposit(0), 1],
    [deposit(200000), 300000],
  ])('%o can collect %s', (amounts, amount) => {
    expect(() => assertCanCollect(amounts, amount)).not.toThrow();
  });

  it.each<[DepositAmounts, number, 'VALIDATION' | 'CONFLICT', string | undefined]>([
    [deposit(0), 500001, 'CONFLICT', 'amountSatang'],
    [deposit(200000), 300001, 'CONFLICT', 'amountSatang'],
    [deposit(0), 0, 'VALIDATION', 'amountSatang'],
    [deposit(0), -5, 'VALIDATION', 'amountSatang'],
    [deposit(0), 1.5, 'VALIDATION', 'amountSatang'],
    [deposit(500000), 1, 'CONFLICT', undefined],
    [deposit(500000, 500000), 1, 'CONFLICT', undefined],
    [deposit(200000, 0, 200000), 1, 'CONFLICT', undefined], // forfeited part-way: no more collecting
  ])('%o cannot collect %s (%s)', (amounts, amount, code, field) => {
    expectDomainError(() => assertCanCollect(amounts, amount), code, field);
  });

  it('tells how much may still be collected', () => {
    expect(expectDomainError(() => assertCanCollect(deposit(200000), 300001), 'CONFLICT').details).toMatchObject({
      maxSatang: 300000,
    });
  });
});

describe('assertCanReturn', () => {
  it.each<[DepositAmounts, DepositReturnInput, { returnedSatang: number; deductedSatang: number; reason: string | null; status: DepositStatus }]>([
    [deposit(500000), { amountSatang: 500000 }, { returnedSatang: 500000, deductedSatang: 0, reason: null, status: 'returned' }],
    [
      deposit(500000),
      { amountSatang: 500000, deductedSatang: 0, reason: '  ' },
      { returnedSatang: 500000, deductedSatang: 0, reason: null, status: 'returned' },
    ],
    [
      deposit(500000),
      { amountSatang: 300000, reason: ' scratched tent ' },
      { returnedSatang: 300000, deductedSatang: 200000, reason: 'scratched tent', status: 'partially_returned' },
    ],
    [
      deposit(500000),
      { amountSatang: 300000, deductedSatang: 200000, reason: 'late return' },
      { returnedSatang: 300000, deductedSatang: 200000, reason: 'late return', status: 'partially_returned' },
    ],
    [
      deposit(500000),
      { amountSatang: 0, reason: 'equipment lost' },
      { returnedSatang: 0, deductedSatang: 500000, reason: 'equipment lost', status: 'forfeited' },
    ],
    [deposit(200000), { amountSatang: 200000 }, { returnedSatang: 200000, deductedSatang: 0, reason: null, status: 'returned' }],
  ])('%o with %o settles as %o', (amounts, input, expected) => {
    expect(assertCanReturn(amounts, input)).toEqual({ ...expected, deductions: [] });
  });

  it('itemised deductions: kept in order, trimmed, and written as the reason when none is given', () => {
    expect(
      assertCanReturn(deposit(500000), {
        amountSatang: 329950,
        deductions: [
          { amountSatang: 50000, reason: ' สายไมค์ชำรุด ' },
          { amountSatang: 120050, reason: 'ลำโพงแตก' },
        ],
      }),
    ).toEqual({
      returnedSatang: 329950,
      deductedSatang: 170050,
      reason: 'สายไมค์ชำรุด ฿500.00; ลำโพงแตก ฿1,200.50',
      deductions: [
        { amountSatang: 50000, reason: 'สายไมค์ชำรุด' },
        { amountSatang: 120050, reason: 'ลำโพงแตก' },
      ],
      status: 'partially_returned',
    });
    // A reason written by staff wins over the generated one.
    expect(assertCanReturn(deposit(500000), { amountSatang: 400000, reason: 'see list', deductions: [{ amountSatang: 100000, reason: 'a' }] }).reason).toBe(
      'see list',
    );
  });

  it.each<[DepositAmounts, DepositReturnInput, 'VALIDATION' | 'CONFLICT', string | undefined]>([
    [deposit(500000), { amountSatang: 500001 }, 'CONFLICT', 'amountSatang'],
    [deposit(500000), { amountSatang: -1 }, 'VALIDATION', 'amountSatang'],
    [deposit(500000), { amountSatang: 300000 }, 'VALIDATION', 'reason'],
    [deposit(500000), { amountSatang: 300000, reason: '   ' }, 'VALIDATION', 'reason'],
    [deposit(500000), { amountSatang: 300000, reason: null }, 'VALIDATION', 'reason'],
    [deposit(500000), { amountSatang: 0 }, 'VALIDATION', 'reason'],
    [deposit(500000), { amountSatang: 300000, deductedSatang: 100000, reason: 'x' }, 'VALIDATION', 'deductedSatang'],
    [deposit(0), { amountSatang: 0 }, 'CONFLICT', undefined],
    [deposit(500000, 500000), { amountSatang: 1 }, 'CONFLICT', undefined],
    [deposit(500000, 0, 500000), { amountSatang: 0, reason: 'again' }, 'CONFLICT', undefined],
    [deposit(500000), { amountSatang: 300000, deductions: [{ amountSatang: 100000, reason: 'x' }] }, 'VALIDATION', 'deductions'],
    [deposit(500000), { amountSatang: 400000, deductions: [{ amountSatang: 100000, reason: ' ' }] }, 'VALIDATION', 'deductions[0].reason'],
    [deposit(500000), { amountSatang: 500000, deductions: [{ amountSatang: 0, reason: 'x' }] }, 'VALIDATION', 'deductions[0].amountSatang'],
  ])('%o refuses %o (%s %s)', (amounts, input, code, field) => {
    expectDomainError(() => assertCanReturn(amounts, input), code, field);
  });
});
