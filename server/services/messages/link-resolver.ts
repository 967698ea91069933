/**
 * Turns stored message content (which names its portal link by id) into renderable content with
 * URLs. The outbox never stores a token: it is unsealed here, with the server's link key, only
 * when the message is about to be sent or shown to the operator.
 */
import type { Db } from '../../data/database.ts';
import type { AppContext } from '../context.ts';
import { portalUrls } from '../links.ts';
import { unsealToken } from '../link-tokens.ts';
import { bangkokDate } from '../../domain/dates.ts';
import { isLinkUsable, type LinkScope } from '../../domain/link-rules.ts';
import { effectiveQuoteStatus, type QuoteStatus } from '../../domain/quote-status.ts';
import type { InvoiceStatus } from '../../domain/invoice-status.ts';
import { withUrls } from '../../messaging/message-content.ts';
import type { LinkResolver } from '../../messaging/channel-ports.ts';

export function linkResolver(ctx: Pick<AppContext, 'config' | 'linkSecret' | 'clock' | 'liffUrl'>, db: Db): LinkResolver {
  return {
    async resolve(stored, { requireUsable }) {
      const ids = [...new Set(stored.flatMap((s) => (s.link ? [s.link.id] : [])))];
      const links = ids.length
        ? await db.portalLink.findMany({
            where: { id: { in: ids } },
            select: {
              id: true,
              scope: true,
              tokenSealed: true,
              expiresAt: true,
              revokedAt: true,
              quote: { select: { status: true, validUntil: true } },
              invoice: { select: { status: true } },
            },
          })
        : [];
      const byId = new Map(links.map((l) => [l.id, l]));
      const now = ctx.clock.now();
      return stored.map((content) => {
        if (!content.link) return withUrls(content, null); // a notice with no portal button: always deliverable
        const link = byId.get(content.link.id);
        if (!link) return null;
        if (requireUsable) {
          const scope = link.scope as LinkScope;
          const usable = isLinkUsable({
            scope,
            expiresAt: link.expiresAt,
            revokedAt: link.revokedAt,
            now,
            quote:
              scope === 'quote' && link.quote
                ? { status: effectiveQuoteStatus(link.quote.status as QuoteStatus, link.quote.validUntil, bangkokDate(now)), validUntil: link.quote.validUntil }
                : scope === 'quote'
                  ? null
                  : undefined,
            invoice: scope === 'invoice' ? (link.invoice ? { status: link.invoice.status as InvoiceStatus } : null) : undefined,
          });
          if (!usable) return null;
        }
        const token = unsealToken(link.tokenSealed, ctx.linkSecret);
        if (!token) return null;
        const { url, liffUrl } = portalUrls(ctx, token);
        return withUrls(content, { webUrl: url + content.link.path, liffUrl: liffUrl ? liffUrl + content.link.path : null, shortUrl: url });
      });
    },
  };
}
