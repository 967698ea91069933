/**
 * Which of a customer's records one portal answer carries, so its cost follows what is open and
 * not the whole history: the page embeds everything unpaid or active, plus settled records of the
 * last 12 months (at most the newest RECENT_SETTLED of each kind, so a busy customer's page stays
 * small); older records come one Buddhist-era year at a time (GET /api/portal/<token>/history/<year>).
 * Quote and invoice links see a single record and always get all of it. Deposits are always
 * embedded: a customer has a few, and one held for years is still the customer's money.
 */
import type { Db, Prisma } from '../data/database.ts';
import type { ResolvedLink } from '../services/links.ts';
import type { RecordFilters } from './portal-records.ts';

export type PortalWindow = { kind: 'recent' } | { kind: 'year'; buddhistYear: number };

type LinkScope = Pick<ResolvedLink, 'scope' | 'customerId' | 'quoteId' | 'invoiceId'>;

const OPEN_INVOICE = ['sent', 'partially_paid'];
const OPEN_QUOTE = ['sent'];
const ENDED_JOB = ['closed', 'cancelled'];
const BUDDHIST_ERA_OFFSET = 543;
/** Settled invoices, quotes and jobs the page embeds at most, each (the newest). */
export const RECENT_SETTLED = 50;

/** Per kind, the first day whose settled records the page embeds; earlier ones are history. */
export interface WindowStart {
  invoices: string;
  quotes: string;
  jobs: string;
}

/** The first day (Bangkok) that counts as recent: the same day a year ago. */
export function recentFrom(today: string): string {
  return `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
}

/** Records before `from` that are settled: what the page leaves to the yearly pages. */
function settled(customerId: string) {
  return {
    invoices: { customerId, status: { notIn: ['draft', ...OPEN_INVOICE] } } satisfies Prisma.InvoiceWhereInput,
    quotes: { customerId, status: { notIn: ['draft', ...OPEN_QUOTE] } } satisfies Prisma.QuoteWhereInput,
    jobs: { customerId, stage: { in: ENDED_JOB }, startDate: { not: null } } satisfies Prisma.JobWhereInput,
  };
}

function olderThan(customerId: string, from: WindowStart) {
  const s = settled(customerId);
  return {
    invoices: { ...s.invoices, issueDate: { lt: from.invoices } } satisfies Prisma.InvoiceWhereInput,
    quotes: { ...s.quotes, issueDate: { lt: from.quotes } } satisfies Prisma.QuoteWhereInput,
    jobs: { customerId, stage: { in: ENDED_JOB }, startDate: { lt: from.jobs } } satisfies Prisma.JobWhereInput,
  };
}

const later = (a: string, b: string | undefined) => (b !== undefined && b > a ? b : a);

/**
 * A year ago, or the day of the RECENT_SETTLED-th newest settled record if that is later. Ties on
 * that day are all embedded: the boundary is a day, so page and history never overlap or miss.
 */
export async function windowStart(db: Db, link: LinkScope, today: string): Promise<WindowStart> {
  const from = recentFrom(today);
  if (link.scope !== 'customer') return { invoices: from, quotes: from, jobs: from };
  const s = settled(link.customerId);
  const nth = { skip: RECENT_SETTLED - 1, take: 1 } as const;
  const [invoice, quote, job] = await Promise.all([
    db.invoice.findMany({ where: s.invoices, orderBy: { issueDate: 'desc' }, ...nth, select: { issueDate: true } }),
    db.quote.findMany({ where: s.quotes, orderBy: { issueDate: 'desc' }, ...nth, select: { issueDate: true } }),
    db.job.findMany({ where: s.jobs, orderBy: { startDate: 'desc' }, ...nth, select: { startDate: true } }),
  ]);
  return { invoices: later(from, invoice[0]?.issueDate), quotes: later(from, quote[0]?.issueDate), jobs: later(from, job[0]?.startDate ?? undefined) };
}

const inYear = (buddhistYear: number) => {
  const year = buddhistYear - BUDDHIST_ERA_OFFSET;
  return { gte: `${year}-01-01`, lte: `${year}-12-31` };
};

export function recordFilters(link: LinkScope, window: PortalWindow, from: WindowStart): RecordFilters {
  const { scope, customerId } = link;
  // A deposit asked with a quote is shown (and payable) only once the quote is accepted.
  const deposits: Prisma.DepositWhereInput = { customerId, OR: [{ quoteId: null }, { quote: { status: 'accepted' } }] };
  if (scope === 'quote') {
    return {
      jobs: null,
      quotes: { id: link.quoteId!, status: { not: 'draft' } },
      invoices: null,
      deposits: { quoteId: link.quoteId!, quote: { status: 'accepted' } },
    };
  }
  if (scope === 'invoice') return { jobs: null, quotes: null, invoices: { id: link.invoiceId! }, deposits: null };
  const older = olderThan(customerId, from);
  if (window.kind === 'year') {
    const dates = inYear(window.buddhistYear);
    return {
      jobs: { AND: [older.jobs, { startDate: dates }] },
      quotes: { AND: [older.quotes, { issueDate: dates }] },
      invoices: { AND: [older.invoices, { issueDate: dates }] },
      deposits: null,
    };
  }
  return {
    // The complement of olderThan(), spelled out: NOT (startDate < from) would drop jobs without a date.
    jobs: { customerId, OR: [{ stage: { notIn: ENDED_JOB } }, { startDate: null }, { startDate: { gte: from.jobs } }] },
    quotes: { customerId, status: { not: 'draft' }, OR: [{ status: { in: OPEN_QUOTE } }, { issueDate: { gte: from.quotes } }] },
    invoices: { customerId, status: { not: 'draft' }, OR: [{ status: { in: OPEN_INVOICE } }, { issueDate: { gte: from.invoices } }] },
    deposits,
  };
}

/** Buddhist-era years, newest first, that hold records the page does not embed (customer links only). */
export async function earlierYears(db: Db, link: LinkScope, from: WindowStart): Promise<number[]> {
  if (link.scope !== 'customer') return [];
  const older = olderThan(link.customerId, from);
  const [invoices, quotes, jobs] = await Promise.all([
    db.invoice.aggregate({ where: older.invoices, _min: { issueDate: true }, _max: { issueDate: true } }),
    db.quote.aggregate({ where: older.quotes, _min: { issueDate: true }, _max: { issueDate: true } }),
    db.job.aggregate({ where: older.jobs, _min: { startDate: true }, _max: { startDate: true } }),
  ]);
  const firsts = [invoices._min.issueDate, quotes._min.issueDate, jobs._min.startDate].filter((d): d is string => d !== null);
  const lasts = [invoices._max.issueDate, quotes._max.issueDate, jobs._max.startDate].filter((d): d is string => d !== null);
  if (firsts.length === 0) return [];
  const first = Math.min(...firsts.map((d) => Number(d.slice(0, 4))));
  const last = Math.max(...lasts.map((d) => Number(d.slice(0, 4))));
  const years: number[] = [];
  for (let year = last; year >= first; year--) years.push(year + BUDDHIST_ERA_OFFSET);
  return years;
}
