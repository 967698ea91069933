/**
 * A customer link's history beyond what the page embeds: one Buddhist-era year at a time, and
 * every document of every year for "download all". Both go through buildPortalData, so they see
 * exactly what the link's scope allows and nothing of another customer.
 */
import type { AppContext } from '../services/context.ts';
import type { ResolvedLink } from '../services/links.ts';
import { notFound, validation } from '../domain/errors.ts';
import { buildPortalData } from './build-portal-view.ts';
import type { PortalDocument, PortalHistoryYear } from './portal-view.ts';

type Link = Pick<ResolvedLink, 'scope' | 'customerId' | 'quoteId' | 'invoiceId'>;

/** Plausible Buddhist-era years (1857–2257 CE): anything else is a typo, not a year with no records. */
const FIRST_YEAR = 2400;
const LAST_YEAR = 2800;

export function parseBuddhistYear(text: string): number {
  const year = /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) throw validation('year', `year must be a Buddhist-era year (${FIRST_YEAR}–${LAST_YEAR}), e.g. 2567`);
  return year;
}

export async function portalHistoryYear(ctx: AppContext, link: Link, buddhistYear: number): Promise<PortalHistoryYear> {
  // Quote and invoice links show their one record in full on the page: they have no history.
  if (link.scope !== 'customer') throw notFound('History');
  const data = await buildPortalData(ctx, link, { kind: 'year', buddhistYear });
  return { year: buddhistYear, jobs: data.jobs, quotes: data.quotes, invoices: data.invoices, receipts: data.receipts, documents: data.documents };
}

/** Every document the link may see, page first and then year by year: one year in memory at a time. */
export async function* allPortalDocuments(ctx: AppContext, link: Link): AsyncGenerator<PortalDocument> {
  const page = await buildPortalData(ctx, link);
  yield* page.documents;
  for (const buddhistYear of page.earlierYears) {
    yield* (await buildPortalData(ctx, link, { kind: 'year', buddhistYear })).documents;
  }
}

/** The customer's name for the ZIP's file name. */
export async function portalCustomerName(ctx: AppContext, link: Link): Promise<string> {
  const customer = await ctx.db.customer.findUniqueOrThrow({ where: { id: link.customerId }, select: { name: true } });
  return customer.name;
}
