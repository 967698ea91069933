/**
 * `npm run db:backup -- <file>`: an online backup of the configured database (DATABASE_URL, or
 * DATA_DIR/portal.db): SQLite's backup API, or `pg_dump -Fc` on PostgreSQL. See README, Backups.
 */
import { loadConfigOrExit } from '../../server/config/config.ts';
import { backupDatabase } from '../../server/data/backup.ts';
import { PRIVATE_UMASK } from '../../server/data/data-dir.ts';

const target = process.argv[2];
if (!target) {
  console.error('usage: npm run db:backup -- <backup file>');
  process.exit(2);
}
// The backup holds the same customer PII as the database: private to this user, like DATA_DIR.
process.umask(PRIVATE_UMASK);
const config = loadConfigOrExit();
await backupDatabase(config.databaseUrl, target);
console.log(`backed up ${config.databaseProvider} database to ${target}`);
