import { z } from 'zod';
import { adminRoute } from './admin-route.ts';
import { idParams, text } from './schemas.ts';
import { createStaffInvitation, STAFF_ROLES } from '../../services/staff-enrolment.ts';
import { listStaff, removeStaff } from '../../services/staff-directory.ts';
import { staffInvitationDto, staffListDto, staffMemberDto, toStaffInvitationDto, toStaffMemberDto } from './dto/staff.dto.ts';

export const staffRoutes = [
  adminRoute({
    operationId: 'createStaffInvitation',
    ownerOnly: true,
    method: 'post',
    path: '/staff/invitations',
    tag: 'Staff',
    summary:
      'Issue a one-time staff enrolment code (24 h, single use); the staff member sends "enrol CODE" / "ลงทะเบียน CODE" to the LINE bot. Role defaults to owner while there is no owner, else staff.',
    body: z.object({ role: z.enum(STAFF_ROLES).optional(), createdBy: text(100).optional() }),
    successStatus: 201,
    response: staffInvitationDto,
    handler: async ({ ctx, body, actor }) => toStaffInvitationDto(await createStaffInvitation(ctx, { role: body?.role, createdBy: body?.createdBy ?? actor })),
  }),
  adminRoute({
    operationId: 'listStaff',
    method: 'get',
    path: '/staff',
    tag: 'Staff',
    summary: 'Staff enrolled with the LINE bot',
    query: z.object({ includeRemoved: z.enum(['true', 'false']).optional() }),
    response: staffListDto,
    handler: async ({ ctx, query }) => ({ staff: (await listStaff(ctx, { includeRemoved: query.includeRemoved === 'true' })).map(toStaffMemberDto) }),
  }),
  adminRoute({
    operationId: 'removeStaff',
    ownerOnly: true,
    method: 'delete',
    path: '/staff/:id',
    tag: 'Staff',
    summary: 'Remove a staff member (their next LINE message gets no staff answer)',
    params: idParams,
    errors: [404],
    response: staffMemberDto,
    handler: async ({ ctx, params }) => toStaffMemberDto(await removeStaff(ctx, params.id)),
  }),
];
