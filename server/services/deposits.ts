/** Refundable security deposits: request, collect (DEPR receipt), return (DEPRR receipt). */
import type { AppContext } from './context.ts';
import type { Tx } from '../data/database.ts';
import { notFound, validation, conflict } from '../domain/errors.ts';
import { assertCanCollect, assertCanReturn, depositStatusFor, type DepositDeduction } from '../domain/deposit-status.ts';
import { isPaymentMethod, type PaymentMethod } from '../domain/payment-status.ts';
import { requireSatang } from '../domain/money.ts';
import { nextDocumentNumber } from './numbering.ts';
import { issueReceipt } from './receipts.ts';
import { snapshotIssuedDocument } from './document-snapshots.ts';
import { requireCustomerAndJob } from './quotes.ts';
import { notifyDepositReceived, notifyDepositReturned } from './messages/notify-client.ts';

export interface CreateDepositInput {
  customerId: string;
  requiredSatang: number;
  quoteId?: string | null;
  jobId?: string | null;
}

export async function createDeposit(ctx: AppContext, input: CreateDepositInput) {
  const now = ctx.clock.now();
  return ctx.db.$transaction((tx) => createDepositIn(tx, now, input));
}

/** createDeposit inside a caller's transaction (accepting a quote creates its deposit). */
export async function createDepositIn(tx: Tx, now: Date, input: CreateDepositInput) {
  requireSatang(input.requiredSatang, 'requiredSatang');
  if (input.requiredSatang <= 0) throw validation('requiredSatang', 'requiredSatang must be greater than zero');
  await requireCustomerAndJob(tx, input.customerId, input.jobId);
  if (input.quoteId) {
    const quote = await tx.quote.findUnique({ where: { id: input.quoteId }, select: { customerId: true } });
    if (!quote || quote.customerId !== input.customerId) throw validation('quoteId', "quoteId does not match any of this customer's quotes");
  }
  const number = await nextDocumentNumber(tx, 'DEP', now);
  const deposit = await tx.deposit.create({
    data: {
      number,
      createdAt: now,
      customerId: input.customerId,
      quoteId: input.quoteId ?? null,
      jobId: input.jobId ?? null,
      requiredSatang: input.requiredSatang,
      status: 'pending',
    },
  });
  // The deposit request is issued with its number.
  await snapshotIssuedDocument(tx, { kind: 'deposit_request', recordId: deposit.id, customerId: deposit.customerId }, now);
  return deposit;
}

export interface CollectDepositInput {
  depositId: string;
  amountSatang: number;
  method: PaymentMethod;
  reference?: string | null;
  recordedBy?: string | null;
}

export async function collectDeposit(ctx: AppContext, input: CollectDepositInput) {
  if (!isPaymentMethod(input.method)) throw validation('method', 'method is not a known payment method');
  const now = ctx.clock.now();
  const result = await ctx.db.$transaction((tx) => applyDepositCollection(tx, ctx, { ...input, now }));
  await ctx.documents.storePending();
  return result;
}

/**
 * Adds money collected to a deposit and issues its DEPR receipt, inside the caller's transaction.
 * Shared by staff recording a collection and by confirming a client's payment notice.
 * `collectedAt` is when the money arrived (the receipt is dated `now`, when it is issued). The
 * client is told, with the DEPR receipt, in the same transaction (queued in the outbox).
 */
export async function applyDepositCollection(tx: Tx, ctx: AppContext, input: CollectDepositInput & { now: Date; collectedAt?: Date }) {
  const { now } = input;
  const deposit = await tx.deposit.findUnique({ where: { id: input.depositId } });
  if (!deposit) throw notFound('Deposit');
  assertCanCollect(deposit, input.amountSatang);
  const heldSatang = deposit.heldSatang + input.amountSatang;
  const status = depositStatusFor({ ...deposit, heldSatang });
  const { count } = await tx.deposit.updateMany({
    where: { id: deposit.id, heldSatang: deposit.heldSatang, returnedSatang: deposit.returnedSatang, deductedSatang: deposit.deductedSatang },
    data: { heldSatang, status },
  });
  if (count === 0) throw conflict(`Deposit ${deposit.number} was changed by someone else; reload and try again`);
  const collection = await tx.depositCollection.create({
    data: {
      depositId: deposit.id,
      amountSatang: input.amountSatang,
      method: input.method,
      reference: input.reference ?? null,
      recordedBy: input.recordedBy ?? null,
      collectedAt: input.collectedAt ?? now,
    },
  });
  const receipt = await issueReceipt(tx, {
    type: 'DEPR',
    customerId: deposit.customerId,
    amountSatang: input.amountSatang,
    issuedAt: now,
    depositCollectionId: collection.id,
  });
  const job = deposit.jobId ? await tx.job.findUnique({ where: { id: deposit.jobId }, select: { number: true } }) : null;
  // Never fails the collection: an unreachable client is logged and skipped.
  await notifyDepositReceived(tx, ctx, {
    collectionId: collection.id,
    customerId: deposit.customerId,
    depositNumber: deposit.number,
    amountSatang: collection.amountSatang,
    heldSatang,
    requiredSatang: deposit.requiredSatang,
    receipt: { id: receipt.id, number: receipt.number },
    paidAt: collection.collectedAt,
    jobNumber: job?.number ?? null,
  });
  return {
    deposit: { id: deposit.id, number: deposit.number, customerId: deposit.customerId, status, requiredSatang: deposit.requiredSatang, heldSatang },
    collection: { id: collection.id, amountSatang: collection.amountSatang },
    receipt: { id: receipt.id, number: receipt.number, type: receipt.type },
  };
}

export interface ReturnDepositInput {
  depositId: string;
  amountSatang: number;
  reason?: string | null;
  /** Itemised: each kept amount with its reason (the DEPRR receipt and the portal list them). */
  deductions?: DepositDeduction[] | null;
  method?: PaymentMethod | null;
  reference?: string | null;
  recordedBy?: string | null;
}

export async function returnDeposit(ctx: AppContext, input: ReturnDepositInput) {
  if (input.method != null && !isPaymentMethod(input.method)) throw validation('method', 'method is not a known payment method');
  const now = ctx.clock.now();
  const result = await ctx.db.$transaction(async (tx) => {
    const deposit = await tx.deposit.findUnique({ where: { id: input.depositId } });
    if (!deposit) throw notFound('Deposit');
    const settlement = assertCanReturn(deposit, { amountSatang: input.amountSatang, reason: input.reason ?? null, deductions: input.deductions ?? null });
    const returnedSatang = deposit.returnedSatang + settlement.returnedSatang;
    const deductedSatang = deposit.deductedSatang + settlement.deductedSatang;
    const { count } = await tx.deposit.updateMany({
      where: { id: deposit.id, heldSatang: deposit.heldSatang, returnedSatang: deposit.returnedSatang, deductedSatang: deposit.deductedSatang },
      data: { returnedSatang, deductedSatang, status: settlement.status },
    });
    if (count === 0) throw conflict(`Deposit ${deposit.number} was changed by someone else; reload and try again`);
    const ret = await tx.depositReturn.create({
      data: {
        depositId: deposit.id,
        amountSatang: settlement.returnedSatang,
        deductedSatang: settlement.deductedSatang,
        reason: settlement.reason,
        method: input.method ?? null,
        reference: input.reference ?? null,
        recordedBy: input.recordedBy ?? null,
        returnedAt: now,
        deductions: { create: settlement.deductions.map((d, position) => ({ position, amountSatang: d.amountSatang, reason: d.reason })) },
      },
    });
    const receipt = await issueReceipt(tx, {
      type: 'DEPRR',
      customerId: deposit.customerId,
      amountSatang: settlement.returnedSatang,
      issuedAt: now,
      depositReturnId: ret.id,
    });
    const job = deposit.jobId ? await tx.job.findUnique({ where: { id: deposit.jobId }, select: { number: true } }) : null;
    // Never fails the return: an unreachable client is logged and skipped.
    await notifyDepositReturned(tx, ctx, {
      returnId: ret.id,
      customerId: deposit.customerId,
      depositNumber: deposit.number,
      returnedSatang: ret.amountSatang,
      deductedSatang: ret.deductedSatang,
      reason: ret.reason,
      receipt: { id: receipt.id, number: receipt.number },
      jobNumber: job?.number ?? null,
    });
    return {
      deposit: { id: deposit.id, number: deposit.number, status: settlement.status, heldSatang: deposit.heldSatang, returnedSatang, deductedSatang },
      return: { id: ret.id, amountSatang: ret.amountSatang, deductedSatang: ret.deductedSatang, reason: ret.reason },
      receipt: { id: receipt.id, number: receipt.number, type: receipt.type },
    };
  });
  await ctx.documents.storePending();
  return result;
}
