/**
 * Messages that follow a change made by another use case (payment confirmed, deposit returned,
 * job moved), queued inside that use case's transaction. A client we cannot reach must never undo
 * the change: "no channel" is logged and skipped here; only explicit "send" requests report it.
 */
import type { Tx } from '../../data/database.ts';
import type { AppContext } from '../context.ts';
import { bangkokDate } from '../../domain/dates.ts';
import { DomainError } from '../../domain/errors.ts';
import { STAGE_LABELS, type JobStage } from '../../domain/job-stages.ts';
import { enqueueMessage, findByIdempotencyKey, planDelivery, type EnqueuedMessage } from '../../messaging/enqueue.ts';
import { customerContentBase } from './compose.ts';
import { BUSINESS_ID } from '../business.ts';
import type { Audience, KindFields, MessageKind, StoredContent } from '../../messaging/message-content.ts';

type ContentBody<K extends MessageKind> = KindFields[K] & Pick<Audience, 'attachDocumentId'>;

async function notify<K extends MessageKind>(
  tx: Tx,
  ctx: AppContext,
  input: { idempotencyKey: string; customerId: string; kind: K; subPath: string; body: (lang: 'th' | 'en') => ContentBody<K> },
): Promise<EnqueuedMessage | null> {
  try {
    const existing = await findByIdempotencyKey(tx, input.idempotencyKey);
    if (existing) return existing;
    // Check reachability before issuing a link nobody would receive.
    await planDelivery(tx, ctx, { customerId: input.customerId, kind: input.kind });
    const base = await customerContentBase(tx, ctx, input.customerId, input.subPath);
    const content = { kind: input.kind, ...base, ...input.body(base.lang) } as unknown as StoredContent;
    return await enqueueMessage(tx, ctx, { idempotencyKey: input.idempotencyKey, customerId: input.customerId, content });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // Most clients have no LINE: a skipped stage update is routine, a skipped receipt is worth a line.
    const log = input.kind === 'job_stage' ? ctx.logger.debug : ctx.logger.info;
    log({ customerId: input.customerId, kind: input.kind, reason: error.message }, 'client not notified');
    return null;
  }
}

export function notifyPaymentReceived(
  tx: Tx,
  ctx: AppContext,
  input: {
    paymentId: string;
    customerId: string;
    amountSatang: number;
    receipt: { id: string; number: string };
    invoiceNumber: string;
    balanceSatang: number;
    paidAt: Date;
  },
) {
  return notify(tx, ctx, {
    idempotencyKey: `payment-received:${input.paymentId}`,
    customerId: input.customerId,
    kind: 'payment_received',
    subPath: '/receipts',
    body: () => ({
      receiptNumber: input.receipt.number,
      amountSatang: input.amountSatang,
      invoiceNumber: input.invoiceNumber,
      paidOn: bangkokDate(input.paidAt),
      balanceRemainingSatang: input.balanceSatang,
      attachDocumentId: `receipt.${input.receipt.id}`,
    }),
  });
}

export function notifyDepositReceived(
  tx: Tx,
  ctx: AppContext,
  input: {
    collectionId: string;
    customerId: string;
    depositNumber: string;
    amountSatang: number;
    heldSatang: number;
    requiredSatang: number;
    receipt: { id: string; number: string };
    paidAt: Date;
    jobNumber: string | null;
  },
) {
  return notify(tx, ctx, {
    idempotencyKey: `deposit-received:${input.collectionId}`,
    customerId: input.customerId,
    kind: 'deposit_received',
    subPath: '/deposits',
    body: () => ({
      depositNumber: input.depositNumber,
      receiptNumber: input.receipt.number,
      amountSatang: input.amountSatang,
      paidOn: bangkokDate(input.paidAt),
      heldSatang: input.heldSatang,
      requiredSatang: input.requiredSatang,
      jobNumber: input.jobNumber,
      attachDocumentId: `receipt.${input.receipt.id}`,
    }),
  });
}

export function notifyDepositReturned(
  tx: Tx,
  ctx: AppContext,
  input: {
    returnId: string;
    customerId: string;
    depositNumber: string;
    returnedSatang: number;
    deductedSatang: number;
    reason: string | null;
    receipt: { id: string; number: string } | null;
    jobNumber: string | null;
  },
) {
  return notify(tx, ctx, {
    idempotencyKey: `deposit-returned:${input.returnId}`,
    customerId: input.customerId,
    kind: 'deposit_returned',
    subPath: '/deposits',
    body: () => ({
      depositNumber: input.depositNumber,
      returnedSatang: input.returnedSatang,
      deductedSatang: input.deductedSatang,
      reason: input.reason,
      receiptNumber: input.receipt?.number ?? null,
      jobNumber: input.jobNumber,
      attachDocumentId: input.receipt ? `receipt.${input.receipt.id}` : null,
    }),
  });
}

export function notifyPaymentVoided(
  tx: Tx,
  ctx: AppContext,
  input: {
    paymentId: string;
    customerId: string;
    amountSatang: number;
    invoiceNumber: string;
    receiptNumber: string | null;
    creditNote: { number: string; documentId: string } | null;
    reason: string;
    balanceSatang: number;
  },
) {
  return notify(tx, ctx, {
    idempotencyKey: `payment-voided:${input.paymentId}`,
    customerId: input.customerId,
    kind: 'payment_voided',
    subPath: '/receipts',
    body: () => ({
      amountSatang: input.amountSatang,
      invoiceNumber: input.invoiceNumber,
      receiptNumber: input.receiptNumber,
      creditNoteNumber: input.creditNote?.number ?? null,
      reason: input.reason,
      balanceDueSatang: input.balanceSatang,
      attachDocumentId: input.creditNote?.documentId ?? null,
    }),
  });
}

/**
 * A job stage update goes out only for the stages the business announces (Business.notifyStages)
 * and only over LINE: a stage change is not worth an email or an SMS.
 */
export async function notifyJobStage(
  tx: Tx,
  ctx: AppContext,
  input: { changeId: string; customerId: string; job: { id: string; number: string; title: string }; stage: JobStage; note: string | null },
) {
  const business = await tx.business.findUnique({ where: { id: BUSINESS_ID }, select: { notifyStages: true } });
  const announced = (business?.notifyStages ?? '').split(',').map((s) => s.trim());
  if (!announced.includes(input.stage)) return null;
  return notify(tx, ctx, {
    idempotencyKey: `job-stage:${input.changeId}`,
    customerId: input.customerId,
    kind: 'job_stage',
    subPath: `/jobs/${encodeURIComponent(input.job.id)}`,
    body: (lang) => ({
      jobNumber: input.job.number,
      jobTitle: input.job.title,
      stage: input.stage,
      stageLabel: STAGE_LABELS[input.stage][lang],
      note: input.note,
    }),
  });
}

/** The client's signed copy: the sealed PDF attached to the email; LINE and SMS link to the portal. */
export function notifyQuoteSigned(
  tx: Tx,
  ctx: AppContext,
  input: {
    quoteId: string;
    customerId: string;
    quoteNumber: string;
    signerName: string;
    signedAt: Date;
    totalSatang: number;
    deposit: { number: string; requiredSatang: number } | null;
  },
) {
  return notify(tx, ctx, {
    idempotencyKey: `quote-signed:${input.quoteId}`,
    customerId: input.customerId,
    kind: 'quote_signed',
    subPath: input.deposit ? '/deposits' : '/documents',
    body: () => ({
      quoteNumber: input.quoteNumber,
      signerName: input.signerName,
      signedOn: bangkokDate(input.signedAt),
      totalSatang: input.totalSatang,
      depositNumber: input.deposit?.number ?? null,
      depositSatang: input.deposit?.requiredSatang ?? 0,
      attachDocumentId: `signed_quote.${input.quoteId}`,
    }),
  });
}
