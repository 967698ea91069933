/**
 * The Express app: security headers, request log (tokens redacted), admin API, portal and
 * webhooks. Pure wiring: every rule lives in a use case or the domain.
 */
import { businessLogoRouter } from './business-logo-route.ts';
import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import type { AppContext } from '../services/context.ts';
import type { Logger } from '../logger.ts';
import { redactPath } from '../logger.ts';
import { errorHandler, notFoundHandler } from './errors.ts';
import { adminApi } from './admin/admin-api.ts';
import { portalApi, type PortalApiExtensions } from './portal/portal-api.ts';
import { portalPages } from './portal/portal-pages.ts';
import { PortalHtml } from './portal/portal-html.ts';
import { FailedLookups } from './portal/rate-limits.ts';
import { refundQrRouter } from './staff/refund-qr-route.ts';
import { staffSessionRouter } from './staff/staff-session-routes.ts';
import { staffAppPage } from './staff/staff-app-page.ts';
import { REFUND_QR_PATH } from '../services/refund-qr.ts';

export interface AppOptions {
  ctx: AppContext;
  logger: Logger;
  adminApiKey: string;
  /** Extra routers mounted before the portal (e.g. the LINE webhook, which needs the raw body). */
  mount?: { path: string; router: Router }[];
  portal?: PortalApiExtensions;
  /** `/readyz`: database reachable and migrated (server/data/readiness.ts); absent = ready when up. */
  readiness?: () => Promise<{ ready: boolean; reason?: string; detail?: string[] }>;
}

export function createApp(options: AppOptions): Express {
  const { ctx, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  if (ctx.config.trustProxy) app.set('trust proxy', ctx.config.trustProxy);
  else {
    // Behind a proxy every client would share its address (and its rate limits): say so, once.
    let warned = false;
    app.use((req, _res, next) => {
      if (!warned && req.get('x-forwarded-for')) {
        warned = true;
        logger.warn({}, 'X-Forwarded-For received but TRUST_PROXY is not set: all clients share the proxy address for rate limits and logs');
      }
      next();
    });
  }
  app.use(
    helmet({
      contentSecurityPolicy: false, // set per response by the portal routes, which know what they serve
      referrerPolicy: { policy: 'no-referrer' },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.debug(
        { method: req.method, path: redactPath(req.originalUrl), status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 },
        'request',
      );
    });
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', async (_req, res) => {
    const state = options.readiness ? await options.readiness() : { ready: true };
    res
      .status(state.ready ? 200 : 503)
      .json(state.ready ? { ok: true } : { ok: false, reason: state.reason, ...(state.detail ? { pending: state.detail } : {}) });
  });
  for (const { path, router } of options.mount ?? []) app.use(path, router);
  app.use('/api/admin', adminApi(ctx, options.adminApiKey));
  app.use(REFUND_QR_PATH, refundQrRouter(ctx));
  app.use(businessLogoRouter(ctx));
  app.use('/api/staff', staffSessionRouter(ctx));
  app.use(staffAppPage(ctx));
  // One count of failed token lookups for pages and API: guesses on both add up.
  const failedLookups = new FailedLookups(ctx);
  app.use('/api/portal', portalApi(ctx, options.portal, failedLookups));
  app.use(portalPages(ctx, PortalHtml.load(), failedLookups));
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
