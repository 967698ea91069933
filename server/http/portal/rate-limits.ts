/**
 * Rate limits for token routes. They only stop noise: a 192-bit token cannot be guessed, while
 * offices and mobile carriers put many real clients behind one address. So
 * - a token that resolves is never refused because of failures from the same address;
 * - only lookups that END unknown, expired or revoked count as failures (a closed live stream, a
 *   missing document inside a valid link, an unknown sub-route never do);
 * - the general per-minute limit is far above what a busy page needs (README "Rate limits").
 * Every limiter counts in the database (data/rate-limit-store.ts), so instances share the counts.
 */
import { ipKeyGenerator, rateLimit, type RateLimitExceededEventHandler } from 'express-rate-limit';
import type { Request, RequestHandler, Response } from 'express';
import { DomainError } from '../../domain/errors.ts';
import type { Clock } from '../../services/ports.ts';
import type { AppContext } from '../../services/context.ts';
import { DatabaseRateLimitStore } from '../../data/rate-limit-store.ts';

const tooManyError = () => new DomainError('RATE_LIMITED', 'Too many requests; please wait a moment');
const tooMany: RequestHandler = (_req, _res, next) => next(tooManyError());

/** Answers a limited request; page routes pass one that renders the friendly page. */
export type LimitedAnswer = (req: Request, res: Response, retryAfterSeconds: number) => void | Promise<void>;

type Limits = Pick<AppContext, 'bookkeepingDb' | 'clock'>;

/**
 * The one way to make a limiter: per client address, `limit` requests per fixed window, counted
 * in the database under `name` (unique per limiter, so two limiters never add up).
 */
export function sharedRateLimit(ctx: Limits, name: string, opts: { windowMs: number; limit: number; handler?: RateLimitExceededEventHandler }): RequestHandler {
  return rateLimit({
    windowMs: opts.windowMs,
    limit: opts.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: new DatabaseRateLimitStore(ctx.bookkeepingDb, ctx.clock, name),
    handler: opts.handler ?? tooMany,
  });
}

export function portalRateLimit(ctx: Limits, name: string, perMinute: number, answer?: LimitedAnswer): RequestHandler {
  return sharedRateLimit(ctx, name, {
    windowMs: 60_000,
    limit: perMinute,
    handler: answer ? (req, res, next) => Promise.resolve(answer(req, res, 60)).catch(next) : undefined,
  });
}

export function recoverRateLimit(ctx: Limits): RequestHandler {
  return sharedRateLimit(ctx, 'portal-recover', { windowMs: 60 * 60_000, limit: 5 });
}

/** Staff app sign-ins per minute per address: each asks LINE to verify a token, so a flood stops here. */
export const STAFF_SIGN_IN_PER_MINUTE = 30;

export function staffSignInRateLimit(ctx: Limits): RequestHandler {
  return sharedRateLimit(ctx, 'staff-sign-in', { windowMs: 60_000, limit: STAFF_SIGN_IN_PER_MINUTE });
}

export const FAILED_LOOKUP_LIMIT = 30;
export const FAILED_LOOKUP_WINDOW_MS = 15 * 60_000;

/**
 * Failed token lookups per client address (IPv6 by /56, as express-rate-limit keys them), in fixed
 * windows. Shared by the page routes and the API, so guesses on both count together, and counted in
 * the database like every limiter, so guesses spread over instances add up too.
 */
export class FailedLookups {
  readonly #store: DatabaseRateLimitStore;
  readonly #clock: Clock;
  readonly #limit: number;

  constructor(ctx: Limits, limit = FAILED_LOOKUP_LIMIT, windowMs = FAILED_LOOKUP_WINDOW_MS) {
    this.#store = new DatabaseRateLimitStore(ctx.bookkeepingDb, ctx.clock, 'failed-lookups', windowMs);
    this.#clock = ctx.clock;
    this.#limit = limit;
  }

  /** Counts one failed lookup; resolves to the seconds to wait when the address is over the limit, else null. */
  async fail(req: Request): Promise<number | null> {
    const { totalHits, resetTime } = await this.#store.increment(ipKeyGenerator(req.ip ?? 'unknown'));
    if (totalHits <= this.#limit || !resetTime) return null;
    return Math.max(1, Math.ceil((resetTime.getTime() - this.#clock.now().getTime()) / 1000));
  }
}

/** The JSON 429 of the API, through the one error mapper. */
export function rateLimitedError(res: Response, retryAfterSeconds: number): DomainError {
  res.setHeader('Retry-After', String(retryAfterSeconds));
  return tooManyError();
}
