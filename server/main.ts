/** Starts the product: `npm start`. Config from the environment (see .env.example). */
import type { AddressInfo } from 'node:net';
import { loadConfigOrExit } from './config/config.ts';
import { buildApplication, gracefulCloser } from './composition.ts';
import { formatDemoLinks, seedDemoOnFirstStart } from './seed/demo-links.ts';
import { exitOnDataDirError, PRIVATE_UMASK } from './data/data-dir.ts';

async function main(): Promise<void> {
  // Everything this process creates in DATA_DIR (database, -wal/-shm, PDFs) is private to its user.
  process.umask(PRIVATE_UMASK);
  const config = loadConfigOrExit();
  const application = await buildApplication(config).catch(exitOnDataDirError);
  const { ctx, logger } = application;
  // Plaintext tokens reach stdout only on the run that seeds the demo; `npm run demo:links` reprints them.
  const links = config.seedDemo ? await seedDemoOnFirstStart(ctx) : null;
  if (links) logger.info({}, 'seeded the demo business and customers');
  // Express 5 calls back with the error when the address cannot be taken (e.g. already in use).
  const server = application.app.listen(config.port, config.host, (error?: Error) => {
    if (error) {
      console.error(`Cannot listen on ${config.host}:${config.port} (PORT, HOST): ${error.message}`);
      process.exit(1);
    }
    // The bound port, not the configured one: PORT=0 picks a free port.
    const base = config.publicUrl ?? `http://localhost:${(server.address() as AddressInfo).port}`;
    const lines = [
      '',
      `  Client portal running at ${base}`,
      `  Database: ${config.databaseUrl.replace(/\/\/[^@]*@/, '//***@')}`,
      `  Admin API: ${base}/api/admin (Authorization: Bearer ${application.generatedSecrets.includes('ADMIN_API_KEY') || !config.adminApiKey ? application.adminApiKey : '<ADMIN_API_KEY>'})`,
      `  OpenAPI:   ${base}/api/admin/openapi.json`,
      `  Outbox:    ${base}/admin/outbox (any user name, the admin key as password); ${Object.entries(application.messaging.channelModes)
        .map(([c, m]) => `${c} ${m === 'live' ? 'live' : 'kept locally'}`)
        .join(', ')}`,
      ...(links
        ? ['', '  Demo portal links (open on your phone or at 360 px; shown once, `npm run demo:links` shows them again):', ...formatDemoLinks(links)]
        : config.seedDemo
          ? ['', '  Demo portal links: npm run demo:links']
          : []),
      '',
    ];
    console.log(lines.join('\n'));
  });
  const http = gracefulCloser(server);
  let stopping = false;
  // SIGTERM (a deploy, a scale-down): /readyz turns 503 first, then no new connections, requests
  // and live streams end, outbox deliveries and LINE events in progress finish (so no lease is
  // left to run out), and the database is closed.
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    application.draining();
    await http.close();
    await application.close();
    logger.info({}, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

await main();
