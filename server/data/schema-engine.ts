/**
 * Prisma migrations without Prisma's native engine (which these machines cannot download):
 * the official WASM schema engine, driven through a driver adapter. See
 * docs/decisions/0003-migrations-offline.md. Migration history is recorded in
 * `_prisma_migrations` exactly as the stock `prisma migrate deploy` does, so both agree.
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

const require = createRequire(import.meta.url);

export const SCHEMA_PATH = path.resolve(import.meta.dirname, '../../prisma/schema.prisma');
export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');

const NO_FILTER = { externalTables: [], externalEnums: [] };

interface SchemaEngine {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
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
  const datamodels: [string, string][] = [[SCHEMA_PATH, readFileSync(SCHEMA_PATH, 'utf8')]];
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

export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  return withSchemaEngine(factory, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrationList(), filters: NO_FILTER });
    return out.appliedMigrationNames;
  });
}

/** SQL that takes a database migrated to the current history to the current schema ('' when none). */
export async function diffHistoryToSchema(scratchFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  return withSchemaEngine(scratchFactory, async (engine) => {
    await engine.applyMigrations({ migrationsList: readMigrationList(), filters: NO_FILTER });
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files: [schemaFile()], configDir: path.dirname(SCHEMA_PATH) },
      to: { tag: 'schemaDatamodel', files: [schemaFile()] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return result.stdout ?? '';
  });
}

function schemaFile() {
  return { path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, 'utf8') };
}
