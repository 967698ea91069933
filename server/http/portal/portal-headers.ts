/**
 * Headers for every response that carries or is reached by a portal token: never cached, never
 * indexed, never leaked through Referer, and a strict CSP (no inline script at all; data is a
 * non-executable JSON script element).
 */
import type { RequestHandler } from 'express';

export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self' https://static.line-scdn.net",
  "style-src 'self'",
  "img-src 'self' data: blob: https://*.line-scdn.net",
  "connect-src 'self' https://api.line.me https://*.line-scdn.net https://liffsdk.line-scdn.net",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const portalHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Robots-Tag', 'noindex, nofollow');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Content-Security-Policy', PORTAL_CSP);
  next();
};
