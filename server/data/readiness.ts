/**
 * `/readyz`: may this instance take traffic? Only when its database answers and has every
 * committed migration of its provider (an instance of a newer version waits for its migrations;
 * one of an older version keeps serving). `/healthz` only says the process is up.
 */
import { pendingMigrations, type Db } from './database.ts';
import type { DatabaseProvider } from './schema-engine.ts';

export type Readiness = { ready: true } | { ready: false; reason: 'database unreachable' | 'migrations pending' | 'shutting down'; detail?: string[] };

export function databaseReadiness(db: Db, provider: DatabaseProvider): { check(): Promise<Readiness>; shuttingDown(): void } {
  let closing = false;
  return {
    shuttingDown: () => {
      closing = true;
    },
    async check() {
      if (closing) return { ready: false, reason: 'shutting down' };
      let pending: string[];
      try {
        pending = await pendingMigrations(db, provider);
      } catch {
        return { ready: false, reason: 'database unreachable' };
      }
      return pending.length > 0 ? { ready: false, reason: 'migrations pending', detail: pending } : { ready: true };
    },
  };
}
