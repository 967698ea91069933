/**
 * PostgreSQL: instances claim outbox messages and payment reminders FOR UPDATE SKIP LOCKED
 * (server/data/claim-due-outbox.ts, lock-invoice-for-reminder.ts). Workers claiming at the same
 * moment each get a full batch of their own — with select-then-update they all picked the same
 * candidates and all but one came back empty — and still deliver each message exactly once
 * (counted at the fake LINE server).
 */
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../server/data/database.ts';
import { postgresPoolConfig } from '../../../server/data/postgres-adapter.ts';
import { OutboxWorker } from '../../../server/messaging/outbox-worker.ts';
import { localChannel } from '../../../server/messaging/local-channel.ts';
import { linkResolver } from '../../../server/services/messages/link-resolver.ts';
import { runRemindersOnce } from '../../../server/services/messages/reminder-job.ts';
import { linePushChannel } from '../../../bot/line-push-channel.ts';
import { createLogger } from '../../../server/logger.ts';
import { createInvoice, LINE_TOKEN, queueLinkMessages, startMessagingFixture, type MessagingFixture } from './messaging-fixture.ts';

let f: MessagingFixture;
/** Other instances' connections to the same database. */
let others: Db[] = [];
let customers: string[] = [];
const logger = createLogger('silent');

beforeAll(async () => {
  f = await startMessagingFixture();
  others = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: f.t.ctx.config.databaseUrl, migrate: false })));
  customers = await Promise.all(Array.from({ length: 8 }, () => f.customer()));
  for (const c of customers) await f.bindLine(c);
});
afterAll(async () => {
  await Promise.all(others.map((db) => db.$disconnect()));
  await f.stop();
});
beforeEach(async () => {
  f.t.clock.set('2026-11-25T03:00:00.000Z');
  await f.t.messaging.drainOnce();
  f.line.reset();
});

/** One worker per database connection, as one per instance. */
function workers(batchSize: number): OutboxWorker[] {
  return [f.t.ctx.db, ...others].map(
    (db, i) =>
      new OutboxWorker({
        db,
        provider: 'postgresql',
        clock: f.t.clock,
        logger,
        workerId: `instance-${i}`,
        batchSize,
        concurrency: 8,
        leaseMs: f.t.ctx.config.outboxLeaseMs,
        links: linkResolver(f.t.ctx, db),
        channels: {
          line: linePushChannel({ channelAccessToken: LINE_TOKEN, apiBaseUrl: f.line.baseUrl }),
          email: localChannel('email'),
          sms: localChannel('sms'),
        },
      }),
  );
}

const rowsWithPrefix = (prefix: string) => f.t.ctx.db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `${prefix}-` } } });

describe('outbox claims on PostgreSQL', () => {
  it('gives four workers claiming at once a full, disjoint batch each', async () => {
    const batch = 25;
    await queueLinkMessages(f.t.ctx, customers, 4 * batch, 'claim-race', '2026-12-25');
    const claims = await Promise.all(workers(batch).map((w) => w.claim()));
    expect(claims.map((c) => c.rows.length)).toEqual([batch, batch, batch, batch]);
    const ids = claims.flatMap((c) => c.rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(4 * batch);
    const stored = await rowsWithPrefix('claim-race');
    for (const claim of claims) {
      for (const row of claim.rows) {
        // What the claim returns is what is stored: typed like a Prisma row (Date, number, null).
        expect(row).toEqual(stored.find((s) => s.id === row.id));
        expect(row).toMatchObject({ status: 'sending', lockedBy: claim.token, attempts: 1, sentAt: null });
        expect(row.lockedUntil).toEqual(new Date(f.t.clock.now().getTime() + f.t.ctx.config.outboxLeaseMs));
      }
    }
    await f.t.ctx.db.outboxMessage.updateMany({
      where: { idempotencyKey: { startsWith: 'claim-race-' } },
      data: { status: 'cancelled', lockedBy: null, lockedUntil: null },
    });
  });

  it('four workers draining 500 messages at once send each exactly once, every one taking full batches', async () => {
    const N = 500;
    const batch = 25;
    await queueLinkMessages(f.t.ctx, customers, N, 'claim-drain', '2026-12-25');
    const results = await Promise.all(workers(batch).map((w) => w.drainOnce()));
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(N);
    // Each worker's first claim found 500 due and took a full batch no other worker took.
    for (const r of results) expect(r.claimed).toBeGreaterThanOrEqual(batch);
    expect(results.reduce((sum, r) => sum + r.claimed, 0)).toBe(N);
    const keys = f.line.pushes.map((p) => p.retryKey);
    expect(keys).toHaveLength(N);
    expect(new Set(keys).size).toBe(N);
    expect(f.line.requests.filter((r) => r.path === '/v2/bot/message/push' && r.status !== 200)).toEqual([]);
    const rows = await rowsWithPrefix('claim-drain');
    expect(rows.filter((r) => r.status === 'sent' && r.attempts === 1 && r.lockedBy === null)).toHaveLength(N);
  });

  it('lets another worker claim a message once the lease of the worker holding it has run out', async () => {
    await queueLinkMessages(f.t.ctx, customers, 6, 'claim-lease', '2026-12-25');
    const [crashed, survivor] = workers(10);
    const held = await crashed!.claim(); // …and never finishes
    expect(held.rows).toHaveLength(6);
    expect((await survivor!.claim()).rows).toEqual([]);
    f.t.clock.advance(f.t.ctx.config.outboxLeaseMs - 1);
    expect((await survivor!.claim()).rows).toEqual([]);
    f.t.clock.advance(2);
    const result = await survivor!.drainOnce();
    expect(result).toMatchObject({ claimed: 6, sent: 6 });
    expect(new Set(f.line.pushes.map((p) => p.retryKey))).toEqual(new Set(held.rows.map((r) => r.retryKey)));
    const rows = await rowsWithPrefix('claim-lease');
    expect(rows.map((r) => ({ status: r.status, attempts: r.attempts, lockedBy: r.lockedBy }))).toEqual(
      Array.from({ length: 6 }, () => ({ status: 'sent', attempts: 2, lockedBy: null })),
    );
  });
});

describe('payment reminders on PostgreSQL', () => {
  async function sentInvoices(count: number, prefix: string): Promise<{ customerIds: string[]; invoiceIds: string[] }> {
    const customerIds = await Promise.all(Array.from({ length: count }, (_, i) => f.customer({ email: `${prefix}${i}@example.com` })));
    const invoiceIds: string[] = [];
    for (const customerId of customerIds) {
      const invoice = await createInvoice(f.t, customerId, { dueDate: '2026-12-01' });
      expect((await f.t.admin('POST', `/invoices/${invoice.id}/send`, {})).status).toBe(200);
      invoiceIds.push(invoice.id);
    }
    return { customerIds, invoiceIds };
  }

  it('skips an invoice another transaction holds (a payment being recorded) instead of waiting, and reminds it on the next run', async () => {
    const { invoiceIds } = await sentInvoices(3, 'held');
    const [busy, ...free] = invoiceIds as [string, ...string[]];
    f.t.clock.set('2026-12-04T04:00:00.000Z'); // 3 days late, 11:00 Bangkok
    const holder = new pg.Client(postgresPoolConfig(f.t.ctx.config.databaseUrl));
    await holder.connect();
    try {
      await holder.query('BEGIN');
      // What recording a payment does to the invoice row.
      await holder.query('UPDATE "Invoice" SET "paidSatang" = "paidSatang" WHERE "id" = $1', [busy]);
      const run = await runRemindersOnce(f.t.ctx);
      expect(run.raced).toBe(1);
      expect(await f.t.ctx.db.paymentReminder.findMany({ where: { invoiceId: { in: invoiceIds } }, select: { invoiceId: true } })).toEqual(
        expect.arrayContaining(free.map((invoiceId) => ({ invoiceId }))),
      );
      expect(await f.t.ctx.db.paymentReminder.count({ where: { invoiceId: busy } })).toBe(0);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    f.t.clock.advance(60_000);
    expect((await runRemindersOnce(f.t.ctx)).queued).toBe(1);
    expect(await f.t.ctx.db.paymentReminder.count({ where: { invoiceId: { in: invoiceIds }, offsetDays: 3 } })).toBe(3);
  });

  it('queues each reminder once when three instances run at the same time', async () => {
    const { customerIds, invoiceIds } = await sentInvoices(12, 'race3');
    f.t.clock.set('2026-12-04T04:00:00.000Z');
    const runs = await Promise.all([f.t.ctx.db, others[0]!, others[1]!].map((db) => runRemindersOnce({ ...f.t.ctx, db })));
    expect(runs.reduce((sum, r) => sum + r.queued, 0)).toBe(invoiceIds.length);
    const reminders = await f.t.ctx.db.paymentReminder.findMany({ where: { invoiceId: { in: invoiceIds } } });
    expect(reminders.map((r) => r.invoiceId).sort()).toEqual([...invoiceIds].sort());
    const messages = await f.t.ctx.db.outboxMessage.findMany({ where: { kind: 'payment_reminder', customerId: { in: customerIds } } });
    expect(new Set(messages.map((m) => m.idempotencyKey))).toEqual(new Set(invoiceIds.map((id) => `payment-reminder:${id}:3`)));
    expect(messages).toHaveLength(invoiceIds.length);
  });
});
