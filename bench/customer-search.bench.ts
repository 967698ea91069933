/**
 * Staff customer search with 20,000 customers: a fuzzy Thai name (typo, wrong tone mark, partial,
 * company, a two-letter beginning) through the index prefilter, against the old way measured in
 * the same run (every customer loaded and ranked in JavaScript). On SQLite (FTS5), and on PostgreSQL
 * (pg_trgm) as well when BENCH_POSTGRES_URL or TEST_POSTGRES_URL names a server whose user may
 * CREATE DATABASE.
 * Budget: <= 25 ms median per search at 20,000 customers.
 * Run: npm run bench customer-search (or npx tsx bench/customer-search.bench.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchConfig } from './bench-config.ts';
import { buildApplication } from '../server/composition.ts';
import { createLogger } from '../server/logger.ts';
import { rankByName, searchCustomers } from '../server/services/customer-search.ts';
import { benchPostgresServer, HOW_TO_MEASURE_POSTGRES, loadAverage, verdict, withScratchDatabase } from './postgres-scratch.ts';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 20_000);
const BUDGET_MS = 25;
const RUNS = 30;

const FIRST = [
  'สมชาย',
  'สมศักดิ์',
  'สมหญิง',
  'สมศรี',
  'วิภา',
  'วิไล',
  'ประเสริฐ',
  'ประยูร',
  'กิตติ',
  'กาญจนา',
  'ธนพล',
  'ธนากร',
  'พรทิพย์',
  'พรชัย',
  'วีระ',
  'วีรยุทธ',
  'นงลักษณ์',
  'นพดล',
  'อรุณี',
  'อนันต์',
  'สุรชัย',
  'สุดารัตน์',
  'มาลี',
  'มานพ',
  'ชัยวัฒน์',
  'ชนิดา',
  'ปิยะ',
  'ปิยะนุช',
  'ศิริพร',
  'ศักดิ์ชัย',
];
const LAST = [
  'ใจดี',
  'ใจเย็น',
  'ทองดี',
  'ทองคำ',
  'แสงทอง',
  'แสงจันทร์',
  'บุญมา',
  'บุญมี',
  'ศรีสุข',
  'ศรีวงศ์',
  'รุ่งเรือง',
  'รุ่งโรจน์',
  'พูลผล',
  'พูลสวัสดิ์',
  'มีสุข',
  'มีชัย',
  'แก้วตา',
  'แก้วมณี',
  'วงศ์ใหญ่',
  'วงศ์สวัสดิ์',
];
const COMPANY = ['ฟ้าใส', 'ดาวเหนือ', 'รุ่งอรุณ', 'ทรัพย์ทวี', 'เจริญผล', 'สยามกล้อง', 'ไลท์แอนด์ซาวด์', 'มีเดียโปร'];

const QUERIES = [
  ['typo and tone mark', 'สมช้าย ใจดี'],
  ['wrong final consonant', 'สมชาญ ทองดี'],
  ['surname only', 'แสงจันทร์'],
  ['company, ใ/ไ mixed up', 'ฟ้าไส'],
  ['two letters', 'สม'],
  ['no match', 'ประยุทธ์ จันทร์โอชา'],
] as const;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function time(run: () => Promise<unknown>, runs: number): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

/** Builds the application on one database, fills it and times every query; false when over budget. */
async function benchOn(database: string, databaseUrl: string | undefined): Promise<boolean> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'search-bench-'));
  const config = benchConfig(dataDir, databaseUrl);
  const app = await buildApplication(config, { logger: createLogger('warn') });
  const { ctx } = app;
  let withinBudget = true;
  try {
    const rows = Array.from({ length: CUSTOMERS }, (_, i) => ({
      name: `คุณ${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`,
      companyName: i % 5 === 0 ? `บริษัท ${COMPANY[i % COMPANY.length]} ${Math.floor(i / 40)} จำกัด` : null,
      phone: `08${String(10_000_000 + i).slice(-8)}`,
    }));
    for (let i = 0; i < rows.length; i += 500) await ctx.db.customer.createMany({ data: rows.slice(i, i + 500) });
    // PostgreSQL: what autovacuum does soon after a bulk load (the planner needs the table's statistics).
    if (databaseUrl) await ctx.db.$executeRawUnsafe('ANALYZE "Customer"');
    console.log(`${database}: ${CUSTOMERS} customers`);
    // What the search did before the index: every customer loaded and ranked in JavaScript.
    const scan = async (query: string) =>
      rankByName(query, await ctx.db.customer.findMany({ select: { id: true, name: true, companyName: true } }), (c) => [c.name, c.companyName]);
    for (const [label, query] of QUERIES) {
      const indexed = await time(() => searchCustomers(ctx, query), RUNS);
      const baseline = await time(() => scan(query), 5);
      const found = (await searchCustomers(ctx, query)).length;
      const ok = indexed.median <= BUDGET_MS;
      if (!ok) withinBudget = false;
      console.log(
        `${label.padEnd(24)} indexed median ${indexed.median.toFixed(1)} ms  p95 ${indexed.p95.toFixed(1)} ms  | full scan median ${baseline.median.toFixed(0)} ms  (${(indexed.median / baseline.median).toFixed(3)}×)  ${String(found).padStart(2)} found  ${verdict(ok)}`,
      );
    }
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return withinBudget;
}

let failed = !(await benchOn('SQLite', undefined));
const postgresServer = benchPostgresServer();
if (postgresServer) {
  if (!(await withScratchDatabase(postgresServer, 'bench_search', (url) => benchOn('PostgreSQL', url)))) failed = true;
} else console.log(HOW_TO_MEASURE_POSTGRES);
console.log(`budget: median <= ${BUDGET_MS} ms per search at ${CUSTOMERS} customers: ${verdict(!failed)}  (${loadAverage()})`);
if (failed) process.exitCode = 1;
