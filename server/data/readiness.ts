/**
 * `/readyz`: may this instance take traffic? Only when its database answers and has every
 * committed migration of its provider (an instance of a newer version waits for its migrations;
 * one of an older version keeps serving). `/healthz` only says the process is up.
 */
import { pendingMigrations, type Db } from './database.ts';
import type { DatabaseProvider } from './schema-engine.ts';

const PROBE_TIMEOUT_MS = 3_000;

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
      let timer: NodeJS.Timeout | undefined;
      // A database that does not answer must not hang the probe: the load balancer wants a "no".
      const tooSlow = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS);
      });
      try {
        pending = await Promise.race([pendingMigrations(db, provider), tooSlow]);
      } catch {
        return { ready: false, reason: 'database unreachable' };
      } finally {
        clearTimeout(timer);
      }
      return pending.length > 0 ? { ready: false, reason: 'migrations pending', detail: pending } : { ready: true };
    },
  };
}
