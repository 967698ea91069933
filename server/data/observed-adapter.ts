/**
 * Lets a caller see every statement the application sends, with its number of bound values, by
 * wrapping the driver adapter. Used by tests that prove no query grows with a customer's history
 * (SQLite refuses more than 999 bound values per statement through Prisma, PostgreSQL 32,767).
 */
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery } from '@prisma/driver-adapter-utils';

export type QueryObserver = (query: { sql: string; boundValues: number }) => void;

interface Queryable {
  queryRaw(q: SqlQuery): Promise<unknown>;
  executeRaw(q: SqlQuery): Promise<unknown>;
}

/** The same object, with its two statement methods reporting first (a proxy keeps optional members as they are). */
function observing<T extends Queryable>(inner: T, observe: QueryObserver, extra: (prop: string | symbol) => unknown = () => undefined): T {
  const report = (q: SqlQuery) => observe({ sql: q.sql, boundValues: q.args.length });
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'queryRaw' || prop === 'executeRaw') {
        return (q: SqlQuery) => {
          report(q);
          return target[prop](q);
        };
      }
      const replaced = extra(prop);
      if (replaced !== undefined) return replaced;
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function observedConnection(inner: SqlDriverAdapter, observe: QueryObserver): SqlDriverAdapter {
  return observing(inner, observe, (prop) =>
    prop === 'startTransaction'
      ? async (...args: Parameters<SqlDriverAdapter['startTransaction']>) => observing(await inner.startTransaction(...args), observe)
      : undefined,
  );
}

export function observedAdapter(factory: SqlDriverAdapterFactory, observe: QueryObserver | undefined): SqlDriverAdapterFactory {
  if (!observe) return factory;
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => observedConnection(await factory.connect(), observe),
  };
}
