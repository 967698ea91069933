/** Who is staff: look-up by LINE user (checked on every bot event), list, remove. */
import type { AppContext } from './context.ts';
import { notFound } from '../domain/errors.ts';
import type { StaffRole } from './staff-enrolment.ts';
import { unlinkStaffRichMenu } from './staff-rich-menu.ts';

export interface StaffMember {
  id: string;
  lineUserId: string;
  displayName: string | null;
  role: StaffRole;
  language: 'th' | 'en';
  active: boolean;
  createdAt: Date;
  removedAt: Date | null;
}

type StaffRow = {
  id: string;
  lineUserId: string;
  displayName: string | null;
  role: string;
  language: string;
  active: boolean;
  createdAt: Date;
  removedAt: Date | null;
};

function toMember(row: StaffRow): StaffMember {
  return { ...row, role: row.role === 'owner' ? 'owner' : 'staff', language: row.language === 'en' ? 'en' : 'th' };
}

/** The active staff member behind a LINE user, or null (a client or a stranger). */
export async function findActiveStaff(ctx: AppContext, lineUserId: string): Promise<StaffMember | null> {
  const row = await ctx.db.staff.findUnique({ where: { lineUserId } });
  return row?.active ? toMember(row) : null;
}

export async function listStaff(ctx: AppContext, options: { includeRemoved?: boolean } = {}): Promise<StaffMember[]> {
  const rows = await ctx.db.staff.findMany({
    where: options.includeRemoved ? {} : { active: true },
    orderBy: [{ active: 'desc' }, { createdAt: 'asc' }],
  });
  return rows.map(toMember);
}

/**
 * Removal takes effect at once: the next message or button press from that user gets no staff
 * answer, their staff app sessions end (so enrolling again later does not revive them), and
 * LINE shows them the client menu again.
 */
export async function removeStaff(ctx: AppContext, id: string): Promise<StaffMember> {
  const now = ctx.clock.now();
  const { removed, member } = await ctx.db.$transaction(async (tx) => {
    const existing = await tx.staff.findUnique({ where: { id } });
    if (!existing) throw notFound('Staff member');
    const { count } = await tx.staff.updateMany({ where: { id, active: true }, data: { active: false, removedAt: now } });
    await tx.staffSession.updateMany({ where: { staffId: id, endedAt: null }, data: { endedAt: now } });
    return { removed: count > 0, member: toMember(await tx.staff.findUniqueOrThrow({ where: { id } })) };
  });
  // After the commit and best-effort: they are no longer staff whatever LINE answers.
  if (removed) await unlinkStaffRichMenu(ctx, member.lineUserId);
  return member;
}

/** Remembers the language staff last wrote in, so answers to their button presses match it. */
export async function rememberStaffLanguage(ctx: AppContext, staffId: string, language: 'th' | 'en'): Promise<void> {
  await ctx.db.staff.updateMany({ where: { id: staffId, language: { not: language } }, data: { language } });
}
