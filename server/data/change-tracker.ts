/**
 * Counts committed writes so read models (the portal view cache) know when they are stale.
 * The counter is bumped AFTER a top-level write or a whole transaction has finished, so a reader
 * that cached data under version v never holds pre-commit data once v is current.
 * Only writes through the returned client count; bookkeeping (activity log) uses the plain one.
 */
import type { Db } from './database.ts';

const WRITE_METHODS = new Set(['create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany']);
const RAW_WRITES = new Set(['$executeRaw', '$executeRawUnsafe', '$transaction']);

export interface ChangeTracker {
  /** The client to use for everything that changes what clients see. */
  db: Db;
  version(): number;
  /** For writes this process did not make (another process on the same database). */
  bump(): void;
  /**
   * Other processes' writes may go unnoticed from now on (PostgreSQL: the LISTEN connection is
   * down): until trust(), every read of the version is a new version, so no cache serves anything.
   */
  distrust(): void;
  /** Noticed again from now on; a bump covers what was missed meanwhile. */
  trust(): void;
}

/** `afterWrite` runs after each counted write has committed (PostgreSQL: tell the other instances). */
export function trackWrites(db: Db, afterWrite: () => void = () => {}): ChangeTracker {
  let version = 0;
  let trusted = true;
  const counted = () => {
    version++;
    afterWrite();
  };
  const bumpAfter = <T>(result: T): T => {
    if (result && typeof (result as { then?: unknown }).then === 'function') {
      return (result as unknown as Promise<unknown>).then((value) => {
        counted();
        return value;
      }) as T;
    }
    counted();
    return result;
  };
  const delegateProxies = new Map<PropertyKey, unknown>();
  const tracked = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop === 'string' && RAW_WRITES.has(prop) && typeof value === 'function') {
        return (...args: unknown[]) => bumpAfter((value as (...a: unknown[]) => unknown).apply(target, args));
      }
      if (typeof prop === 'string' && !prop.startsWith('$') && value && typeof value === 'object') {
        let proxy = delegateProxies.get(prop);
        if (!proxy) {
          proxy = new Proxy(value as object, {
            get(delegate, method, r) {
              const fn = Reflect.get(delegate, method, r);
              if (typeof method === 'string' && WRITE_METHODS.has(method) && typeof fn === 'function') {
                return (...args: unknown[]) => bumpAfter((fn as (...a: unknown[]) => unknown).apply(delegate, args));
              }
              return fn;
            },
          });
          delegateProxies.set(prop, proxy);
        }
        return proxy;
      }
      return value;
    },
  });
  return {
    db: tracked as Db,
    version: () => (trusted ? version : ++version),
    bump: () => {
      version++;
    },
    distrust: () => {
      trusted = false;
    },
    trust: () => {
      trusted = true;
      version++;
    },
  };
}
