/**
 * Staff enrolment: the owner issues a one-time code (admin API or `npm run staff:invite`), a
 * staff member sends it to the LINE bot, and their LINE user becomes staff. A code is valid
 * for 24 hours and works once; only its SHA-256 is stored, so a database dump holds no
 * usable code.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from './context.ts';
import { validation } from '../domain/errors.ts';
import { normalizeDigits } from '../domain/normalize-input.ts';
import { linkStaffRichMenu } from './staff-rich-menu.ts';

export const INVITATION_TTL_MS = 24 * 60 * 60 * 1000;
export const STAFF_ROLES = ['owner', 'staff'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** 32 letters and digits without the look-alikes 0/O and 1/I: 8 of them carry 40 bits. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

/** 'abcd efgh', 'ABCD-EFGH', Thai digits… → 'ABCDEFGH'. */
export function normalizeEnrolmentCode(text: string): string {
  return normalizeDigits(text)
    .normalize('NFC')
    .toUpperCase()
    .replace(/[\s\-_.]+/g, '');
}

function hashCode(code: string): string {
  return createHash('sha256').update(normalizeEnrolmentCode(code)).digest('hex');
}

function newCode(): string {
  // 256 is a multiple of 32, so `byte % 32` is unbiased.
  const chars = [...randomBytes(CODE_LENGTH)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]!).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export interface CreateInvitationInput {
  /** Default: 'owner' while the business has no active owner, otherwise 'staff'. */
  role?: StaffRole;
  createdBy?: string | null;
}

export interface CreatedInvitation {
  id: string;
  /** Shown once, never stored. */
  code: string;
  role: StaffRole;
  expiresAt: Date;
}

/** Needs only the database and the clock, so the `staff:invite` script can run it without the whole app. */
export async function createStaffInvitation(ctx: Pick<AppContext, 'db' | 'clock'>, input: CreateInvitationInput = {}): Promise<CreatedInvitation> {
  if (input.role !== undefined && !(STAFF_ROLES as readonly string[]).includes(input.role)) {
    throw validation('role', `role must be one of ${STAFF_ROLES.join(', ')}`);
  }
  const role = input.role ?? ((await ctx.db.staff.count({ where: { role: 'owner', active: true } })) === 0 ? 'owner' : 'staff');
  const now = ctx.clock.now();
  const code = newCode();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const invitation = await ctx.db.staffInvitation.create({
    data: { codeHash: hashCode(code), role, createdBy: input.createdBy ?? null, createdAt: now, expiresAt },
  });
  return { id: invitation.id, code, role, expiresAt };
}

export interface EnrolInput {
  code: string;
  lineUserId: string;
  displayName?: string | null;
}

export type EnrolResult =
  | { status: 'enrolled'; staffId: string; role: StaffRole }
  | { status: 'already_staff'; staffId: string; role: StaffRole }
  /** Unknown, used and expired codes look the same to whoever typed them. */
  | { status: 'invalid_code' };

/** Enrols, then (after the commit, best-effort) gives the LINE user the staff rich menu. */
export async function enrolStaff(ctx: AppContext, input: EnrolInput): Promise<EnrolResult> {
  const result = await enrolStaffMember(ctx, input);
  if (result.status !== 'invalid_code') await linkStaffRichMenu(ctx, input.lineUserId);
  return result;
}

async function enrolStaffMember(ctx: AppContext, input: EnrolInput): Promise<EnrolResult> {
  const code = normalizeEnrolmentCode(input.code);
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const existing = await tx.staff.findUnique({ where: { lineUserId: input.lineUserId } });
    // Already staff: the code stays unused, so it can still go to the person it was meant for.
    if (existing?.active) return { status: 'already_staff', staffId: existing.id, role: existing.role as StaffRole };
    if (code.length !== CODE_LENGTH) return { status: 'invalid_code' };
    const codeHash = hashCode(code);
    // Conditional on "unused and unexpired": two people racing with one code cannot both get in.
    const { count } = await tx.staffInvitation.updateMany({
      where: { codeHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now, usedBy: input.lineUserId },
    });
    if (count === 0) return { status: 'invalid_code' };
    const invitation = await tx.staffInvitation.findUniqueOrThrow({ where: { codeHash } });
    const role = invitation.role as StaffRole;
    const staff = existing
      ? await tx.staff.update({
          where: { id: existing.id },
          data: { active: true, removedAt: null, role, displayName: input.displayName ?? existing.displayName },
        })
      : await tx.staff.create({ data: { lineUserId: input.lineUserId, role, displayName: input.displayName ?? null, createdAt: now } });
    return { status: 'enrolled', staffId: staff.id, role };
  });
}
