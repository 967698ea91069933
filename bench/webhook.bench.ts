/**
 * Webhook acknowledgement: signed LINE events at a steady 200 req/s for a while; the p99 time to
 * the 200 must stay <= 50 ms while the work (recording, replying through a local fake LINE API)
 * continues after the answer. Each request carries a new webhookEventId, so none is deduplicated.
 * Default: one process, as `npm start` runs (handling after the 200, bounded and yielding).
 * BENCH_SPLIT=1: a web instance (LINE_WEBHOOK_HANDLING=worker) that only records and answers, next
 * to a worker process (`npm run worker`) that handles events and replies.
 */
import { spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { fakeLineUserId } from '../tests/fakes/fake-line-api.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 200);

const lineChild = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'fake-line-server.ts')], {
  stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
});
const lineUrl: string = await new Promise((resolve) =>
  lineChild.stdout!.on('data', (d: Buffer) => {
    const m = /URL (\S+)/.exec(d.toString());
    if (m) resolve(m[1]!);
  }),
);
const lineCounts = () =>
  new Promise<{ replies: number }>((resolve) => {
    lineChild.once('message', (m) => resolve(m as { replies: number }));
    lineChild.send('count');
  });
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'webhook-bench-'));
function startChild(role: 'web' | 'worker' | 'inline') {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'webhook-server.ts'),
      role,
      dataDir,
      lineUrl,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise<{ child: typeof child; port: number }>((resolve) =>
    child.stdout!.on('data', (d: Buffer) => {
      const m = /PORT (\d+)/.exec(d.toString());
      if (m) resolve({ child, port: Number(m[1]) });
    }),
  );
}
const inline = process.env.BENCH_SPLIT !== '1';
const web = await startChild(inline ? 'inline' : 'web');
const worker = inline || process.env.BENCH_NO_WORKER ? { child: web.child } : await startChild('worker');
const port = web.port;

const users = Array.from({ length: 50 }, () => fakeLineUserId());
let n = 0;
function signedEvent() {
  const body = JSON.stringify({
    destination: 'Ubench',
    events: [
      {
        type: 'message',
        mode: 'active',
        timestamp: Date.now(),
        webhookEventId: randomUUID().replace(/-/g, '').toUpperCase().slice(0, 26),
        deliveryContext: { isRedelivery: false },
        replyToken: randomUUID().replace(/-/g, ''),
        source: { type: 'user', userId: users[n++ % users.length] },
        message: { id: String(1e15 + n), type: 'text', quoteToken: 'q', text: 'สวัสดีครับ' },
      },
    ],
  });
  return {
    body,
    headers: { 'content-type': 'application/json', 'x-line-signature': createHmac('sha256', 'bench-channel-secret').update(body).digest('base64') },
  };
}

try {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/webhooks/line`,
    method: 'POST',
    connections: Number(process.env.BENCH_CONNECTIONS ?? 8),
    overallRate: RATE,
    duration: SECONDS,
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, ...signedEvent() }) }],
  });
  const deadline = Date.now() + 30_000;
  let replies = 0;
  for (;;) {
    replies = (await lineCounts()).replies;
    if (replies >= result.requests.total || Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(`webhook bench (${SECONDS}s at ${RATE} req/s, signed text events from 50 strangers; ${inline ? 'one process' : 'web + worker processes'})`);
  console.log(`  acknowledged: ${result.requests.total} requests, non-2xx ${result.non2xx}, errors ${result.errors}`);
  console.log(`  latency to the 200: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (budget p99 <= 50 ms)`);
  console.log(`  replies delivered afterwards: ${replies} of ${result.requests.total}`);
} finally {
  for (const c of [web.child, worker.child]) c.kill(process.env.BENCH_PROF ? 'SIGINT' : 'SIGKILL');
  await new Promise((r) => setTimeout(r, process.env.BENCH_PROF ? 3000 : 0));
  lineChild.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
