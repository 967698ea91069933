/** `npm run db:render`: writes prisma/postgresql/schema.prisma from prisma/schema.prisma. */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { POSTGRES_SCHEMA_PATH, renderPostgresSchema, SQLITE_SCHEMA_PATH } from '../../server/data/postgres-schema.ts';

export function writePostgresSchema(): boolean {
  const rendered = renderPostgresSchema(readFileSync(SQLITE_SCHEMA_PATH, 'utf8'));
  if (existsSync(POSTGRES_SCHEMA_PATH) && readFileSync(POSTGRES_SCHEMA_PATH, 'utf8') === rendered) return false;
  writeFileSync(POSTGRES_SCHEMA_PATH, rendered);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const changed = writePostgresSchema();
  console.log(`${path.relative(process.cwd(), POSTGRES_SCHEMA_PATH)} ${changed ? 'rendered' : 'is up to date'}`);
}
