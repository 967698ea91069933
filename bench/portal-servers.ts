/**
 * Child process for the portal benchmark: `portal <dataDir> [databaseUrl]` serves the real app on
 * that data (SQLite in dataDir, or the PostgreSQL database named: several such children are several
 * instances on one database), `hello` serves a bare Express "hello" (the baseline measured in the
 * same run). Prints the port.
 */
import express from 'express';
import type { AddressInfo } from 'node:net';
import { buildApplication } from '../server/composition.ts';
import { createLogger } from '../server/logger.ts';
import { benchConfig } from './bench-config.ts';

const [mode, dataDir, databaseUrl] = process.argv.slice(2);
let app: express.Express;
if (mode === 'hello') {
  app = express();
  app.get('/', (_req, res) => {
    res.send('hello');
  });
} else {
  const config = benchConfig(dataDir!, databaseUrl, { NODE_ENV: 'production', PORTAL_RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'error' });
  app = (await buildApplication(config, { logger: createLogger('error') })).app;
}
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`PORT ${(server.address() as AddressInfo).port}\n`);
});
server.keepAliveTimeout = 60_000;
