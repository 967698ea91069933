/**
 * Portal page throughput: GET /c/<token> for a customer with 50 jobs and 200 invoices, against a
 * bare Express "hello" on the same machine in the same run (servers in child processes, load from
 * this one), and the first view after a change (a staff edit through the admin API, then the first
 * page request: the view is rebuilt from the database). Also reports the web path's first-load
 * sizes (gzipped JS/CSS/HTML).
 * With BENCH_POSTGRES_URL: the same customer on PostgreSQL served by TWO instances on one database
 * (the load spread over both), measured alternately with the SQLite single instance in the same run.
 * Budgets: PostgreSQL throughput >= 60 % of SQLite's; PostgreSQL first view after a change <= 2x SQLite's.
 * Run: npm run bench portal (or npx tsx bench/portal.bench.ts)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { BENCH_ADMIN_KEY, preparePortalCustomer, type PortalCustomer } from './portal-fixture.ts';
import { benchPostgresServer, HOW_TO_MEASURE_POSTGRES, loadAverage, verdict, withScratchDatabase } from './postgres-scratch.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 16;
/** SQLite and PostgreSQL take turns this many times, so a burst of load elsewhere on the machine hits both. */
const ROUNDS = 2;
const CHANGES = 20;
/** After a write, time for the other instances' change notice (NOTIFY) to arrive: a bench, not a race. */
const SETTLE_MS = 150;
const THROUGHPUT_BUDGET = 0.6;
const FIRST_VIEW_BUDGET = 2;

const children: ChildProcess[] = [];

function startChild(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'portal-servers.ts'), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    child.stdout!.on('data', (d: Buffer) => {
      const m = /PORT (\d+)/.exec(d.toString());
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
      // The server's own log (errors only): shown, so a failed request can be explained.
      else process.stderr.write(d);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

interface Load {
  rps: number;
  p99: number;
  bytes: number;
}

/** Load spread evenly over one or more instances (one load generator per instance, all at once). */
async function load(urls: string[], duration = DURATION_S): Promise<Load> {
  // Browsers always offer gzip; so does the load generator.
  const headers = { 'accept-encoding': 'gzip, deflate, br' };
  const connections = CONNECTIONS / urls.length;
  await Promise.all(urls.map((url) => autocannon({ url, connections, duration: 2, headers }))); // warm-up
  const results = await Promise.all(urls.map((url) => autocannon({ url, connections, duration, headers })));
  for (const [i, r] of results.entries()) if (r.non2xx > 0 || r.errors > 0) throw new Error(`${urls[i]}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  const rps = results.reduce((s, r) => s + r.requests.average, 0);
  const bytesPerSecond = results.reduce((s, r) => s + r.throughput.average, 0);
  return { rps, p99: Math.max(...results.map((r) => r.latency.p99)), bytes: bytesPerSecond / Math.max(rps, 1) };
}

/** Several turns of the same load: requests per second averaged, the worst p99. */
function combine(runs: Load[]): Load {
  return {
    rps: runs.reduce((s, r) => s + r.rps, 0) / runs.length,
    p99: Math.max(...runs.map((r) => r.p99)),
    bytes: runs.reduce((s, r) => s + r.bytes, 0) / runs.length,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

let editsRetried = 0;

/** A staff edit through the admin API; on an overloaded machine a transaction may wait too long to start: tried again, and counted. */
async function edit(instance: string, customerId: string, companyName: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${instance}/api/admin/customers/${customerId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${BENCH_ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ companyName }),
    });
    if (res.ok) return;
    const text = await res.text();
    if (res.status < 500 || attempt === 3) throw new Error(`edit through ${instance}: ${res.status} ${text}`);
    editsRetried++;
  }
}

/**
 * A staff edit through one instance, then the first page request on every instance (each has its
 * own caches, so each pays the rebuild). The page must show the edit: a stale page is an error.
 */
async function firstViewsAfterChange(instances: string[], customer: PortalCustomer, round: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    const companyName = `Bench Change ${round}-${i}`;
    const writer = instances[i % instances.length]!;
    await edit(writer, customer.customerId, companyName);
    await sleep(SETTLE_MS);
    // Rotate who is asked first, so the writer and the others take the first turn alike.
    for (let k = 0; k < instances.length; k++) {
      const reader = instances[(i + k) % instances.length]!;
      const start = process.hrtime.bigint();
      const page = await fetch(`${reader}/c/${customer.token}`, { headers: { 'accept-encoding': 'gzip' } });
      const html = await page.text();
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (!page.ok || !html.includes(companyName)) throw new Error(`${reader} served a page without the edit made through ${writer} (${page.status})`);
    }
  }
  return times;
}

function webPathSizes() {
  const dist = path.resolve(import.meta.dirname, '../dist/liff');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/assets-portal\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file))).length;
  const js = refs.filter((r) => r.endsWith('.js')).reduce((s, r) => s + gz(r), 0);
  const css = refs.filter((r) => r.endsWith('.css')).reduce((s, r) => s + gz(r), 0);
  return { js, css, html: gzipSync(html).length };
}

interface Target {
  label: string;
  instances: string[];
  customer: PortalCustomer;
  page: Load[];
  api: Load[];
  firstViews: number[];
}

/** Page and API load, then first views after a change, each target in turn, ROUNDS times. */
async function measure(targets: Target[]): Promise<void> {
  for (let round = 0; round < ROUNDS; round++) {
    for (const t of targets) {
      t.page.push(await load(t.instances.map((u) => `${u}/c/${t.customer.token}`)));
      t.api.push(await load(t.instances.map((u) => `${u}/api/portal/${t.customer.token}`)));
      t.firstViews.push(...(await firstViewsAfterChange(t.instances, t.customer, String(round))));
    }
  }
}

function report(base: Load, targets: Target[]): string[] {
  const pct = (x: number) => `${((x / base.rps) * 100).toFixed(0)}%`;
  const lines = [`  bare express hello : ${base.rps.toFixed(0)} req/s (baseline), p99 ${base.p99} ms`];
  for (const t of targets) {
    const page = combine(t.page);
    const api = combine(t.api);
    lines.push(
      `  ${t.label}`,
      `    GET /c/<token>     : ${page.rps.toFixed(0)} req/s = ${pct(page.rps)} of baseline (budget >= 1500 req/s or >= 30%), p99 ${page.p99} ms, ${(page.bytes / 1024).toFixed(0)} KB/response gzipped`,
      `    GET /api/portal/.. : ${api.rps.toFixed(0)} req/s = ${pct(api.rps)} of baseline, p99 ${api.p99} ms`,
      `    first view after a change: median ${median(t.firstViews).toFixed(1)} ms of ${t.firstViews.length} first page requests after an edit (each instance after each edit; every page showed it); view build from the database: median ${t.customer.coldBuildMs.toFixed(1)} ms`,
    );
  }
  return lines;
}

export async function runPortalBench(): Promise<string[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'));
  try {
    const sqliteCustomer = await preparePortalCustomer(path.join(dataDir, 'sqlite'));
    const hello = await startChild(['hello']);
    const sqlite: Target = {
      label: 'SQLite, one instance',
      instances: [await startChild(['portal', path.join(dataDir, 'sqlite')])],
      customer: sqliteCustomer,
      page: [],
      api: [],
      firstViews: [],
    };
    const base = await load([hello]);
    const lines = [`portal bench (${DURATION_S}s × ${ROUNDS} rounds, ${CONNECTIONS} connections, customer with 50 jobs + 200 invoices)`];
    const postgresServer = benchPostgresServer();
    if (!postgresServer) {
      await measure([sqlite]);
      lines.push(...report(base, [sqlite]), `  ${HOW_TO_MEASURE_POSTGRES}`);
    } else {
      await withScratchDatabase(postgresServer, 'bench_portal', async (databaseUrl) => {
        const pgDir = path.join(dataDir, 'postgresql');
        const customer = await preparePortalCustomer(pgDir, databaseUrl);
        const instances = [await startChild(['portal', pgDir, databaseUrl]), await startChild(['portal', pgDir, databaseUrl])];
        const postgres: Target = { label: 'PostgreSQL, two instances on one database', instances, customer, page: [], api: [], firstViews: [] };
        await measure([sqlite, postgres]);
        const throughput = combine(postgres.page).rps / combine(sqlite.page).rps;
        const firstView = median(postgres.firstViews) / median(sqlite.firstViews);
        lines.push(
          ...report(base, [sqlite, postgres]),
          `  PostgreSQL (two instances) / SQLite (one) page throughput: ${(throughput * 100).toFixed(0)}%  budget >= ${THROUGHPUT_BUDGET * 100}%  ${verdict(throughput >= THROUGHPUT_BUDGET)}`,
          `  PostgreSQL / SQLite first view after a change: ${firstView.toFixed(2)}×  budget <= ${FIRST_VIEW_BUDGET}×  ${verdict(firstView <= FIRST_VIEW_BUDGET)}`,
        );
        for (const c of children.splice(children.length - 2)) c.kill('SIGKILL');
      });
    }
    const sizes = webPathSizes();
    lines.push(
      `  web first load     : JS ${(sizes.js / 1024).toFixed(1)} KB gz (budget 35), CSS ${(sizes.css / 1024).toFixed(1)} KB gz, HTML shell ${(sizes.html / 1024).toFixed(1)} KB gz; total ${((sizes.js + sizes.css + sizes.html) / 1024).toFixed(1)} KB (budget 80) + embedded data`,
      `  (${loadAverage()}${editsRetried ? `; ${editsRetried} edits answered 5xx and were tried again` : ''})`,
    );
    return lines;
  } finally {
    for (const c of children) c.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lines = await runPortalBench();
  for (const line of lines) console.log(line);
  process.exit(lines.some((l) => l.endsWith('FAIL')) ? 1 : 0);
}
