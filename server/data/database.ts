/**
 * Opens the database through a Prisma driver adapter and applies committed migrations of its
 * provider. SQLite (the default, `file:`) is tuned for a web workload (WAL: readers never block
 * the writer; ~4x faster writes here); PostgreSQL (`postgresql://`) runs the client generated from
 * the rendered schema, typed as the SQLite one (the models are the same; see postgres-schema.ts).
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient, Prisma } from '../generated/prisma/client.ts';
import { PrismaClient as PostgresPrismaClient } from '../generated/prisma-pg/client.ts';
import { postgresFactory, postgresMigrationFactory, postgresPoolConfig } from './postgres-adapter.ts';
import { serializedSqlite } from './serialized-sqlite.ts';
import { yieldingToUrgentWork } from './background-work.ts';
import { observedAdapter, type QueryObserver } from './observed-adapter.ts';
import { applyMigrations, LAYOUT, readMigrationList, type DatabaseProvider } from './schema-engine.ts';
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
  /** PostgreSQL: connections in this client's pool. */
  poolSize?: number;
}

/** Connections per PostgreSQL client by default (node-postgres' own default, stated so tests can fill the pool). */
export const POSTGRES_POOL_SIZE = 10;

export async function openDatabase({ databaseUrl, migrate = true, observeQueries, poolSize }: OpenDatabaseOptions): Promise<Db> {
  if (isPostgresUrl(databaseUrl)) return openPostgres(databaseUrl, migrate, observeQueries, poolSize ?? POSTGRES_POOL_SIZE);
  if (!databaseUrl.startsWith('file:')) throw new Error('DATABASE_URL must be file:<path> (SQLite) or postgresql://…');
  const file = databaseUrl.slice('file:'.length);
  createPrivateDatabaseFile(file);
  const factory = new PrismaBetterSqlite3({ url: file, timeout: 5000 }, { timestampFormat: 'unixepoch-ms' });
  // The migration engine locks SQLite exclusively (PRAGMA locking_mode=EXCLUSIVE), which fails while
  // another process has the file open: a worker process (`npm run worker`) starting next to a running
  // server. So it runs only when something is actually pending.
  if (migrate && (await hasPendingMigrations(new PrismaClient({ adapter: factory }), 'sqlite'))) await applyMigrations(factory);
  const db = new PrismaClient({ adapter: yieldingToUrgentWork(serializedSqlite(observedAdapter(factory, observeQueries))) });
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  await db.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
  return db;
}

export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//.test(databaseUrl);
}

/**
 * Unlike SQLite (one process, transactions queued before they start), a PostgreSQL transaction can
 * wait INSIDE itself: on a row another instance holds, above all the document number counter that
 * every receipt and tax invoice takes until its commit. Prisma's defaults (2 s to get a connection,
 * 5 s for the whole transaction) turned a busy moment on two instances into 500s; queued work is
 * not stuck work, so it may wait longer (tests/integration/scale/multi-instance.pg.test.ts).
 */
const POSTGRES_TRANSACTION_WAIT = { maxWait: 10_000, timeout: 20_000 };

/** Several processes may start at once: the engine serializes them with PostgreSQL's advisory lock. */
async function openPostgres(databaseUrl: string, migrate: boolean, observeQueries: QueryObserver | undefined, poolSize: number): Promise<Db> {
  const config = postgresPoolConfig(databaseUrl, { max: poolSize });
  if (migrate && (await hasPendingMigrations(new PostgresPrismaClient({ adapter: postgresFactory(config) }), 'postgresql'))) {
    await applyMigrations(postgresMigrationFactory(config));
  }
  // The PostgreSQL client's type differs only in provider-specific options (isolation levels).
  return new PostgresPrismaClient({
    adapter: yieldingToUrgentWork(observedAdapter(postgresFactory(config), observeQueries)),
    transactionOptions: POSTGRES_TRANSACTION_WAIT,
  }) as unknown as Db;
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

type RawQueryable = { $queryRawUnsafe<T>(sql: string): Promise<T> };

/** Committed migrations of the provider not applied to this database; throws when it cannot be reached. */
export async function pendingMigrations(db: RawQueryable, provider: DatabaseProvider): Promise<string[]> {
  const wanted = readMigrationList(LAYOUT[provider].migrationsDir).migrationDirectories.map((m) => m.path);
  let rows: { migration_name: string }[];
  try {
    rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
  } catch (error) {
    if (/_prisma_migrations/.test((error as Error).message)) return wanted; // a new database
    throw error;
  }
  const applied = new Set(rows.map((r) => r.migration_name));
  return wanted.filter((name) => !applied.has(name));
}

/** True when a committed migration is not yet applied (or the database is new). */
export async function hasPendingMigrations(probe: RawQueryable & { $disconnect(): Promise<void> }, provider: DatabaseProvider): Promise<boolean> {
  try {
    return (await pendingMigrations(probe, provider)).length > 0;
  } finally {
    await probe.$disconnect();
  }
}
