/**
 * The portal's JSON API under /api/portal/<token>. Every call resolves the token first and checks
 * the record against the link's scope (portal/scope.ts); unusable links get the one unavailable
 * answer (410), whatever the reason.
 */
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../services/context.ts';
import { asyncHandler } from '../errors.ts';
import { openPortal } from '../../portal/open-portal.ts';
import { resolvePortalToken, type ResolvedLink } from '../../services/links.ts';
import { payQrPng } from '../../portal/pay-qr.ts';
import { bindLineUser, lineBindingStatus } from '../../services/line-binding.ts';
import { portalHeaders } from './portal-headers.ts';
import { accessMeta } from './request-meta.ts';
import { unavailableJson } from './unavailable.ts';
import { portalRateLimit, recoverRateLimit, unknownTokenLimit } from './rate-limits.ts';
import { streamPortalEvents } from './portal-events-route.ts';
import { contentDisposition } from './content-disposition.ts';
import { CompressedResponses } from './compressed-responses.ts';

export type WithLink = ReturnType<typeof withLinkFactory>;

export interface PortalApiExtensions {
  /** POST /api/portal/recover handler ("send me a new link"), provided with messaging. */
  recover?: RequestHandler;
  /** Routes added by later capabilities (documents, payments, signing) on the same token router. */
  register?: (tokenRouter: Router, withLink: WithLink) => void;
}

export function withLinkFactory(ctx: AppContext) {
  return (handler: (req: Request, res: Response, link: ResolvedLink) => Promise<void>) =>
    asyncHandler(async (req, res) => {
      const link = await resolvePortalToken(ctx, String(req.params.token));
      if (!link) {
        res.status(410).type('json').send(await unavailableJson(ctx));
        return;
      }
      await handler(req, res, link);
    });
}

export function portalApi(ctx: AppContext, extensions: PortalApiExtensions = {}): Router {
  const router = Router({ mergeParams: true });
  const withLink = withLinkFactory(ctx);
  const views = new CompressedResponses();
  router.use(portalHeaders, portalRateLimit(ctx.config.portalRateLimitPerMinute));

  if (extensions.recover) router.post('/recover', recoverRateLimit(), express.json({ limit: '4kb' }), extensions.recover);

  const tokenRouter = Router({ mergeParams: true });
  tokenRouter.use(unknownTokenLimit());

  tokenRouter.get(
    '/',
    asyncHandler(async (req, res) => {
      const opened = await openPortal(ctx, String(req.params.token), accessMeta(req), 'view');
      if (!opened.ok) {
        res.status(410).type('json').send(await unavailableJson(ctx));
        return;
      }
      views.send(req, res, `api|${opened.key}`, 'application/json; charset=utf-8', () => opened.json);
    }),
  );

  tokenRouter.get('/events', withLink(async (req, res, link) => streamPortalEvents(ctx, req, res, link, String(req.params.token))));

  tokenRouter.get(
    '/qr/:kind/:file',
    withLink(async (req, res, link) => {
      const kind = req.params.kind === 'invoice' || req.params.kind === 'deposit' ? req.params.kind : null;
      const id = /^([A-Za-z0-9_-]{1,64})\.png$/.exec(String(req.params.file))?.[1];
      const qr = kind && id ? await payQrPng(ctx, link, { kind, id }) : null;
      if (!qr) {
        res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Nothing to pay here' } });
        return;
      }
      res.type('png');
      if (req.query.download !== undefined) res.setHeader('Content-Disposition', contentDisposition('attachment', qr.fileName, qr.fileName));
      res.send(qr.png);
    }),
  );

  // Inside LINE the portal first asks whether this account is bound (or could be), then binds
  // only after the client says yes. Both take the verified ID token, never a user id.
  const idTokenBody = z.object({ idToken: z.string().min(10).max(4096) });
  tokenRouter.post(
    '/line/status',
    express.json({ limit: '8kb' }),
    withLink(async (req, res, link) => {
      const { idToken } = idTokenBody.parse(req.body);
      res.json(await lineBindingStatus(ctx, link, idToken));
    }),
  );
  tokenRouter.post(
    '/line/bind',
    express.json({ limit: '8kb' }),
    withLink(async (req, res, link) => {
      const { idToken } = idTokenBody.parse(req.body);
      const result = await bindLineUser(ctx, link, idToken);
      res.json(result);
    }),
  );

  extensions.register?.(tokenRouter, withLink);

  router.use('/:token', tokenRouter);
  return router;
}
