/**
 * The durable inbox of LINE webhook events (WebhookEvent rows, keyed by webhookEventId).
 *
 * received ──claim──▶ processing ──▶ processed
 *     ▲                   │
 *     └──── retry ◀───────┴──▶ failed (after MAX_ATTEMPTS)
 *
 * An event is written before LINE gets its 200, so a crash after that loses nothing; a second
 * delivery of the same id (LINE's redelivery, or a duplicate) is not recorded again. Claiming
 * is a conditional update, so one event is handled by one worker at a time even with several
 * server instances; a worker that died mid-way leaves a lease that runs out. On PostgreSQL the
 * events waiting for a worker are claimed in batches, FOR UPDATE SKIP LOCKED (claimDue, from the
 * composition root), so polling instances split them instead of all listing the same ones.
 */
import type { Db } from '../../server/data/database.ts';
import type { Clock } from '../../server/services/ports.ts';
import { eventIdOf, laneOf, timestampOf } from './line-event.ts';

export const MAX_ATTEMPTS = 5;
/** How long a claimed event belongs to its worker before another may take it over. */
export const LEASE_MS = 60_000;
const RETRY_BACKOFF_MS = [0, 5_000, 30_000, 120_000, 600_000];

export interface InboxItem {
  id: string;
  raw: unknown;
  lane: string;
  timestamp: number;
  /** Claimed together with other waiting events (takeDue): handle it while the lease holds. */
  claim?: Claim;
}

export interface Claim {
  attempts: number;
  lastAttempt: boolean;
  /** The lease: past it, another worker may claim the event. */
  lockedUntil: Date;
}

/** Claims up to `limit` waiting events at once (PostgreSQL: server/data/claim-due-webhook-events.ts). */
export type ClaimDueEvents = (db: Db, claim: { now: Date; lockedUntil: Date; limit: number }) => Promise<{ id: string; payload: string; attempts: number }[]>;

function itemOf(id: string, payload: string): InboxItem {
  let raw: unknown = null;
  try {
    raw = JSON.parse(payload);
  } catch {
    raw = null;
  }
  return { id, raw, lane: laneOf(raw), timestamp: timestampOf(raw) };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/**
 * Runs database work ahead of work already waiting for a connection, on the client it is given
 * (data/first-in-line.ts: SQLite's connection first in line, PostgreSQL's own small pool).
 */
export type FirstInLine = <T>(work: (db: Db) => Promise<T>) => Promise<T>;

export class WebhookInbox {
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #firstInLine: FirstInLine;
  readonly #claimDue: ClaimDueEvents | null;

  constructor(db: Db, clock: Clock, firstInLine: FirstInLine = (work) => work(db), claimDue: ClaimDueEvents | null = null) {
    this.#db = db;
    this.#clock = clock;
    this.#firstInLine = firstInLine;
    this.#claimDue = claimDue;
  }

  /**
   * Records the events; returns those recorded now (not the ones already known). LINE is waiting
   * for its 200 on this, so it goes ahead of the handling already queued for the database.
   */
  record(events: unknown[]): Promise<InboxItem[]> {
    return this.#firstInLine((db) => this.#record(db, events));
  }

  async #record(db: Db, events: unknown[]): Promise<InboxItem[]> {
    const fresh: InboxItem[] = [];
    const now = this.#clock.now();
    for (const raw of events) {
      const id = eventIdOf(raw);
      const type = typeof (raw as { type?: unknown })?.type === 'string' ? String((raw as { type: string }).type).slice(0, 50) : 'unknown';
      try {
        await db.webhookEvent.create({ data: { id, type, payload: JSON.stringify(raw), status: 'received', receivedAt: now } });
        fresh.push({ id, raw, lane: laneOf(raw), timestamp: timestampOf(raw) });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return fresh;
  }

  async claim(id: string): Promise<Claim | null> {
    const now = this.#clock.now();
    const lockedUntil = new Date(now.getTime() + LEASE_MS);
    const { count } = await this.#db.webhookEvent.updateMany({
      where: {
        id,
        OR: [
          { status: 'received', OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
          { status: 'processing', lockedUntil: { lte: now } },
        ],
      },
      data: { status: 'processing', attempts: { increment: 1 }, lockedUntil },
    });
    if (count === 0) return null;
    const row = await this.#db.webhookEvent.findUniqueOrThrow({ where: { id }, select: { attempts: true } });
    return { attempts: row.attempts, lastAttempt: row.attempts >= MAX_ATTEMPTS, lockedUntil };
  }

  /** False once the claim's lease has run out (then the event must be claimed again before handling). */
  holds(claim: Claim): boolean {
    return this.#clock.now().getTime() < claim.lockedUntil.getTime();
  }

  /**
   * Events waiting for a worker, oldest first: claimed already where the database can skip the
   * rows other workers are claiming (PostgreSQL), else listed, to be claimed one by one.
   */
  async takeDue(limit: number): Promise<InboxItem[]> {
    if (!this.#claimDue) return this.pending(limit);
    const now = this.#clock.now();
    const lockedUntil = new Date(now.getTime() + LEASE_MS);
    const rows = await this.#claimDue(this.#db, { now, lockedUntil, limit });
    return rows.map((row) => ({ ...itemOf(row.id, row.payload), claim: { attempts: row.attempts, lastAttempt: row.attempts >= MAX_ATTEMPTS, lockedUntil } }));
  }

  async complete(id: string, note?: string): Promise<void> {
    await this.#db.webhookEvent.updateMany({
      where: { id, status: 'processing' },
      data: { status: 'processed', processedAt: this.#clock.now(), lockedUntil: null, ...(note ? { lastError: note } : {}) },
    });
  }

  /** Back to 'received' after a back-off, or 'failed' for good after the last attempt. */
  async fail(id: string, error: unknown, claim: Claim): Promise<void> {
    const now = this.#clock.now();
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    const backoff = RETRY_BACKOFF_MS[Math.min(claim.attempts, RETRY_BACKOFF_MS.length - 1)]!;
    await this.#db.webhookEvent.updateMany({
      where: { id, status: 'processing' },
      data: claim.lastAttempt
        ? { status: 'failed', lastError: message, lockedUntil: null, processedAt: now }
        : { status: 'received', lastError: message, lockedUntil: new Date(now.getTime() + backoff) },
    });
  }

  /** A recorded event, as LINE sent it, and when it arrived (a client's later choice refers back to it). */
  async find(id: string): Promise<{ raw: unknown; receivedAt: Date } | null> {
    const row = await this.#db.webhookEvent.findUnique({ where: { id }, select: { payload: true, receivedAt: true } });
    if (!row) return null;
    try {
      return { raw: JSON.parse(row.payload) as unknown, receivedAt: row.receivedAt };
    } catch {
      return null;
    }
  }

  /** Events waiting for a worker: never handled, due for a retry, or abandoned by a crashed worker. */
  async pending(limit = 100): Promise<InboxItem[]> {
    const now = this.#clock.now();
    const rows = await this.#db.webhookEvent.findMany({
      where: {
        OR: [
          { status: 'received', OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
          { status: 'processing', lockedUntil: { lte: now } },
        ],
      },
      orderBy: { receivedAt: 'asc' },
      take: limit,
      select: { id: true, payload: true },
    });
    return rows.map((row) => itemOf(row.id, row.payload));
  }
}
