/**
 * Where work that someone outside is waiting for runs — recording a LINE webhook before its 200 —
 * so that it never queues behind handling and deliveries. SQLite has one connection: the work
 * goes ahead of everything waiting for it (firstInLine, serialized-sqlite.ts). PostgreSQL has a
 * pool that handling, outbox deliveries and portal requests can fill: the work gets a small pool
 * of its own (its connections open on first use, so a worker process that records nothing opens none).
 */
import { isPostgresUrl, openDatabase, type Db } from './database.ts';
import { firstInLine } from './serialized-sqlite.ts';

/** Two: one recording at a time is the usual case; a second keeps a slow insert from holding up the next. */
export const FIRST_IN_LINE_CONNECTIONS = 2;

export interface FirstInLineLane {
  run<T>(work: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openFirstInLineLane(db: Db, databaseUrl: string): Promise<FirstInLineLane> {
  if (!isPostgresUrl(databaseUrl)) return { run: (work) => firstInLine(() => work(db)), close: async () => {} };
  const own = await openDatabase({ databaseUrl, migrate: false, poolSize: FIRST_IN_LINE_CONNECTIONS });
  return { run: (work) => work(own), close: () => own.$disconnect() };
}
