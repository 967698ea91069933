/**
 * One process both acknowledges LINE webhooks (LINE waits for the 200) and handles the events
 * afterwards (nobody waits on a particular one). Handling runs as background work: before each
 * statement it starts, it gives the event loop a turn (on SQLite a statement completes as a
 * microtask, so a handler's statements would otherwise run back to back while incoming requests
 * wait unread) and then waits until the acknowledgements in progress are answered, so that
 * they have the process — and on SQLite the connection — to themselves. Statements inside
 * an open transaction are not held back: the transaction would hold its connection meanwhile.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';

const backgroundWork = new AsyncLocalStorage<true>();

export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  // Awaited inside: a Prisma query is lazy and would otherwise start when awaited, outside the mark.
  return backgroundWork.run(true, async () => await work());
}

/** Acknowledgements in progress, by the order they started in. */
const urgentInProgress = new Set<number>();
let lastUrgent = 0;
/** Background work waiting for every acknowledgement up to `upTo` to be over. */
let waiting: { upTo: number; resume: () => void }[] = [];

/** Marks work someone is waiting for (an acknowledgement) as in progress; call the result when it is over. */
export function urgentWorkStarted(): () => void {
  const id = ++lastUrgent;
  urgentInProgress.add(id);
  return () => {
    if (!urgentInProgress.delete(id)) return;
    const oldest = urgentInProgress.size > 0 ? Math.min(...urgentInProgress) : Number.POSITIVE_INFINITY;
    const due = waiting.filter((w) => w.upTo < oldest);
    waiting = waiting.filter((w) => w.upTo >= oldest);
    for (const w of due) w.resume();
  };
}

/** How many acknowledgements are in progress (tests, diagnostics). */
export function urgentWorkInProgress(): number {
  return urgentInProgress.size;
}

/**
 * Waits for the acknowledgements in progress now, not for those that start meanwhile: under a
 * steady stream of webhooks, handling still moves on (LINE's reply tokens do not wait forever).
 */
async function backgroundTurn(): Promise<void> {
  if (!backgroundWork.getStore()) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (urgentInProgress.size === 0) return;
  const upTo = lastUrgent;
  await new Promise<void>((resolve) => waiting.push({ upTo, resume: resolve }));
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
