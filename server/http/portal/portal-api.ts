/**
 * The portal's JSON API under /api/portal/<token>. Every call resolves the token first and checks
 * the record against the link's scope (portal/scope.ts); unusable links get the one unavailable
 * answer (410), whatever the reason.
 */
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../services/context.ts';
import { asyncHandler, notFoundJson } from '../errors.ts';
import { DomainError } from '../../domain/errors.ts';
import { openPortal } from '../../portal/open-portal.ts';
import { resolvePortalToken, type ResolvedLink } from '../../services/links.ts';
import { payQrPng } from '../../portal/pay-qr.ts';
import { bindLineUser, lineBindingStatus } from '../../services/line-binding.ts';
import { portalHeaders } from './portal-headers.ts';
import { accessMeta } from './request-meta.ts';
import { unavailableJson } from './unavailable.ts';
import { FailedLookups, portalRateLimit, rateLimitedError, recoverRateLimit } from './rate-limits.ts';
import { LiveStreams, streamPortalEvents } from './portal-events-route.ts';
import { contentDisposition } from './content-disposition.ts';
import { CompressedResponses } from './compressed-responses.ts';
import { registerPaymentNoticeRoute } from './payment-notice-route.ts';
import { setRefundPromptPay } from '../../services/refund-promptpay.ts';

export type WithLink = ReturnType<typeof withLinkFactory>;

export interface PortalApiExtensions {
  /** POST /api/portal/recover handler ("send me a new link"), provided with messaging. */
  recover?: RequestHandler;
  /** Routes added by later capabilities (documents, payments, signing) on the same token router. */
  register?: (tokenRouter: Router, withLink: WithLink) => void;
}

/**
 * The answer for a token that did not resolve: the one 410, or a 429 once this address has failed
 * too often. Only here is a failure counted, so only lookups that end unusable count.
 */
async function refuseToken(ctx: AppContext, failures: FailedLookups, req: Request, res: Response): Promise<void> {
  const retryAfter = await failures.fail(req);
  if (retryAfter !== null) throw rateLimitedError(res, retryAfter);
  res
    .status(410)
    .type('json')
    .send(await unavailableJson(ctx));
}

export function withLinkFactory(ctx: AppContext, failures: FailedLookups) {
  return (handler: (req: Request, res: Response, link: ResolvedLink) => Promise<void>) =>
    asyncHandler(async (req, res) => {
      const link = await resolvePortalToken(ctx, String(req.params.token));
      if (!link) return refuseToken(ctx, failures, req, res);
      await handler(req, res, link);
    });
}

export function portalApi(ctx: AppContext, extensions: PortalApiExtensions = {}, failures = new FailedLookups(ctx)): Router {
  const router = Router({ mergeParams: true });
  const withLink = withLinkFactory(ctx, failures);
  const views = new CompressedResponses();
  const streams = new LiveStreams();
  router.use(portalHeaders, portalRateLimit(ctx, 'portal-api', ctx.config.portalRateLimitPerMinute));

  if (extensions.recover) router.post('/recover', recoverRateLimit(ctx), express.json({ limit: '4kb' }), extensions.recover);

  const tokenRouter = Router({ mergeParams: true });

  tokenRouter.get(
    '/',
    asyncHandler(async (req, res) => {
      const opened = await openPortal(ctx, String(req.params.token), accessMeta(req), 'view');
      if (!opened.ok) return refuseToken(ctx, failures, req, res);
      views.send(req, res, `api|${opened.key}`, 'application/json; charset=utf-8', () => opened.json);
    }),
  );

  tokenRouter.get(
    '/events',
    withLink(async (req, res, link) => streamPortalEvents(ctx, streams, req, res, link, String(req.params.token))),
  );

  tokenRouter.get(
    '/qr/:kind/:file',
    withLink(async (req, res, link) => {
      const kind = req.params.kind === 'invoice' || req.params.kind === 'deposit' ? req.params.kind : null;
      const id = /^([A-Za-z0-9_-]{1,64})\.png$/.exec(String(req.params.file))?.[1];
      const qr = kind && id ? await payQrPng(ctx, link, { kind, id }) : null;
      if (!qr) throw new DomainError('NOT_FOUND', 'Nothing to pay here');
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

  registerPaymentNoticeRoute(ctx, tokenRouter, withLink);

  // The client's own PromptPay for deposit refunds (customer links only; null or '' removes it).
  tokenRouter.put(
    '/refund-promptpay',
    express.json({ limit: '4kb' }),
    withLink(async (req, res, link) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      res.json(await setRefundPromptPay(ctx, { link, promptPayId: body.promptPayId, meta: accessMeta(req) }));
    }),
  );

  extensions.register?.(tokenRouter, withLink);
  // Anything else under a token path: the portal's own 404, without resolving the token (so it
  // tells nothing about it) and without echoing the path (which holds the token).
  tokenRouter.use((_req, res) => {
    res.status(404).json(notFoundJson);
  });

  router.use('/:token', tokenRouter);
  return router;
}
