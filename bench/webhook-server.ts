/**
 * Child process for the webhook benchmark: `web <dataDir> <lineUrl>` serves the real app with
 * LINE_WEBHOOK_HANDLING=worker and RUN_WORKERS=false (it records and acknowledges), `worker <dataDir> <lineUrl>` handles the events
 * (as `npm run worker` does), both with LINE pointed at a local fake.
 */
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../server/config/config.ts';
import { buildApplication } from '../server/composition.ts';
import { createLogger } from '../server/logger.ts';

const [role, dataDir, lineBaseUrl] = process.argv.slice(2);
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
});
const application = await buildApplication(config, { logger: createLogger('error'), role: role === 'worker' ? 'worker' : 'all' });
if (role === 'worker') process.stdout.write('PORT 0\n');
else {
  const server = application.app.listen(0, '127.0.0.1', () => process.stdout.write(`PORT ${(server.address() as AddressInfo).port}\n`));
}
process.on('SIGINT', () => process.exit(0));
