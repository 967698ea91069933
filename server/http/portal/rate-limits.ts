/** Rate limits for token routes: generous for real use, tight for guessing and for re-send requests. */
import { rateLimit } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { DomainError } from '../../domain/errors.ts';

const tooMany: RequestHandler = (_req, _res, next) => next(new DomainError('RATE_LIMITED', 'Too many requests; please wait a moment'));

export function portalRateLimit(perMinute: number): RequestHandler {
  return rateLimit({ windowMs: 60_000, limit: perMinute, standardHeaders: 'draft-8', legacyHeaders: false, handler: tooMany });
}

/** Only failed lookups count: a few mistyped links are fine, a scan of the token space is not. */
export function unknownTokenLimit(): RequestHandler {
  return rateLimit({ windowMs: 15 * 60_000, limit: 30, skipSuccessfulRequests: true, standardHeaders: 'draft-8', legacyHeaders: false, handler: tooMany, requestWasSuccessful: (_req, res) => res.statusCode < 400 });
}

export function recoverRateLimit(): RequestHandler {
  return rateLimit({ windowMs: 60 * 60_000, limit: 5, standardHeaders: 'draft-8', legacyHeaders: false, handler: tooMany });
}
