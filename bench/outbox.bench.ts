/**
 * Outbox throughput: 10,000 queued LINE messages delivered by the outbox worker to the fake LINE
 * API (which checks the bearer token, the retry key and every Flex message against LINE's schema;
 * it runs in its own process, as the real LINE API would not share our CPU).
 * Budget (ENGINEERING.md): <= 30 s, zero duplicates, zero lost.
 * Run: npm run bench outbox (or npx tsx bench/outbox.bench.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config/config.ts';
import { buildApplication } from '../server/composition.ts';
import { createLogger } from '../server/logger.ts';
import { saveBusiness } from '../server/services/business.ts';
import { createCustomer } from '../server/services/customers.ts';
import { issuePortalLink } from '../server/services/links.ts';
import { enqueueMessage } from '../server/messaging/enqueue.ts';
import type { StoredContent } from '../server/messaging/message-content.ts';
import { fork } from 'node:child_process';
import { fakeLineUserId } from '../tests/fakes/fake-line-api.ts';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const CUSTOMERS = 200;
const BUDGET_MS = 30_000;
const TOKEN = 'bench-line-channel-token';

interface FakeStats {
  pushes: number;
  uniqueRetryKeys: number;
  rejected: number;
  conflicts: number;
}
const fake = fork(path.join(import.meta.dirname, 'outbox-fake-line.ts'), [], {
  execArgv: ['--import', 'tsx'],
  env: { ...process.env, FAKE_LINE_TOKEN: TOKEN },
});
const fakeBaseUrl = await new Promise<string>((resolve) => fake.once('message', (m: { baseUrl: string }) => resolve(m.baseUrl)));
const fakeStats = () =>
  new Promise<FakeStats>((resolve) => {
    fake.once('message', (m: FakeStats) => resolve(m));
    fake.send({ type: 'stats' });
  });
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'outbox-bench-'));
const config = loadConfig({
  NODE_ENV: 'test',
  DATA_DIR: dataDir,
  ADMIN_API_KEY: 'bench-admin-key-0123456789',
  LINK_SECRET: 'bench-link-secret-0123456789abcdef0123456789',
  PUBLIC_URL: 'https://portal.example.test',
  LIFF_ID: '2001234567-AbCdEfGh',
  LINE_CHANNEL_SECRET: 'bench-line-secret',
  LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
  LINE_API_BASE_URL: fakeBaseUrl,
  RUN_WORKERS: 'false',
});
// Reminders go out only between 09:00 and 20:00 Bangkok (quiet hours hold at delivery too), so the
// bench runs on a clock that reads 10:00 Bangkok today and moves at real speed from there.
const tenInBangkok = new Date();
tenInBangkok.setUTCHours(3, 0, 0, 0);
const offsetMs = tenInBangkok.getTime() - Date.now();
const app = await buildApplication(config, { logger: createLogger('warn'), clock: { now: () => new Date(Date.now() + offsetMs) } });
const { ctx } = app;
try {
  await saveBusiness(ctx, {
    name: 'บริษัท ซีนเนอรี่ เร้นทัล จำกัด',
    nameEn: 'Scenery Rental Co., Ltd.',
    address: 'กรุงเทพฯ',
    taxId: '0105561234560',
    vatRegistered: true,
    promptPayId: '0105561234560',
    promptPayName: 'ซีนเนอรี่',
  });
  const customers: { id: string; linkId: string }[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const customer = await createCustomer(ctx, { name: `คุณลูกค้า ${i}` });
    await ctx.db.lineUser.create({ data: { lineUserId: fakeLineUserId(), customerId: customer.id, following: true, boundAt: new Date() } });
    const link = await issuePortalLink(ctx, { scope: 'customer', id: customer.id });
    customers.push({ id: customer.id, linkId: link.id });
  }
  const queueStarted = performance.now();
  for (let start = 0; start < MESSAGES; start += 1000) {
    await ctx.db.$transaction(
      async (tx) => {
        for (let i = start; i < Math.min(start + 1000, MESSAGES); i++) {
          const c = customers[i % CUSTOMERS]!;
          const content: StoredContent = {
            kind: 'payment_reminder',
            lang: 'th',
            businessName: 'บริษัท ซีนเนอรี่ เร้นทัล จำกัด',
            customerName: `คุณลูกค้า ${i % CUSTOMERS}`,
            link: { id: c.linkId, path: '/invoices' },
            invoiceId: `inv-${i}`,
            invoiceNumber: `INV-2026-${String(i).padStart(5, '0')}`,
            amountDueSatang: 100_000 + i,
            dueDate: '2026-12-10',
            daysOverdue: 3,
          };
          await enqueueMessage(tx, ctx, { idempotencyKey: `bench-${i}`, customerId: c.id, content });
        }
      },
      { timeout: 60_000 },
    );
  }
  const queueMs = performance.now() - queueStarted;

  const started = performance.now();
  const result = await app.messaging.drainOnce();
  const elapsedMs = performance.now() - started;

  const stats = await fakeStats();
  const duplicates = stats.pushes - stats.uniqueRetryKeys;
  const sent = await ctx.db.outboxMessage.count({ where: { status: 'sent' } });
  const lost = MESSAGES - Math.min(sent, stats.uniqueRetryKeys);
  const rejected = stats.rejected;
  const ok = elapsedMs <= BUDGET_MS && duplicates === 0 && lost === 0 && stats.pushes === MESSAGES && rejected === 0;
  console.log(
    `outbox: ${MESSAGES} messages delivered to the fake LINE API in ${(elapsedMs / 1000).toFixed(1)} s ` +
      `(${Math.round(MESSAGES / (elapsedMs / 1000))} msg/s; budget ${BUDGET_MS / 1000} s), duplicates ${duplicates}, lost ${lost}, ` +
      `rejected ${rejected}, retried ${result.retried}; queueing took ${(queueMs / 1000).toFixed(1)} s — ${ok ? 'OK' : 'OVER BUDGET'}`,
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  await app.close();
  fake.disconnect();
  rmSync(dataDir, { recursive: true, force: true });
}
