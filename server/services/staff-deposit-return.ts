/**
 * A deposit return staff build up in the bot: start it, add deductions (amount + reason) one line
 * at a time, then confirm the summary. The work in progress is a row per staff member
 * (StaffPendingAction) with an expiry, so a restart or a second instance carries on, and a
 * summary confirmed after the deductions changed is refused rather than recorded.
 */
import type { AppContext } from './context.ts';
import { conflict, validation } from '../domain/errors.ts';
import { assertCanReturn, DEDUCTION_REASON_MAX, MAX_DEDUCTIONS, type DepositDeduction } from '../domain/deposit-status.ts';
import type { PaymentMethod } from '../domain/labels.ts';
import { getDepositForStaff, type DepositForStaff } from './money-for-staff.ts';
import { returnDeposit } from './deposits.ts';
import { joinTransaction } from '../data/join-transaction.ts';
import { HeldDocumentIssuer } from './document-snapshots.ts';

/** Long enough to check the equipment and type the deductions; a forgotten return does not linger. */
export const PENDING_RETURN_TTL_MS = 30 * 60 * 1000;
const KIND = 'deposit_return';

export type Deduction = DepositDeduction;

export interface PendingReturn {
  deposit: DepositForStaff;
  deductions: Deduction[];
  deductedSatang: number;
  refundSatang: number;
}

interface Payload {
  depositId: string;
  deductions: Deduction[];
}

async function readRow(ctx: AppContext, staffId: string) {
  const row = await ctx.db.staffPendingAction.findUnique({ where: { staffId } });
  if (!row || row.kind !== KIND || row.expiresAt <= ctx.clock.now()) return null;
  return { row, payload: JSON.parse(row.payload) as Payload };
}

async function describe(ctx: AppContext, payload: Payload): Promise<PendingReturn> {
  const deposit = await getDepositForStaff(ctx, { id: payload.depositId });
  const deductedSatang = payload.deductions.reduce((sum, d) => sum + d.amountSatang, 0);
  return { deposit, deductions: payload.deductions, deductedSatang, refundSatang: deposit.remainingHeldSatang - deductedSatang };
}

/** Starts (or restarts) a return of the deposit for this staff member; refused when there is nothing to return. */
export async function startDepositReturn(ctx: AppContext, input: { staffId: string; depositNumber: string }): Promise<PendingReturn> {
  const deposit = await getDepositForStaff(ctx, { number: input.depositNumber });
  const amounts = await ctx.db.deposit.findUniqueOrThrow({ where: { id: deposit.id } });
  assertCanReturn(amounts, { amountSatang: deposit.remainingHeldSatang });
  const now = ctx.clock.now();
  const payload = JSON.stringify({ depositId: deposit.id, deductions: [] } satisfies Payload);
  const expiresAt = new Date(now.getTime() + PENDING_RETURN_TTL_MS);
  await ctx.db.staffPendingAction.upsert({
    where: { staffId: input.staffId },
    create: { staffId: input.staffId, kind: KIND, payload, createdAt: now, expiresAt },
    update: { kind: KIND, payload, createdAt: now, expiresAt },
  });
  return { deposit, deductions: [], deductedSatang: 0, refundSatang: deposit.remainingHeldSatang };
}

/** The return this staff member has in progress, or null (none, or expired). */
export async function getPendingReturn(ctx: AppContext, staffId: string): Promise<PendingReturn | null> {
  const found = await readRow(ctx, staffId);
  return found ? describe(ctx, found.payload) : null;
}

/** Adds one deduction; null when no return is in progress. The deductions may not exceed what is held. */
export async function addDeduction(ctx: AppContext, input: { staffId: string; amountSatang: number; reason: string }): Promise<PendingReturn | null> {
  if (!Number.isSafeInteger(input.amountSatang) || input.amountSatang <= 0) throw validation('amountSatang', 'a deduction needs an amount greater than zero');
  const reason = input.reason.trim().slice(0, DEDUCTION_REASON_MAX);
  if (!reason) throw validation('reason', 'a deduction needs a reason');
  const found = await readRow(ctx, input.staffId);
  if (!found) return null;
  if (found.payload.deductions.length >= MAX_DEDUCTIONS) throw validation('deductions', `at most ${MAX_DEDUCTIONS} deductions`);
  const next: Payload = { ...found.payload, deductions: [...found.payload.deductions, { amountSatang: input.amountSatang, reason }] };
  const pending = await describe(ctx, next);
  if (pending.refundSatang < 0) {
    throw conflict('deductions are more than the deposit holds', {
      field: 'amountSatang',
      reason: 'deductions_over_held',
      amountSatang: pending.deductedSatang,
      balanceSatang: pending.deposit.remainingHeldSatang,
    });
  }
  // Conditional on the payload just read: two lines arriving at once do not lose one.
  const { count } = await ctx.db.staffPendingAction.updateMany({
    where: { id: found.row.id, payload: found.row.payload },
    data: { payload: JSON.stringify(next), expiresAt: new Date(ctx.clock.now().getTime() + PENDING_RETURN_TTL_MS) },
  });
  if (count === 0) throw conflict('the deposit return changed meanwhile; type the deduction again');
  return pending;
}

export async function cancelPendingReturn(ctx: AppContext, staffId: string): Promise<boolean> {
  const { count } = await ctx.db.staffPendingAction.deleteMany({ where: { staffId, kind: KIND } });
  return count > 0;
}

/**
 * Records the return exactly as summarised: the summary's refund and deduction totals must still
 * be those of the return in progress. The pending row is removed in the same transaction.
 */
export async function confirmPendingReturn(
  ctx: AppContext,
  input: { staffId: string; depositId: string; refundSatang: number; deductedSatang: number; method: PaymentMethod | null; recordedBy: string },
) {
  // The return's receipt is stored once this transaction has committed.
  const documents = new HeldDocumentIssuer();
  const result = await ctx.db.$transaction(async (tx) => {
    const joined: AppContext = { ...ctx, db: joinTransaction(tx), documents };
    const found = await readRow(joined, input.staffId);
    const pending = found ? await describe(joined, found.payload) : null;
    if (
      !found ||
      !pending ||
      pending.deposit.id !== input.depositId ||
      pending.refundSatang !== input.refundSatang ||
      pending.deductedSatang !== input.deductedSatang
    ) {
      throw conflict('this summary is out of date; type the return command again', { reason: 'return_summary_stale' });
    }
    const { count } = await tx.staffPendingAction.deleteMany({ where: { id: found.row.id, payload: found.row.payload } });
    if (count === 0) throw conflict('this summary is out of date; type the return command again', { reason: 'return_summary_stale' });
    return returnDeposit(joined, {
      depositId: input.depositId,
      amountSatang: input.refundSatang,
      deductions: pending.deductions,
      method: input.refundSatang > 0 ? input.method : null,
      recordedBy: input.recordedBy,
    });
  });
  await documents.release(ctx.documents);
  return result;
}
