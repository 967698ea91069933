/**
 * Staff app sign-in: a LIFF ID token, verified with LINE, of an active staff member opens a
 * 12-hour session. The browser holds a random token (an httpOnly cookie); only its SHA-256 is
 * stored, so a database dump holds no usable session. A session ends at its expiry, at sign-out,
 * or the moment its staff member is removed (checked on every request, and ended by removeStaff).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from './context.ts';
import { DomainError, validation } from '../domain/errors.ts';
import type { StaffRole } from './staff-enrolment.ts';

export const STAFF_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface SignedInStaff {
  id: string;
  displayName: string | null;
  role: StaffRole;
}

export interface StaffSessionView {
  staff: SignedInStaff;
  expiresAt: Date;
}

export interface StartedStaffSession extends StaffSessionView {
  /** For the cookie only: never stored, never logged. */
  token: string;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function toSignedIn(row: { id: string; displayName: string | null; role: string }): SignedInStaff {
  return { id: row.id, displayName: row.displayName, role: row.role === 'owner' ? 'owner' : 'staff' };
}

export async function startStaffSession(ctx: AppContext, input: { idToken: string }): Promise<StartedStaffSession> {
  if (typeof input.idToken !== 'string' || input.idToken.trim() === '') throw validation('idToken', 'idToken (the LIFF ID token) is required');
  if (!ctx.lineIdentity) throw new DomainError('UNAVAILABLE', 'LINE Login is not configured (LINE_LOGIN_CHANNEL_ID)');
  const verified = await ctx.lineIdentity.verify(input.idToken.trim());
  if (!verified.ok) throw new DomainError('UNAUTHORIZED', `LINE did not accept the ID token: ${verified.reason}`, { field: 'idToken' });
  const staff = await ctx.db.staff.findUnique({ where: { lineUserId: verified.userId } });
  if (!staff?.active) {
    throw new DomainError('FORBIDDEN', 'This LINE account is not an active staff member', { reason: 'not_staff' });
  }
  const now = ctx.clock.now();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + STAFF_SESSION_TTL_MS);
  // LINE's current name, where staff enrolled without one (or changed it since).
  const displayName = verified.displayName ?? staff.displayName;
  await ctx.db.$transaction(async (tx) => {
    await tx.staffSession.create({ data: { tokenHash: hashToken(token), staffId: staff.id, createdAt: now, expiresAt } });
    if (displayName !== staff.displayName) await tx.staff.updateMany({ where: { id: staff.id }, data: { displayName } });
  });
  return { token, expiresAt, staff: toSignedIn({ ...staff, displayName }) };
}

/** The signed-in staff member behind a session token, or null (unknown, ended, expired, or staff removed). */
export async function findStaffSession(ctx: AppContext, token: string): Promise<StaffSessionView | null> {
  if (!token) return null;
  const session = await ctx.db.staffSession.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!session || session.endedAt || session.expiresAt.getTime() <= ctx.clock.now().getTime()) return null;
  const staff = await ctx.db.staff.findUnique({ where: { id: session.staffId } });
  if (!staff?.active) return null;
  return { staff: toSignedIn(staff), expiresAt: session.expiresAt };
}

export async function endStaffSession(ctx: AppContext, token: string): Promise<void> {
  if (!token) return;
  await ctx.db.staffSession.updateMany({ where: { tokenHash: hashToken(token), endedAt: null }, data: { endedAt: ctx.clock.now() } });
}
