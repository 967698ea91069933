/**
 * The prefilter of the staff customer search: which few customers could match what was typed, so
 * the Thai-aware ranking (services/customer-search.ts) scores tens of names instead of every
 * customer. A port with one adapter per database:
 *
 * - SQLite: an FTS5 table with the trigram tokenizer over each customer's name and company as
 *   skeletons (thai-skeleton.ts, the same rule the ranking uses), kept in sync by triggers on
 *   Customer. It lives outside Prisma's schema (Prisma would see its shadow tables as drift), so
 *   it is created at start; a migration that rebuilds the Customer table drops the triggers, and
 *   the next start, finding them missing, rebuilds the index.
 * - PostgreSQL: the same skeletons (name and company together) in a generated column of
 *   Customer, under a pg_trgm GIN index, which `LIKE '%…%'` uses for Thai too: LIKE's trigram
 *   search takes every character, not only pg_trgm's alphanumerics. A stored column rather than
 *   an expression index because every candidate the index returns is rechecked, and ranked: a
 *   dozen replace() calls per row and per piece cost more than the index saves. Generated, so
 *   PostgreSQL keeps it in sync without a trigger. Column and index are kept out of Prisma's
 *   schema (the drift check would drop them) and created at start; the index is named by a hash
 *   of the rule, so a changed skeleton rule rebuilds both. Without GIN's pending list (fastupdate
 *   off): names change rarely, and a new customer is then at once in the index proper, which the
 *   planner costs as such.
 */
import { createHash } from 'node:crypto';
import type { Db } from './database.ts';
import { THAI_DROPPED_MARKS, THAI_SOUND_ALIKE } from '../domain/thai-skeleton.ts';

export interface NameCandidate {
  id: string;
  name: string;
  companyName: string | null;
}

export interface NameQuery {
  /** Three-character pieces of the typed name's skeleton: a customer sharing any is a candidate. */
  trigrams: string[];
  /** Typed words too short for a trigram: a customer whose name or company contains one is a candidate. */
  fragments: string[];
}

export interface CustomerNameIndex {
  candidates(query: NameQuery, limit: number): Promise<NameCandidate[]>;
}

const TABLE = 'customer_name_search';
const TRIGGERS = ['customer_name_search_insert', 'customer_name_search_update', 'customer_name_search_delete'];

/** thaiSkeleton() in SQL: nested replace() calls built from the same table of marks and letters. */
export function skeletonSql(expression: string): string {
  let sql = expression;
  for (const mark of THAI_DROPPED_MARKS) sql = `replace(${sql}, '${mark}', '')`;
  for (const [from, to] of Object.entries(THAI_SOUND_ALIKE)) sql = `replace(${sql}, '${from}', '${to}')`;
  return sql;
}

const indexedRow = (row: string) => `${row}.rowid, ${skeletonSql(`${row}.name`)}, ${skeletonSql(`coalesce(${row}.companyName, '')`)}`;

/** FTS5 strings are double-quoted; a quote inside doubles. */
const ftsString = (text: string) => `"${text.replaceAll('"', '""')}"`;
/** LIKE pattern for "contains", with the wildcards in the typed text escaped. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

async function prepareSqliteIndex(db: Db): Promise<void> {
  const present = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT name FROM sqlite_master WHERE (type = 'table' AND name = '${TABLE}') OR (type = 'trigger' AND name IN (${TRIGGERS.map((t) => `'${t}'`).join(', ')}))`,
  );
  if (present.length === TRIGGERS.length + 1) return;
  const statements = [
    `DROP TABLE IF EXISTS ${TABLE}`,
    ...TRIGGERS.map((t) => `DROP TRIGGER IF EXISTS ${t}`),
    `CREATE VIRTUAL TABLE ${TABLE} USING fts5(name, company, tokenize = 'trigram')`,
    `INSERT INTO ${TABLE} (rowid, name, company) SELECT ${indexedRow('Customer')} FROM Customer`,
    `CREATE TRIGGER ${TRIGGERS[0]} AFTER INSERT ON Customer BEGIN INSERT INTO ${TABLE} (rowid, name, company) VALUES (${indexedRow('new')}); END`,
    `CREATE TRIGGER ${TRIGGERS[1]} AFTER UPDATE OF name, companyName ON Customer BEGIN DELETE FROM ${TABLE} WHERE rowid = old.rowid; INSERT INTO ${TABLE} (rowid, name, company) VALUES (${indexedRow('new')}); END`,
    `CREATE TRIGGER ${TRIGGERS[2]} AFTER DELETE ON Customer BEGIN DELETE FROM ${TABLE} WHERE rowid = old.rowid; END`,
  ];
  await db.$transaction(async (tx) => {
    for (const sql of statements) await tx.$executeRawUnsafe(sql);
  });
}

function sqliteIndex(db: Db): CustomerNameIndex {
  return {
    async candidates(query, limit) {
      const select = `SELECT c.id, c.name, c.companyName FROM ${TABLE} s JOIN Customer c ON c.rowid = s.rowid`;
      if (query.trigrams.length > 0) {
        // bm25 puts the customers sharing the most (and the rarest) pieces first.
        const match = [...new Set(query.trigrams)].map(ftsString).join(' OR ');
        return db.$queryRawUnsafe<NameCandidate[]>(`${select} WHERE ${TABLE} MATCH ? ORDER BY s.rank LIMIT ?`, match, limit);
      }
      if (query.fragments.length === 0) return [];
      // Shorter than a trigram: a bounded scan of the index's own text (no trigram can narrow it).
      const conditions = query.fragments.map(() => `s.name LIKE ? ESCAPE '\\' OR s.company LIKE ? ESCAPE '\\'`).join(' OR ');
      const args = query.fragments.flatMap((f) => [containsPattern(f), containsPattern(f)]);
      return db.$queryRawUnsafe<NameCandidate[]>(`${select} WHERE ${conditions} LIMIT ?`, ...args, limit);
    },
  };
}

/** Name and company as one skeleton, lower-cased like FTS5's trigram tokenizer folds case. */
const PG_SKELETON = skeletonSql(`lower("name" || ' ' || coalesce("companyName", ''))`);
const PG_COLUMN = 'nameSearchSkeleton';
const PG_INDEX = `${TABLE}_${createHash('sha256').update(PG_SKELETON).digest('hex').slice(0, 8)}`;
/** Serialises concurrent starts of several instances (CREATE EXTENSION races on pg_extension's unique key). */
const PG_LOCK = 72_041_114;

async function preparePostgresIndex(db: Db): Promise<void> {
  const present = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT indexname AS name FROM pg_indexes WHERE tablename = 'Customer' AND indexname LIKE '${TABLE}%'`,
  );
  if (present.length === 1 && present[0]!.name === PG_INDEX) return;
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${PG_LOCK})`);
      await tx.$executeRawUnsafe('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      // Another instance may have built it while this one waited for the lock.
      const built = await tx.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM pg_indexes WHERE tablename = 'Customer' AND indexname = '${PG_INDEX}'`);
      if (built.length > 0) return;
      for (const { name } of present) await tx.$executeRawUnsafe(`DROP INDEX IF EXISTS "${name}"`);
      await tx.$executeRawUnsafe(`ALTER TABLE "Customer" DROP COLUMN IF EXISTS "${PG_COLUMN}"`);
      await tx.$executeRawUnsafe(`ALTER TABLE "Customer" ADD COLUMN "${PG_COLUMN}" text GENERATED ALWAYS AS (${PG_SKELETON}) STORED`);
      await tx.$executeRawUnsafe(`CREATE INDEX "${PG_INDEX}" ON "Customer" USING gin ("${PG_COLUMN}" gin_trgm_ops) WITH (fastupdate = off)`);
    },
    { timeout: 120_000 },
  );
  // Statistics of the new column, so the planner estimates its LIKEs rather than guessing.
  await db.$executeRawUnsafe('ANALYZE "Customer"');
}

/** The candidate statement on PostgreSQL and its arguments (exported so a test can EXPLAIN it). */
export function postgresCandidateQuery(query: NameQuery, limit: number): { sql: string; args: (string | number)[] } | null {
  const select = `SELECT id, name, "companyName" FROM "Customer"`;
  const like = (patterns: string[]) => patterns.map((_, i) => `"${PG_COLUMN}" LIKE $${i + 1}`);
  const pieces = [...new Set(query.trigrams)];
  if (pieces.length > 0) {
    // One bitmap index scan per piece; those sharing the most pieces first, as bm25 puts them first on SQLite.
    // The count uses strpos(), not the LIKEs again: a common piece ("ประ", "สม") makes thousands of rows
    // candidates, each counted on every piece before the top ones are kept, and strpos is a plain byte
    // search where LIKE walks its pattern (EXPLAIN ANALYZE at 20,000 customers: 18 ms -> 10 ms).
    const rank = pieces.map((_, i) => `(strpos("${PG_COLUMN}", $${pieces.length + i + 1}) > 0)::int`).join(' + ');
    return {
      sql: `${select} WHERE ${like(pieces).join(' OR ')} ORDER BY ${rank} DESC, id LIMIT $${2 * pieces.length + 1}`,
      args: [...pieces.map(containsPattern), ...pieces, limit],
    };
  }
  if (query.fragments.length === 0) return null;
  // Shorter than a trigram: no index can narrow it; a scan that stops at the limit.
  const fragments = query.fragments.map(containsPattern);
  return { sql: `${select} WHERE ${like(fragments).join(' OR ')} LIMIT $${fragments.length + 1}`, args: [...fragments, limit] };
}

function postgresIndex(db: Db): CustomerNameIndex {
  return {
    async candidates(query, limit) {
      const statement = postgresCandidateQuery(query, limit);
      return statement ? db.$queryRawUnsafe<NameCandidate[]>(statement.sql, ...statement.args) : [];
    },
  };
}

export async function openCustomerNameIndex(db: Db, provider: 'sqlite' | 'postgresql'): Promise<CustomerNameIndex> {
  if (provider === 'postgresql') {
    await preparePostgresIndex(db);
    return postgresIndex(db);
  }
  await prepareSqliteIndex(db);
  return sqliteIndex(db);
}
