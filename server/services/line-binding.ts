/**
 * Binds the LINE user who opened a customer link inside LINE to that customer, so reminders and
 * updates can come through LINE. Identity comes only from a verified ID token.
 */
import type { AppContext } from './context.ts';
import type { ResolvedLink } from './links.ts';
import { DomainError } from '../domain/errors.ts';

export async function bindLineUser(ctx: AppContext, link: ResolvedLink, idToken: string) {
  if (!ctx.lineIdentity) throw new DomainError('UNAVAILABLE', 'LINE Login is not configured (LINE_LOGIN_CHANNEL_ID)');
  const verified = await ctx.lineIdentity.verify(idToken);
  if (!verified.ok) throw new DomainError('UNAUTHORIZED', `LINE ID token was not accepted: ${verified.reason}`, { field: 'idToken' });
  // Only a customer-wide link binds: a single-invoice link is often forwarded to an accounts
  // department, whose LINE account should not start receiving the customer's messages.
  if (link.scope !== 'customer') return { bound: false, reason: 'scope' as const };
  const now = ctx.clock.now();
  const existing = await ctx.db.lineUser.findUnique({ where: { lineUserId: verified.userId } });
  if (existing?.customerId && existing.customerId !== link.customerId) {
    // Never move a LINE account from one customer to another silently: staff decide.
    return { bound: false, reason: 'bound_elsewhere' as const };
  }
  await ctx.db.lineUser.upsert({
    where: { lineUserId: verified.userId },
    create: { lineUserId: verified.userId, customerId: link.customerId, displayName: verified.displayName, boundAt: now, following: true },
    update: { customerId: link.customerId, displayName: verified.displayName ?? undefined, boundAt: existing?.boundAt ?? now },
  });
  ctx.activity.record({ customerId: link.customerId, linkId: link.id, action: 'bind_line', channel: 'liff', at: now });
  return { bound: true as const };
}
