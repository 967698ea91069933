/**
 * HTML entry points of the one portal app: /c/<token>[/...] on the web and /liff[/...] inside LINE.
 * The data the page needs is embedded, so nothing is fetched before the first paint.
 */
import { Router, static as serveStatic } from 'express';
import type { AppContext } from '../../services/context.ts';
import { asyncHandler } from '../errors.ts';
import { openPortal } from '../../portal/open-portal.ts';
import { PortalHtml, PORTAL_DIST } from './portal-html.ts';
import { portalHeaders } from './portal-headers.ts';
import { accessMeta } from './request-meta.ts';
import { unavailableJson } from './unavailable.ts';
import { portalRateLimit, unknownTokenLimit } from './rate-limits.ts';
import { CompressedResponses } from './compressed-responses.ts';

export function portalPages(ctx: AppContext, html: PortalHtml = PortalHtml.load()): Router {
  const router = Router();
  const liffId = ctx.config.line.liffId ?? null;
  const pages = new CompressedResponses();

  // Hashed, immutable build output: cache for a year.
  router.use('/assets-portal', serveStatic(PORTAL_DIST, { index: false, immutable: true, maxAge: '365d', fallthrough: false }));

  const page = asyncHandler(async (req, res) => {
    const token = String(req.params.token);
    const opened = await openPortal(ctx, token, accessMeta(req));
    res.type('html');
    if (!opened.ok) {
      res.status(410).send(html.render(await unavailableJson(ctx), { liffId }));
      return;
    }
    pages.send(req, res, `page|${opened.key}`, 'text/html; charset=utf-8', () => html.render(opened.json, { liffId }));
  });

  const limits = [portalRateLimit(ctx.config.portalRateLimitPerMinute), unknownTokenLimit()];
  router.get('/c/:token', portalHeaders, ...limits, page);
  router.get('/c/:token/*rest', portalHeaders, ...limits, page);
  // LIFF: LINE opens the endpoint URL first with the target in liff.state, then (after liff.init)
  // the endpoint + path. Without a token in the path the app fetches the data itself.
  router.get('/liff/c/:token', portalHeaders, ...limits, page);
  router.get('/liff/c/:token/*rest', portalHeaders, ...limits, page);
  router.get(['/liff', '/liff/'], portalHeaders, (_req, res) => {
    res.type('html').send(html.render(null, { liffId }));
  });
  return router;
}
