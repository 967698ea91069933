/**
 * LINE users as the bot sees them: follow / unfollow state and which customer (if any) a LINE
 * user is bound to. Binding itself happens only in the portal, from a verified LINE ID token
 * (server/services/line-binding.ts); the bot never binds anyone from what they type.
 */
import type { AppContext } from '../../server/services/context.ts';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/**
 * Sets `following` from a follow/unfollow event, unless a later event (by LINE's timestamp)
 * already did: LINE may deliver events late or out of order.
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
