/** The portal-link row the token hot path reads and caches (AppContext.linkCache holds these). */
import type { Db } from '../data/database.ts';

export type CachedLink = NonNullable<Awaited<ReturnType<typeof loadCachedLink>>>;

export function loadCachedLink(db: Db, tokenHash: string) {
  return db.portalLink.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      tokenHash: true,
      scope: true,
      customerId: true,
      quoteId: true,
      invoiceId: true,
      expiresAt: true,
      revokedAt: true,
      quote: { select: { status: true, validUntil: true } },
      invoice: { select: { status: true } },
    },
  });
}
