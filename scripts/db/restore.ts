/**
 * `npm run db:restore -- <file>`: restores a backup made by `npm run db:backup` into the configured
 * database, which must be empty (a new DATA_DIR, or a newly created PostgreSQL database). Start
 * the server afterwards: it applies migrations newer than the backup.
 */
import { loadConfigOrExit } from '../../server/config/config.ts';
import { restoreDatabase } from '../../server/data/backup.ts';

const source = process.argv[2];
if (!source) {
  console.error('usage: npm run db:restore -- <backup file>');
  process.exit(2);
}
const config = loadConfigOrExit();
try {
  await restoreDatabase(config.databaseUrl, source);
} catch (error) {
  console.error(`restore failed: ${(error as Error).message}`);
  process.exit(1);
}
console.log(`restored ${source} into the ${config.databaseProvider} database`);
