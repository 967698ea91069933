/**
 * Child process for the webhook benchmark: `web <dataDir> <lineUrl> [databaseUrl]` serves the real app with
 * LINE_WEBHOOK_HANDLING=worker and RUN_WORKERS=false (it records and acknowledges), `worker …` handles the events
 * (as `npm run worker` does), `inline …` does both (as `npm start`), all with LINE pointed at a local fake.
 * Without a databaseUrl: SQLite in dataDir.
 */
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../server/config/config.ts';
import { buildApplication } from '../server/composition.ts';
import { createLogger } from '../server/logger.ts';

const [role, dataDir, lineBaseUrl, databaseUrl] = process.argv.slice(2);
// 'inline' = one process doing everything (what `npm start` runs).
const config = loadConfig({
  NODE_ENV: 'production',
  DATA_DIR: dataDir!,
  ADMIN_API_KEY: 'bench-admin-key-0123456789',
  LINK_SECRET: 'bench-link-secret-0123456789abcdef0123456789',
  LOG_LEVEL: 'error',
  RUN_WORKERS: role === 'web' ? 'false' : 'true',
  LINE_WEBHOOK_HANDLING: role === 'web' ? 'worker' : 'inline',
  LINE_CHANNEL_SECRET: 'bench-channel-secret',
  LINE_CHANNEL_ACCESS_TOKEN: 'bench-access-token',
  LINE_API_BASE_URL: lineBaseUrl!,
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
const application = await buildApplication(config, { logger: createLogger('error'), role: role === 'worker' ? 'worker' : 'all' });
if (role === 'worker') process.stdout.write('PORT 0\n');
else {
  const server = application.app.listen(0, '127.0.0.1', () => process.stdout.write(`PORT ${(server.address() as AddressInfo).port}\n`));
  if (process.env.BENCH_TRACE) {
    const h = monitorEventLoopDelay({ resolution: 1 });
    h.enable();
    const times: number[] = [];
    server.prependListener('request', (req, res) => {
      const t0 = performance.now();
      if (req.url?.startsWith('/webhooks')) res.once('finish', () => times.push(performance.now() - t0));
    });
    process.on('SIGUSR2', () => {
      times.sort((a, b) => a - b);
      const q = (p: number) => times[Math.floor(p * (times.length - 1))]?.toFixed(1);
      console.error(
        `TRACE server-side ack n=${times.length} p50 ${q(0.5)} p90 ${q(0.9)} p99 ${q(0.99)} max ${q(1)}; loop delay p50 ${(h.percentile(50) / 1e6).toFixed(1)} p99 ${(h.percentile(99) / 1e6).toFixed(1)} max ${(h.max / 1e6).toFixed(1)} ms`,
      );
      times.length = 0;
      h.reset();
    });
  }
}
process.on('SIGINT', () => process.exit(0));
