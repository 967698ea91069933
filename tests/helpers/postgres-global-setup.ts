/**
 * vitest globalSetup of the integration-pg project: migrates the template database every test
 * app's database is copied from, once per run, through the same code path as `npm start`.
 */
import { openDatabase } from '../../server/data/database.ts';
import { openCustomerNameIndex } from '../../server/data/customer-name-index.ts';
import { adminQuery, TEMPLATE_DATABASE, withDatabase } from './test-database.ts';

export default async function setup(): Promise<void> {
  const serverUrl = process.env.TEST_POSTGRES_URL;
  if (!serverUrl) throw new Error('integration-pg needs TEST_POSTGRES_URL (see README, Running on PostgreSQL)');
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
  await adminQuery(serverUrl, `CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  const db = await openDatabase({ databaseUrl: withDatabase(serverUrl, TEMPLATE_DATABASE) });
  // What every start adds outside the migrations (pg_trgm, the search column): once here, not per test app.
  await openCustomerNameIndex(db, 'postgresql');
  await db.$disconnect();
}
