/**
 * LINE webhook acknowledgement, on SQLite and (with BENCH_POSTGRES_URL or TEST_POSTGRES_URL) on
 * PostgreSQL in one run. `wrk` (a separate C process, so the load generator does not take the
 * server's CPU from a Node event loop) posts signed text events at a steady 200 req/s for 10 s,
 * each with a new webhookEventId and reply token; the bodies are signed beforehand (wrk's Lua has
 * no HMAC) and paced by bench/webhook-ack.lua. Two figures per database:
 * - acknowledged: wrk's latency to LINE's 200, i.e. the event durably recorded (budget p99 <= 50 ms);
 * - handled: from the request's send time to the reply's arrival at the fake LINE API (its own
 *   process), and every event answered exactly once.
 * Default: one process, as `npm start` runs. BENCH_SPLIT=1: a web instance
 * (LINE_WEBHOOK_HANDLING=worker) that only records and answers, next to a worker process.
 * BENCH_SECONDS, BENCH_RATE, BENCH_CONNECTIONS change the load; BENCH_PROF=1 writes CPU profiles to /tmp/prof;
 * BENCH_TRACE=1 has the server print its own time per acknowledgement (request parsed → 200 written)
 * and its event-loop delay, telling time inside the process from time spent waiting for a CPU.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { postgresPoolConfig } from '../server/data/postgres-adapter.ts';
import { benchPostgresServer, HOW_TO_MEASURE_POSTGRES, withScratchDatabase } from './postgres-scratch.ts';
import { fakeLineUserId } from '../tests/fakes/fake-line-api.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const WARMUP_SECONDS = 3;
const BUDGET_MS = 50;
const CHANNEL_SECRET = 'bench-channel-secret';
const WRK = process.env.BENCH_WRK ?? '/usr/bin/wrk';
const split = process.env.BENCH_SPLIT === '1';

interface WrkResult {
  responses: number;
  durationMs: number;
  non2xx: number;
  connectErrors: number;
  readErrors: number;
  writeErrors: number;
  timeouts: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

function spawnTs(script: string, args: string[], options: { ipc?: boolean; prof?: boolean } = {}): ChildProcess {
  const profiling = options.prof && process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [];
  return spawn(process.execPath, [...profiling, '--import', 'tsx', path.join(import.meta.dirname, script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit', ...(options.ipc ? (['ipc'] as const) : [])],
  });
}

function lineFrom(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = pattern.exec(d.toString());
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${child.spawnargs.join(' ')} exited with ${code}`)));
  });
}

type ReplyLog = { replies: [string, number][]; replyAttempts: number };
function repliesOf(line: ChildProcess): Promise<ReplyLog> {
  return new Promise((resolve) => {
    line.once('message', (m) => resolve(m as ReplyLog));
    line.send('replies');
  });
}

interface Body {
  eventId: string;
  replyToken: string;
}

/** `count` signed webhook bodies, one per line as "<signature>\t<body>"; returns what identifies each. */
function writeBodies(file: string, count: number): Body[] {
  const users = Array.from({ length: 50 }, () => fakeLineUserId());
  const written: Body[] = [];
  const lines: string[] = [];
  for (let n = 0; n < count; n++) {
    const replyToken = randomBytes(16).toString('hex');
    const webhookEventId = randomUUID().replace(/-/g, '').toUpperCase().slice(0, 26);
    written.push({ eventId: webhookEventId, replyToken });
    const body = JSON.stringify({
      destination: 'Ubench',
      events: [
        {
          type: 'message',
          mode: 'active',
          timestamp: Date.now(),
          webhookEventId,
          deliveryContext: { isRedelivery: false },
          replyToken,
          source: { type: 'user', userId: users[n % users.length] },
          message: { id: String(1e15 + n), type: 'text', quoteToken: 'q', text: 'สวัสดีครับ' },
        },
      ],
    });
    lines.push(`${createHmac('sha256', CHANNEL_SECRET).update(body).digest('base64')}\t${body}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return written;
}

/** wrk at RATE req/s for `seconds`; returns its figures and when each body (by line number) was sent. */
async function runWrk(url: string, dir: string, label: string, seconds: number): Promise<{ wrk: WrkResult; bodies: Body[]; sentAt: Map<number, number> }> {
  const bodies = path.join(dir, `${label}.bodies`);
  const sendLog = path.join(dir, `${label}.sent`);
  // Twice what the schedule asks for: a body is never sent twice (that would be a deduplicated redelivery).
  const written = writeBodies(bodies, Math.ceil(RATE * seconds * 2));
  const child = spawn(
    WRK,
    [
      '-t1',
      `-c${CONNECTIONS}`,
      `-d${seconds}s`,
      '--timeout',
      '5s',
      '-s',
      path.join(import.meta.dirname, 'webhook-ack.lua'),
      url,
      '--',
      bodies,
      String(RATE),
      '1',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, WEBHOOK_ACK_SEND_LOG: sendLog } },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const json = out.split('\n').find((l) => l.startsWith('{"responses"'));
  if (code !== 0 || !json) throw new Error(`wrk failed (exit ${code}):\n${out}`);
  const sentAt = new Map<number, number>();
  for (const entry of readFileSync(sendLog, 'utf8').split('\n')) {
    const [n, at] = entry.split(' ');
    if (n && at) sentAt.set(Number(n), Number(at));
  }
  return { wrk: JSON.parse(json) as WrkResult, bodies: written, sentAt };
}

/** Polls the fake LINE API until every token sent has its reply, or 30 s pass. */
async function waitForReplies(line: ChildProcess, tokens: Set<string>): Promise<ReplyLog> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const log = await repliesOf(line);
    const answered = log.replies.filter(([token]) => tokens.has(token)).length;
    if (answered >= tokens.size || Date.now() >= deadline) return log;
    await new Promise((r) => setTimeout(r, 200));
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function benchOn(name: string, databaseUrl: string | undefined): Promise<boolean> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'webhook-bench-'));
  const children: ChildProcess[] = [];
  try {
    const line = spawnTs('fake-line-server.ts', [], { ipc: true });
    children.push(line);
    const lineUrl = await lineFrom(line, /URL (\S+)/);
    const serverArgs = (role: string) => [role, dir, lineUrl, ...(databaseUrl ? [databaseUrl] : [])];
    const web = spawnTs('webhook-server.ts', serverArgs(split ? 'web' : 'inline'), { prof: true });
    children.push(web);
    const port = await lineFrom(web, /PORT (\d+)/);
    if (split) {
      const worker = spawnTs('webhook-server.ts', serverArgs('worker'), { prof: true });
      children.push(worker);
      await lineFrom(worker, /PORT (\d+)/);
    }
    const url = `http://127.0.0.1:${port}/webhooks/line`;

    // Warm up (JIT, connections, statement caches) and let that handling finish before measuring.
    const warm = await runWrk(url, dir, 'warmup', WARMUP_SECONDS);
    await waitForReplies(line, new Set([...warm.sentAt.keys()].map((n) => warm.bodies[n]!.replyToken)));

    if (process.env.BENCH_TRACE) web.kill('SIGUSR2');
    const loadBefore = load();
    const { wrk, bodies, sentAt } = await runWrk(url, dir, 'measured', SECONDS);
    const sentTokens = new Map([...sentAt].map(([n, at]) => [bodies[n]!.replyToken, at]));
    // What the server recorded (all it acknowledged, and what it read as wrk stopped): each must be answered.
    await new Promise((r) => setTimeout(r, 500));
    const recordedIds = await recordedEventIds(databaseUrl ?? `file:${path.join(dir, 'portal.db')}`);
    const recordedTokens = new Set([...sentAt.keys()].filter((n) => recordedIds.has(bodies[n]!.eventId)).map((n) => bodies[n]!.replyToken));
    const log = await waitForReplies(line, recordedTokens);
    const loadAfter = load();
    if (process.env.BENCH_TRACE) web.kill('SIGUSR2');

    const repliesPerToken = new Map<string, number>();
    const handled: number[] = [];
    for (const [token, at] of log.replies) {
      const sent = sentTokens.get(token);
      if (sent === undefined) continue; // a warm-up event
      repliesPerToken.set(token, (repliesPerToken.get(token) ?? 0) + 1);
      handled.push(at - sent);
    }
    handled.sort((a, b) => a - b);
    const missing = [...recordedTokens].filter((t) => !repliesPerToken.has(t)).length;
    const cutOff = sentTokens.size - recordedTokens.size; // in flight when wrk stopped, never read by the server
    const twice = [...repliesPerToken.values()].filter((c) => c > 1).length;
    const refused = log.replyAttempts - log.replies.length; // a second reply to a used token
    const failures = wrk.non2xx + wrk.connectErrors + wrk.readErrors + wrk.writeErrors + wrk.timeouts;
    const rate = (sentAt.size / wrk.durationMs) * 1000;
    const pass = wrk.p99 <= BUDGET_MS && failures === 0 && missing === 0 && twice === 0 && refused === 0 && recordedTokens.size >= wrk.responses;

    console.log(
      `${name} (${split ? 'web + worker processes' : 'one process'}): ${sentAt.size} events in ${(wrk.durationMs / 1000).toFixed(1)} s = ${rate.toFixed(0)} req/s offered by wrk over ${CONNECTIONS} connections`,
    );
    console.log(
      `  acknowledged (recorded, 200): p50 ${wrk.p50.toFixed(1)} ms, p90 ${wrk.p90.toFixed(1)} ms, p99 ${wrk.p99.toFixed(1)} ms, max ${wrk.max.toFixed(1)} ms; ` +
        `${wrk.responses} responses, failures ${failures} (non-2xx ${wrk.non2xx}, timeouts ${wrk.timeouts}, socket errors ${wrk.connectErrors + wrk.readErrors + wrk.writeErrors})`,
    );
    console.log(
      `  handled (reply at the LINE API): p50 ${percentile(handled, 50).toFixed(1)} ms, p99 ${percentile(handled, 99).toFixed(1)} ms after sending; ` +
        `${recordedTokens.size} events recorded (${cutOff} sent as wrk stopped and not read), ${repliesPerToken.size} answered, ${missing} missing, ${twice + refused} answered twice`,
    );
    console.log(
      `  ${pass ? 'PASS' : 'FAIL'}: acknowledgement p99 ${wrk.p99.toFixed(1)} ms vs budget ${BUDGET_MS} ms; load average ${loadBefore} before, ${loadAfter} after (1/5/15 min, ${os.cpus().length} cores)`,
    );
    return pass;
  } finally {
    for (const child of children.reverse()) child.kill(process.env.BENCH_PROF ? 'SIGINT' : 'SIGKILL');
    if (process.env.BENCH_PROF) await new Promise((r) => setTimeout(r, 3000));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The webhookEventIds in the database's inbox. */
async function recordedEventIds(databaseUrl: string): Promise<Set<string>> {
  if (databaseUrl.startsWith('file:')) {
    const db = new Database(databaseUrl.slice('file:'.length), { readonly: true });
    try {
      return new Set((db.prepare('SELECT id FROM WebhookEvent').all() as { id: string }[]).map((r) => r.id));
    } finally {
      db.close();
    }
  }
  const client = new pg.Client(postgresPoolConfig(databaseUrl));
  await client.connect();
  try {
    return new Set((await client.query<{ id: string }>('SELECT id FROM "WebhookEvent"')).rows.map((r) => r.id));
  } finally {
    await client.end();
  }
}

console.log(`webhook bench: ${SECONDS} s at ${RATE} req/s (wrk, paced by bench/webhook-ack.lua), signed text events from 50 strangers`);
let failed = !(await benchOn('SQLite', undefined));
const postgresUrl = benchPostgresServer();
if (postgresUrl) {
  if (!(await withScratchDatabase(postgresUrl, 'bench_webhook', (url) => benchOn('PostgreSQL', url)))) failed = true;
} else console.log(HOW_TO_MEASURE_POSTGRES);
process.exit(failed ? 1 : 0);
