/**
 * HTML entry points of the one portal app: /c/<token>[/...] on the web and /liff[/...] inside LINE.
 * The data the page needs is embedded, so nothing is fetched before the first paint.
 */
import { Router, static as serveStatic, type Request, type Response } from 'express';
import type { AppContext } from '../../services/context.ts';
import { asyncHandler } from '../errors.ts';
import { openPortal } from '../../portal/open-portal.ts';
import { PortalHtml, PORTAL_DIST } from './portal-html.ts';
import { portalHeaders } from './portal-headers.ts';
import { accessMeta } from './request-meta.ts';
import { unavailableJson } from './unavailable.ts';
import { FailedLookups, portalRateLimit, type LimitedAnswer } from './rate-limits.ts';
import { CompressedResponses } from './compressed-responses.ts';

export function portalPages(ctx: AppContext, html: PortalHtml = PortalHtml.load(), failures = new FailedLookups(ctx)): Router {
  const router = Router();
  const liffId = ctx.config.line.liffId ?? null;
  const pages = new CompressedResponses();
  // A person reads these answers: the unavailable page's look, asking them to wait (Thai/English).
  const busyPage: LimitedAnswer = async (_req, res, retryAfterSeconds) => {
    res.setHeader('Retry-After', String(retryAfterSeconds));
    res
      .status(429)
      .type('html')
      .send(html.render(await unavailableJson(ctx, { busy: true }), { liffId }));
  };
  const unavailablePage = async (req: Request, res: Response) => {
    const retryAfter = await failures.fail(req);
    if (retryAfter !== null) return busyPage(req, res, retryAfter);
    res
      .status(410)
      .type('html')
      .send(html.render(await unavailableJson(ctx), { liffId }));
  };

  // Hashed, immutable build output: cache for a year.
  router.use('/assets-portal', serveStatic(PORTAL_DIST, { index: false, immutable: true, maxAge: '365d', fallthrough: false }));

  const page = asyncHandler(async (req, res) => {
    const token = String(req.params.token);
    const opened = await openPortal(ctx, token, accessMeta(req));
    if (!opened.ok) return unavailablePage(req, res);
    pages.send(req, res, `page|${opened.key}`, 'text/html; charset=utf-8', () => html.render(opened.json, { liffId }));
  });

  const limit = portalRateLimit(ctx, 'portal-pages', ctx.config.portalRateLimitPerMinute, busyPage);
  // LIFF: LINE opens the endpoint URL first with the target in liff.state, then (after liff.init)
  // the endpoint + path. Without a token in the path the app fetches the data itself.
  const tokenPaths = ['/c/:token', '/c/:token/*rest', '/liff/c/:token', '/liff/c/:token/*rest'];
  router.get(tokenPaths, portalHeaders, limit, page);
  // Other methods on a token path: the portal's own 404 page, never Express's (which echoes the path).
  router.all(
    tokenPaths,
    portalHeaders,
    asyncHandler(async (_req, res) => {
      res
        .status(404)
        .type('html')
        .send(html.render(await unavailableJson(ctx), { liffId }));
    }),
  );
  router.get(['/liff', '/liff/'], portalHeaders, (_req, res) => {
    res.type('html').send(html.render(null, { liffId }));
  });
  return router;
}
