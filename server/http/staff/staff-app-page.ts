/**
 * The staff app's page: /staff and every path under it answer the Vite-built staff.html (the app
 * routes on the client), with the staff LIFF id for `liff.init`. Same headers as the portal:
 * never cached, never indexed, strict CSP without inline script. Its hashed files are served
 * under /assets-portal/ with the portal's (portal-pages.ts).
 */
import { Router } from 'express';
import type { AppContext } from '../../services/context.ts';
import { PORTAL_DIST, PortalHtml } from '../portal/portal-html.ts';
import { portalHeaders } from '../portal/portal-headers.ts';

export const STAFF_APP_PATH = '/staff';

export function staffAppPage(ctx: AppContext, html: PortalHtml = PortalHtml.load(PORTAL_DIST, 'staff.html')): Router {
  const router = Router();
  const liffId = ctx.config.line.staffLiffId ?? null;
  router.get([STAFF_APP_PATH, `${STAFF_APP_PATH}/*rest`], portalHeaders, (_req, res) => {
    res.type('html').send(html.render(null, { liffId }));
  });
  return router;
}
