/**
 * Crash test: a worker PROCESS (`npm run worker`'s entry point) delivering to the fake LINE API
 * is killed with SIGKILL in the middle of its batches, then started again. The fake LINE server
 * must end with every message exactly once: messages the dead worker had claimed are taken over
 * after their lease, and a push LINE had accepted but the worker never recorded is repeated with
 * the same X-Line-Retry-Key, which LINE answers with 409 (counted as sent).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueLinkMessages } from './messaging-fixture.ts';
import { startFakeLineApi, fakeLineUserId, validateLineMessages, type FakeLineApi } from '../../fakes/fake-line-api.ts';
import { startTestApp, TEST_ADMIN_KEY, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';

const LINE_TOKEN = 'crash-test-line-token';
const LINK_SECRET = 'test-link-secret-0123456789abcdef0123456789';
const ROOT = path.resolve(import.meta.dirname, '../../..');
const N = 600;

let line: FakeLineApi;
let t: TestApp;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  line = await startFakeLineApi({ channelAccessToken: LINE_TOKEN, loginChannelId: '2001234567' });
  validateLineMessages([{ type: 'text', text: 'warm-up' }]); // compile the fake's schema before the clock matters
  // Real time: the worker process runs on the system clock.
  t = await startTestApp({ now: new Date(Date.now() - 1000).toISOString(), env: { LINK_SECRET } });
  await t.admin('PUT', '/business', VAT_BUSINESS);
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await t.stop();
  await line.close();
});

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/worker-main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATA_DIR: t.dataDir,
      DATABASE_URL: t.ctx.config.databaseUrl,
      ADMIN_API_KEY: TEST_ADMIN_KEY,
      LINK_SECRET,
      PUBLIC_URL: 'https://portal.example.test',
      LINE_CHANNEL_SECRET: 'crash-test-line-secret',
      LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN,
      LINE_API_BASE_URL: line.baseUrl,
      OUTBOX_POLL_MS: '20',
      OUTBOX_LEASE_MS: '4000',
      LOG_LEVEL: process.env.CRASH_LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[worker] ${d}`));
  child.stdout?.on('data', (d: Buffer) => {
    if (process.env.CRASH_LOG_LEVEL) process.stderr.write(`[worker] ${d}`);
  });
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('worker process killed mid-batch', () => {
  it('ends with every message delivered exactly once', { timeout: 120_000 }, async () => {
    const customers: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await t.admin('POST', '/customers', { name: `ลูกค้า ${i}` });
      await t.ctx.db.lineUser.create({ data: { lineUserId: fakeLineUserId(), customerId: res.body.id, following: true, boundAt: t.clock.now() } });
      customers.push(res.body.id as string);
    }
    const ctx = t.ctx;
    await queueLinkMessages(ctx, customers, N, 'crash', '2026-12-31');

    const first = startWorker();
    await line.waitForPushes(N / 4, 30_000);
    first.kill('SIGKILL');
    await exited(first);
    const atKill = await ctx.db.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } });
    const byStatus = Object.fromEntries(atKill.map((g) => [g.status, g._count._all]));
    expect(byStatus.sent ?? 0).toBeLessThan(N); // it really died mid-way
    const pushedAtKill = line.pushes.length;

    const second = startWorker();
    await waitFor(async () => (await ctx.db.outboxMessage.count({ where: { status: 'sent' } })) === N, 60_000, 'all messages sent');
    second.kill('SIGTERM');
    await exited(second);

    const keys = line.pushes.map((p) => p.retryKey);
    expect(line.pushes).toHaveLength(N);
    expect(new Set(keys).size).toBe(N);
    const rows = await ctx.db.outboxMessage.findMany({ select: { retryKey: true, status: true } });
    expect(new Set(rows.map((r) => r.retryKey))).toEqual(new Set(keys));
    const conflicts = line.requests.filter((r) => r.path === '/v2/bot/message/push' && r.status === 409).length;
    const failures = line.requests.filter((r) => r.path === '/v2/bot/message/push' && r.status !== 200 && r.status !== 409);
    expect(failures).toEqual([]);
    console.log(
      `crash test: killed after ${pushedAtKill} pushes (${JSON.stringify(byStatus)}); re-sends answered 409: ${conflicts}; pushes recorded: ${line.pushes.length}/${N}`,
    );
  });
});
