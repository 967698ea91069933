/**
 * The staff rich menu follows staff membership: linked to the LINE user at enrolment, unlinked at
 * removal. Both run after the change has committed and are best-effort: LINE being down must not
 * undo an enrolment or keep a removed person on staff (their commands are refused regardless);
 * a failure is logged, and `npm run line:setup` links every active staff member again.
 */
import type { AppContext } from './context.ts';

export type RichMenuKind = 'client' | 'staff';

export async function storedRichMenuId(ctx: Pick<AppContext, 'db'>, kind: RichMenuKind): Promise<string | null> {
  return (await ctx.db.lineRichMenu.findUnique({ where: { kind } }))?.richMenuId ?? null;
}

/** Records the menus `line:setup` created; returns the ids they replace (to delete at LINE). */
export async function saveRichMenuIds(ctx: Pick<AppContext, 'db' | 'clock'>, ids: Record<RichMenuKind, string>): Promise<string[]> {
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const previous = await tx.lineRichMenu.findMany();
    for (const [kind, richMenuId] of Object.entries(ids)) {
      await tx.lineRichMenu.upsert({ where: { kind }, create: { kind, richMenuId, createdAt: now }, update: { richMenuId, createdAt: now } });
    }
    return previous.map((p) => p.richMenuId).filter((id) => !Object.values(ids).includes(id));
  });
}

export async function activeStaffLineUserIds(ctx: Pick<AppContext, 'db'>): Promise<string[]> {
  return (await ctx.db.staff.findMany({ where: { active: true }, select: { lineUserId: true }, orderBy: { createdAt: 'asc' } })).map((s) => s.lineUserId);
}

export async function linkStaffRichMenu(ctx: AppContext, lineUserId: string): Promise<void> {
  if (!ctx.richMenuLinks) return;
  const richMenuId = await storedRichMenuId(ctx, 'staff');
  if (!richMenuId) {
    ctx.logger.info({}, 'no staff rich menu yet (run npm run line:setup): the new staff member sees the client menu');
    return;
  }
  try {
    await ctx.richMenuLinks.link(lineUserId, richMenuId);
  } catch (error) {
    ctx.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'staff rich menu not linked (enrolment stands)');
  }
}

export async function unlinkStaffRichMenu(ctx: AppContext, lineUserId: string): Promise<void> {
  if (!ctx.richMenuLinks) return;
  try {
    await ctx.richMenuLinks.unlink(lineUserId);
  } catch (error) {
    ctx.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'staff rich menu not unlinked (removal stands)');
  }
}
