/** What staff see of a customer's portal use: the access log and "viewed" per document. */
import type { AppContext } from './context.ts';
import { notFound } from '../domain/errors.ts';

export async function getCustomerActivity(ctx: AppContext, customerId: string, limit = 200) {
  await ctx.activity.flush();
  const customer = await ctx.db.customer.findUnique({ where: { id: customerId }, select: { id: true, lastSeenAt: true } });
  if (!customer) throw notFound('Customer');
  const entries = await ctx.db.activityLog.findMany({ where: { customerId }, orderBy: { at: 'desc' }, take: limit });
  const viewed = new Map<string, { documentType: string; documentId: string; firstViewedAt: Date; lastViewedAt: Date; count: number }>();
  const docs = await ctx.db.activityLog.findMany({
    where: { customerId, documentId: { not: null }, action: { in: ['view', 'download'] } },
    orderBy: { at: 'asc' },
    select: { documentType: true, documentId: true, at: true },
  });
  for (const d of docs) {
    const key = `${d.documentType}:${d.documentId}`;
    const seen = viewed.get(key);
    if (seen) {
      seen.lastViewedAt = d.at;
      seen.count++;
    } else viewed.set(key, { documentType: d.documentType!, documentId: d.documentId!, firstViewedAt: d.at, lastViewedAt: d.at, count: 1 });
  }
  return {
    customerId,
    lastSeenAt: customer.lastSeenAt,
    entries: entries.map((e) => ({
      at: e.at,
      action: e.action,
      channel: e.channel,
      linkId: e.linkId,
      documentType: e.documentType,
      documentId: e.documentId,
      ip: e.ip,
      userAgent: e.userAgent,
    })),
    viewedDocuments: [...viewed.values()],
  };
}
