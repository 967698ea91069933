/**
 * The PostgreSQL side of the benchmarks: BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) names a server
 * whose user may CREATE DATABASE; each bench makes its own throw-away database there and drops it
 * afterwards. Without one, the PostgreSQL figures are skipped with one line saying how to get them.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { postgresPoolConfig } from '../server/data/postgres-adapter.ts';

export function benchPostgresServer(): string | undefined {
  return process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
}

export const HOW_TO_MEASURE_POSTGRES =
  'PostgreSQL: not measured; set BENCH_POSTGRES_URL=postgresql://user:pass@127.0.0.1:5432/postgres (a user that may CREATE DATABASE) to measure it too';

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client(postgresPoolConfig(serverUrl));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs `use` with the URL of a new, empty database on the server, dropped afterwards (also on failure). */
export async function withScratchDatabase<T>(serverUrl: string, prefix: string, use: (databaseUrl: string) => Promise<T>): Promise<T> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  try {
    return await use(url.toString());
  } finally {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

/** The machine is shared: every figure is printed with the load it was measured under. */
export function loadAverage(): string {
  return `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
}

export const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
