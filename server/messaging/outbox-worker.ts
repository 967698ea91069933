/**
 * Delivers the outbox. Several workers (threads of one process, or processes on one database)
 * may run at once; each message is delivered by exactly one of them at a time:
 *
 * - Claim (data/claim-due-outbox.ts): due rows move to 'sending' with a lease (lockedBy = a token
 *   unique to this claim, lockedUntil). On PostgreSQL one UPDATE takes candidates FOR UPDATE SKIP
 *   LOCKED, so workers claiming at once get disjoint full batches; on SQLite (one writer at a
 *   time) a conditional UPDATE … RETURNING takes the rows no other claim took first.
 * - Every later write is conditional on that token: a worker whose lease ran out cannot
 *   overwrite the outcome of the worker that took over.
 * - A worker killed mid-send leaves 'sending' rows whose lease expires; they are claimed again.
 *   LINE gets the same X-Line-Retry-Key and answers 409 (counted as sent), so the client still
 *   sees the message once.
 *
 * Failures retry with exponential back-off and jitter, capped, then go 'dead' with the last error.
 * LINE's monthly quota (429 "monthly limit") marks LINE unavailable for every instance and
 * re-routes the message to the next channel.
 */
import { randomUUID } from 'node:crypto';
import { Prisma, type Db } from '../data/database.ts';
import { claimDueOutbox, type OutboxRow } from '../data/claim-due-outbox.ts';
import type { DatabaseProvider } from '../data/schema-engine.ts';
import type { Clock } from '../domain/clock.ts';
import type { Logger } from '../logger.ts';
import { ChannelError, type ChannelPorts, type SendResult } from './channel-ports.ts';
import { parseStoredContent, type Channel, type MessageContent, type StoredContent } from './message-content.ts';
import type { LinkResolver } from './channel-ports.ts';
import { planDelivery, unavailableChannels } from './enqueue.ts';
import { isUnreachable } from './choose-channel.ts';
import { retryDelayMs, type RetryPolicy } from './retry-policy.ts';
import { deliverableAt, isWithinSendingWindow, QUIET_HOURS_KINDS } from '../domain/reminder-schedule.ts';

export interface OutboxWorkerOptions {
  db: Db;
  /** How claims are made (config.databaseProvider); SQLite's way also works, slower, on PostgreSQL. */
  provider?: DatabaseProvider;
  clock: Clock;
  logger: Logger;
  channels: ChannelPorts;
  /** Fills in the portal URLs just before sending (tokens are never stored). */
  links: LinkResolver;
  /** Shown in lockedBy; defaults to a random id per worker. */
  workerId?: string;
  batchSize?: number;
  /** Messages sent at the same time within a batch. */
  concurrency?: number;
  /** How long a claim holds a message; must exceed the longest send (sendTimeoutMs). */
  leaseMs?: number;
  sendTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** How long LINE stays unavailable after a quota answer, before it is tried again. */
  quotaPauseMs?: number;
  random?: () => number;
}

export interface DrainResult {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  rerouted: number;
  cancelled: number;
}

interface PendingSent {
  id: string;
  token: string;
  providerMessageId: string;
  deliveryStatus: string | null;
}

const emptyResult = (): DrainResult => ({ claimed: 0, sent: 0, retried: 0, dead: 0, rerouted: 0, cancelled: 0 });

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 30_000, capMs: 60 * 60_000, maxAttempts: 8 };

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 1000 ? `${text.slice(0, 999)}…` : text;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ChannelError('retryable', `no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export class OutboxWorker {
  readonly workerId: string;
  readonly #db: Db;
  readonly #provider: DatabaseProvider;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #channels: ChannelPorts;
  readonly #links: LinkResolver;
  readonly #batchSize: number;
  readonly #concurrency: number;
  readonly #leaseMs: number;
  readonly #sendTimeoutMs: number;
  readonly #retry: RetryPolicy;
  readonly #quotaPauseMs: number;
  readonly #random: () => number;
  #pendingSent: (PendingSent & { resolve(outcome: keyof DrainResult | null): void; reject(error: unknown): void })[] = [];
  #flushing: Promise<void> | null = null;

  constructor(options: OutboxWorkerOptions) {
    this.workerId = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
    this.#db = options.db;
    this.#provider = options.provider ?? 'sqlite';
    this.#clock = options.clock;
    this.#logger = options.logger;
    this.#channels = options.channels;
    this.#links = options.links;
    this.#batchSize = options.batchSize ?? 100;
    this.#concurrency = options.concurrency ?? 16;
    this.#sendTimeoutMs = options.sendTimeoutMs ?? 30_000;
    this.#leaseMs = Math.max(options.leaseMs ?? 120_000, 1);
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#quotaPauseMs = options.quotaPauseMs ?? 60 * 60_000;
    this.#random = options.random ?? Math.random;
  }

  /**
   * Delivers everything due now (batch after batch) and returns what happened. `stopWhen` is asked
   * after each batch: a process shutting down finishes the batch it holds and claims no more, so it
   * exits soon and other instances deliver the rest, instead of draining the whole outbox first.
   */
  async drainOnce(options: { stopWhen?: () => boolean } = {}): Promise<DrainResult> {
    const total = emptyResult();
    for (let round = 0; round < 100_000; round++) {
      const { result, due } = await this.#runBatch();
      for (const key of Object.keys(total) as (keyof DrainResult)[]) total[key] += result[key];
      if (!due || options.stopWhen?.()) break;
    }
    return total;
  }

  /** Claims due messages: returns the rows this claim owns (possibly fewer than were due). */
  async claim(): Promise<{ rows: OutboxRow[]; token: string; due: boolean }> {
    const now = this.#clock.now();
    const token = `${this.workerId}:${randomUUID()}`;
    const { rows, due } = await claimDueOutbox(this.#db, this.#provider, {
      now,
      batchSize: this.#batchSize,
      token,
      lockedUntil: new Date(now.getTime() + this.#leaseMs),
      // Outside 09:00–20:00 Bangkok, reminders wait whatever their nextAttemptAt (reminder-schedule.ts).
      excludeKinds: isWithinSendingWindow(now) ? [] : QUIET_HOURS_KINDS,
    });
    return { rows, token, due };
  }

  async #runBatch(): Promise<{ result: DrainResult; due: boolean }> {
    const result = emptyResult();
    const { rows, token, due } = await this.claim();
    result.claimed = rows.length;
    if (rows.length === 0) return { result, due };
    const now = this.#clock.now();
    const unavailable = await unavailableChannels(this.#db, now);
    const following = await this.#followingLineUsers(rows);
    const contents = await this.#resolveContents(rows);
    let next = 0;
    const lane = async () => {
      while (next < rows.length) {
        const index = next++;
        const row = rows[index]!;
        const outcome = await this.#deliver(row, token, contents[index]!, { unavailable, following }).catch((error: unknown) => {
          // A bug or a database error: leave the row to its lease; it is retried after it expires.
          this.#logger.error({ messageId: row.id, err: errorText(error) }, 'outbox: delivery crashed');
          return null;
        });
        if (outcome) result[outcome] += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.#concurrency, rows.length) }, lane));
    return { result, due };
  }

  /** LINE recipients in this batch who are still bound to the message's customer and following. */
  async #followingLineUsers(rows: OutboxRow[]): Promise<Set<string>> {
    const lineRows = rows.filter((r) => r.channel === 'line');
    if (lineRows.length === 0) return new Set();
    const users = await this.#db.lineUser.findMany({
      where: { lineUserId: { in: [...new Set(lineRows.map((r) => r.recipient))] }, following: true },
      select: { lineUserId: true, customerId: true },
    });
    return new Set(users.map((u) => `${u.customerId}:${u.lineUserId}`));
  }

  /** Parses every payload and fills in its link's URLs; an error string for a row that cannot be. */
  async #resolveContents(rows: OutboxRow[]): Promise<(MessageContent | null | string)[]> {
    const parsed = rows.map((row): StoredContent | string => {
      try {
        return parseStoredContent(row.payload);
      } catch (error) {
        return `unreadable payload: ${errorText(error)}`;
      }
    });
    const stored = parsed.filter((p): p is StoredContent => typeof p !== 'string');
    const resolved = await this.#links.resolve(stored, { requireUsable: true });
    let i = 0;
    return parsed.map((p) => (typeof p === 'string' ? p : resolved[i++]!));
  }

  async #deliver(
    row: OutboxRow,
    token: string,
    resolved: MessageContent | null | string,
    facts: { unavailable: Channel[]; following: Set<string> },
  ): Promise<keyof DrainResult | null> {
    if (typeof resolved === 'string') return this.#markDead(row, token, resolved);
    if (resolved === null) {
      // Revoked, expired, or its quote/invoice was settled meanwhile: the message is obsolete.
      return this.#finish(row, token, 'cancelled', {
        status: 'cancelled',
        lastError: 'withdrawn: its portal link no longer opens (revoked, expired, or the quote/invoice was settled)',
      });
    }
    const content = resolved;
    const channel = row.channel as Channel;
    if (channel === 'line' && row.customerId && !facts.following.has(`${row.customerId}:${row.recipient}`)) {
      return this.#reroute(row, token, [], 'LINE user unfollowed or was unbound');
    }
    if (facts.unavailable.includes(channel)) {
      return this.#reroute(row, token, [channel], `${channel} unavailable (monthly quota used up)`);
    }
    const port = this.#channels[channel];
    if (!port) return this.#markDead(row, token, `no adapter for channel ${channel}`);
    let sent: SendResult;
    try {
      sent = await withTimeout(
        port.send({ id: row.id, retryKey: row.retryKey, recipient: row.recipient, content, attempt: row.attempts }),
        this.#sendTimeoutMs,
      );
    } catch (error) {
      return this.#handleFailure(row, token, channel, error);
    }
    if (sent.alreadyAccepted) this.#logger.info({ messageId: row.id }, 'outbox: LINE had already accepted this retry key; counted as sent');
    // lastError is kept: after a retry or a re-route it tells the operator what happened on the way.
    return this.#recordSent({ id: row.id, token, providerMessageId: sent.providerMessageId, deliveryStatus: sent.deliveryStatus ?? null });
  }

  /**
   * Group commit for the hot path: sends that finish while a write is in flight are recorded
   * together by the next write, one UPDATE for all of them (plain SQL: CASE works the same on
   * SQLite and PostgreSQL). Each send still waits for its own record, so the window in which a
   * crash could forget a finished send stays one statement long.
   */
  #recordSent(entry: PendingSent): Promise<keyof DrainResult | null> {
    return new Promise((resolve, reject) => {
      this.#pendingSent.push({ ...entry, resolve, reject });
      if (!this.#flushing) this.#flushing = this.#flushSent();
    });
  }

  async #flushSent(): Promise<void> {
    while (this.#pendingSent.length > 0) {
      const entries = this.#pendingSent.splice(0, 500);
      const byToken = new Map<string, typeof entries>();
      for (const e of entries) byToken.set(e.token, [...(byToken.get(e.token) ?? []), e]);
      for (const [token, group] of byToken) {
        try {
          const ids = group.map((e) => e.id);
          const providerIds = Prisma.join(
            group.map((e) => Prisma.sql`WHEN ${e.id} THEN ${e.providerMessageId}`),
            ' ',
          );
          const statuses = Prisma.join(
            group.map((e) => Prisma.sql`WHEN ${e.id} THEN ${e.deliveryStatus}`),
            ' ',
          );
          const count = await this.#db
            .$executeRaw`UPDATE "OutboxMessage" SET "status" = 'sent', "sentAt" = ${this.#clock.now()}, "lockedBy" = NULL, "lockedUntil" = NULL, "providerMessageId" = CASE "id" ${providerIds} END, "deliveryStatus" = CASE "id" ${statuses} END WHERE "status" = 'sending' AND "lockedBy" = ${token} AND "id" IN (${Prisma.join(ids)})`;
          if (count < group.length) this.#logger.warn({ lost: group.length - count, of: group.length }, 'outbox: lease lost before the outcome was recorded');
          for (const e of group) e.resolve('sent');
        } catch (error) {
          for (const e of group) e.reject(error);
        }
      }
    }
    this.#flushing = null;
  }

  async #handleFailure(row: OutboxRow, token: string, channel: Channel, error: unknown): Promise<keyof DrainResult | null> {
    const failure = error instanceof ChannelError ? error : new ChannelError('retryable', errorText(error));
    if (failure.kind === 'quota') {
      await this.markUnavailable(channel, failure.message);
      return this.#reroute(row, token, [channel], failure.message);
    }
    if (failure.kind === 'permanent' || row.attempts >= this.#retry.maxAttempts) {
      return this.#markDead(row, token, failure.message);
    }
    const delay = Math.max(retryDelayMs(row.attempts, this.#retry, this.#random), failure.retryAfterMs ?? 0);
    this.#logger.info({ messageId: row.id, attempt: row.attempts, retryInMs: delay, err: failure.message }, 'outbox: send failed, will retry');
    return this.#finish(row, token, 'retried', {
      status: 'failed',
      nextAttemptAt: deliverableAt(row.kind, new Date(this.#clock.now().getTime() + delay)),
      lastError: failure.message,
    });
  }

  /** Picks the next channel (never `exclude`) and queues the message again, or gives up. */
  async #reroute(row: OutboxRow, token: string, exclude: Channel[], why: string): Promise<keyof DrainResult | null> {
    if (!row.customerId) return this.#markDead(row, token, why);
    let choice: Awaited<ReturnType<typeof planDelivery>>;
    try {
      choice = await planDelivery(this.#db, { clock: this.#clock }, { customerId: row.customerId, kind: row.kind as MessageContent['kind'], exclude });
    } catch (error) {
      if (isUnreachable(error)) return this.#markDead(row, token, `${why}; ${error.message}`);
      throw error;
    }
    if (choice.channel === row.channel && choice.recipient === row.recipient) {
      return this.#markDead(row, token, why);
    }
    this.#logger.info({ messageId: row.id, from: row.channel, to: choice.channel, why }, 'outbox: message re-routed');
    return this.#finish(row, token, 'rerouted', {
      status: 'queued',
      channel: choice.channel,
      recipient: choice.recipient,
      attempts: 0,
      nextAttemptAt: deliverableAt(row.kind, this.#clock.now()),
      lastError: `re-routed from ${row.channel}: ${why}`,
    });
  }

  #markDead(row: OutboxRow, token: string, lastError: string): Promise<keyof DrainResult | null> {
    this.#logger.warn({ messageId: row.id, kind: row.kind, channel: row.channel, attempts: row.attempts, err: lastError }, 'outbox: message is dead');
    return this.#finish(row, token, 'dead', { status: 'dead', lastError });
  }

  /** Writes the outcome only if this claim still owns the row. */
  async #finish(row: OutboxRow, token: string, outcome: keyof DrainResult, data: Record<string, unknown>): Promise<keyof DrainResult | null> {
    const { count } = await this.#db.outboxMessage.updateMany({
      where: { id: row.id, status: 'sending', lockedBy: token },
      data: { ...data, lockedBy: null, lockedUntil: null },
    });
    if (count === 0) {
      this.#logger.warn({ messageId: row.id, outcome }, 'outbox: lease lost before the outcome was recorded');
      return null;
    }
    return outcome;
  }

  /** Marks a channel unavailable for everyone (every instance reads it when choosing). */
  async markUnavailable(channel: Channel, reason: string): Promise<void> {
    const now = this.#clock.now();
    const until = new Date(now.getTime() + this.#quotaPauseMs);
    await this.#db.channelStatus.upsert({
      where: { channel },
      create: { channel, unavailableUntil: until, reason, updatedAt: now },
      update: { unavailableUntil: until, reason, updatedAt: now },
    });
    this.#logger.warn({ channel, until: until.toISOString(), reason }, 'outbox: channel unavailable; new messages use the next channel');
  }

  /** Asks LINE's quota endpoints (when the adapter can) and records the answer for every instance. */
  async checkLineQuota(): Promise<boolean | null> {
    const port = this.#channels.line;
    if (!port.quotaExhausted) return null;
    const exhausted = await port.quotaExhausted();
    const now = this.#clock.now();
    if (exhausted) await this.markUnavailable('line', 'LINE monthly push quota used up (quota endpoints)');
    else
      await this.#db.channelStatus.updateMany({
        where: { channel: 'line', unavailableUntil: { gt: now } },
        data: { unavailableUntil: null, reason: null, updatedAt: now },
      });
    return exhausted;
  }
}
