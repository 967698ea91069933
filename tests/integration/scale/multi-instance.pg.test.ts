/**
 * Two real server processes (`node server/main.ts`, as `npm start` runs it) on ONE PostgreSQL
 * database, each with its own DATA_DIR and port, sharing what README "Running more than one
 * process" says must be shared (ADMIN_API_KEY, LINK_SECRET, PUBLIC_URL, the LINE / SMTP / Twilio
 * settings — here pointed at the loopback fakes). A third application in the test process plays
 * the back office that prepares data (it runs no workers). Proves that:
 * - a stage moved through instance A reaches a portal live stream open on instance B within 1 s;
 * - 1,000 queued LINE messages are delivered exactly once across both, and both deliver;
 * - receipts and tax invoices issued at the same moment through both leave no gap and no duplicate;
 * - SIGTERM on one instance mid-delivery leaves no lease behind and the other finishes the work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.ts';
import { fakeChannelEnv, LOGIN_CHANNEL_ID } from '../messaging/messaging-fixture.ts';
import { startTestApp, TEST_ADMIN_KEY, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';
import { readStreamUntil } from '../../helpers/sse.ts';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.ts';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../../fakes/fake-line-api.ts';
import { startFakeTwilio, type FakeTwilio } from '../../fakes/fake-twilio.ts';
import { systemClock } from '../../../server/services/ports.ts';
import { parseDocumentNumber } from '../../../server/domain/document-numbers.ts';
import { issuePortalLink } from '../../../server/services/links.ts';
import { enqueueMessage } from '../../../server/messaging/enqueue.ts';
import type { StoredContent } from '../../../server/messaging/message-content.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
// The back office in the test process signs its admin calls with the test key; so must every instance.
const ADMIN_API_KEY = TEST_ADMIN_KEY;
const LINK_SECRET = 'multi-instance-link-secret-0123456789abcdef';
const PUBLIC_URL = 'https://portal.example.test';
const LINE_TOKEN = 'multi-instance-line-channel-token';
/** Payments recorded at once, half through each instance (each issues a tax invoice and a receipt). */
const PAYMENTS = 30;

interface Instance {
  name: string;
  child: ChildProcess;
  base: string;
  exit: Promise<number | null>;
  /** Everything the process printed so far. */
  out(): string;
}

let root: string;
let database: TestDatabase;
let line: FakeLineApi;
let smtp: SmtpSink;
let twilio: FakeTwilio;
let office: TestApp;
let a: Instance;
let b: Instance;
const children = new Set<ChildProcess>();

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** What every instance must share; only DATA_DIR and PORT differ. */
function sharedEnv(): Record<string, string> {
  return {
    DATABASE_URL: database.url!,
    ADMIN_API_KEY,
    LINK_SECRET,
    PUBLIC_URL,
    LINE_CHANNEL_SECRET: 'multi-instance-line-channel-secret',
    LINE_DATA_API_BASE_URL: line.baseUrl,
    ...fakeChannelEnv(line, smtp, twilio, LINE_TOKEN),
  };
}

async function startInstance(name: string): Promise<Instance> {
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    // Production: no demo data, the admin key is required (as behind a real load balancer).
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: path.join(root, name),
    LOG_LEVEL: 'info',
    OUTBOX_POLL_MS: '100',
    ...sharedEnv(),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  // The banner ends with a blank line once the server listens.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance ${name} did not start:\n${out}`)), 45_000);
    const check = () => {
      if (!/Client portal running at[\s\S]*\n\n/.test(out)) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout!.on('data', check);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`instance ${name} exited before it started:\n${out}`));
    });
  });
  return { name, child, base: `http://127.0.0.1:${port}`, exit, out: () => out };
}

/** Messages this instance's outbox worker recorded as sent (its 'outbox: delivered' log lines). */
function sentBy(instance: Instance): number {
  let sent = 0;
  for (const text of instance.out().split('\n')) {
    if (!text.startsWith('{')) continue;
    const entry = JSON.parse(text) as { msg: string; sent?: number };
    if (entry.msg === 'outbox: delivered') sent += entry.sent ?? 0;
  }
  return sent;
}

async function admin(instance: Instance, method: string, urlPath: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${instance.base}/api/admin${urlPath}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_API_KEY}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function created(p: Promise<{ status: number; body: any }>, status = 201) {
  const res = await p;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** Customers bound to a following LINE user, each with a portal link (what LIFF binding leaves). */
async function lineCustomers(count: number, label: string): Promise<{ id: string; linkId: string }[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const customer = await created(office.admin('POST', '/customers', { name: `คุณ${label} ${i}` }));
      await office.ctx.db.lineUser.create({ data: { lineUserId: fakeLineUserId(), customerId: customer.id, following: true, boundAt: new Date() } });
      const link = await issuePortalLink(office.ctx, { scope: 'customer', id: customer.id });
      return { id: customer.id as string, linkId: link.id };
    }),
  );
}

/** Queues `count` portal-link messages over `customers` through the product's enqueue, in a few parallel commits. */
async function queueMessages(customers: { id: string; linkId: string }[], count: number, keyPrefix: string): Promise<void> {
  const commits = 5;
  await Promise.all(
    Array.from({ length: commits }, (_, part) =>
      office.ctx.db.$transaction(
        async (tx) => {
          for (let i = part; i < count; i += commits) {
            const c = customers[i % customers.length]!;
            const content: StoredContent = {
              kind: 'portal_link',
              lang: 'th',
              businessName: VAT_BUSINESS.name,
              customerName: `ลูกค้า ${i}`,
              link: { id: c.linkId, path: '' },
              scope: 'customer',
              documentNumber: null,
              expiresOn: '2027-12-31',
            };
            await enqueueMessage(tx, office.ctx, { idempotencyKey: `${keyPrefix}-${i}`, customerId: c.id, content });
          }
        },
        { timeout: 60_000 },
      ),
    ),
  );
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'portal-multi-'));
  database = await createTestDatabase();
  if (!database.url) throw new Error('multi-instance.pg.test.ts runs only in the integration-pg project');
  [line, smtp, twilio] = await Promise.all([
    startFakeLineApi({ channelAccessToken: LINE_TOKEN, loginChannelId: LOGIN_CHANNEL_ID }),
    startSmtpSink(),
    startFakeTwilio(),
  ]);
  [a, b] = await Promise.all([startInstance('a'), startInstance('b')]);
  office = await startTestApp({
    env: { ...sharedEnv(), LOG_LEVEL: 'warn', RUN_WORKERS: 'false' },
    overrides: { clock: systemClock },
  });
  expect((await office.admin('PUT', '/business', VAT_BUSINESS)).status).toBe(200);
}, 90_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await office?.stop();
  await Promise.all([line?.close(), smtp?.close(), twilio?.close()]);
  await database?.drop();
  rmSync(root, { recursive: true, force: true });
});

describe('two server processes on one PostgreSQL', () => {
  it('both are ready', async () => {
    for (const instance of [a, b]) expect((await fetch(`${instance.base}/readyz`)).status, instance.name).toBe(200);
  });

  it('a stage moved through instance A reaches a portal open on instance B within a second', async () => {
    const customer = await created(office.admin('POST', '/customers', { name: 'คุณสมชาย ใจดี' }));
    const job = await created(office.admin('POST', '/jobs', { customerId: customer.id, title: 'ถ่ายโฆษณา', startDate: '2026-12-01', endDate: '2026-12-03' }));
    const link = await created(office.admin('POST', '/links', { scope: 'customer', id: customer.id }));
    const token = String(link.url).split('/c/')[1]!;
    const controller = new AbortController();
    const stream = await fetch(`${b.base}/api/portal/${token}/events`, { signal: controller.signal });
    expect(stream.status).toBe(200);

    const movedAt = Date.now();
    const moved = await admin(a, 'POST', `/jobs/${job.id}/stage`, { stage: 'picking', note: 'ย้ายผ่านเครื่อง A' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const heard = await readStreamUntil(stream.body!, 'ย้ายผ่านเครื่อง A', 1000);
    const elapsed = Date.now() - movedAt;
    controller.abort();
    expect(heard).toContain('event: job.stage');
    expect(heard.match(/event: job\.stage/g)).toHaveLength(1);
    expect(elapsed).toBeLessThan(1000);
  });

  it('1,000 queued LINE messages are delivered exactly once across both instances, by both', { timeout: 60_000 }, async () => {
    const customers = await lineCustomers(40, 'ไลน์');
    line.reset();
    await queueMessages(customers, 1000, 'multi');

    await expect
      .poll(() => office.ctx.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: 'multi-' }, status: 'sent' } }), {
        timeout: 40_000,
        interval: 200,
      })
      .toBe(1000);
    const rows = await office.ctx.db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: 'multi-' } } });
    expect(rows).toHaveLength(1000);
    // Claimed once each: no lease ran out and no second claim happened.
    expect(rows.filter((r) => r.attempts !== 1 || r.lockedBy !== null || r.channel !== 'line')).toEqual([]);

    // LINE received each message once: one accepted push per retry key, no retried send (409).
    const keys = line.pushes.map((p) => p.retryKey);
    expect(line.pushes).toHaveLength(1000);
    expect(new Set(keys).size).toBe(1000);
    expect(new Set(keys)).toEqual(new Set(rows.map((r) => r.retryKey)));
    expect(line.requests.filter((r) => r.status !== 200)).toEqual([]);

    // Both took part, and together they account for every message sent.
    const byA = sentBy(a);
    const byB = sentBy(b);
    expect(byA + byB).toBe(await office.ctx.db.outboxMessage.count({ where: { status: 'sent' } }));
    expect(byA, 'instance A delivered none').toBeGreaterThan(0);
    expect(byB, 'instance B delivered none').toBeGreaterThan(0);
  });

  it('receipts and tax invoices issued at once through both leave no gap and no duplicate number', { timeout: 60_000 }, async () => {
    const customers: { id: string }[] = [];
    for (let i = 0; i < 5; i++) {
      customers.push(await created(office.admin('POST', '/customers', { name: `คุณผู้ซื้อ ${i}`, address: `${i + 1} ถนนสุขุมวิท กรุงเทพมหานคร 10110` })));
    }
    const invoices = await Promise.all(
      Array.from({ length: PAYMENTS }, (_, i) =>
        created(
          office.admin('POST', '/invoices', {
            customerId: customers[i % customers.length]!.id,
            dueDate: '2026-12-31',
            lines: [{ description: `ค่าเช่าอุปกรณ์ ${i}`, quantity: 1, unitPriceSatang: 100_000 + i }],
          }),
        ),
      ),
    );
    // Half through A and half through B, all in flight at the same moment.
    const answers = await Promise.all(
      invoices.map((invoice, i) =>
        admin(i % 2 === 0 ? a : b, 'POST', `/invoices/${invoice.id}/payments`, { amountSatang: invoice.netPayableSatang, method: 'bank_transfer' }),
      ),
    );
    expect(answers.filter((r) => r.status !== 201).map((r) => r.body)).toEqual([]);

    const receiptNumbers = answers.map((r) => r.body.receipt.number as string);
    const taxNumbers = answers.map((r) => r.body.payment.taxInvoiceNumber as string);
    expect(new Set(receiptNumbers).size).toBe(PAYMENTS);
    expect(new Set(taxNumbers).size).toBe(PAYMENTS);

    // Every number of each series in the database, this test's and earlier ones: 1..n, no hole.
    const receipts = await office.ctx.db.receipt.findMany({ select: { number: true } });
    const payments = await office.ctx.db.payment.findMany({ where: { taxInvoiceNumber: { not: null } }, select: { taxInvoiceNumber: true } });
    const series = new Map<string, number[]>();
    for (const number of [...receipts.map((r) => r.number), ...payments.map((p) => p.taxInvoiceNumber!)]) {
      const parsed = parseDocumentNumber(number)!;
      const key = `${parsed.prefix}-${parsed.year}`;
      series.set(key, [...(series.get(key) ?? []), parsed.sequence]);
    }
    for (const number of [...receiptNumbers, ...taxNumbers]) expect(series.has(number.replace(/-\d+$/, ''))).toBe(true);
    for (const [key, sequences] of series) {
      const sorted = [...sequences].sort((x, y) => x - y);
      expect(sorted, key).toEqual(Array.from({ length: sorted.length }, (_, i) => i + 1));
    }
    const counters = await office.ctx.db.documentSequence.findMany();
    for (const [key, sequences] of series) {
      const counter = counters.find((c) => `${c.prefix}-${c.year}` === key);
      expect(counter?.lastNumber, key).toBe(sequences.length);
    }
  });

  it('SIGTERM on instance A mid-delivery: A finishes its batch, exits 0 holding no lease, B delivers the rest, each message once', {
    timeout: 60_000,
  }, async () => {
    const customers = await lineCustomers(10, 'ปิดเครื่อง');
    line.reset();
    const sentByBBefore = sentBy(b);
    await queueMessages(customers, 600, 'drain');
    await line.waitForPushes(1, 20_000);

    a.child.kill('SIGTERM');
    expect(await a.exit).toBe(0);
    // A finished the batch it held and claimed no more: work was left for B (it did not drain all first).
    const sentWhenAExited = await office.ctx.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: 'drain-' }, status: 'sent' } });
    expect(sentWhenAExited).toBeLessThan(600);
    expect(a.out()).toMatch(/shutting down[\s\S]*stopped/);
    // A released what it held: every lease left now is B's (A's worker id never appears).
    const held = await office.ctx.db.outboxMessage.findMany({ where: { lockedBy: { not: null } }, select: { lockedBy: true } });
    const workerOfA = /"worker":"([^"]+)"/.exec(a.out())?.[1];
    expect(workerOfA).toBeDefined();
    expect(held.filter((h) => h.lockedBy!.startsWith(`${workerOfA}:`))).toEqual([]);

    await expect
      .poll(() => office.ctx.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: 'drain-' }, status: 'sent' } }), {
        timeout: 30_000,
        interval: 200,
      })
      .toBe(600);
    const rows = await office.ctx.db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: 'drain-' } } });
    expect(rows.filter((r) => r.attempts !== 1 || r.lockedBy !== null)).toEqual([]);
    expect(line.pushes).toHaveLength(600);
    expect(new Set(line.pushes.map((p) => p.retryKey))).toEqual(new Set(rows.map((r) => r.retryKey)));
    expect(sentBy(b) - sentByBBefore, 'instance B delivered none of them').toBeGreaterThan(0);
  });
});
