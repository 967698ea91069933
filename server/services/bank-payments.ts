/**
 * A payment reported by the bank or a payment gateway (POST /api/webhooks/payments), for a
 * bill-payment QR that carried our document number as reference 1. An exact match (an open
 * invoice's or a payable deposit's number, for exactly its balance) is confirmed at once through
 * the same use cases as a staff confirmation: notice → payment or deposit collection, receipt,
 * tax invoice, client message, live portal update. Anything else waits for staff as a
 * pending_review notice (without a slip image). One answer per transaction reference: a second
 * delivery replays the first answer (runIdempotent), and a reference already used by a client's
 * slip or a recorded payment is never counted twice.
 */
import type { AppContext } from './context.ts';
import type { Tx } from '../data/database.ts';
import { formatDocumentNumber, parseDocumentNumber } from '../domain/document-numbers.ts';
import { invoiceBalanceSatang } from '../domain/invoice-status.ts';
import { depositOutstandingSatang } from '../domain/deposit-status.ts';
import { missingBuyerField, type BuyerField } from '../domain/tax-invoice-buyer.ts';
import { getBusiness } from './business.ts';
import { confirmPaymentNotice, findSlipUse } from './payment-notices.ts';
import { paymentsChangedEvent } from './portal-events.ts';
import { runIdempotent } from './idempotent-request.ts';
import { announcePaymentNotice } from './notices-for-staff.ts';

export interface BankPayment {
  transRef: string;
  sendingBank: string | null;
  amountSatang: number;
  paidAt: Date;
  billerId: string;
  reference1: string;
  reference2: string | null;
}

export const REVIEW_REASONS = [
  'unknown_reference',
  'amount_mismatch',
  'nothing_to_pay',
  'other_biller',
  'buyer_no_name',
  'buyer_no_address',
  'buyer_no_branch',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export type BankPaymentAnswer =
  | { status: 'confirmed'; transRef: string; noticeId: string; receiptNumber: string; documentNumber: string }
  | { status: 'pending_review'; transRef: string; noticeId: string; reason: ReviewReason }
  | { status: 'duplicate'; transRef: string };

/** HTTP status of the first answer; a replay is always 200. */
const STATUS: Record<BankPaymentAnswer['status'], number> = { confirmed: 200, pending_review: 202, duplicate: 200 };

export async function receiveBankPayment(ctx: AppContext, payment: BankPayment): Promise<{ httpStatus: number; answer: BankPaymentAnswer }> {
  const result = await runIdempotent(ctx, { scope: 'payment-webhook', key: payment.transRef, requestHash: payment.transRef }, async (joined) => {
    const answer = await settle(joined, payment);
    return { status: STATUS[answer.status], body: answer };
  });
  const answer = result.body as BankPaymentAnswer;
  // A payment that needs a person goes to staff in LINE at once, like a client's slip (after the commit).
  if (!result.replayed && answer.status === 'pending_review') await announcePaymentNotice(ctx, answer.noticeId);
  return { httpStatus: result.replayed ? 200 : result.status, answer };
}

type Target =
  | { kind: 'invoice'; id: string; number: string; customerId: string; balanceSatang: number }
  | { kind: 'deposit'; id: string; number: string; customerId: string; balanceSatang: number };

/** Runs inside runIdempotent's transaction: every write goes through `ctx.db`, which joins it. */
async function settle(ctx: AppContext, payment: BankPayment): Promise<BankPaymentAnswer> {
  const business = await getBusiness(ctx.db);
  return ctx.db.$transaction(async (tx) => {
    const used = await findSlipUse(tx, { sendingBank: payment.sendingBank, transRef: payment.transRef });
    if (used) {
      // Already counted (the client's slip, or staff recorded it): staff should see both agree.
      ctx.logger.warn(
        { transRef: payment.transRef, sendingBank: payment.sendingBank, reference1: payment.reference1, usedBy: used },
        'bank-reported payment already recorded: not counted again',
      );
      return { status: 'duplicate', transRef: payment.transRef };
    }
    const target = await findTarget(tx, payment.reference1);
    const reason: ReviewReason | null =
      business.promptPayBillerId !== payment.billerId
        ? 'other_biller'
        : !target
          ? 'unknown_reference'
          : target.balanceSatang <= 0
            ? 'nothing_to_pay'
            : target.balanceSatang !== payment.amountSatang
              ? 'amount_mismatch'
              : await buyerNotReady(tx, business.vatRegistered, target);
    const now = ctx.clock.now();
    // A bank clock a little ahead of ours must not make the payment "in the future".
    const paidAt = payment.paidAt.getTime() > now.getTime() ? now : payment.paidAt;
    const notice = await tx.paymentNotice.create({
      data: {
        customerId: target?.customerId ?? null,
        invoiceId: target?.kind === 'invoice' ? target.id : null,
        depositId: target?.kind === 'deposit' ? target.id : null,
        channel: 'bank',
        amountSatang: payment.amountSatang,
        status: 'pending_review',
        slipReadable: true,
        slipSendingBank: payment.sendingBank,
        slipTransRef: payment.transRef,
        bankReference1: payment.reference1,
        reviewReason: reason,
        sentAt: now,
        paidAt,
      },
    });
    if (reason || !target) {
      ctx.logger.info({ noticeId: notice.id, transRef: payment.transRef, reference1: payment.reference1, reason }, 'bank-reported payment waits for review');
      if (notice.customerId) ctx.events.publish(paymentsChangedEvent(notice.customerId, notice.id, 'pending_review'));
      return { status: 'pending_review', transRef: payment.transRef, noticeId: notice.id, reason: reason ?? 'unknown_reference' };
    }
    const confirmed = await confirmPaymentNotice(ctx, { noticeId: notice.id, paidAt, reviewedBy: 'bank webhook' });
    return { status: 'confirmed', transRef: payment.transRef, noticeId: notice.id, receiptNumber: confirmed.receipt.number, documentNumber: target.number };
  });
}

const BUYER_REASON: Record<BuyerField, ReviewReason> = { name: 'buyer_no_name', address: 'buyer_no_address', branchCode: 'buyer_no_branch' };

/**
 * Paying this invoice would issue a tax invoice the buyer's record cannot fill (s.86/4): the
 * money waits for staff, who complete the customer and confirm it, instead of the whole report
 * failing and the bank retrying it forever.
 */
async function buyerNotReady(tx: Tx, vatRegistered: boolean, target: Target): Promise<ReviewReason | null> {
  if (!vatRegistered || target.kind !== 'invoice') return null;
  const missing = missingBuyerField(await tx.customer.findUniqueOrThrow({ where: { id: target.customerId } }));
  return missing ? BUYER_REASON[missing] : null;
}

/** The open invoice or payable deposit whose number is reference 1 (as printed, or without its dashes). */
async function findTarget(tx: Tx, reference1: string): Promise<Target | null> {
  const parsed = parseDocumentNumber(reference1);
  if (!parsed) return null;
  const number = formatDocumentNumber(parsed.prefix, parsed.year, parsed.sequence);
  if (parsed.prefix === 'INV') {
    const invoice = await tx.invoice.findUnique({ where: { number } });
    if (!invoice) return null;
    const open = invoice.status === 'sent' || invoice.status === 'partially_paid';
    return {
      kind: 'invoice',
      id: invoice.id,
      number,
      customerId: invoice.customerId,
      balanceSatang: open ? invoiceBalanceSatang(invoice.netPayableSatang, invoice.paidSatang) : 0,
    };
  }
  if (parsed.prefix === 'DEP') {
    const deposit = await tx.deposit.findUnique({ where: { number }, include: { quote: { select: { status: true } } } });
    if (!deposit) return null;
    // A deposit of a quote the client has not accepted is not payable yet (the portal hides it too).
    const payable = deposit.quoteId === null || deposit.quote?.status === 'accepted';
    return { kind: 'deposit', id: deposit.id, number, customerId: deposit.customerId, balanceSatang: payable ? depositOutstandingSatang(deposit) : 0 };
  }
  return null;
}
