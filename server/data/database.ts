/**
 * Opens the database through a Prisma driver adapter, applies committed migrations, and tunes
 * SQLite for a web workload (WAL: readers never block the writer; ~4x faster writes here).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient, Prisma } from '../generated/prisma/client.ts';
import { serializedSqlite } from './serialized-sqlite.ts';
import { applyMigrations, readMigrationList } from './schema-engine.ts';

export type Db = PrismaClient;
/** What a use case gets inside `db.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
export { Prisma };

export interface OpenDatabaseOptions {
  databaseUrl: string;
  migrate?: boolean;
}

export async function openDatabase({ databaseUrl, migrate = true }: OpenDatabaseOptions): Promise<Db> {
  if (!databaseUrl.startsWith('file:')) {
    throw new Error('Only SQLite (file:) is wired in this build; PostgreSQL support arrives with its adapter.');
  }
  const file = databaseUrl.slice('file:'.length);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const factory = new PrismaBetterSqlite3({ url: file, timeout: 5000 }, { timestampFormat: 'unixepoch-ms' });
  // The migration engine locks SQLite exclusively (PRAGMA locking_mode=EXCLUSIVE), which fails while
  // another process has the file open: a worker process (`npm run worker`) starting next to a running
  // server. So it runs only when something is actually pending.
  if (migrate && (await hasPendingMigrations(factory))) await applyMigrations(factory);
  const db = new PrismaClient({ adapter: serializedSqlite(factory) });
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  await db.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
  return db;
}

/** True when a committed migration is not yet applied (or the database is new). */
async function hasPendingMigrations(factory: PrismaBetterSqlite3): Promise<boolean> {
  const wanted = readMigrationList().migrationDirectories.map((m) => m.path);
  const probe = new PrismaClient({ adapter: factory });
  try {
    const rows = await probe.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return wanted.some((name) => !applied.has(name));
  } catch {
    return true; // no _prisma_migrations table yet
  } finally {
    await probe.$disconnect();
  }
}
