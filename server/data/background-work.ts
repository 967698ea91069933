/**
 * One process both acknowledges LINE webhooks (LINE waits for the 200) and handles the events
 * afterwards (nobody waits on a particular one). Handling runs as background work: before each
 * statement it starts, it gives the event loop a turn (on SQLite a statement completes as a
 * microtask, so a handler's statements would otherwise run back to back while incoming requests
 * wait unread) and then waits while any acknowledgement is in progress, so that the
 * acknowledgement has the process — and on SQLite the connection — to itself. Statements inside
 * an open transaction are not held back: the transaction would hold its connection meanwhile.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';

const backgroundWork = new AsyncLocalStorage<true>();

export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  // Awaited inside: a Prisma query is lazy and would otherwise start when awaited, outside the mark.
  return backgroundWork.run(true, async () => await work());
}

let urgentInProgress = 0;
let whenNoneUrgent: (() => void)[] = [];

/** Marks work someone is waiting for (an acknowledgement) as in progress; call the result when it is over. */
export function urgentWorkStarted(): () => void {
  urgentInProgress++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    urgentInProgress--;
    if (urgentInProgress === 0) {
      const waiting = whenNoneUrgent;
      whenNoneUrgent = [];
      for (const resume of waiting) resume();
    }
  };
}

/** How many acknowledgements are in progress (tests, diagnostics). */
export function urgentWorkInProgress(): number {
  return urgentInProgress;
}

async function backgroundTurn(): Promise<void> {
  if (!backgroundWork.getStore()) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  while (urgentInProgress > 0) await new Promise<void>((resolve) => whenNoneUrgent.push(resolve));
}

function yieldingConnection(inner: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'queryRaw' || prop === 'executeRaw' || prop === 'startTransaction' || prop === 'executeScript') {
        const method = Reflect.get(target, prop, receiver) as (...args: unknown[]) => Promise<unknown>;
        return async (...args: unknown[]) => {
          await backgroundTurn();
          return method.apply(target, args);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The adapter, with background work held back as described above (outermost: SQLite's lock is taken after the wait). */
export function yieldingToUrgentWork(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => yieldingConnection(await factory.connect()),
  };
}
