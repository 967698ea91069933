/**
 * An express-rate-limit store in the database, so every instance behind a load balancer counts the
 * same hits (issue 14). Fixed windows aligned to the clock: a client's row is (hash of limiter name
 * + client key, window end). A limited request costs one upsert, which Prisma sends as a single
 * INSERT … ON CONFLICT DO UPDATE on SQLite and PostgreSQL, so concurrent hits never lose a count.
 */
import { createHash } from 'node:crypto';
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { Db } from './database.ts';

interface Clock {
  now(): Date;
}

/** Rows of ended windows are deleted at most this often per store (not on every request). */
const SWEEP_EVERY_MS = 5 * 60_000;

export class DatabaseRateLimitStore implements Store {
  readonly localKeys = false;
  readonly prefix: string;

  readonly #db: Db;
  readonly #clock: Clock;
  #windowMs: number;
  #nextSweepAt = 0;

  /**
   * `name` tells the limiters apart in the shared table (and to express-rate-limit's checks);
   * express-rate-limit sets the window through init(), a direct user passes it here.
   */
  constructor(db: Db, clock: Clock, name: string, windowMs = 60_000) {
    this.#db = db;
    this.#clock = clock;
    this.prefix = `${name}:`;
    this.#windowMs = windowMs;
  }

  init(options: Options): void {
    this.#windowMs = options.windowMs;
  }

  async increment(clientKey: string): Promise<ClientRateLimitInfo> {
    const now = this.#clock.now().getTime();
    const key = this.#hash(clientKey);
    const windowEnd = this.#windowEnd(now);
    const row = await this.#db.rateLimitHit.upsert({
      where: { key_windowEnd: { key, windowEnd } },
      create: { key, windowEnd, hits: 1 },
      update: { hits: { increment: 1 } },
      select: { hits: true },
    });
    if (now >= this.#nextSweepAt) this.#sweep(now);
    return { totalHits: row.hits, resetTime: windowEnd };
  }

  async get(clientKey: string): Promise<ClientRateLimitInfo | undefined> {
    const windowEnd = this.#windowEnd(this.#clock.now().getTime());
    const row = await this.#db.rateLimitHit.findUnique({ where: { key_windowEnd: { key: this.#hash(clientKey), windowEnd } }, select: { hits: true } });
    return row ? { totalHits: row.hits, resetTime: windowEnd } : undefined;
  }

  async decrement(clientKey: string): Promise<void> {
    const windowEnd = this.#windowEnd(this.#clock.now().getTime());
    await this.#db.rateLimitHit.updateMany({ where: { key: this.#hash(clientKey), windowEnd, hits: { gt: 0 } }, data: { hits: { decrement: 1 } } });
  }

  async resetKey(clientKey: string): Promise<void> {
    await this.#db.rateLimitHit.deleteMany({ where: { key: this.#hash(clientKey) } });
  }

  #windowEnd(now: number): Date {
    return new Date((Math.floor(now / this.#windowMs) + 1) * this.#windowMs);
  }

  #hash(clientKey: string): string {
    return createHash('sha256').update(this.prefix).update(clientKey).digest('base64url');
  }

  /** Ended windows of every limiter go; a failed sweep is retried at the next one, never fails a request. */
  #sweep(now: number): void {
    this.#nextSweepAt = now + SWEEP_EVERY_MS;
    this.#db.rateLimitHit.deleteMany({ where: { windowEnd: { lte: new Date(now) } } }).catch(() => {});
  }
}
