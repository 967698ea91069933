/**
 * The staff customer search through its index: among thousands of customers it still finds the
 * same names, typos and tone marks included, as the pure ranking does over a short list
 * (tests/unit/bot/commands-fuzzy.test.ts), and the index follows every change to a name. On
 * SQLite (FTS5 trigram) and, in the integration-pg project, on PostgreSQL (pg_trgm), with the same cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { nameQuery, searchCustomers } from '../../../server/services/customer-search.ts';
import { openCustomerNameIndex, postgresCandidateQuery } from '../../../server/data/customer-name-index.ts';
import { testPostgresUrl } from '../../helpers/test-database.ts';

const onPostgres = testPostgresUrl() !== undefined;

const NAMED = ['คุณสมชาย ใจดี', 'นายสมชัย ใจเย็น', 'คุณสมศรี มีสุข', 'บริษัท ฟ้าใส จำกัด', 'คุณากร ศรีสุข', 'Somchai Jaidee', 'Fah Sai Co., Ltd.', 'น.ส. มาลี ดอกไม้'];

/** 3,000 other customers with made-up Thai and English names, deterministic. */
function distractors(n: number): string[] {
  const first = ['ประเสริฐ', 'วันเพ็ญ', 'กิตติ', 'อรุณี', 'ธนพล', 'พรทิพย์', 'วีระ', 'นงลักษณ์', 'Anong', 'Boonmee', 'Chanida', 'Kittipong'];
  const last = ['ทองดี', 'แสงทอง', 'บุญมา', 'ศักดิ์ดี', 'รุ่งเรือง', 'พูลผล', 'Srisuk', 'Wongsa', 'Phromma', 'Kaewta'];
  return Array.from({ length: n }, (_, i) => `${first[i % first.length]} ${last[(i * 7) % last.length]} ${i}`);
}

let t: TestApp;
const statements: string[] = [];

beforeAll(async () => {
  t = await startTestApp({ overrides: { observeQueries: (q) => statements.push(q.sql) } });
  const rows = [...distractors(3000), ...NAMED].map((name) => ({ name }));
  for (let i = 0; i < rows.length; i += 200) await t.ctx.db.customer.createMany({ data: rows.slice(i, i + 200) });
  // What autovacuum does soon after a bulk load; without statistics the planner takes the table for empty.
  if (onPostgres) await t.ctx.db.$executeRawUnsafe('ANALYZE "Customer"');
}, 60_000);

afterAll(() => t?.stop());

const best = async (query: string) => (await searchCustomers(t.ctx, query))[0]?.name;

describe('customer search through the index', () => {
  it.each([
    ['สมชาย', 'คุณสมชาย ใจดี'],
    ['สมชัย', 'นายสมชัย ใจเย็น'],
    ['สมชาย ใจดี', 'คุณสมชาย ใจดี'],
    ['สมช้าย ใจดี', 'คุณสมชาย ใจดี'],
    ['สมชาญ ใจดี', 'คุณสมชาย ใจดี'],
    ['ใจดี', 'คุณสมชาย ใจดี'],
    ['ฟ้าไส', 'บริษัท ฟ้าใส จำกัด'],
    ['บจก ฟ้าใส', 'บริษัท ฟ้าใส จำกัด'],
    ['ฟ้า', 'บริษัท ฟ้าใส จำกัด'],
    ['สรีสุข', 'คุณากร ศรีสุข'],
    ['somchia', 'Somchai Jaidee'],
    ['SOMCHAI', 'Somchai Jaidee'],
    ['fahsai', 'Fah Sai Co., Ltd.'],
    ['fah sia', 'Fah Sai Co., Ltd.'],
    ['มาลี', 'น.ส. มาลี ดอกไม้'],
  ])('%j → %j among 3,008 customers', async (query, expected) => {
    expect(await best(query)).toBe(expected);
  });

  it('finds nothing for unrelated text', async () => {
    expect(await searchCustomers(t.ctx, 'xyz')).toEqual([]);
    expect(await searchCustomers(t.ctx, 'ประยุทธ์')).toEqual([]);
  });

  it('asks the index, and never reads every customer', async () => {
    const mark = statements.length;
    await searchCustomers(t.ctx, 'สมชาย ใจดี');
    const sent = statements.slice(mark);
    if (!onPostgres) {
      expect(sent.some((sql) => sql.includes('customer_name_search MATCH'))).toBe(true);
      // Prisma quotes the table it reads (`main`.`Customer`): the search reads customers only through the index's join.
      expect(sent.filter((sql) => /[`"]Customer[`"]/.test(sql))).toEqual([]);
      return;
    }
    // PostgreSQL: one statement, the candidate query, and its plan goes through the pg_trgm index
    // for Thai pieces too (no sequential scan of Customer).
    const statement = postgresCandidateQuery(nameQuery('สมชาย ใจดี'), 100)!;
    expect(sent).toEqual([statement.sql]);
    const plan = (await t.ctx.db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${statement.sql}`, ...statement.args))
      .map((r) => r['QUERY PLAN'])
      .join('\n');
    expect(plan).toMatch(/Bitmap Index Scan on customer_name_search_/);
    expect(plan).not.toMatch(/Seq Scan/);
    // A common piece makes thousands of rows candidates: counting each one's pieces must not run every
    // LIKE again (a byte search per piece instead), or the count costs more than the index saves.
    const verbose = (await t.ctx.db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN VERBOSE ${statement.sql}`, ...statement.args)).map(
      (r) => r['QUERY PLAN'],
    );
    const sortKey = verbose.find((line) => line.includes('Sort Key:'));
    expect(sortKey).toMatch(/strpos/);
    expect(sortKey).not.toMatch(/~~/);
  });

  it('follows new customers, renamed customers and company names', async () => {
    const created = await t.adminOk('createCustomer', { body: { name: 'คุณวิไลวรรณ ใหม่เอี่ยม' } });
    expect(await best('วิไลวรรณ')).toBe('คุณวิไลวรรณ ใหม่เอี่ยม');
    await t.adminOk('updateCustomer', { params: { id: created.id }, body: { name: 'คุณกาญจนา เปลี่ยนชื่อ', companyName: 'ห้างหุ้นส่วน ดาวเหนือ' } });
    expect(await best('กาญจนา')).toBe('คุณกาญจนา เปลี่ยนชื่อ');
    expect(await best('ดาวเหนือ')).toBe('คุณกาญจนา เปลี่ยนชื่อ');
    expect((await searchCustomers(t.ctx, 'วิไลวรรณ')).map((m) => m.customerId)).not.toContain(created.id);
  });

  it('is rebuilt at start when a migration that recreated the Customer table dropped its triggers', async () => {
    const db = t.ctx.db;
    // SQLite: the trigger that fed new customers in is gone; PostgreSQL: the expression index is gone.
    if (onPostgres) {
      const [index] = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT indexname AS name FROM pg_indexes WHERE indexname LIKE 'customer_name_search%'`);
      await db.$executeRawUnsafe(`DROP INDEX "${index!.name}"`);
    } else {
      await db.$executeRawUnsafe('DROP TRIGGER customer_name_search_insert');
      await db.customer.create({ data: { name: 'คุณปรีชา หลังย้ายตาราง' } });
      expect(await best('ปรีชา')).toBeUndefined();
    }
    // Two instances starting at once (PostgreSQL: serialised by an advisory lock, built once).
    const [reopened] = await Promise.all([
      openCustomerNameIndex(db, onPostgres ? 'postgresql' : 'sqlite'),
      openCustomerNameIndex(db, onPostgres ? 'postgresql' : 'sqlite'),
    ]);
    if (onPostgres) {
      await db.customer.create({ data: { name: 'คุณปรีชา หลังย้ายตาราง' } });
      const indexes = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT indexname AS name FROM pg_indexes WHERE indexname LIKE 'customer_name_search%'`);
      expect(indexes).toHaveLength(1);
    }
    expect((await reopened.candidates({ trigrams: ['ปรี', 'รีช'], fragments: [] }, 10)).map((c) => c.name)).toContain('คุณปรีชา หลังย้ายตาราง');
    expect(await best('ปรีชา')).toBe('คุณปรีชา หลังย้ายตาราง');
  });
});
