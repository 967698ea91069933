/**
 * Backup and restore of either database, online (the server may keep running during a backup):
 * - SQLite: better-sqlite3's online backup API, a consistent copy page by page (WAL included);
 * - PostgreSQL: `pg_dump -Fc` (one consistent snapshot, custom format) and `pg_restore`.
 * A restore goes into an EMPTY database (a new DATA_DIR or a freshly created PostgreSQL database);
 * the next start then applies any migrations newer than the backup.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isPostgresUrl } from './database.ts';
import { postgresPoolConfig } from './postgres-adapter.ts';
import { PRIVATE_DIR_MODE } from './data-dir.ts';

export async function backupDatabase(databaseUrl: string, target: string): Promise<void> {
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true, mode: PRIVATE_DIR_MODE });
  if (isPostgresUrl(databaseUrl)) {
    await runPgTool('pg_dump', databaseUrl, ['--format=custom', '--no-owner', '--no-privileges', `--file=${target}`]);
    return;
  }
  const db = new Database(sqliteFile(databaseUrl), { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
}

export async function restoreDatabase(databaseUrl: string, source: string): Promise<void> {
  if (!existsSync(source)) throw new Error(`no backup at ${source}`);
  if (isPostgresUrl(databaseUrl)) {
    await runPgTool('pg_restore', databaseUrl, ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', source]);
    return;
  }
  const file = sqliteFile(databaseUrl);
  if (existsSync(file) && statSync(file).size > 0) throw new Error(`${file} already holds a database: restore into a new DATA_DIR or DATABASE_URL`);
  const backup = new Database(source, { readonly: true, fileMustExist: true });
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: PRIVATE_DIR_MODE });
    await backup.backup(file);
  } finally {
    backup.close();
  }
}

function sqliteFile(databaseUrl: string): string {
  return databaseUrl.slice('file:'.length);
}

/** Runs pg_dump / pg_restore with the connection in libpq's environment (no password on the command line). */
function runPgTool(tool: 'pg_dump' | 'pg_restore', databaseUrl: string, args: string[]): Promise<void> {
  const config = postgresPoolConfig(databaseUrl);
  const env = {
    ...process.env,
    PGHOST: String(config.host ?? 'localhost'),
    PGPORT: String(config.port ?? 5432),
    PGUSER: String(config.user ?? ''),
    PGPASSWORD: String(config.password ?? ''),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [`--dbname=${config.database}`, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error) => reject(new Error(`${tool} could not run (${error.message}): install PostgreSQL's client tools`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (${code}): ${stderr.trim()}`))));
  });
}
