/** Starts the product: `npm start`. Config from the environment (see .env.example). */
import { loadConfigOrExit } from './config/config.ts';
import { buildApplication } from './composition.ts';
import { demoLinks, isDatabaseEmpty, seedDemo } from './seed/demo-seed.ts';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const application = await buildApplication(config);
  const { ctx, logger } = application;
  if (config.seedDemo && (await isDatabaseEmpty(ctx))) {
    await seedDemo(ctx);
    logger.info({}, 'seeded the demo business and customers');
  }
  const links = config.seedDemo ? await demoLinks(ctx).catch(() => []) : [];
  const server = application.app.listen(config.port, config.host, () => {
    const base = config.publicUrl ?? `http://localhost:${config.port}`;
    const lines = [
      '',
      `  Client portal running at ${base}`,
      `  Database: ${config.databaseUrl.replace(/\/\/[^@]*@/, '//***@')}`,
      `  Admin API: ${base}/api/admin (Authorization: Bearer ${application.generatedSecrets.includes('ADMIN_API_KEY') || !config.adminApiKey ? application.adminApiKey : '<ADMIN_API_KEY>'})`,
      `  OpenAPI:   ${base}/api/admin/openapi.json`,
      `  Outbox:    ${base}/admin/outbox (any user name, the admin key as password); ${Object.entries(application.messaging.channelModes).map(([c, m]) => `${c} ${m === 'live' ? 'live' : 'kept locally'}`).join(', ')}`,
      ...(links.length ? ['', '  Demo portal links (open on your phone or at 360 px):', ...links.map((l) => `    ${l.label}: ${l.url}`)] : []),
      '',
    ];
    console.log(lines.join('\n'));
  });
  const shutdown = async () => {
    server.close();
    await application.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

await main();
