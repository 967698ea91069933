/**
 * A database handle bound to a transaction that is already open: `$transaction(fn)` runs `fn` on
 * that same transaction instead of opening another one. It lets a caller wrap a whole use case
 * (which opens its own transaction, as every use case does) in a larger unit of work, so that
 * something the caller writes commits or rolls back together with the use case's change — the
 * idempotency record of a money request (services/idempotent-request.ts). SQLite cannot nest
 * transactions, and with one serialised connection (serialized-sqlite.ts) a second one would wait
 * for the first forever.
 */
import type { Db, Tx } from './database.ts';

export function joinTransaction(tx: Tx): Db {
  const join = (work: unknown) => (typeof work === 'function' ? (work as (t: Tx) => Promise<unknown>)(tx) : Promise.all(work as Promise<unknown>[]));
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === '$transaction') return join;
      return Reflect.get(target, prop, receiver);
    },
  }) as unknown as Db;
}
