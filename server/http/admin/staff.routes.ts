import { z } from 'zod';
import { adminRoute } from './admin-route.ts';
import { idParams, text } from './schemas.ts';
import { createStaffInvitation, STAFF_ROLES } from '../../services/staff-enrolment.ts';
import { listStaff, removeStaff } from '../../services/staff-directory.ts';

export const staffRoutes = [
  adminRoute({
    method: 'post', path: '/staff/invitations', tag: 'Staff',
    summary: 'Issue a one-time staff enrolment code (24 h, single use); the staff member sends "enrol CODE" / "ลงทะเบียน CODE" to the LINE bot. Role defaults to owner while there is no owner, else staff.',
    body: z.object({ role: z.enum(STAFF_ROLES).optional(), createdBy: text(100).optional() }),
    successStatus: 201,
    handler: async ({ ctx, body }) => {
      const invitation = await createStaffInvitation(ctx, { role: body?.role, createdBy: body?.createdBy ?? 'admin-api' });
      return {
        ...invitation,
        instructions: {
          th: `ให้พนักงานพิมพ์ "ลงทะเบียน ${invitation.code}" ในแชท LINE ของร้าน ภายใน 24 ชั่วโมง (ใช้ได้ครั้งเดียว)`,
          en: `Ask the staff member to send "enrol ${invitation.code}" to the business's LINE account within 24 hours (single use).`,
        },
      };
    },
  }),
  adminRoute({
    method: 'get', path: '/staff', tag: 'Staff', summary: 'Staff enrolled with the LINE bot',
    query: z.object({ includeRemoved: z.enum(['true', 'false']).optional() }),
    handler: async ({ ctx, query }) => ({ staff: await listStaff(ctx, { includeRemoved: query.includeRemoved === 'true' }) }),
  }),
  adminRoute({
    method: 'delete', path: '/staff/:id', tag: 'Staff', summary: 'Remove a staff member (their next LINE message gets no staff answer)',
    params: idParams, errors: [404],
    handler: async ({ ctx, params }) => removeStaff(ctx, params.id),
  }),
];
