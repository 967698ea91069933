/**
 * The customer list of the back office: alphabetical, or — with `q` — the bot's Thai-aware
 * search (customer-search.ts: document number, phone, email, fuzzy name), best match first.
 */
import type { AppContext } from './context.ts';
import { byText, decodeCursor, encodeCursor, keysetPage, pageSize, type KeysetArgs, type PageRequest } from './pagination.ts';
import { searchCustomers } from './customer-search.ts';
import type { Prisma } from '../data/database.ts';
import { validation } from '../domain/errors.ts';

/** Search results are ranked in memory; a business has a few thousand customers at most. */
const MAX_SEARCH_RESULTS = 1000;

export async function listCustomers(ctx: AppContext, input: PageRequest & { q?: string | null }) {
  const q = input.q?.trim();
  if (q) return searchPage(ctx, q, input);
  return keysetPage(
    input,
    ({ after, orderBy, take }: KeysetArgs<Prisma.CustomerWhereInput>) => ctx.db.customer.findMany({ where: after ?? {}, orderBy, take }),
    byText('name', 'asc', (c) => c.name),
  );
}

/** A ranked search has no stable sort key of its own: its cursor is the position in the ranking. */
async function searchPage(ctx: AppContext, q: string, input: PageRequest) {
  const size = pageSize(input.limit);
  const offset = input.cursor ? (decodeCursor(input.cursor, ['string', 'number'])[1] as number) : 0;
  if (offset < 0) throw validation('cursor', 'cursor is not one this list gave out (use nextCursor from the previous page)');
  const matches = await searchCustomers(ctx, q, { limit: MAX_SEARCH_RESULTS });
  const ids = matches.slice(offset, offset + size).map((m) => m.customerId);
  const rows = await ctx.db.customer.findMany({ where: { id: { in: ids } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => byId.get(id) ?? []);
  const next = offset + size;
  return { items, nextCursor: next < matches.length ? encodeCursor(['search', next]) : null };
}
