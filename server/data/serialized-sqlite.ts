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
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

/** A minimal FIFO lock. */
class Lock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => released);
    return acquired;
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
