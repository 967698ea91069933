import { z } from 'zod';
import { adminRoute } from './admin-route.ts';
import { idParams } from './schemas.ts';
import { issuePortalLink, revokeCustomerLinks, revokeLink } from '../../services/links.ts';
import { getCustomerActivity } from '../../services/customer-activity.ts';

export const linkRoutes = [
  adminRoute({
    method: 'post', path: '/links', tag: 'Portal links', summary: 'Issue a portal link (or reuse the still-valid one for the same scope)',
    body: z.object({ scope: z.enum(['customer', 'quote', 'invoice']), id: z.string().min(1).max(64) }),
    successStatus: 201, errors: [404, 409],
    handler: async ({ ctx, body }) => {
      const link = await issuePortalLink(ctx, { scope: body.scope, id: body.id, createdBy: 'admin-api' });
      return { id: link.id, scope: link.scope, customerId: link.customerId, url: link.url, liffUrl: link.liffUrl, expiresAt: link.expiresAt, reused: link.reused };
    },
  }),
  adminRoute({
    method: 'delete', path: '/links/:id', tag: 'Portal links', summary: 'Revoke a link (immediately)',
    params: idParams, errors: [404],
    handler: async ({ ctx, params }) => revokeLink(ctx, params.id),
  }),
  adminRoute({
    method: 'post', path: '/customers/:id/revoke-links', tag: 'Portal links',
    summary: "Revoke all of a customer's links; body optional. `unbindLine: true` also unbinds every LINE account of the customer",
    params: idParams, body: z.object({ unbindLine: z.boolean().default(false) }), errors: [404],
    handler: async ({ ctx, params, body }) => revokeCustomerLinks(ctx, params.id, { unbindLine: body.unbindLine }),
  }),
  adminRoute({
    method: 'get', path: '/customers/:id/activity', tag: 'Portal links', summary: 'Portal access log and "viewed" per document',
    params: idParams, errors: [404],
    handler: async ({ ctx, params }) => getCustomerActivity(ctx, params.id),
  }),
];
