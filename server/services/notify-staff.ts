/**
 * Tells every active staff member in LINE that a client answered a quote. Runs after the answer
 * committed and never undoes it: a LINE outage is logged (the quote's status and the activity log
 * still show the answer to staff).
 */
import type { AppContext } from './context.ts';
import type { StaffNotice } from './ports.ts';

export async function notifyStaff(ctx: AppContext, notice: StaffNotice): Promise<void> {
  try {
    const staff = await ctx.db.staff.findMany({ where: { active: true }, select: { lineUserId: true, language: true }, orderBy: { createdAt: 'asc' } });
    if (staff.length === 0) return;
    await ctx.staffNotifier.notify(
      staff.map((s) => ({ lineUserId: s.lineUserId, lang: s.language === 'en' ? 'en' : 'th' })),
      notice,
    );
  } catch (error) {
    ctx.logger.warn({ notice: notice.id, err: error instanceof Error ? error.message : String(error) }, 'staff not notified in LINE');
  }
}
