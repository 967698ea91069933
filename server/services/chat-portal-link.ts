/**
 * The customer-wide link the bot hands a bound LINE account that writes to it ("your portal").
 *
 * Rule: a still-valid customer-wide link is re-sent. A new one is minted only if the customer's
 * newest customer-wide link ran out rather than being revoked: once staff revoke the customer's
 * links, the bot stops minting until the business issues (or sends) a new customer link. Revoking
 * is a statement that whoever holds a link should lose access; a bound account typing "hi" must
 * not undo it. To cut an account off entirely, staff unbind it (line-accounts.ts).
 */
import type { AppContext } from './context.ts';
import { issuePortalLink, type IssuedLink } from './links.ts';

/** Recorded as the link's creator when the bot mints one for a client in chat. */
export const CLIENT_CHAT_ACTOR = 'line-chat:client';

/** The link to show, or null when staff revoked the customer's links and issued none since. */
export async function portalLinkForChat(ctx: AppContext, customerId: string): Promise<IssuedLink | null> {
  return ctx.db.$transaction(async (tx) => {
    const now = ctx.clock.now();
    const valid = await tx.portalLink.findFirst({ where: { customerId, scope: 'customer', revokedAt: null, expiresAt: { gt: now } }, select: { id: true } });
    if (!valid) {
      const newest = await tx.portalLink.findFirst({
        where: { customerId, scope: 'customer' },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: { revokedAt: true },
      });
      if (newest?.revokedAt) return null;
    }
    return issuePortalLink(ctx, { scope: 'customer', id: customerId, createdBy: CLIENT_CHAT_ACTOR }, tx);
  });
}
