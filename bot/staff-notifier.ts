/**
 * The LINE side of "staff see it at once" (a quote accepted/declined, a payment notice to review, a reused slip refused):
 * one Flex card pushed to each active staff member, in their language. The retry key is derived from the event and the recipient, so a
 * push repeated after a lost answer is accepted once by LINE (409 = already delivered).
 * Without LINE credentials the notice is logged (the demo has no staff in LINE anyway).
 */
import { createHash } from 'node:crypto';
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import type { Logger } from '../server/logger.ts';
import type { StaffNotice, StaffNotifier } from '../server/services/ports.ts';
import { duplicateSlipCard, quoteAnsweredCard, slipReviewCard } from './flex/staff-messages.ts';

/** A UUID-shaped key from a stable string (X-Line-Retry-Key must be a UUID). */
function retryKeyFor(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function card(notice: StaffNotice, lang: 'th' | 'en') {
  if (notice.kind === 'payment_notice') return slipReviewCard({ lang, ...notice.notice });
  if (notice.kind === 'duplicate_slip') {
    const { id: _id, kind: _kind, ...slip } = notice;
    return duplicateSlipCard({ lang, ...slip });
  }
  return quoteAnsweredCard({
    lang,
    accepted: notice.kind === 'quote_accepted',
    quoteNumber: notice.quoteNumber,
    customerName: notice.customerName,
    totalSatang: notice.totalSatang,
    signerName: notice.signerName,
    reason: notice.reason,
    depositNumber: notice.depositNumber,
    jobNumber: notice.jobNumber,
    at: notice.at,
  });
}

export function lineStaffNotifier(options: { channelAccessToken: string; apiBaseUrl: string; logger: Logger }): StaffNotifier {
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: options.channelAccessToken, baseURL: options.apiBaseUrl });
  return {
    mode: 'live',
    async notify(recipients, notice) {
      for (const r of recipients) {
        try {
          await client.pushMessage({ to: r.lineUserId, messages: [card(notice, r.lang)] }, retryKeyFor(`${notice.id}:${r.lineUserId}`));
        } catch (error) {
          if (error instanceof HTTPFetchError && error.status === 409) continue;
          // One unreachable staff member must not keep the others from hearing it.
          options.logger.warn({ notice: notice.id, err: error instanceof Error ? error.message : String(error) }, 'staff LINE push failed');
        }
      }
    },
  };
}

export function loggedStaffNotifier(logger: Logger): StaffNotifier {
  return {
    mode: 'local',
    async notify(recipients, notice) {
      logger.info({ notice: notice.id, kind: notice.kind, staff: recipients.length }, 'staff notice (LINE not configured)');
    },
  };
}
