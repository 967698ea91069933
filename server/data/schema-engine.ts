/**
 * Prisma migrations without Prisma's native engine (which these machines cannot download):
 * the official WASM schema engine, driven through a driver adapter. See
 * docs/decisions/0003-database-and-migrations.md. Migration history is recorded in
 * `_prisma_migrations` exactly as the stock `prisma migrate deploy` does, so both agree.
 * Each provider has its own schema file and migration history (server/data/postgres-schema.ts).
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { POSTGRES_DIR, POSTGRES_SCHEMA_PATH, PRISMA_DIR, SQLITE_SCHEMA_PATH } from './postgres-schema.ts';

const require = createRequire(import.meta.url);

export type DatabaseProvider = 'sqlite' | 'postgresql';

export const SCHEMA_PATH = SQLITE_SCHEMA_PATH;
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');
export const POSTGRES_MIGRATIONS_DIR = path.join(POSTGRES_DIR, 'migrations');

export const LAYOUT: Record<DatabaseProvider, { schemaPath: string; migrationsDir: string }> = {
  sqlite: { schemaPath: SQLITE_SCHEMA_PATH, migrationsDir: MIGRATIONS_DIR },
  postgresql: { schemaPath: POSTGRES_SCHEMA_PATH, migrationsDir: POSTGRES_MIGRATIONS_DIR },
};

const NO_FILTER = { externalTables: [], externalEnums: [] };

interface SchemaEngine {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}

export function providerOf(factory: { provider: string }): DatabaseProvider {
  return factory.provider === 'postgres' ? 'postgresql' : 'sqlite';
}

/**
 * Runs `work` with a schema engine and then closes every connection the engine opened, so the
 * app's own client is not left waiting on a lock held by a forgotten migration connection.
 */
async function withSchemaEngine<T>(factory: SqlMigrationAwareDriverAdapterFactory, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils');
  const opened: { dispose(): Promise<void> }[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    adapterName: factory.adapterName,
    provider: factory.provider,
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const schemaPath = LAYOUT[providerOf(factory)].schemaPath;
  const datamodels: [string, string][] = [[schemaPath, readFileSync(schemaPath, 'utf8')]];
  const SchemaEngineClass = await loadWasmEngineClass();
  const engine = (await SchemaEngineClass.new({ datamodels }, () => {}, bindMigrationAwareSqlAdapterFactory(tracking))) as SchemaEngine;
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((a) => a.dispose()));
  }
}

let engineClass: Promise<{ new: (...args: unknown[]) => Promise<unknown> }> | undefined;

/**
 * Same steps as @prisma/internals' wasmSchemaEngineLoader, but reading the .wasm from the
 * @prisma/schema-engine-wasm package itself (internals expects a copy in its own build/ folder,
 * which the npm package does not ship). Loaded lazily: the app pays for it only when migrating.
 */
function loadWasmEngineClass() {
  engineClass ??= (async () => {
    const runtime = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm');
    const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {
      './schema_engine_bg.js': runtime as unknown as WebAssembly.ModuleImports,
    });
    (runtime as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return (runtime as unknown as { SchemaEngine: { new: (...args: unknown[]) => Promise<unknown> } }).SchemaEngine;
  })();
  return engineClass;
}

export function readMigrationList(dir = MIGRATIONS_DIR) {
  const lockPath = path.join(dir, 'migration_lock.toml');
  const names = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => statSync(path.join(dir, n)).isDirectory())
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file) ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') } : { tag: 'error' as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

/** Applies the committed history of the factory's provider; returns the names applied now. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  return withSchemaEngine(factory, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrationList(LAYOUT[providerOf(factory)].migrationsDir), filters: NO_FILTER });
    return out.appliedMigrationNames;
  });
}

/** SQL that takes a SQLite database migrated to the current history to the current schema ('' when none). */
export async function diffHistoryToSchema(scratchFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  return withSchemaEngine(scratchFactory, async (engine) => {
    await engine.applyMigrations({ migrationsList: readMigrationList(MIGRATIONS_DIR), filters: NO_FILTER });
    return diffDatabase(engine, LAYOUT.sqlite.schemaPath);
  });
}

/** SQL that takes the live database to the provider's schema file: '' or an empty-migration note when none (no drift). */
export async function diffDatabaseToSchema(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  return withSchemaEngine(factory, (engine) => diffDatabase(engine, LAYOUT[providerOf(factory)].schemaPath));
}

/**
 * SQL from one schema text to another without touching a database: how PostgreSQL migrations are
 * made on machines without PostgreSQL. `factory` only tells the engine the provider; it is never connected.
 */
export async function diffSchemaTexts(factory: SqlMigrationAwareDriverAdapterFactory, from: string, to: string): Promise<string> {
  return withSchemaEngine(factory, async (engine) => {
    const file = (content: string, name: string) => ({ path: path.join(PRISMA_DIR, name), content });
    const result = await engine.diff({
      from: from ? { tag: 'schemaDatamodel', files: [file(from, 'from.prisma')] } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [file(to, 'to.prisma')] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return result.stdout ?? '';
  });
}

async function diffDatabase(engine: SchemaEngine, schemaPath: string): Promise<string> {
  const schemaFile = { path: schemaPath, content: readFileSync(schemaPath, 'utf8') };
  const result = await engine.diff({
    from: { tag: 'schemaDatasource', files: [schemaFile], configDir: path.dirname(schemaPath) },
    to: { tag: 'schemaDatamodel', files: [schemaFile] },
    script: true,
    exitCode: null,
    filters: NO_FILTER,
  });
  return result.stdout ?? '';
}

/** True for the engine's output when two schemas (or a database and a schema) agree. */
export function isEmptyMigration(sql: string): boolean {
  return !sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim());
}
