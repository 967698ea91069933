import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { hasPendingMigrations, openDatabase } from '../../../server/data/database.ts';
import { diffDatabaseToSchema, isEmptyMigration } from '../../../server/data/schema-engine.ts';
import { postgresMigrationFactory, postgresPoolConfig } from '../../../server/data/postgres-adapter.ts';
import { PrismaClient as PostgresPrismaClient } from '../../../server/generated/prisma-pg/client.ts';
import { postgresFactory } from '../../../server/data/postgres-adapter.ts';
import { adminQuery, withDatabase } from '../../helpers/test-database.ts';

const serverUrl = process.env.TEST_POSTGRES_URL as string;
const name = `portal_migrate_${randomBytes(4).toString('hex')}`;
const url = withDatabase(serverUrl, name);

describe('the PostgreSQL migration history', () => {
  beforeAll(() => adminQuery(serverUrl, `CREATE DATABASE "${name}"`));
  afterAll(() => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

  it('applies to an empty database at start and leaves no drift from the rendered schema', { timeout: 60_000 }, async () => {
    const db = await openDatabase({ databaseUrl: url });
    const applied = await db.$queryRawUnsafe<{ migration_name: string }[]>('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL');
    expect(applied.length).toBeGreaterThan(0);
    await db.$disconnect();

    const drift = await diffDatabaseToSchema(postgresMigrationFactory(postgresPoolConfig(url)));
    expect(isEmptyMigration(drift), drift).toBe(true);

    const probe = new PostgresPrismaClient({ adapter: postgresFactory(postgresPoolConfig(url)) });
    expect(await hasPendingMigrations(probe, 'postgresql')).toBe(false);
  });
});
