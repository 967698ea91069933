/**
 * PostgreSQL through @prisma/adapter-pg, with what the stock 7.10 adapter gets wrong here
 * (../shared reference, verified): the URL is turned into a PoolConfig object, because the
 * adapter spreads its config into other pools and a URL would override their `database`; and
 * for the schema engine, `"char"` columns (OID 18, read by its catalog introspection) are read
 * as text, which the adapter cannot deserialize otherwise.
 */
import type { PoolConfig } from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/** postgresql://user:pass@host:port/db?host=/socket/dir → PoolConfig. */
export function postgresPoolConfig(databaseUrl: string, extra: PoolConfig = {}): PoolConfig {
  const url = new URL(databaseUrl);
  const socketHost = url.searchParams.get('host');
  return {
    host: socketHost ?? (decodeURIComponent(url.hostname) || 'localhost'),
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.replace(/^\//, '')) || undefined,
    // pg waits forever for a connection by default; a server that is gone should fail a request instead.
    connectionTimeoutMillis: 10_000,
    ...extra,
  };
}

export function postgresFactory(config: PoolConfig): PrismaPg {
  return new PrismaPg(config);
}

type WithPerformIO = { performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }> };

function readCharAsText<T extends object>(queryable: T): T {
  const target = queryable as unknown as WithPerformIO;
  const original = target.performIO.bind(target);
  target.performIO = async (query) => {
    const result = await original(query);
    for (const field of result?.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    return result;
  };
  return queryable;
}

/** The factory the schema engine gets on PostgreSQL: no shadow database (migrations are made by diffing schemas). */
export function postgresMigrationFactory(config: PoolConfig): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPg({ ...config, max: 2 });
  return {
    provider: 'postgres',
    adapterName: inner.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = readCharAsText(await inner.connect());
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel) => readCharAsText((await startTransaction(isolationLevel)) as Transaction);
      return adapter;
    },
    async connectToShadowDb(): Promise<SqlDriverAdapter> {
      throw new Error('No shadow database on PostgreSQL: make migrations with npm run db:migration (it diffs schemas).');
    },
  };
}
