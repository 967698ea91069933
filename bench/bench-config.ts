/**
 * The configuration every in-process benchmark application starts from: fixed secrets (so a
 * server child and the process that prepared its data agree on links), no workers, and SQLite in
 * `dataDir` unless a PostgreSQL database is named. `extra` overrides or adds variables.
 */
import { loadConfig, type Config } from '../server/config/config.ts';

export const BENCH_ADMIN_KEY = 'bench-admin-key-0123456789';
export const BENCH_LINK_SECRET = 'bench-link-secret-0123456789abcdef0123456789';

export function benchConfig(dataDir: string, databaseUrl: string | undefined, extra: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ADMIN_API_KEY: BENCH_ADMIN_KEY,
    LINK_SECRET: BENCH_LINK_SECRET,
    PUBLIC_URL: 'https://portal.example.test',
    RUN_WORKERS: 'false',
    ...extra,
  });
}
