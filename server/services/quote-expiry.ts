/**
 * Quotes past their valid-until day (Bangkok calendar) become Expired on schedule. The portal
 * already treats them as expired from the first minute of the next day (effectiveQuoteStatus);
 * this makes it the stored status, so staff lists and reports agree. Conditional on 'sent': a quote
 * accepted or declined in the same moment keeps its answer. Their quote links end by the link rules
 * (a quote link opens only while its quote is Draft or Sent).
 */
import type { AppContext } from './context.ts';
import { bangkokDate } from '../domain/dates.ts';

export interface QuoteExpiryResult {
  expired: number;
}

export async function expireQuotesOnce(ctx: AppContext): Promise<QuoteExpiryResult> {
  const today = bangkokDate(ctx.clock.now());
  // 'YYYY-MM-DD' strings compare as dates.
  const { count } = await ctx.db.quote.updateMany({ where: { status: 'sent', validUntil: { lt: today } }, data: { status: 'expired' } });
  if (count > 0) ctx.logger.info({ expired: count, today }, 'quotes past valid-until marked expired');
  return { expired: count };
}
