/** Mounts the admin API: caller check (key or staff session), JSON body, every declared route, and its OpenAPI. */
import express, { Router, type RequestHandler } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../services/context.ts';
import { DomainError } from '../../domain/errors.ts';
import { findStaffSession } from '../../services/staff-session.ts';
import { checkStaffCsrf, readStaffSessionToken } from '../staff/staff-cookie.ts';
import { buildAdminRouter, buildOpenApi, type AdminRoute } from './admin-route.ts';
import { customerRoutes } from './customers.routes.ts';
import { jobRoutes } from './jobs.routes.ts';
import { quoteRoutes } from './quotes.routes.ts';
import { invoiceRoutes } from './invoices.routes.ts';
import { depositRoutes } from './deposits.routes.ts';
import { businessRoutes } from './business.routes.ts';
import { staffRoutes } from './staff.routes.ts';
import { messageRoutes } from './messages.routes.ts';
import { linkRoutes } from './links.routes.ts';
import { documentRoutes } from './documents.routes.ts';
import { paymentRoutes } from './payments.routes.ts';
import { paymentNoticeRoutes } from './payment-notices.routes.ts';
import { listRoutes } from './lists.routes.ts';
import { recordRoutes } from './records.routes.ts';
import { todayRoutes } from './today.routes.ts';

const ROUTES = [
  ...businessRoutes,
  ...customerRoutes,
  ...jobRoutes,
  ...quoteRoutes,
  ...invoiceRoutes,
  ...paymentRoutes,
  ...depositRoutes,
  ...linkRoutes,
  ...staffRoutes,
  ...messageRoutes,
  ...documentRoutes,
  ...paymentNoticeRoutes,
  ...listRoutes,
  ...recordRoutes,
  ...todayRoutes,
];
export const ADMIN_ROUTES: AdminRoute[] = ROUTES;

/** Every admin operation by its operationId, with its schemas' types (the typed test client uses it). */
export type AdminOperations = { [R in (typeof ROUTES)[number] as R['operationId']]: R };

export function adminOpenApi(routes: AdminRoute[] = ADMIN_ROUTES) {
  return buildOpenApi(routes, { title: 'Client Portal admin API', version: '1.0.0' });
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * Who may call the admin API: the bearer key (integrations; acts as the owner) or a staff app
 * session cookie (acts as that staff member, in their role; writes need the CSRF guard of
 * staff-cookie.ts). Sets `res.locals.callerId` (idempotency scopes, "who did it") and
 * `res.locals.callerRole` (owner-only routes). The key is compared in constant time (hashing
 * first makes the lengths equal).
 */
export function requireAdminCaller(ctx: AppContext, apiKey: string): RequestHandler {
  const expected = sha256(apiKey);
  // A fingerprint of the key, never the key itself.
  const keyCallerId = `api-key:${expected.toString('hex').slice(0, 16)}`;
  return async (req, res, next) => {
    const header = req.get('authorization');
    if (header !== undefined) {
      const match = /^Bearer\s+(.+)$/i.exec(header);
      if (!match || !timingSafeEqual(sha256(match[1]!.trim()), expected)) {
        next(new DomainError('UNAUTHORIZED', 'Authorization: Bearer <ADMIN_API_KEY> is required'));
        return;
      }
      res.locals.callerId = keyCallerId;
      res.locals.callerRole = 'owner';
      res.locals.actor = 'admin-api';
      next();
      return;
    }
    const token = readStaffSessionToken(req);
    const session = token ? await findStaffSession(ctx, token) : null;
    if (!session) {
      next(new DomainError('UNAUTHORIZED', 'Authorization: Bearer <ADMIN_API_KEY> or a staff app session is required'));
      return;
    }
    checkStaffCsrf(req, ctx);
    res.locals.callerId = `staff:${session.staff.id}`;
    res.locals.callerRole = session.staff.role;
    res.locals.actor = `staff-app:${session.staff.id}`;
    next();
  };
}

export function adminApi(ctx: AppContext, apiKey: string): Router {
  const router = Router();
  const openapi = adminOpenApi(ADMIN_ROUTES);
  // The description is public so integrators can read it before they have a key.
  router.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  router.use(requireAdminCaller(ctx, apiKey));
  // Answers carry customer data and live portal links (POST /links, …/send): never cached.
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // A logo travels as base64 (500 KB of bytes); every other body stays small.
  router.use('/business/logo', express.json({ limit: '800kb' }));
  router.use(express.json({ limit: '256kb' }));
  router.use(buildAdminRouter(ADMIN_ROUTES, ctx));
  router.use((_req, _res, next) => next(new DomainError('NOT_FOUND', 'No such admin endpoint')));
  return router;
}
