/** Staff and enrolment codes as the admin API answers them. */
import { z } from 'zod';
import { STAFF_ROLES, type CreatedInvitation } from '../../../services/staff-enrolment.ts';
import type { StaffMember } from '../../../services/staff-directory.ts';
import { id, instant, iso, isoOrNull } from './common.ts';

export const staffInvitationDto = z.strictObject({
  id,
  /** Shown once, never stored. */
  code: z.string(),
  role: z.enum(STAFF_ROLES),
  expiresAt: instant,
  instructions: z.strictObject({ th: z.string(), en: z.string() }),
});
export type StaffInvitationDto = z.infer<typeof staffInvitationDto>;

export function toStaffInvitationDto(invitation: CreatedInvitation): StaffInvitationDto {
  return {
    id: invitation.id,
    code: invitation.code,
    role: invitation.role,
    expiresAt: iso(invitation.expiresAt),
    instructions: {
      th: `ให้พนักงานพิมพ์ "ลงทะเบียน ${invitation.code}" ในแชท LINE ของร้าน ภายใน 24 ชั่วโมง (ใช้ได้ครั้งเดียว)`,
      en: `Ask the staff member to send "enrol ${invitation.code}" to the business's LINE account within 24 hours (single use).`,
    },
  };
}

export const staffMemberDto = z.strictObject({
  id,
  lineUserId: z.string(),
  displayName: z.string().nullable(),
  role: z.enum(STAFF_ROLES),
  language: z.enum(['th', 'en']),
  active: z.boolean(),
  createdAt: instant,
  removedAt: instant.nullable(),
});
export type StaffMemberDto = z.infer<typeof staffMemberDto>;

export function toStaffMemberDto(member: StaffMember): StaffMemberDto {
  return {
    id: member.id,
    lineUserId: member.lineUserId,
    displayName: member.displayName,
    role: member.role,
    language: member.language,
    active: member.active,
    createdAt: iso(member.createdAt),
    removedAt: isoOrNull(member.removedAt),
  };
}

export const staffListDto = z.strictObject({ staff: z.array(staffMemberDto) });
