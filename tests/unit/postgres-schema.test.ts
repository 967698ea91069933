import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POSTGRES_MIGRATED_SCHEMA_PATH, POSTGRES_SCHEMA_PATH, renderPostgresSchema, SQLITE_SCHEMA_PATH } from '../../server/data/postgres-schema.ts';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { driftBesidesMoneyWidening, widenMoneyColumns } from '../../server/data/postgres-schema.ts';
import { diffSchemaTexts, isEmptyMigration, readMigrationList, POSTGRES_MIGRATIONS_DIR } from '../../server/data/schema-engine.ts';
import { offlinePostgresFactory } from '../../server/data/offline-postgres.ts';

const sqliteSchema = readFileSync(SQLITE_SCHEMA_PATH, 'utf8');

describe('the PostgreSQL schema rendered from prisma/schema.prisma', () => {
  it('is up to date (else: npm run db:render, or npm run db:migration -- <name> after a model change)', () => {
    expect(readFileSync(POSTGRES_SCHEMA_PATH, 'utf8')).toBe(renderPostgresSchema(sqliteSchema));
  });

  it('differs only in the provider and the client output', () => {
    const rendered = renderPostgresSchema(sqliteSchema);
    expect(rendered).toContain('provider = "postgresql"');
    expect(rendered).toContain('output       = "../../server/generated/prisma-pg"');
    expect(rendered).not.toContain('"sqlite"');
    const models = (text: string) => text.slice(text.indexOf('\nmodel '));
    expect(models(rendered)).toBe(models(sqliteSchema));
  });

  it('refuses a schema it cannot map, instead of rendering a wrong one', () => {
    expect(() => renderPostgresSchema(sqliteSchema.replace('"sqlite"', '"mysql"'))).toThrow(/one sqlite datasource/);
  });

  it('has a PostgreSQL migration: the history was last diffed to exactly this schema (else: npm run db:migration -- <name>)', () => {
    expect(readFileSync(POSTGRES_MIGRATED_SCHEMA_PATH, 'utf8')).toBe(renderPostgresSchema(sqliteSchema));
    const names = readMigrationList(POSTGRES_MIGRATIONS_DIR).migrationDirectories.map((m) => m.path);
    expect(names.length).toBeGreaterThan(0);
    expect(names[0]).toMatch(/_baseline$/);
  });
});

describe('making a PostgreSQL migration without PostgreSQL', () => {
  it('diffs two schemas offline: a new model field becomes an ALTER TABLE, the same schema nothing', { timeout: 30_000 }, async () => {
    const rendered = renderPostgresSchema(sqliteSchema);
    const changed = rendered.replace(/model Business \{\n/, 'model Business {\n  motto String?\n');
    const sql = await diffSchemaTexts(offlinePostgresFactory(), rendered, changed);
    expect(sql).toMatch(/ALTER TABLE "Business" ADD COLUMN\s+"motto" TEXT;/);
    expect(isEmptyMigration(await diffSchemaTexts(offlinePostgresFactory(), rendered, rendered))).toBe(true);
  });
});

describe('money columns on PostgreSQL', () => {
  it('are BIGINT in every PostgreSQL migration (INTEGER holds only ฿21 million in satang)', () => {
    for (const dir of readdirSync(POSTGRES_MIGRATIONS_DIR).filter((n) => !n.endsWith('.toml'))) {
      const sql = readFileSync(path.join(POSTGRES_MIGRATIONS_DIR, dir, 'migration.sql'), 'utf8');
      expect(sql, dir).not.toMatch(/Satang" (SET DATA TYPE )?INTEGER/);
    }
  });

  it('widening touches money only: new tables, added and retyped columns', () => {
    const sql =
      'CREATE TABLE "A" (\n    "totalSatang" INTEGER NOT NULL,\n    "count" INTEGER NOT NULL\n);\nALTER TABLE "B" ADD COLUMN     "feeSatang" INTEGER;\nALTER TABLE "C" ALTER COLUMN "paidSatang" SET DATA TYPE INTEGER;';
    expect(widenMoneyColumns(sql)).toBe(
      'CREATE TABLE "A" (\n    "totalSatang" BIGINT NOT NULL,\n    "count" INTEGER NOT NULL\n);\nALTER TABLE "B" ADD COLUMN     "feeSatang" BIGINT;\nALTER TABLE "C" ALTER COLUMN "paidSatang" SET DATA TYPE BIGINT;',
    );
  });

  it('the drift check forgives exactly the money widening, nothing else', () => {
    const widening =
      '-- AlterTable\nALTER TABLE "Deposit" ALTER COLUMN "requiredSatang" SET DATA TYPE INTEGER,\nALTER COLUMN "heldSatang" SET DATA TYPE INTEGER;\n';
    expect(driftBesidesMoneyWidening(widening)).toBe('');
    const mixed = 'ALTER TABLE "Deposit" ALTER COLUMN "requiredSatang" SET DATA TYPE INTEGER,\nADD COLUMN "note" TEXT;\nDROP INDEX "x";';
    expect(driftBesidesMoneyWidening(mixed)).toBe('ALTER TABLE "Deposit" ADD COLUMN "note" TEXT;\nDROP INDEX "x"');
  });
});
