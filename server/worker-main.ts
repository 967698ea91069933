/**
 * `npm run worker`: the outbox worker and the LINE event handler on their own (delivery, retries,
 * payment reminders, bot answers), without
 * the HTTP server. Run it next to web instances started with RUN_WORKERS=false, or as many copies
 * as you like: claims are leased, so each message is still delivered once.
 */
import { loadConfigOrExit } from './config/config.ts';
import { buildApplication } from './composition.ts';
import { exitOnDataDirError, PRIVATE_UMASK } from './data/data-dir.ts';

async function main(): Promise<void> {
  process.umask(PRIVATE_UMASK);
  const config = loadConfigOrExit();
  const application = await buildApplication({ ...config, runWorkers: true }, { role: 'worker' }).catch(exitOnDataDirError);
  application.logger.info({ pid: process.pid, workerId: application.messaging.worker.workerId }, 'outbox worker running');
  const shutdown = async () => {
    await application.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

await main();
