/**
 * `npm run demo:links [-- --reissue-revoked]`: prints the demo customers' portal links again (the
 * server prints them only on the run that seeds the demo). Still-valid links are reused, expired
 * ones replaced; a link staff revoked stays revoked unless --reissue-revoked is given. Uses the
 * same configuration (DATA_DIR / DATABASE_URL / LINK_SECRET) as `npm start`.
 */
import { loadConfigOrExit } from '../server/config/config.ts';
import { buildApplication } from '../server/composition.ts';
import { createLogger } from '../server/logger.ts';
import { exitOnDataDirError, PRIVATE_UMASK } from '../server/data/data-dir.ts';
import { formatDemoLinks, reprintDemoLinks, REISSUE_FLAG } from '../server/seed/demo-links.ts';

async function main(): Promise<number> {
  process.umask(PRIVATE_UMASK);
  const reissueRevoked = process.argv.slice(2).includes(REISSUE_FLAG);
  const config = loadConfigOrExit();
  const application = await buildApplication({ ...config, runWorkers: false }, { logger: createLogger('warn') }).catch(exitOnDataDirError);
  try {
    const links = await reprintDemoLinks(application.ctx, { reissueRevoked });
    if (links.length === 0) {
      console.error(
        'No demo in this database: the demo is seeded on the first start of an empty database (NODE_ENV other than production, or SEED_DEMO=true).',
      );
      return 1;
    }
    console.log(['', '  Demo portal links (open on your phone or at 360 px):', ...formatDemoLinks(links), ''].join('\n'));
    return 0;
  } finally {
    await application.close();
  }
}

process.exit(await main());
