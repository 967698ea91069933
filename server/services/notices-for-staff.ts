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
