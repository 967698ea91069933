/**
 * Opens the database through a Prisma driver adapter, applies committed migrations, and tunes
 * SQLite for a web workload (WAL: readers never block the writer; ~4x faster writes here).
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient, Prisma } from '../generated/prisma/client.ts';
import { serializedSqlite } from './serialized-sqlite.ts';
import { observedAdapter, type QueryObserver } from './observed-adapter.ts';
import { applyMigrations, readMigrationList } from './schema-engine.ts';
import { DataDirError, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, restrictFiles } from './data-dir.ts';

export type Db = PrismaClient;
/** What a use case gets inside `db.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
export { Prisma };

export interface OpenDatabaseOptions {
  databaseUrl: string;
  migrate?: boolean;
  /** Sees every statement with its bound-value count (tests of query size). */
  observeQueries?: QueryObserver;
}

export async function openDatabase({ databaseUrl, migrate = true, observeQueries }: OpenDatabaseOptions): Promise<Db> {
  if (!databaseUrl.startsWith('file:')) {
    throw new Error('Only SQLite (file:) is wired in this build; PostgreSQL support arrives with its adapter.');
  }
  const file = databaseUrl.slice('file:'.length);
  createPrivateDatabaseFile(file);
  const factory = new PrismaBetterSqlite3({ url: file, timeout: 5000 }, { timestampFormat: 'unixepoch-ms' });
  // The migration engine locks SQLite exclusively (PRAGMA locking_mode=EXCLUSIVE), which fails while
  // another process has the file open: a worker process (`npm run worker`) starting next to a running
  // server. So it runs only when something is actually pending.
  if (migrate && (await hasPendingMigrations(factory))) await applyMigrations(factory);
  const db = new PrismaClient({ adapter: serializedSqlite(observedAdapter(factory, observeQueries)) });
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  await db.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
  return db;
}

/**
 * The database holds customer PII: its file is created 0600 before SQLite opens it, and SQLite
 * gives its -wal and -shm files the database file's mode. Files an older version left 0644 are
 * tightened.
 */
function createPrivateDatabaseFile(file: string): void {
  const absolute = path.resolve(file);
  try {
    mkdirSync(path.dirname(absolute), { recursive: true, mode: PRIVATE_DIR_MODE });
    closeSync(openSync(absolute, 'a', PRIVATE_FILE_MODE));
    restrictFiles([absolute, `${absolute}-wal`, `${absolute}-shm`, `${absolute}-journal`]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new DataDirError(`The database file ${absolute} cannot be created or written (${code}). Check DATA_DIR / DATABASE_URL.`);
  }
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
