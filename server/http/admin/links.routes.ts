import { z } from 'zod';
import { adminRoute } from './admin-route.ts';
import { idParams } from './schemas.ts';
import { issuePortalLink, revokeCustomerLinks, revokeLink } from '../../services/links.ts';
import { getCustomerActivity } from '../../services/customer-activity.ts';
import { customerLinksRevokedDto, issuedLinkDto, linkRevokedDto, toIssuedLinkDto } from './dto/link.dto.ts';
import { customerActivityDto, toCustomerActivityDto } from './dto/customer.dto.ts';

export const linkRoutes = [
  adminRoute({
    operationId: 'issueLink',
    method: 'post',
    path: '/links',
    tag: 'Portal links',
    summary: 'Issue a portal link (or reuse the still-valid one for the same scope)',
    body: z.object({ scope: z.enum(['customer', 'quote', 'invoice']), id: z.string().min(1).max(64) }),
    successStatus: 201,
    errors: [404, 409],
    response: issuedLinkDto,
    handler: async ({ ctx, body, actor }) => toIssuedLinkDto(await issuePortalLink(ctx, { scope: body.scope, id: body.id, createdBy: actor })),
  }),
  adminRoute({
    operationId: 'revokeLink',
    method: 'delete',
    path: '/links/:id',
    tag: 'Portal links',
    summary: 'Revoke a link (immediately)',
    params: idParams,
    errors: [404],
    response: linkRevokedDto,
    handler: async ({ ctx, params }) => {
      const revoked = await revokeLink(ctx, params.id);
      return { id: revoked.id, revoked: true as const };
    },
  }),
  adminRoute({
    operationId: 'revokeCustomerLinks',
    method: 'post',
    path: '/customers/:id/revoke-links',
    tag: 'Portal links',
    summary: "Revoke all of a customer's links; body optional. `unbindLine: true` also unbinds every LINE account of the customer",
    params: idParams,
    body: z.object({ unbindLine: z.boolean().default(false) }),
    errors: [404],
    response: customerLinksRevokedDto,
    handler: async ({ ctx, params, body }) => revokeCustomerLinks(ctx, params.id, { unbindLine: body.unbindLine }),
  }),
  adminRoute({
    operationId: 'getCustomerActivity',
    method: 'get',
    path: '/customers/:id/activity',
    tag: 'Portal links',
    summary: 'Portal access log and "viewed" per document',
    params: idParams,
    errors: [404],
    response: customerActivityDto,
    handler: async ({ ctx, params }) => toCustomerActivityDto(await getCustomerActivity(ctx, params.id)),
  }),
];
