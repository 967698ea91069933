/**
 * The database a test app runs on. The `integration` project: a fresh SQLite file in the test's
 * data directory (the default). The `integration-pg` project (vitest.config.ts, only when
 * TEST_POSTGRES_URL is set): a fresh PostgreSQL database per test app, copied from a template
 * database migrated once per run (tests/helpers/postgres-global-setup.ts) — CREATE DATABASE …
 * TEMPLATE takes ~50 ms where migrating takes seconds — and dropped when the app stops.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { postgresPoolConfig } from '../../server/data/postgres-adapter.ts';

export const TEMPLATE_DATABASE = 'portal_test_template';

export interface TestDatabase {
  /** DATABASE_URL for the app, or undefined for the default SQLite file in DATA_DIR. */
  url: string | undefined;
  drop(): Promise<void>;
}

export function testPostgresUrl(): string | undefined {
  return process.env.PORTAL_TEST_DB === 'postgresql' ? process.env.TEST_POSTGRES_URL : undefined;
}

/** The same server and credentials as `url`, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client(postgresPoolConfig(url));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testPostgresUrl();
  if (!serverUrl) return { url: undefined, drop: async () => {} };
  const name = `portal_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`);
  return {
    url: withDatabase(serverUrl, name),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** A database with nothing in it (a restore target): a new SQLite file path, or a new PostgreSQL database. */
export async function createEmptyDatabase(dir: string): Promise<TestDatabase & { url: string }> {
  const serverUrl = testPostgresUrl();
  if (!serverUrl) return { url: `file:${dir}/restored.db`, drop: async () => {} };
  const name = `portal_empty_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(serverUrl, name),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
