/**
 * One SQLite connection, used safely by concurrent requests.
 *
 * The better-sqlite3 driver adapter keeps a single connection and queues interactive transactions
 * behind a mutex, but lets plain queries through at any time. A query from another request that
 * arrives while a transaction is open runs INSIDE that transaction: it reads uncommitted data, and
 * its writes vanish if the transaction rolls back (found in review; see the test
 * tests/integration/admin/transaction-isolation.test.ts). This wrapper makes every plain query wait
 * for the open transaction to finish, so each transaction is isolated from everything else.
 * SQLite serialises writers anyway; transactions here are short and never wait on the network.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

/**
 * Work marked with firstInLine() (recording a LINE webhook before its 200) is served before
 * everything already waiting for the connection: LINE wants its acknowledgement within a
 * moment, while the handling queued before it can wait one statement longer.
 */
const firstInLineWork = new AsyncLocalStorage<true>();

export function firstInLine<T>(work: () => Promise<T>): Promise<T> {
  return firstInLineWork.run(true, work);
}

/** A lock with two queues: work marked firstInLine() goes ahead of the ordinary FIFO queue. */
class Lock {
  #held = false;
  readonly #first: (() => void)[] = [];
  readonly #rest: (() => void)[] = [];

  acquire(): Promise<() => void> {
    const release = () => {
      const next = this.#first.shift() ?? this.#rest.shift();
      if (next) next();
      else this.#held = false;
    };
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve(once(release));
    }
    const queue = firstInLineWork.getStore() ? this.#first : this.#rest;
    return new Promise((resolve) => queue.push(() => resolve(once(release))));
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      fn();
    }
  };
}

function isolatedTransaction(tx: Transaction, release: () => void): Transaction {
  let done = false;
  const finish = () => {
    if (!done) {
      done = true;
      release();
    }
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (q: SqlQuery) => tx.queryRaw(q),
    executeRaw: (q: SqlQuery) => tx.executeRaw(q),
    commit: async () => {
      try {
        await tx.commit();
      } finally {
        finish();
      }
    },
    rollback: async () => {
      try {
        await tx.rollback();
      } finally {
        finish();
      }
    },
    ...(tx.createSavepoint ? { createSavepoint: (n: string) => tx.createSavepoint!(n) } : {}),
    ...(tx.rollbackToSavepoint ? { rollbackToSavepoint: (n: string) => tx.rollbackToSavepoint!(n) } : {}),
    ...(tx.releaseSavepoint ? { releaseSavepoint: (n: string) => tx.releaseSavepoint!(n) } : {}),
  };
}

function serialized(inner: SqlDriverAdapter): SqlDriverAdapter {
  const lock = new Lock();
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (q) => lock.run(() => inner.queryRaw(q)),
    executeRaw: (q) => lock.run(() => inner.executeRaw(q)),
    executeScript: (s) => lock.run(() => inner.executeScript(s)),
    startTransaction: async (isolationLevel?: IsolationLevel) => {
      const release = await lock.acquire();
      try {
        return isolatedTransaction(await inner.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
    ...(inner.getConnectionInfo ? { getConnectionInfo: () => inner.getConnectionInfo!() } : {}),
    dispose: () => inner.dispose(),
  };
}

export function serializedSqlite(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => serialized(await factory.connect()),
  };
}
