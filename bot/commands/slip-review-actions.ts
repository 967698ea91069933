/**
 * Staff review clients' payment notices from LINE: Confirm, Reject (with a reason picked from
 * quick replies) and the list of notices waiting. The same use cases as the admin API; the first
 * review wins (a conditional update there), and whoever presses later is told who acted and when.
 */
import { isDomainError } from '../../server/domain/errors.ts';
import { confirmPaymentNotice, rejectPaymentNotice } from '../../server/services/payment-notices.ts';
import { noticeReviewState, pendingNoticesForStaff } from '../../server/services/notices-for-staff.ts';
import { CAROUSEL_MAX_BUBBLES, slipReviewCarousel } from '../flex/staff-messages.ts';
import { formatDateTime, money, pick, type Lang } from '../flex/format.ts';
import { PB } from '../flex/postback.ts';
import { postbackItem, staffMenu, textMessage, withQuickReplies, type Answer } from './answers.ts';
import { actorLabel, type StaffContext } from './staff-actions.ts';

/** The common reasons offered as quick replies; the stored reason is both languages (the client may read either). */
export const REJECT_REASONS = {
  amount: { th: 'ยอดไม่ตรง', en: 'Amount does not match', button: { th: 'ยอดไม่ตรง', en: 'Amount mismatch' } },
  missing: { th: 'ไม่พบยอดเงินเข้า', en: 'Money not received', button: { th: 'ไม่พบยอดเงินเข้า', en: 'Money not received' } },
  unreadable: { th: 'สลิปไม่ชัด', en: 'Slip unreadable', button: { th: 'สลิปไม่ชัด', en: 'Slip unreadable' } },
  other: { th: 'อื่นๆ', en: 'Other', button: { th: 'อื่นๆ', en: 'Other' } },
} as const;
export type RejectReasonKey = keyof typeof REJECT_REASONS;

export function isRejectReason(key: string | undefined): key is RejectReasonKey {
  return key !== undefined && Object.hasOwn(REJECT_REASONS, key);
}

/** Recorded as reviewedBy and shown to the other staff: the staff member's LINE name. */
function reviewerName(s: StaffContext): string {
  return s.staff.displayName?.trim() || actorLabel(s.staff);
}

function alreadyReviewedText(lang: Lang, review: { status: string; reviewedBy: string | null; reviewedAt: Date | string | null }): string {
  const by = review.reviewedBy ?? '-';
  const at = review.reviewedAt ? formatDateTime(review.reviewedAt, lang) : '-';
  return review.status === 'confirmed'
    ? pick(lang, `ยืนยันแล้วโดย ${by} เวลา ${at} ไม่มีอะไรเปลี่ยนแปลง`, `Already confirmed by ${by} at ${at}; nothing changed.`)
    : pick(lang, `ปฏิเสธแล้วโดย ${by} เวลา ${at} ไม่มีอะไรเปลี่ยนแปลง`, `Already rejected by ${by} at ${at}; nothing changed.`);
}

/** The review another staff member made first, read from the use case's 409 (or null for any other error). */
function reviewedFirst(error: unknown): { status: string; reviewedBy: string | null; reviewedAt: string | null } | null {
  if (!isDomainError(error) || error.code !== 'CONFLICT') return null;
  const status = error.details?.['status'];
  if (status !== 'confirmed' && status !== 'rejected') return null;
  const by = error.details?.['reviewedBy'];
  const at = error.details?.['reviewedAt'];
  return { status, reviewedBy: typeof by === 'string' ? by : null, reviewedAt: typeof at === 'string' ? at : null };
}

export async function confirmSlipAnswer(s: StaffContext, noticeId: string): Promise<Answer> {
  try {
    const done = await confirmPaymentNotice(s.ctx, { noticeId, reviewedBy: reviewerName(s) });
    const n = done.notice;
    const what = n.invoice?.number ?? n.deposit?.number ?? '-';
    const amount = money(n.confirmedSatang ?? n.amountSatang, s.lang);
    const receipt = done.receipt?.number ?? '-';
    return [
      textMessage(
        pick(
          s.lang,
          `ยืนยันรับเงินแล้ว ${amount} จาก ${n.customer?.name ?? '-'} (${what})\nใบเสร็จ ${receipt} ส่งให้ลูกค้าแล้ว`,
          `Payment confirmed: ${amount} from ${n.customer?.name ?? '-'} (${what}).\nReceipt ${receipt} is on its way to the client.`,
        ),
        staffMenu(s.lang),
      ),
    ];
  } catch (error) {
    const first = reviewedFirst(error);
    if (first) return [textMessage(alreadyReviewedText(s.lang, first), staffMenu(s.lang))];
    throw error;
  }
}

/** Reject: first the reason, as quick replies (nothing changes until one is chosen). */
export async function rejectSlipAskAnswer(s: StaffContext, noticeId: string): Promise<Answer> {
  const state = await noticeReviewState(s.ctx, noticeId);
  if (state.status !== 'pending_review') return [textMessage(alreadyReviewedText(s.lang, state), staffMenu(s.lang))];
  const n = state.notice;
  const items = (Object.keys(REJECT_REASONS) as RejectReasonKey[]).map((key) =>
    postbackItem(
      REJECT_REASONS[key].button[s.lang],
      { a: PB.slipRejectWith, n: noticeId, r: key },
      pick(s.lang, `ปฏิเสธ: ${REJECT_REASONS[key].th}`, `Reject: ${REJECT_REASONS[key].en}`),
    ),
  );
  return [
    textMessage(
      pick(
        s.lang,
        `ปฏิเสธสลิป ${money(n.amountSatang, s.lang)} จาก ${n.customerName} (${n.target.number})\nเลือกเหตุผลด้านล่าง`,
        `Reject the slip for ${money(n.amountSatang, s.lang)} from ${n.customerName} (${n.target.number})?\nPick the reason below.`,
      ),
      items,
    ),
  ];
}

export async function rejectSlipAnswer(s: StaffContext, noticeId: string, reasonKey: RejectReasonKey): Promise<Answer> {
  const reason = REJECT_REASONS[reasonKey];
  try {
    const n = await rejectPaymentNotice(s.ctx, { noticeId, reason: `${reason.th} / ${reason.en}`, reviewedBy: reviewerName(s) });
    const what = n.invoice?.number ?? n.deposit?.number ?? '-';
    return [
      textMessage(
        pick(
          s.lang,
          `ปฏิเสธสลิปแล้ว ${money(n.amountSatang, s.lang)} จาก ${n.customer?.name ?? '-'} (${what})\nเหตุผล: ${reason.th}`,
          `Slip rejected: ${money(n.amountSatang, s.lang)} from ${n.customer?.name ?? '-'} (${what}).\nReason: ${reason.en}`,
        ),
        staffMenu(s.lang),
      ),
    ];
  } catch (error) {
    const first = reviewedFirst(error);
    if (first) return [textMessage(alreadyReviewedText(s.lang, first), staffMenu(s.lang))];
    throw error;
  }
}

/** `slips`: every notice waiting for review, each with Confirm / Reject. */
export async function pendingSlipsAnswer(s: StaffContext): Promise<Answer> {
  const { notices, total } = await pendingNoticesForStaff(s.ctx, CAROUSEL_MAX_BUBBLES);
  return withQuickReplies([slipReviewCarousel(s.lang, notices, total)], staffMenu(s.lang));
}
