/**
 * Payment notices as staff review them in LINE: the pushed card for a new notice and the list
 * of notices still waiting ("slips"). Each carries a fresh signed slip URL (slip-urls.ts).
 */
import type { AppContext } from './context.ts';
import type { NoticeForStaff } from './ports.ts';
import { invoiceBalanceSatang } from '../domain/invoice-status.ts';
import { getPaymentNotice, listPaymentNotices, type NoticeRow } from './payment-notices.ts';
import { signedSlipUrl } from './slip-urls.ts';
import { notifyStaff } from './notify-staff.ts';

function toNoticeForStaff(ctx: AppContext, row: NoticeRow): NoticeForStaff {
  const target = row.invoice ? { kind: 'invoice' as const, number: row.invoice.number } : { kind: 'deposit' as const, number: row.deposit?.number ?? '-' };
  const balanceSatang = row.invoice
    ? invoiceBalanceSatang(row.invoice.netPayableSatang, row.invoice.paidSatang)
    : row.deposit
      ? Math.max(0, row.deposit.requiredSatang - row.deposit.heldSatang)
      : null;
  return {
    noticeId: row.id,
    // A bank payment whose reference names nothing of ours has no customer yet: staff decide.
    customerName: !row.customer ? '-' : row.customer.companyName ? `${row.customer.name} (${row.customer.companyName})` : row.customer.name,
    amountSatang: row.amountSatang,
    balanceSatang,
    target,
    sendingBank: row.slipReadable ? row.slipSendingBank : null,
    transRef: row.slipReadable ? row.slipTransRef : null,
    slipUrl: row.slipFileId ? signedSlipUrl(ctx, row.id) : null,
    sentAt: row.sentAt,
  };
}

/** Pushes a new notice to every active staff member; after the commit, never undoing it. */
export async function announcePaymentNotice(ctx: AppContext, noticeId: string): Promise<void> {
  try {
    const notice = toNoticeForStaff(ctx, await getPaymentNotice(ctx, noticeId));
    await notifyStaff(ctx, { id: `payment-notice:${noticeId}`, kind: 'payment_notice', notice });
  } catch (error) {
    ctx.logger.warn({ noticeId, err: error instanceof Error ? error.message : String(error) }, 'payment notice not announced to staff');
  }
}

export interface RefusedDuplicateSlip {
  customerId: string;
  target: { kind: 'invoice' | 'deposit'; number: string };
  amountSatang: number;
  slip: { sendingBank: string | null; transRef: string };
  used: { noticeId: string; at: Date } | { paymentId: string; at: Date };
  sentAt: Date;
}

/** What already used a slip reference, as staff find it: a notice by what it paid, a payment by its receipt. */
async function usedByNumber(ctx: AppContext, used: RefusedDuplicateSlip['used']): Promise<string> {
  if ('noticeId' in used) {
    const notice = await ctx.db.paymentNotice.findUnique({
      where: { id: used.noticeId },
      select: { invoice: { select: { number: true } }, deposit: { select: { number: true } } },
    });
    return notice?.invoice?.number ?? notice?.deposit?.number ?? '-';
  }
  const payment = await ctx.db.payment.findUnique({
    where: { id: used.paymentId },
    select: { receipt: { select: { number: true } }, invoice: { select: { number: true } } },
  });
  return payment?.receipt?.number ?? payment?.invoice.number ?? '-';
}

/**
 * Tells staff a client's slip was refused as already used (after the refusal; nothing was
 * stored). Keyed by customer and slip, so the client retrying the same slip is told to staff once
 * (LINE accepts one push per retry key within 24 h). Never fails the client's request.
 */
export async function announceDuplicateSlip(ctx: AppContext, refused: RefusedDuplicateSlip): Promise<void> {
  try {
    const customer = await ctx.db.customer.findUnique({ where: { id: refused.customerId }, select: { name: true, companyName: true } });
    const customerName = !customer ? '-' : customer.companyName ? `${customer.name} (${customer.companyName})` : customer.name;
    await notifyStaff(ctx, {
      id: `duplicate-slip:${refused.customerId}:${refused.slip.sendingBank ?? '-'}:${refused.slip.transRef}`,
      kind: 'duplicate_slip',
      customerName,
      target: refused.target,
      amountSatang: refused.amountSatang,
      sendingBank: refused.slip.sendingBank,
      transRef: refused.slip.transRef,
      usedBy: { kind: 'noticeId' in refused.used ? 'notice' : 'payment', number: await usedByNumber(ctx, refused.used), at: refused.used.at },
      sentAt: refused.sentAt,
    });
  } catch (error) {
    ctx.logger.warn({ customerId: refused.customerId, err: error instanceof Error ? error.message : String(error) }, 'duplicate slip not announced to staff');
  }
}

/** Notices waiting for review, oldest first, and how many there are in all. */
export async function pendingNoticesForStaff(ctx: AppContext, max: number): Promise<{ notices: NoticeForStaff[]; total: number }> {
  const rows = await listPaymentNotices(ctx, { status: 'pending_review', limit: 500 });
  return { notices: rows.slice(0, max).map((row) => toNoticeForStaff(ctx, row)), total: rows.length };
}

/** One notice with its current review state, for the answer to a button press. */
export async function noticeReviewState(ctx: AppContext, noticeId: string) {
  const row = await getPaymentNotice(ctx, noticeId);
  return { status: row.status, reviewedBy: row.reviewedBy, reviewedAt: row.reviewedAt, notice: toNoticeForStaff(ctx, row) };
}
