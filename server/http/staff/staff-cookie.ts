/**
 * The staff app's session cookie and its CSRF guard.
 *
 * The cookie is httpOnly (no script reads it), SameSite=Strict (no cross-site request carries it)
 * and Secure when the app is served over https. On top of that, a request that changes something
 * with the cookie must send the header `X-Staff-App: 1` — a cross-site HTML form cannot set a
 * header, and a cross-site script cannot either without a CORS preflight this server never
 * grants — and, when the browser sends an Origin, it must be this server's own.
 */
import type { Request, Response } from 'express';
import type { AppContext } from '../../services/context.ts';
import { DomainError } from '../../domain/errors.ts';

export const STAFF_SESSION_COOKIE = 'staff_session';
export const STAFF_APP_HEADER = 'X-Staff-App';
/** Both the session routes (/api/staff) and the admin API (/api/admin) read the cookie. */
const COOKIE_PATH = '/api';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function readStaffSessionToken(req: Request): string | null {
  const header = req.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== STAFF_SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    // Our tokens are base64url: anything else was not set by us.
    return /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : null;
  }
  return null;
}

function secure(req: Request, ctx: AppContext): boolean {
  // Behind a TLS proxy without TRUST_PROXY, req.secure is false although clients use https.
  return req.secure || (ctx.config.env === 'production' && (ctx.config.publicUrl ?? '').startsWith('https:'));
}

function cookie(value: string, maxAgeSeconds: number, isSecure: boolean): string {
  return [
    `${STAFF_SESSION_COOKIE}=${value}`,
    `Path=${COOKIE_PATH}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(isSecure ? ['Secure'] : []),
  ].join('; ');
}

export function setStaffSessionCookie(req: Request, res: Response, ctx: AppContext, token: string, expiresAt: Date): void {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - ctx.clock.now().getTime()) / 1000));
  res.append('Set-Cookie', cookie(token, maxAge, secure(req, ctx)));
}

export function clearStaffSessionCookie(req: Request, res: Response, ctx: AppContext): void {
  res.append('Set-Cookie', cookie('', 0, secure(req, ctx)));
}

function ownOrigins(req: Request, ctx: AppContext): string[] {
  const origins = [`${req.protocol}://${req.get('host') ?? ''}`];
  if (ctx.config.publicUrl) origins.push(new URL(ctx.config.publicUrl).origin);
  return origins;
}

/** Throws FORBIDDEN for a state-changing request, authenticated by the cookie, that a cross-site page could have sent. */
export function checkStaffCsrf(req: Request, ctx: AppContext): void {
  if (SAFE_METHODS.has(req.method)) return;
  if (req.get(STAFF_APP_HEADER) !== '1') {
    throw new DomainError('FORBIDDEN', `${STAFF_APP_HEADER}: 1 is required on requests that change data with a staff session`, { field: STAFF_APP_HEADER });
  }
  checkSameOrigin(req, ctx);
}

/** When the browser names the page that sent the request, it must be one of ours. */
export function checkSameOrigin(req: Request, ctx: AppContext): void {
  const origin = req.get('origin');
  if (origin !== undefined && !ownOrigins(req, ctx).includes(origin)) {
    throw new DomainError('FORBIDDEN', 'Origin: the staff app works from this site only', { field: 'Origin' });
  }
}
