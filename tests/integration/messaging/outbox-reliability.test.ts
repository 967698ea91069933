/**
 * The outbox's promises: retries with capped exponential back-off (injected clock and jitter),
 * dead-lettering with the last error, admin retry, idempotency keys, obsolete messages withdrawn,
 * and two workers on separate database connections delivering each message exactly once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/data/database.ts';
import { OutboxWorker } from '../../../server/messaging/outbox-worker.ts';
import { linkResolver } from '../../../server/services/messages/link-resolver.ts';
import { linePushChannel } from '../../../bot/line-push-channel.ts';
import { localChannel } from '../../../server/messaging/local-channel.ts';
import { revokeLink } from '../../../server/services/links.ts';
import { createLogger } from '../../../server/logger.ts';
import { queueLinkMessages, startMessagingFixture, LINE_TOKEN, type MessagingFixture } from './messaging-fixture.ts';

let f: MessagingFixture;

beforeAll(async () => {
  f = await startMessagingFixture();
});
afterAll(() => f.stop());
beforeEach(async () => {
  await f.t.messaging.drainOnce();
  f.line.reset();
});

describe('retries and dead letters', () => {
  it('backs off exponentially with jitter (fixed here), capped, then goes dead with the last error', async () => {
    const customerId = await f.customer();
    await f.bindLine(customerId);
    f.line.failNext(500, 8);
    const sent = await f.t.admin('POST', `/customers/${customerId}/send-link`, {});
    const id = sent.body.messageId as string;
    // random = 0.5 → delay = 0.75 × min(1 h, 30 s × 2^(attempt−1))
    const expected = [22_500, 45_000, 90_000, 180_000, 360_000, 720_000, 1_440_000];
    for (const [i, delay] of expected.entries()) {
      const result = await f.t.messaging.drainOnce();
      expect(result.retried).toBe(1);
      const row = await f.outbox(id);
      expect(row).toMatchObject({ status: 'failed', attempts: i + 1, lockedBy: null });
      expect(row.lastError).toMatch(/LINE 500/);
      expect(row.nextAttemptAt.getTime() - f.t.clock.now().getTime()).toBe(delay);
      f.t.clock.advance(delay - 1);
      expect((await f.t.messaging.drainOnce()).claimed).toBe(0); // not due a millisecond early
      f.t.clock.advance(1);
    }
    expect((await f.t.messaging.drainOnce()).dead).toBe(1);
    const dead = await f.outbox(id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 8 });
    expect(dead.lastError).toMatch(/LINE 500: An internal server error occurred/);
    expect(f.line.pushes).toHaveLength(0);

    const listed = await f.t.admin('GET', `/messages?customerId=${customerId}&status=dead`);
    expect(listed.status).toBe(200);
    expect(listed.body.messages.map((m: { id: string }) => m.id)).toEqual([id]);
    expect(listed.body.messages[0]).not.toHaveProperty('payload');

    const retried = await f.t.admin('POST', `/messages/${id}/retry`, {});
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'queued', attempts: 0, channel: 'line' });
    expect((await f.t.admin('POST', `/messages/${id}/retry`, {})).status).toBe(409); // not dead any more
    expect((await f.t.messaging.drainOnce()).sent).toBe(1);
    expect(f.line.pushes).toHaveLength(1);
    expect(await f.outbox(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('caps the delay and honours Retry-After style minimums', async () => {
    const { retryDelayMs } = await import('../../../server/messaging/retry-policy.ts');
    expect(retryDelayMs(30, { baseMs: 30_000, capMs: 3_600_000 }, () => 1)).toBe(3_600_000);
    expect(retryDelayMs(30, { baseMs: 30_000, capMs: 3_600_000 }, () => 0)).toBe(1_800_000);
  });

  it('answers 404 for an unknown message and validates filters', async () => {
    expect((await f.t.admin('POST', '/messages/nope/retry', {})).status).toBe(404);
    const bad = await f.t.admin('GET', '/messages?status=lost');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('status');
  });
});

describe('idempotency and obsolete messages', () => {
  it('returns the existing message for a repeated idempotency key (no second row)', async () => {
    const customerId = await f.customer({ email: 'idem@example.com' });
    const first = await f.t.admin('POST', `/customers/${customerId}/send-link`, {});
    const again = await f.t.admin('POST', `/customers/${customerId}/send-link`, {});
    expect(again.body).toMatchObject({ messageId: first.body.messageId, duplicate: true });
    expect(await f.t.ctx.db.outboxMessage.count({ where: { customerId } })).toBe(1);
    // A deliberate re-send a minute later is a new message.
    f.t.clock.advance(60_000);
    const later = await f.t.admin('POST', `/customers/${customerId}/send-link`, {});
    expect(later.body.duplicate).toBe(false);
    expect(later.body.link.id).toBe(first.body.link.id); // the still-valid link is reused
  });

  it('withdraws a queued message whose link was revoked before it went out', async () => {
    const customerId = await f.customer({ email: 'revoked@example.com' });
    const before = f.smtp.mails.length;
    const sent = await f.t.admin('POST', `/customers/${customerId}/send-link`, {});
    await revokeLink(f.t.ctx, sent.body.link.id);
    expect((await f.t.messaging.drainOnce()).cancelled).toBe(1);
    expect(await f.outbox(sent.body.messageId)).toMatchObject({ status: 'cancelled' });
    expect(f.smtp.mails.length).toBe(before);
  });
});

describe('several workers', () => {
  it('two workers on separate database connections deliver each message exactly once', async () => {
    const N = 300;
    const customers = await Promise.all(Array.from({ length: 10 }, () => f.customer()));
    for (const c of customers) await f.bindLine(c);
    const ctx = f.t.ctx;
    await queueLinkMessages(ctx, customers, N, 'race', '2026-12-25');
    const otherDb = await openDatabase({ databaseUrl: ctx.config.databaseUrl, migrate: false });
    try {
      const logger = createLogger('silent');
      const make = (db: typeof otherDb, workerId: string) =>
        new OutboxWorker({
          db,
          clock: f.t.clock,
          logger,
          workerId,
          batchSize: 20,
          concurrency: 8,
          links: linkResolver(ctx, db),
          channels: {
            line: linePushChannel({ channelAccessToken: LINE_TOKEN, apiBaseUrl: f.line.baseUrl }),
            email: localChannel('email'),
            sms: localChannel('sms'),
          },
        });
      const [a, b] = await Promise.all([make(ctx.db, 'A').drainOnce(), make(otherDb, 'B').drainOnce()]);
      expect(a.sent + b.sent).toBe(N);
      expect(a.sent).toBeGreaterThan(0);
      expect(b.sent).toBeGreaterThan(0);
      const keys = f.line.pushes.map((p) => p.retryKey);
      expect(keys).toHaveLength(N);
      expect(new Set(keys).size).toBe(N);
      expect(f.line.requests.filter((r) => r.path === '/v2/bot/message/push' && r.status !== 200)).toEqual([]);
      expect(await ctx.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: 'race-' }, status: 'sent' } })).toBe(N);
    } finally {
      await otherDb.$disconnect();
    }
  });
});
