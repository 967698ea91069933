/** Customer answers for staff: search results (carousel), the customer card, and "which customer?" resolution. */
import type { AppContext } from '../../server/services/context.ts';
import { getCustomerSummary } from '../../server/services/customers.ts';
import { listLineAccounts } from '../../server/services/line-accounts.ts';
import { findDocumentByNumber, isClearBest, searchCustomers, type CustomerMatch, type DocumentRef } from '../../server/services/customer-search.ts';
import { STAGE_LABELS, type JobStage } from '../../server/domain/job-stages.ts';
import { customerCard, customerCarousel, CAROUSEL_MAX_BUBBLES, type CustomerListItem } from '../flex/staff-messages.ts';
import { pick, type Lang } from '../flex/format.ts';
import { encodePostback, PB, POSTBACK_MAX_LENGTH } from '../flex/postback.ts';
import { postbackItem, staffMenu, textMessage, withQuickReplies, type Answer } from './answers.ts';
import type { Target } from './parse-command.ts';

/** Customers per carousel page: 11 bubbles and a "more" bubble. */
export const PAGE_SIZE = CAROUSEL_MAX_BUBBLES - 1;
const SEARCH_LIMIT = 200;

export async function customerCardAnswer(ctx: AppContext, lang: Lang, customerId: string): Promise<Answer> {
  const summary = await getCustomerSummary(ctx, customerId);
  const lineAccounts = await listLineAccounts(ctx, customerId);
  const card = customerCard({
    lang,
    id: summary.id,
    name: summary.name,
    company: summary.companyName,
    openJobs: summary.openJobs.map((job) => ({
      id: job.id,
      number: job.number,
      title: job.title,
      stageLabel: STAGE_LABELS[job.stage as JobStage]?.[lang] ?? job.stage,
    })),
    balanceDueSatang: summary.balanceDueSatang,
    overdueCount: summary.overdueCount,
    depositsHeldSatang: summary.depositsHeldSatang,
    lastPortalVisitAt: summary.lastSeenAt,
    lineBound: summary.lineBound,
    lineAccounts: lineAccounts.map((a) => ({ lineUserId: a.lineUserId, displayName: a.displayName, following: a.following })),
  });
  return withQuickReplies([card], [postbackItem(pick(lang, 'ลิงก์พอร์ทัล', 'Portal link'), { a: PB.link, c: summary.id }), ...staffMenu(lang)]);
}

async function listItem(ctx: AppContext, match: CustomerMatch): Promise<CustomerListItem> {
  const summary = await getCustomerSummary(ctx, match.customerId);
  return {
    id: summary.id,
    name: summary.name,
    company: summary.companyName,
    balanceDueSatang: summary.balanceDueSatang,
    overdueCount: summary.overdueCount,
    openJobCount: summary.openJobs.length,
  };
}

/** A page of matches as a carousel; a "show more" button when there are more (query kept in the postback if it fits). */
export async function carouselAnswer(ctx: AppContext, lang: Lang, matches: CustomerMatch[], page: { query: string; offset: number }): Promise<Answer> {
  const slice = matches.slice(page.offset, page.offset + PAGE_SIZE);
  const items = await Promise.all(slice.map((m) => listItem(ctx, m)));
  const remaining = matches.length - page.offset - slice.length;
  let more: Record<string, string | number> | undefined;
  if (remaining > 0) {
    const candidate = { a: PB.more, q: page.query, o: page.offset + PAGE_SIZE };
    try {
      if (encodePostback(candidate).length <= POSTBACK_MAX_LENGTH) more = candidate;
    } catch {
      more = undefined; // a very long query: staff narrow the search instead
    }
  }
  const carousel = customerCarousel(items, { lang, totalCount: matches.length - page.offset, ...(more ? { more } : {}) });
  return withQuickReplies([carousel], staffMenu(lang));
}

export async function findAnswer(ctx: AppContext, lang: Lang, query: string, offset = 0): Promise<Answer> {
  const matches = await searchCustomers(ctx, query, { limit: SEARCH_LIMIT });
  if (matches.length === 0) {
    return [
      textMessage(
        pick(
          lang,
          `ไม่พบลูกค้าที่ตรงกับ "${query}"\nลองพิมพ์ชื่อสั้นลง เบอร์โทร หรือเลขเอกสาร`,
          `No customer matches "${query}".\nTry part of the name, a phone number or a document number.`,
        ),
        staffMenu(lang),
      ),
    ];
  }
  if (matches.length === 1 && offset === 0) return customerCardAnswer(ctx, lang, matches[0]!.customerId);
  return carouselAnswer(ctx, lang, matches, { query, offset });
}

export type ResolvedCustomer =
  | { kind: 'one'; customerId: string; document: DocumentRef | null }
  | { kind: 'many'; matches: CustomerMatch[] }
  | { kind: 'none' };

/** Which customer a command means: by document number, or the clearly best name/phone/email match. */
export async function resolveCustomer(ctx: AppContext, target: Target): Promise<ResolvedCustomer> {
  if (target.kind === 'document') {
    const doc = await findDocumentByNumber(ctx, target.number);
    if (!doc) return { kind: 'none' };
    const { customerId, ...document } = doc;
    return { kind: 'one', customerId, document };
  }
  const matches = await searchCustomers(ctx, target.text, { limit: SEARCH_LIMIT });
  if (matches.length === 0) return { kind: 'none' };
  if (isClearBest(matches)) return { kind: 'one', customerId: matches[0]!.customerId, document: matches[0]!.document ?? null };
  return { kind: 'many', matches };
}

export function notFoundAnswer(lang: Lang, target: Target): Answer {
  const what = target.kind === 'document' ? target.number : target.text;
  return [textMessage(pick(lang, `ไม่พบ "${what}"`, `Nothing found for "${what}".`), staffMenu(lang))];
}

/** Several customers fit: show them and say which button to press next. */
export async function chooseCustomerAnswer(
  ctx: AppContext,
  lang: Lang,
  matches: CustomerMatch[],
  query: string,
  next: { th: string; en: string },
): Promise<Answer> {
  const carousel = await carouselAnswer(ctx, lang, matches, { query, offset: 0 });
  return [textMessage(pick(lang, `พบลูกค้าหลายราย เลือก "ดูข้อมูล" แล้ว${next.th}`, `Several customers match. Tap "Open", then ${next.en}.`)), ...carousel];
}
