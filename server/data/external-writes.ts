/**
 * Notices commits made by OTHER connections to the same SQLite file (a web instance next to
 * `npm run worker`). SQLite's `PRAGMA data_version` changes exactly then; polling it every
 * 100 ms keeps in-process caches and live updates within ~0.1 s of the other process's writes.
 */
import type { Db } from './database.ts';

export function watchExternalWrites(db: Db, onChange: () => void | Promise<void>, intervalMs = 100): { stop(): void } {
  let last: number | null = null;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    db.$queryRawUnsafe<{ data_version: number | bigint }[]>('PRAGMA data_version')
      .then(async (rows) => {
        const version = Number(rows[0]?.data_version ?? 0);
        if (last !== null && version !== last) await onChange();
        last = version;
      })
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
