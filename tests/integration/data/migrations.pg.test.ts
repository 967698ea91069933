import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { hasPendingMigrations, openDatabase } from '../../../server/data/database.ts';
import { diffDatabaseToSchema, isEmptyMigration } from '../../../server/data/schema-engine.ts';
import { postgresMigrationFactory, postgresPoolConfig } from '../../../server/data/postgres-adapter.ts';
import { PrismaClient as PostgresPrismaClient } from '../../../server/generated/prisma-pg/client.ts';
import { postgresFactory } from '../../../server/data/postgres-adapter.ts';
import { adminQuery, withDatabase } from '../../helpers/test-database.ts';
import { driftBesidesMoneyWidening } from '../../../server/data/postgres-schema.ts';

const serverUrl = process.env.TEST_POSTGRES_URL as string;
const name = `portal_migrate_${randomBytes(4).toString('hex')}`;
const url = withDatabase(serverUrl, name);

beforeAll(() => adminQuery(serverUrl, `CREATE DATABASE "${name}"`));
afterAll(() => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

describe('the PostgreSQL migration history', () => {
  it('applies to an empty database at start and leaves no drift from the rendered schema but BIGINT money', { timeout: 60_000 }, async () => {
    const db = await openDatabase({ databaseUrl: url });
    const applied = await db.$queryRawUnsafe<{ migration_name: string }[]>('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL');
    expect(applied.length).toBeGreaterThan(0);
    await db.$disconnect();

    const drift = await diffDatabaseToSchema(postgresMigrationFactory(postgresPoolConfig(url)));
    // The one difference the schema cannot state: money columns are BIGINT (postgres-schema.ts).
    expect(drift).toMatch(/ALTER COLUMN "totalSatang" SET DATA TYPE INTEGER/);
    expect(driftBesidesMoneyWidening(drift)).toBe('');
    expect(isEmptyMigration(driftBesidesMoneyWidening(drift))).toBe(true);

    const probe = new PostgresPrismaClient({ adapter: postgresFactory(postgresPoolConfig(url)) });
    expect(await hasPendingMigrations(probe, 'postgresql')).toBe(false);
  });
});

describe('money on PostgreSQL', () => {
  it('holds amounts beyond 32 bits (฿28 million) and reads them back as numbers', async () => {
    const db = await openDatabase({ databaseUrl: url, migrate: false });
    try {
      const customer = await db.customer.create({ data: { name: 'ลูกค้ารายใหญ่' } });
      const deposit = await db.deposit.create({ data: { number: 'DEP-BIG-1', customerId: customer.id, requiredSatang: 2_800_000_000 } });
      expect(deposit.requiredSatang).toBe(2_800_000_000);
      const found = await db.deposit.findMany({ where: { requiredSatang: { gt: 2_147_483_647 } } });
      expect(found.map((d) => d.requiredSatang)).toEqual([2_800_000_000]);
    } finally {
      await db.$disconnect();
    }
  });
});
