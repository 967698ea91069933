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

const MONEY_TO_INTEGER = /^\s*ALTER COLUMN "\w+Satang" SET DATA TYPE INTEGER\s*$/;

/**
 * Money (`…Satang Int`) is BIGINT on PostgreSQL. SQLite's INTEGER already holds 64 bits;
 * PostgreSQL's holds 32 (฿21 million in satang, less than one large invoice may carry), and
 * Prisma's `Int` has no BIGINT native type there. So the PostgreSQL migration SQL is widened;
 * the client still reads the values as numbers.
 */
export function widenMoneyColumns(sql: string): string {
  return sql.replace(/("\w+Satang")( SET DATA TYPE)? INTEGER\b/g, '$1$2 BIGINT');
}

/** Drift from a database to the schema, less the BIGINT money columns the schema cannot state (see above). */
export function driftBesidesMoneyWidening(drift: string): string {
  return drift
    .split(';')
    .map((statement) => {
      const code = statement
        .split('\n')
        .filter((line) => !line.trim().startsWith('--'))
        .join('\n')
        .trim();
      const alter = /^ALTER TABLE ("\w+") ([\s\S]*)$/.exec(code);
      if (!alter) return code;
      const clauses = alter[2]!.split(/,\s*\n/).filter((clause) => !MONEY_TO_INTEGER.test(clause));
      return clauses.length > 0 ? `ALTER TABLE ${alter[1]} ${clauses.join(',\n')}` : '';
    })
    .filter(Boolean)
    .join(';\n');
}
