/**
 * Staff review of clients' payment notices ("I have paid" + slip): list, confirm, reject, and the
 * slip itself. Confirming records the money through the same rules as a payment staff record by
 * hand (applyConfirmedPayment: receipt RC/PREREC, tax invoice, "payment received" message) or a
 * deposit collection (DEPR receipt). The review is a conditional update on `pending_review`, so two
 * staff confirming at once make one payment, and a confirm after a reject (or the reverse) is a
 * 409 that changes nothing.
 */
import type { AppContext } from './context.ts';
import type { Tx } from '../data/database.ts';
import { Prisma } from '../data/database.ts';
import { readStoredFile } from '../data/stored-files.ts';
import type { CERTIFICATE_TYPES } from '../payments/sniff-upload.ts';
import { conflict, DomainError, notFound, validation } from '../domain/errors.ts';
import { applyConfirmedPayment } from './payments.ts';
import { applyDepositCollection } from './deposits.ts';
import { paymentsChangedEvent } from './portal-events.ts';

export const NOTICE_STATUSES = ['pending_review', 'confirmed', 'rejected'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/**
 * Where a bank transaction reference was already used: a notice still standing (pending or
 * confirmed; a rejected one may be sent again, e.g. for the right invoice) or a recorded payment.
 * A bank report may not name the sending bank: a use without a bank matches any bank, and a
 * reference without a bank matches every use of that reference.
 */
export async function findSlipUse(tx: Tx, slip: { sendingBank: string | null; transRef: string }, exceptNoticeId?: string) {
  const bank = slip.sendingBank ? { OR: [{ slipSendingBank: slip.sendingBank }, { slipSendingBank: null }] } : {};
  const notice = await tx.paymentNotice.findFirst({
    where: {
      ...bank,
      slipTransRef: slip.transRef,
      status: { not: 'rejected' },
      ...(exceptNoticeId ? { id: { not: exceptNoticeId } } : {}),
    },
    select: { id: true, sentAt: true },
  });
  if (notice) return { noticeId: notice.id, at: notice.sentAt };
  const payment = await tx.payment.findFirst({
    where: { ...bank, slipTransRef: slip.transRef },
    select: { id: true, receivedAt: true },
  });
  return payment ? { paymentId: payment.id, at: payment.receivedAt } : null;
}

export function duplicateSlip(slip: { sendingBank: string | null; transRef: string }, usedAt: Date): DomainError {
  return new DomainError(
    'DUPLICATE_SLIP',
    `This slip (bank ${slip.sendingBank ?? 'not named'}, reference ${slip.transRef}) was already used on ${usedAt.toISOString()}`,
    {
      field: 'slip',
      sendingBank: slip.sendingBank,
      transRef: slip.transRef,
    },
  );
}

const listInclude = {
  customer: { select: { id: true, name: true, companyName: true } },
  invoice: { select: { id: true, number: true, netPayableSatang: true, paidSatang: true, withholdingSatang: true } },
  deposit: { select: { id: true, number: true, requiredSatang: true, heldSatang: true } },
  payment: { select: { id: true, taxInvoiceNumber: true, receipt: { select: { id: true, number: true, type: true } } } },
  depositCollection: { select: { id: true, receipt: { select: { id: true, number: true, type: true } } } },
} satisfies Prisma.PaymentNoticeInclude;

export type NoticeRow = Prisma.PaymentNoticeGetPayload<{ include: typeof listInclude }>;

export async function listPaymentNotices(ctx: AppContext, input: { status?: NoticeStatus; limit?: number }): Promise<NoticeRow[]> {
  return ctx.db.paymentNotice.findMany({
    where: input.status ? { status: input.status } : {},
    orderBy: [{ sentAt: input.status === 'pending_review' ? 'asc' : 'desc' }, { id: 'asc' }],
    take: Math.min(Math.max(input.limit ?? 100, 1), 500),
    include: listInclude,
  });
}

export async function getPaymentNotice(ctx: AppContext, id: string): Promise<NoticeRow> {
  const notice = await ctx.db.paymentNotice.findUnique({ where: { id }, include: listInclude });
  if (!notice) throw notFound('Payment notice');
  return notice;
}

function alreadyReviewed(notice: { id: string; status: string; reviewedAt: Date | null; reviewedBy: string | null }): DomainError {
  return conflict(
    `This payment notice is already ${notice.status}${notice.reviewedBy ? ` by ${notice.reviewedBy}` : ''}${notice.reviewedAt ? ` at ${notice.reviewedAt.toISOString()}` : ''}`,
    {
      status: notice.status,
      reviewedBy: notice.reviewedBy,
      reviewedAt: notice.reviewedAt?.toISOString() ?? null,
    },
  );
}

/** Claims the notice for this review: 0 rows means someone else reviewed it first. */
async function claim(
  tx: Tx,
  notice: { id: string; status: string; reviewedAt: Date | null; reviewedBy: string | null },
  data: Prisma.PaymentNoticeUpdateManyMutationInput,
) {
  if (notice.status !== 'pending_review') throw alreadyReviewed(notice);
  const { count } = await tx.paymentNotice.updateMany({ where: { id: notice.id, status: 'pending_review' }, data });
  if (count === 0) {
    const now = await tx.paymentNotice.findUniqueOrThrow({ where: { id: notice.id } });
    throw alreadyReviewed(now);
  }
}

export interface ConfirmNoticeInput {
  noticeId: string;
  /** What staff saw arrive; defaults to what the client typed. */
  amountSatang?: number | null;
  /** When the money arrived; defaults to when the client sent the notice. Never in the future. */
  paidAt?: Date | null;
  reviewedBy: string;
}

export async function confirmPaymentNotice(ctx: AppContext, input: ConfirmNoticeInput) {
  const now = ctx.clock.now();
  if (input.amountSatang != null && (!Number.isSafeInteger(input.amountSatang) || input.amountSatang <= 0)) {
    throw validation('amountSatang', 'amountSatang must be a whole number of satang greater than zero');
  }
  if (input.paidAt && input.paidAt.getTime() > now.getTime()) throw validation('paidAt', 'paidAt cannot be in the future');
  const result = await ctx.db
    .$transaction(async (tx) => {
      const notice = await tx.paymentNotice.findUnique({ where: { id: input.noticeId } });
      if (!notice) throw notFound('Payment notice');
      const customerId = notice.customerId;
      if (!customerId || (!notice.invoiceId && !notice.depositId)) {
        // A bank-reported payment whose reference named nothing of ours: staff record it by hand.
        throw conflict('This payment names no invoice or deposit; record it on the right invoice or deposit and reject this notice', {
          reason: 'no_target',
        });
      }
      const amountSatang = input.amountSatang ?? notice.amountSatang;
      // A bank-reported notice knows when the money arrived; a client's slip says when it was sent.
      const paidAt = input.paidAt ?? notice.paidAt ?? notice.sentAt;
      await claim(tx, notice, { status: 'confirmed', reviewedAt: now, reviewedBy: input.reviewedBy, confirmedSatang: amountSatang, paidAt });
      const slip = notice.slipTransRef ? { sendingBank: notice.slipSendingBank, transRef: notice.slipTransRef } : null;
      if (slip) {
        // A payment recorded by hand (or another notice confirmed) since this one was sent.
        const used = await findSlipUse(tx, slip, notice.id);
        if (used) throw duplicateSlip(slip, used.at);
      }
      if (notice.invoiceId) {
        const invoice = await tx.invoice.findUnique({ where: { id: notice.invoiceId }, include: { job: true } });
        if (!invoice) throw notFound('Invoice');
        const payment = await tx.payment.create({
          data: {
            customerId,
            invoiceId: invoice.id,
            amountSatang,
            method: 'promptpay',
            reference: notice.slipTransRef,
            status: 'confirmed',
            slipFileId: notice.slipFileId,
            withholdingCertFileId: notice.withholdingCertFileId,
            slipSendingBank: notice.slipSendingBank,
            slipTransRef: notice.slipTransRef,
            receivedAt: paidAt,
            reviewedAt: now,
            reviewedBy: input.reviewedBy,
          },
        });
        await tx.paymentNotice.update({ where: { id: notice.id }, data: { paymentId: payment.id } });
        const applied = await applyConfirmedPayment(tx, { ctx, invoice, payment, now, paidAt });
        return { noticeId: notice.id, customerId, ...applied, deposit: null };
      }
      if (!notice.depositId) throw new Error(`payment notice ${notice.id} has no target`);
      const collected = await applyDepositCollection(tx, ctx, {
        depositId: notice.depositId,
        amountSatang,
        method: 'promptpay',
        reference: notice.slipTransRef,
        recordedBy: input.reviewedBy,
        now,
        collectedAt: paidAt,
      });
      await tx.paymentNotice.update({ where: { id: notice.id }, data: { depositCollectionId: collected.collection.id } });
      return { noticeId: notice.id, customerId, payment: null, invoice: null, receipt: collected.receipt, deposit: collected.deposit };
    })
    .catch((error: unknown) => {
      // The unique (bank, reference) pair on Payment: the same slip confirmed twice by different notices.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new DomainError('DUPLICATE_SLIP', 'This slip was already used for another payment', { field: 'slip' });
      }
      throw error;
    });
  await ctx.documents.storePending();
  ctx.events.publish(paymentsChangedEvent(result.customerId, result.noticeId, 'confirmed'));
  return { notice: await getPaymentNotice(ctx, result.noticeId), receipt: result.receipt, invoice: result.invoice, deposit: result.deposit };
}

export async function rejectPaymentNotice(ctx: AppContext, input: { noticeId: string; reason: string; reviewedBy: string }) {
  const reason = input.reason.trim();
  if (!reason) throw validation('reason', 'reason is required: tell the client why the payment was not accepted');
  const now = ctx.clock.now();
  const notice = await ctx.db.$transaction(async (tx) => {
    const found = await tx.paymentNotice.findUnique({ where: { id: input.noticeId } });
    if (!found) throw notFound('Payment notice');
    await claim(tx, found, { status: 'rejected', reviewedAt: now, reviewedBy: input.reviewedBy, rejectReason: reason });
    return found;
  });
  if (notice.customerId) ctx.events.publish(paymentsChangedEvent(notice.customerId, notice.id, 'rejected'));
  return getPaymentNotice(ctx, notice.id);
}

/** The slip image (or the withholding certificate) of a notice, for staff. */
export async function paymentNoticeFile(ctx: AppContext, input: { noticeId: string; which: 'slip' | 'withholdingCertificate' }) {
  const notice = await ctx.db.paymentNotice.findUnique({ where: { id: input.noticeId }, select: { slipFileId: true, withholdingCertFileId: true } });
  if (!notice) throw notFound('Payment notice');
  const fileId = input.which === 'slip' ? notice.slipFileId : notice.withholdingCertFileId;
  if (!fileId) throw notFound(input.which === 'slip' ? 'Slip' : 'Withholding certificate');
  const file = await readStoredFile(ctx.db, ctx.blobs, fileId);
  if (!file) throw new DomainError('UNAVAILABLE', 'This file cannot be provided right now');
  // Only sniffed types are ever stored (payments/sniff-upload.ts).
  return { bytes: file.bytes, mimeType: file.mimeType as (typeof CERTIFICATE_TYPES)[number] };
}
