/**
 * A customer with years of history: 500 jobs and 5,000 invoices (over five years, most paid with
 * a receipt) against the 50-job / 200-invoice customer of the portal bench, in the same run.
 * Budgets: the first view (GET /c/<token>, HTML with the view embedded) <= 60 KB gzipped, and a
 * cold build of the view within 2x of the small customer's. On SQLite, and on PostgreSQL too when
 * BENCH_POSTGRES_URL names a server (a throw-away database there).
 * Run: npm run bench portal-history (or npx tsx bench/portal-history.bench.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchConfig } from './bench-config.ts';
import { buildApplication } from '../server/composition.ts';
import { createLogger } from '../server/logger.ts';
import { saveBusiness } from '../server/services/business.ts';
import { issuePortalLink } from '../server/services/links.ts';
import { buildPortalData } from '../server/portal/build-portal-view.ts';
import { seedLongHistory } from '../tests/helpers/long-history.ts';
import type { AppContext } from '../server/services/context.ts';
import { benchPostgresServer, HOW_TO_MEASURE_POSTGRES, loadAverage, verdict, withScratchDatabase } from './postgres-scratch.ts';

const SIZE_BUDGET_KB = 60;
const RATIO_BUDGET = 2;
const RUNS = 40;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median build times of both views, taking turns, so a burst of load elsewhere on the shared machine hits both alike. */
async function coldBuildMs(ctx: AppContext, links: Parameters<typeof buildPortalData>[1][]): Promise<number[]> {
  for (let i = 0; i < 5; i++) for (const link of links) await buildPortalData(ctx, link);
  const times: number[][] = links.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, link] of links.entries()) {
      const start = process.hrtime.bigint();
      await buildPortalData(ctx, link);
      times[k]!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return times.map(median);
}

async function firstViewKb(base: string, token: string): Promise<{ page: number; json: number }> {
  const page = await (await fetch(`${base}/c/${token}`)).text();
  const json = await (await fetch(`${base}/api/portal/${token}`)).text();
  return { page: gzipSync(page).length / 1024, json: gzipSync(json).length / 1024 };
}

/** Both customers on one database; false when a budget is missed. */
async function benchOn(database: string, databaseUrl: string | undefined): Promise<boolean> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portal-history-bench-'));
  const config = benchConfig(dataDir, databaseUrl);
  const app = await buildApplication(config, { logger: createLogger('error') });
  const { ctx } = app;
  const server = app.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await saveBusiness(ctx, {
      name: 'บริษัท ทดสอบ จำกัด',
      nameEn: 'Test Co., Ltd.',
      address: 'กรุงเทพฯ',
      taxId: '0105561234560',
      vatRegistered: true,
      promptPayId: '0105561234560',
      promptPayName: 'บจก. ทดสอบ',
      phone: '021234567',
    });
    const today = new Date().toISOString().slice(0, 10);
    const small = await ctx.db.customer.create({ data: { name: 'คุณลูกค้า ทั่วไป' } });
    const large = await ctx.db.customer.create({ data: { name: 'คุณลูกค้า หลายปี' } });
    await seedLongHistory(ctx.db, small.id, today, { jobs: 50, invoices: 200, openInvoices: 10 }, 'S');
    await seedLongHistory(ctx.db, large.id, today, { jobs: 500, invoices: 5000, openInvoices: 10 }, 'L');
    const links = {
      small: { scope: 'customer' as const, customerId: small.id, quoteId: null, invoiceId: null },
      large: { scope: 'customer' as const, customerId: large.id, quoteId: null, invoiceId: null },
    };
    const [smallMs, largeMs] = (await coldBuildMs(ctx, [links.small, links.large])) as [number, number];
    const token = (await issuePortalLink(ctx, { scope: 'customer', id: large.id })).token;
    const smallToken = (await issuePortalLink(ctx, { scope: 'customer', id: small.id })).token;
    const sizes = await firstViewKb(base, token);
    const smallSizes = await firstViewKb(base, smallToken);
    const view = await buildPortalData(ctx, links.large);
    const ratio = largeMs / smallMs;
    const sizeOk = sizes.page <= SIZE_BUDGET_KB;
    const ratioOk = ratio <= RATIO_BUDGET;
    console.log(`${database}:`);
    console.log(
      `embedded for the 5,000-invoice customer: ${view.invoices.length} invoices, ${view.jobs.length} jobs, ${view.documents.length} documents; earlier years ${view.earlierYears.join(', ')}`,
    );
    console.log(
      `first view GET /c/<token>: ${sizes.page.toFixed(1)} KB gzipped (view JSON ${sizes.json.toFixed(1)} KB) vs small customer ${smallSizes.page.toFixed(1)} KB  ${verdict(sizeOk)} (<= ${SIZE_BUDGET_KB} KB)`,
    );
    console.log(
      `cold build: 500 jobs/5,000 invoices ${largeMs.toFixed(1)} ms vs 50 jobs/200 invoices ${smallMs.toFixed(1)} ms = ${ratio.toFixed(2)}x  ${verdict(ratioOk)} (<= ${RATIO_BUDGET}x)`,
    );
    return sizeOk && ratioOk;
  } finally {
    server.close();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

let ok = await benchOn('SQLite', undefined);
const postgresServer = benchPostgresServer();
if (postgresServer) ok = (await withScratchDatabase(postgresServer, 'bench_history', (url) => benchOn('PostgreSQL', url))) && ok;
else console.log(HOW_TO_MEASURE_POSTGRES);
console.log(`portal history budgets: ${verdict(ok)}  (${loadAverage()})`);
if (!ok) process.exitCode = 1;
