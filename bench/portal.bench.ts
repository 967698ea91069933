/**
 * Portal page throughput: GET /c/<token> for a customer with 50 jobs and 200 invoices, against a
 * bare Express "hello" on the same machine in the same run (servers in child processes, load from
 * this one). Also reports the web path's first-load sizes (gzipped JS/CSS/HTML).
 * Run: npm run bench (or npx tsx bench/portal.bench.ts)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../server/config/config.ts';
import { buildApplication } from '../server/composition.ts';
import { createLogger } from '../server/logger.ts';
import { saveBusiness } from '../server/services/business.ts';
import { createCustomer } from '../server/services/customers.ts';
import { createJob, moveJobStage } from '../server/services/jobs.ts';
import { createInvoice, markInvoiceSent } from '../server/services/invoices.ts';
import { recordPayment } from '../server/services/payments.ts';
import { issuePortalLink } from '../server/services/links.ts';
import { addDays, bangkokDate } from '../server/domain/dates.ts';
import { buildPortalData } from '../server/portal/build-portal-view.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 16;
let coldBuildMs = 0;

async function prepare(dataDir: string): Promise<string> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    ADMIN_API_KEY: 'bench-admin-key-0123456789',
    LINK_SECRET: 'bench-link-secret-0123456789abcdef0123456789',
    RUN_WORKERS: 'false',
  });
  const app = await buildApplication(config, { logger: createLogger('error') });
  const ctx = app.ctx;
  await saveBusiness(ctx, {
    name: 'บริษัท ทดสอบ จำกัด',
    nameEn: 'Bench Co., Ltd.',
    address: 'กรุงเทพฯ',
    taxId: '0105561234560',
    vatRegistered: true,
    promptPayId: '0105561234560',
    promptPayName: 'บจก. ทดสอบ',
  });
  const customer = await createCustomer(ctx, {
    name: 'คุณทดสอบ โหลดหนัก',
    companyName: 'บริษัท ลูกค้ารายใหญ่ จำกัด',
    address: '999 ถนนวิภาวดีรังสิต แขวงจตุจักร เขตจตุจักร กรุงเทพมหานคร 10900',
  });
  const today = bangkokDate(new Date());
  const jobs = [];
  for (let i = 0; i < 50; i++) {
    const job = await createJob(ctx, {
      customerId: customer.id,
      title: `งานเช่าอุปกรณ์ครั้งที่ ${i + 1}`,
      startDate: addDays(today, i - 25),
      endDate: addDays(today, i - 23),
      siteAddress: 'ศูนย์ประชุมแห่งชาติสิริกิติ์',
      equipment: [
        { name: 'กล้อง Sony FX6', quantity: 2 },
        { name: 'ไฟ Aputure 600d', quantity: 4 },
        { name: 'ไมค์ไร้สาย', quantity: 3 },
      ],
    });
    await moveJobStage(ctx, { jobId: job.id, stage: 'picking' });
    if (i < 25) await moveJobStage(ctx, { jobId: job.id, stage: 'closed' });
    jobs.push(job);
  }
  for (let i = 0; i < 200; i++) {
    const invoice = await createInvoice(ctx, {
      customerId: customer.id,
      jobId: jobs[i % 50]!.id,
      issueDate: addDays(today, -40),
      dueDate: addDays(today, (i % 60) - 30),
      lines: [
        { description: 'ค่าเช่ากล้องและเลนส์ (ต่อวัน)', quantity: 2, unitPriceSatang: 450000 },
        { description: 'ค่าขนส่งและติดตั้ง', quantity: 1, unitPriceSatang: 350000 },
      ],
      withholdingPercent: i % 3 === 0 ? 3 : 0,
    });
    await markInvoiceSent(ctx, invoice.id);
    if (i % 2 === 0) await recordPayment(ctx, { invoiceId: invoice.id, amountSatang: 100000, method: 'promptpay' });
  }
  const link = await issuePortalLink(ctx, { scope: 'customer', id: customer.id });
  // Cold cost: building the view from the database (what the first view after a change pays).
  const resolved = { id: link.id, scope: 'customer' as const, customerId: customer.id, quoteId: null, invoiceId: null, expiresAt: link.expiresAt };
  const times: number[] = [];
  for (let i = 0; i < 12; i++) {
    const t0 = performance.now();
    await buildPortalData(ctx, resolved);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  coldBuildMs = times[Math.floor(times.length / 2)]!;
  await app.close();
  return link.token;
}

function startChild(args: string[]): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'portal-servers.ts'), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (d: Buffer) => {
      const m = /PORT (\d+)/.exec(d.toString());
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

async function load(url: string) {
  // Browsers always offer gzip; so does the load generator.
  const headers = { 'accept-encoding': 'gzip, deflate, br' };
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers }); // warm-up
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p99: r.latency.p99, bytes: r.throughput.average / Math.max(r.requests.average, 1) };
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

export async function runPortalBench(): Promise<string[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'));
  const children: ChildProcess[] = [];
  try {
    const token = await prepare(dataDir);
    const hello = await startChild(['hello']);
    children.push(hello.child);
    const portal = await startChild(['portal', dataDir]);
    children.push(portal.child);
    const base = await load(`http://127.0.0.1:${hello.port}/`);
    const page = await load(`http://127.0.0.1:${portal.port}/c/${token}`);
    const api = await load(`http://127.0.0.1:${portal.port}/api/portal/${token}`);
    const sizes = webPathSizes();
    const pct = (x: number) => `${((x / base.rps) * 100).toFixed(0)}%`;
    return [
      `portal bench (${DURATION_S}s, ${CONNECTIONS} connections, customer with 50 jobs + 200 invoices)`,
      `  bare express hello : ${base.rps.toFixed(0)} req/s (baseline), p99 ${base.p99} ms`,
      `  GET /c/<token>     : ${page.rps.toFixed(0)} req/s = ${pct(page.rps)} of baseline (budget >= 1500 req/s or >= 30%), p99 ${page.p99} ms, ${(page.bytes / 1024).toFixed(0)} KB/response gzipped`,
      `  GET /api/portal/.. : ${api.rps.toFixed(0)} req/s = ${pct(api.rps)} of baseline, p99 ${api.p99} ms`,
      `  view build (cold, after a change): median ${coldBuildMs.toFixed(1)} ms from the database`,
      `  web first load     : JS ${(sizes.js / 1024).toFixed(1)} KB gz (budget 35), CSS ${(sizes.css / 1024).toFixed(1)} KB gz, HTML shell ${(sizes.html / 1024).toFixed(1)} KB gz; total ${((sizes.js + sizes.css + sizes.html) / 1024).toFixed(1)} KB (budget 80) + embedded data`,
    ];
  } finally {
    for (const c of children) c.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await runPortalBench()) console.log(line);
  process.exit(0);
}
