/**
 * LINE users as the server knows them: whether they follow the Official Account, and which
 * customer (if any) they are bound to. `following` changes only on LINE's word — a follow or
 * unfollow event, or the profile API at binding time — never because someone bound an account.
 * Binding itself: line-binding.ts (portal, verified ID token); unbinding: line-accounts.ts.
 */
import type { AppContext } from './context.ts';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/**
 * Sets `following` from a follow/unfollow event, unless a later fact (by LINE's timestamp, or a
 * profile look-up made later) already did: LINE may deliver events late or out of order.
 */
export async function recordFollowState(ctx: AppContext, input: { lineUserId: string; following: boolean; at: Date }): Promise<void> {
  const existing = await ctx.db.lineUser.findUnique({ where: { lineUserId: input.lineUserId }, select: { id: true } });
  if (!existing) {
    try {
      await ctx.db.lineUser.create({ data: { lineUserId: input.lineUserId, following: input.following, followChangedAt: input.at } });
      return;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // created meanwhile by the portal binding: update below
    }
  }
  await ctx.db.lineUser.updateMany({
    where: { lineUserId: input.lineUserId, OR: [{ followChangedAt: null }, { followChangedAt: { lt: input.at } }] },
    data: { following: input.following, followChangedAt: input.at },
  });
}

/** The customer a LINE user is bound to, or null for an unbound user or a stranger. */
export async function boundCustomerId(ctx: AppContext, lineUserId: string): Promise<string | null> {
  const row = await ctx.db.lineUser.findUnique({ where: { lineUserId }, select: { customerId: true } });
  return row?.customerId ?? null;
}

/**
 * What `following` should be when an account is bound: LINE's profile answer when it gave one
 * (`friend`), else what the last follow/unfollow event said, else false — an account that never
 * told us it follows must not take the customer's messages away from email and SMS.
 */
export function followingAtBinding(friend: boolean | null, existing: { following: boolean; followChangedAt: Date | null } | null, now: Date) {
  if (friend !== null) return { following: friend, followChangedAt: now };
  if (existing?.followChangedAt) return { following: existing.following, followChangedAt: existing.followChangedAt };
  return { following: false, followChangedAt: null };
}
