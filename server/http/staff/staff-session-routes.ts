/**
 * /api/staff: sign in to the staff app with a LIFF ID token (POST /session), sign out
 * (DELETE /session) and who am I (GET /me). The session then authenticates the admin API
 * (admin-api.ts). Rules live in services/staff-session.ts. A sign-in needs a JSON body (a
 * cross-site form cannot send one) and, when the browser names it, our own Origin.
 */
import express, { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../services/context.ts';
import { DomainError } from '../../domain/errors.ts';
import { endStaffSession, findStaffSession, startStaffSession, type StaffSessionView } from '../../services/staff-session.ts';
import { staffSignInRateLimit } from '../portal/rate-limits.ts';
import { checkSameOrigin, clearStaffSessionCookie, readStaffSessionToken, setStaffSessionCookie } from './staff-cookie.ts';

const sessionBody = z.strictObject({ idToken: z.string().trim().min(1, 'idToken (the LIFF ID token) is required').max(4096) });

function toBody(view: StaffSessionView) {
  return { staff: view.staff, expiresAt: view.expiresAt.toISOString() };
}

export function staffSessionRouter(ctx: AppContext): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.use(express.json({ limit: '16kb' }));
  router.post('/session', staffSignInRateLimit(ctx), async (req, res) => {
    checkSameOrigin(req, ctx);
    const { idToken } = sessionBody.parse(req.body ?? {});
    const session = await startStaffSession(ctx, { idToken });
    setStaffSessionCookie(req, res, ctx, session.token, session.expiresAt);
    res.json(toBody(session));
  });
  router.delete('/session', async (req, res) => {
    checkSameOrigin(req, ctx);
    const token = readStaffSessionToken(req);
    if (token) await endStaffSession(ctx, token);
    clearStaffSessionCookie(req, res, ctx);
    res.status(204).end();
  });
  router.get('/me', async (req, res) => {
    const token = readStaffSessionToken(req);
    const session = token ? await findStaffSession(ctx, token) : null;
    if (!session) throw new DomainError('UNAUTHORIZED', 'Not signed in to the staff app (or the session has ended)');
    res.json(toBody(session));
  });
  return router;
}
