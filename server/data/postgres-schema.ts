/**
 * prisma/schema.prisma (SQLite) is the one schema people edit; the PostgreSQL schema is rendered
 * from it (`npm run db:render`, also run by `npm run db:migration`) and a unit test fails when
 * the committed rendering is stale. Only the datasource provider and the client's output differ:
 * the models avoid provider-specific types (see the schema's header).
 */
import path from 'node:path';

export const PRISMA_DIR = path.resolve(import.meta.dirname, '../../prisma');
export const SQLITE_SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.prisma');
export const POSTGRES_DIR = path.join(PRISMA_DIR, 'postgresql');
export const POSTGRES_SCHEMA_PATH = path.join(POSTGRES_DIR, 'schema.prisma');
/** The rendered schema the newest PostgreSQL migration was diffed to: the next diff starts here. */
export const POSTGRES_MIGRATED_SCHEMA_PATH = path.join(POSTGRES_DIR, 'migrated-schema.prisma');

const HEADER = '// GENERATED from ../schema.prisma by `npm run db:render`: edit that file, not this one.\n';

export function renderPostgresSchema(sqliteSchema: string): string {
  let providers = 0;
  let outputs = 0;
  const rendered = sqliteSchema
    .replace(/(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/, (_m, head: string) => {
      providers++;
      return `${head}"postgresql"`;
    })
    .replace(/(generator\s+client\s*\{[^}]*?output\s*=\s*)"\.\.\/server\/generated\/prisma"/, (_m, head: string) => {
      outputs++;
      return `${head}"../../server/generated/prisma-pg"`;
    });
  if (providers !== 1 || outputs !== 1) {
    throw new Error('prisma/schema.prisma: expected one sqlite datasource and one client generator with output "../server/generated/prisma"');
  }
  return HEADER + rendered;
}
