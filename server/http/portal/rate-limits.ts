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

type Limits = Pick<AppContext, 'db' | 'clock'>;

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
    store: new DatabaseRateLimitStore(ctx.db, ctx.clock, name),
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
/** Beyond this many tracked addresses, expired windows are swept; beyond the cap the oldest go. */
const SWEEP_ABOVE = 10_000;
const MAX_TRACKED = 100_000;

/**
 * Failed token lookups per client address (IPv6 by /56, as express-rate-limit keys them), in a
 * fixed window from the first failure. Shared by the page routes and the API, so guesses on both
 * count together. In memory: each process counts on its own and a restart clears it.
 */
export class FailedLookups {
  readonly #byKey = new Map<string, { count: number; resetAt: number }>();

  private readonly clock: Clock;
  private readonly limit: number;
  private readonly windowMs: number;

  constructor(clock: Clock, limit = FAILED_LOOKUP_LIMIT, windowMs = FAILED_LOOKUP_WINDOW_MS) {
    this.clock = clock;
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Counts one failed lookup; returns the seconds to wait when the address is over the limit, else null. */
  fail(req: Request): number | null {
    const now = this.clock.now().getTime();
    const key = ipKeyGenerator(req.ip ?? 'unknown');
    let entry = this.#byKey.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.#byKey.size >= SWEEP_ABOVE) this.#sweep(now);
      entry = { count: 0, resetAt: now + this.windowMs };
      this.#byKey.set(key, entry);
    }
    entry.count++;
    return entry.count > this.limit ? Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) : null;
  }

  #sweep(now: number): void {
    for (const [key, entry] of this.#byKey) if (entry.resetAt <= now) this.#byKey.delete(key);
    // A scan from very many addresses: forget the oldest windows rather than grow without bound.
    for (const key of this.#byKey.keys()) {
      if (this.#byKey.size < MAX_TRACKED) break;
      this.#byKey.delete(key);
    }
  }
}

/** The JSON 429 of the API, through the one error mapper. */
export function rateLimitedError(res: Response, retryAfterSeconds: number): DomainError {
  res.setHeader('Retry-After', String(retryAfterSeconds));
  return tooManyError();
}
