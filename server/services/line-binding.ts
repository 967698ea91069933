/**
 * Binds the LINE user who opened a customer link inside LINE to that customer, so reminders and
 * updates can come through LINE. Identity comes only from a verified ID token, and the portal
 * calls this only after the client said yes ("Receive updates for <customer> in this LINE
 * account?"). The business stays in control:
 * - only a customer-wide link binds (a single-invoice link is often forwarded to an accounts
 *   department, whose LINE account should not start receiving the customer's messages);
 * - an enrolled staff member is never bound (staff tap "Open" on the bot's own link cards);
 * - at most MAX_LINE_ACCOUNTS_PER_CUSTOMER accounts; after that staff decide, by unbinding;
 * - the customer's other channel is told, in the same transaction (line-connected-notice.ts);
 * - `following` comes from LINE (profile API or follow events), never from the binding itself.
 */
import type { AppContext } from './context.ts';
import type { Tx } from '../data/database.ts';
import type { ResolvedLink } from './links.ts';
import { conflict, DomainError } from '../domain/errors.ts';
import { followingAtBinding } from './line-users.ts';
import { queueLineConnectedNotice } from './line-connected-notice.ts';

export const MAX_LINE_ACCOUNTS_PER_CUSTOMER = 3;

export type BindRefusal = 'scope' | 'staff' | 'bound_elsewhere' | 'limit';
export type BindResult = { bound: true; following: boolean } | { bound: false; reason: BindRefusal };
/** What the portal needs before asking: ask only when the answer would be 'can_bind'. */
export type BindStatus = { state: 'bound'; following: boolean } | { state: 'can_bind' } | { state: 'refused'; reason: BindRefusal };

const FRIENDSHIP_TIMEOUT_MS = 3000;

async function verifiedUser(ctx: AppContext, idToken: string) {
  if (!ctx.lineIdentity) throw new DomainError('UNAVAILABLE', 'LINE Login is not configured (LINE_LOGIN_CHANNEL_ID)');
  const verified = await ctx.lineIdentity.verify(idToken);
  if (!verified.ok) throw new DomainError('UNAUTHORIZED', `LINE ID token was not accepted: ${verified.reason}`, { field: 'idToken' });
  return verified;
}

/** LINE's word on friendship, if it answers quickly; null = cannot tell. */
async function askFriendship(ctx: AppContext, lineUserId: string): Promise<boolean | null> {
  if (!ctx.lineFriendship) return null;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), FRIENDSHIP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([ctx.lineFriendship.isFriend(lineUserId), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function decide(db: Tx | AppContext['db'], customerId: string, lineUserId: string) {
  const existing = await db.lineUser.findUnique({ where: { lineUserId } });
  if (existing?.customerId === customerId) return { kind: 'already' as const, existing };
  const staff = await db.staff.findUnique({ where: { lineUserId }, select: { active: true } });
  if (staff?.active) return { kind: 'refused' as const, reason: 'staff' as const };
  // Never move a LINE account from one customer to another silently: staff decide.
  if (existing?.customerId) return { kind: 'refused' as const, reason: 'bound_elsewhere' as const };
  const bound = await db.lineUser.count({ where: { customerId } });
  if (bound >= MAX_LINE_ACCOUNTS_PER_CUSTOMER) return { kind: 'refused' as const, reason: 'limit' as const };
  return { kind: 'new' as const, existing };
}

export async function lineBindingStatus(ctx: AppContext, link: ResolvedLink, idToken: string): Promise<BindStatus> {
  const verified = await verifiedUser(ctx, idToken);
  if (link.scope !== 'customer') return { state: 'refused', reason: 'scope' };
  const decision = await decide(ctx.db, link.customerId, verified.userId);
  if (decision.kind === 'already') {
    // A bound client opening the portal in LINE: ask LINE whether they still follow (an account
    // that followed before the webhook was set up never sent us a follow event).
    const friend = await askFriendship(ctx, verified.userId);
    const existing = decision.existing;
    if (friend === null || friend === existing.following) return { state: 'bound', following: existing.following };
    await ctx.db.lineUser.updateMany({
      where: { id: existing.id, following: existing.following },
      data: { following: friend, followChangedAt: ctx.clock.now() },
    });
    return { state: 'bound', following: friend };
  }
  if (decision.kind === 'refused') return { state: 'refused', reason: decision.reason };
  return { state: 'can_bind' };
}

export async function bindLineUser(ctx: AppContext, link: ResolvedLink, idToken: string): Promise<BindResult> {
  const verified = await verifiedUser(ctx, idToken);
  if (link.scope !== 'customer') return { bound: false, reason: 'scope' };
  // Asked before the transaction: a network call must not hold the database's write lock.
  const friend = await askFriendship(ctx, verified.userId);
  let connected = false;
  const result = await ctx.db.$transaction(async (tx): Promise<BindResult> => {
    const decision = await decide(tx, link.customerId, verified.userId);
    if (decision.kind === 'refused') return { bound: false, reason: decision.reason };
    const now = ctx.clock.now();
    const existing = decision.existing;
    const follow = followingAtBinding(friend, existing, now);
    if (decision.kind === 'already') {
      if (friend !== null && friend !== existing!.following) {
        await tx.lineUser.updateMany({ where: { id: existing!.id }, data: follow });
      }
      return { bound: true, following: follow.following };
    }
    const data = {
      customerId: link.customerId,
      displayName: verified.displayName ?? existing?.displayName ?? null,
      boundAt: now,
      boundViaLinkId: link.id,
      ...follow,
    };
    let rowId: string;
    if (existing) {
      // Conditional: only an account still bound to no one is claimed.
      const { count } = await tx.lineUser.updateMany({ where: { id: existing.id, customerId: null }, data });
      if (count === 0) throw conflict('This LINE account was just connected elsewhere; reload and try again', { field: 'idToken' });
      rowId = existing.id;
    } else {
      rowId = (await tx.lineUser.create({ data: { lineUserId: verified.userId, ...data }, select: { id: true } })).id;
    }
    await queueLineConnectedNotice(tx, ctx, { customerId: link.customerId, lineUserRowId: rowId, displayName: data.displayName, boundAt: now });
    connected = true;
    return { bound: true, following: follow.following };
  });
  if (connected) ctx.activity.record({ customerId: link.customerId, linkId: link.id, action: 'bind_line', channel: 'liff', at: ctx.clock.now() });
  return result;
}
