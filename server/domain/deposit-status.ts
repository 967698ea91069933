/**
 * Refundable security deposits. The status is derived from the amounts, never set by
 * hand, so it cannot disagree with the money recorded:
 *   pending → partially_held → held → returned | partially_returned | forfeited.
 * A deposit is settled by one return: whatever is not given back is a deduction, and
 * a deduction needs a reason (it is printed on the DEPRR receipt).
 */
import { DomainError, conflict, validation } from './errors.ts';
import { moneyText } from './money-text.ts';

import type { DepositStatus } from './labels.ts';

export type { DepositStatus };

export interface DepositAmounts {
  requiredSatang: number;
  /** Total collected so far (not reduced by returns). */
  heldSatang: number;
  returnedSatang: number;
  deductedSatang: number;
}

export interface DepositReturnInput {
  amountSatang: number;
  /** Optional: defaults to whatever is not returned; if given it must match that. */
  deductedSatang?: number;
  reason?: string | null;
  /** Itemised deductions (amount + reason each); their sum must be what is kept. */
  deductions?: DepositDeduction[] | null;
}

export interface DepositDeduction {
  amountSatang: number;
  reason: string;
}

export interface DepositSettlement {
  returnedSatang: number;
  deductedSatang: number;
  reason: string | null;
  /** The itemised deductions, cleaned ([] when none were given). */
  deductions: DepositDeduction[];
  status: DepositStatus;
}

export const MAX_DEDUCTIONS = 20;
export const DEDUCTION_REASON_MAX = 200;

/** The deductions as one sentence (the return's reason when none was written): "สายไมค์ชำรุด ฿500.00; …". */
export function deductionsText(deductions: readonly DepositDeduction[]): string | null {
  return deductions.length === 0 ? null : deductions.map((d) => `${d.reason} ${moneyText(d.amountSatang, 'th')}`).join('; ');
}

function cleanDeductions(deductions: readonly DepositDeduction[] | null | undefined): DepositDeduction[] {
  if (!deductions) return [];
  if (deductions.length > MAX_DEDUCTIONS) throw validation('deductions', `at most ${MAX_DEDUCTIONS} deductions`);
  return deductions.map((d, i) => {
    if (!Number.isSafeInteger(d.amountSatang) || d.amountSatang <= 0) {
      throw validation(`deductions[${i}].amountSatang`, 'each deduction needs an amount greater than zero');
    }
    const reason = typeof d.reason === 'string' ? d.reason.trim() : '';
    if (!reason) throw validation(`deductions[${i}].reason`, 'each deduction needs a reason');
    if (reason.length > DEDUCTION_REASON_MAX) throw validation(`deductions[${i}].reason`, `a reason is at most ${DEDUCTION_REASON_MAX} characters`);
    return { amountSatang: d.amountSatang, reason };
  });
}

function requireAmount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw validation(field, `${field} must be a whole, non-negative number of satang`);
  }
}

function requireConsistent(deposit: DepositAmounts): void {
  requireAmount(deposit.requiredSatang, 'requiredSatang');
  requireAmount(deposit.heldSatang, 'heldSatang');
  requireAmount(deposit.returnedSatang, 'returnedSatang');
  requireAmount(deposit.deductedSatang, 'deductedSatang');
  if (deposit.returnedSatang + deposit.deductedSatang > deposit.heldSatang) {
    throw new DomainError('VALIDATION', 'returned and deducted amounts exceed what was held', { field: 'returnedSatang' });
  }
}

function isSettled(deposit: DepositAmounts): boolean {
  return deposit.returnedSatang + deposit.deductedSatang > 0;
}

export function depositStatusFor(deposit: DepositAmounts): DepositStatus {
  requireConsistent(deposit);
  if (isSettled(deposit)) {
    if (deposit.deductedSatang === 0) return 'returned';
    return deposit.returnedSatang === 0 ? 'forfeited' : 'partially_returned';
  }
  if (deposit.heldSatang === 0) return 'pending';
  return deposit.heldSatang < deposit.requiredSatang ? 'partially_held' : 'held';
}

/** Still to collect before the deposit is fully held. */
export function depositOutstandingSatang(deposit: DepositAmounts): number {
  requireConsistent(deposit);
  return isSettled(deposit) ? 0 : Math.max(0, deposit.requiredSatang - deposit.heldSatang);
}

/** `number`, when given, is named in the refusals (error-messages.ts). */
export function assertCanCollect(deposit: DepositAmounts & { number?: string }, amountSatang: number): void {
  requireConsistent(deposit);
  if (isSettled(deposit)) {
    throw conflict('Deposit has already been returned; nothing more can be collected', {
      status: depositStatusFor(deposit),
      reason: 'deposit_settled',
      number: deposit.number,
    });
  }
  const outstanding = deposit.requiredSatang - deposit.heldSatang;
  if (outstanding <= 0)
    throw conflict('Deposit is already fully held', { status: depositStatusFor(deposit), reason: 'deposit_fully_held', number: deposit.number });
  if (!Number.isSafeInteger(amountSatang) || amountSatang <= 0) {
    throw validation('amountSatang', 'amountSatang must be a whole number of satang greater than zero');
  }
  if (amountSatang > outstanding) {
    // More than is owed depends on the deposit's state, not on the input's shape: a conflict (409).
    throw new DomainError('CONFLICT', 'amount is more than the deposit still to collect', {
      field: 'amountSatang',
      maxSatang: outstanding,
      reason: 'deposit_overcollect',
      number: deposit.number,
      amountSatang,
      balanceSatang: outstanding,
    });
  }
}

/** Checks a return and works out the settlement (returned + deducted = everything still held). */
export function assertCanReturn(deposit: DepositAmounts & { number?: string }, input: DepositReturnInput): DepositSettlement {
  requireConsistent(deposit);
  if (isSettled(deposit))
    throw conflict('Deposit has already been returned', { status: depositStatusFor(deposit), reason: 'deposit_settled', number: deposit.number });
  const remaining = deposit.heldSatang - deposit.returnedSatang - deposit.deductedSatang;
  if (remaining <= 0)
    throw conflict('Nothing has been collected on this deposit yet', {
      status: depositStatusFor(deposit),
      reason: 'deposit_nothing_held',
      number: deposit.number,
    });

  requireAmount(input.amountSatang, 'amountSatang');
  if (input.amountSatang > remaining) {
    throw new DomainError('CONFLICT', 'cannot return more than the deposit holds', {
      field: 'amountSatang',
      maxSatang: remaining,
    });
  }
  const deductedSatang = remaining - input.amountSatang;
  if (input.deductedSatang !== undefined && input.deductedSatang !== deductedSatang) {
    throw new DomainError('VALIDATION', 'returned plus deducted must equal the amount held', {
      field: 'deductedSatang',
      expectedSatang: deductedSatang,
    });
  }
  const deductions = cleanDeductions(input.deductions);
  if (deductions.length > 0 && deductions.reduce((sum, d) => sum + d.amountSatang, 0) !== deductedSatang) {
    throw new DomainError('VALIDATION', 'the deductions must add up to what is kept (held minus returned)', {
      field: 'deductions',
      expectedSatang: deductedSatang,
    });
  }
  const reason = input.reason?.trim() || deductionsText(deductions);
  if (deductedSatang > 0 && reason === null) {
    throw validation('reason', 'a reason is required when part of the deposit is kept');
  }
  const settled: DepositAmounts = {
    ...deposit,
    returnedSatang: deposit.returnedSatang + input.amountSatang,
    deductedSatang: deposit.deductedSatang + deductedSatang,
  };
  return { returnedSatang: input.amountSatang, deductedSatang, reason, deductions, status: depositStatusFor(settled) };
}
