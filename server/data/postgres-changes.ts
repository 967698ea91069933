/**
 * PostgreSQL's counterpart of external-writes.ts: instances on one database tell each other "I
 * committed a change" with NOTIFY on one channel, and LISTEN for the others'. A listener then does
 * what SQLite's data_version poll triggers: drops its caches' version and looks for stage changes
 * and revocations (StageChangeFeed). The payload is only the sender's id (its own notices are
 * ignored); what changed is read from the tables, so a lost notice delays nothing beyond the next one.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { PoolConfig } from 'pg';

export const CHANGES_CHANNEL = 'portal_changes';
const RECONNECT_MS = 1_000;

export interface PostgresChanges {
  /** Call after a commit that others must see; several calls in a burst send one or two notices. */
  announce(): void;
  stop(): Promise<void>;
}

export async function watchPostgresChanges(
  config: PoolConfig,
  onChange: () => void | Promise<void>,
  onError: (error: Error) => void = () => {},
): Promise<PostgresChanges> {
  const instanceId = randomUUID();
  let client: pg.Client | null = null;
  let stopped = false;
  let sending = false;
  let again = false;
  let handling: Promise<void> = Promise.resolve();

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ ...config, application_name: 'portal-changes' });
    next.on('notification', (message) => {
      if (message.channel !== CHANGES_CHANNEL || message.payload === instanceId) return;
      handling = handling.then(onChange).catch((error: Error) => onError(error));
    });
    next.on('error', (error) => {
      onError(error);
      if (client === next) client = null;
      next.end().catch(() => undefined);
      if (!stopped) setTimeout(() => void connect().catch(onError), RECONNECT_MS).unref();
    });
    await next.connect();
    await next.query(`LISTEN ${CHANGES_CHANNEL}`);
    if (stopped) {
      await next.end();
      return;
    }
    client = next;
  };
  await connect();

  const send = async (): Promise<void> => {
    sending = true;
    try {
      do {
        again = false;
        await client?.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, instanceId]).catch((error: Error) => onError(error));
      } while (again && !stopped);
    } finally {
      sending = false;
    }
  };

  return {
    announce() {
      if (stopped) return;
      if (sending) again = true;
      else void send();
    },
    async stop() {
      stopped = true;
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
      await handling;
    },
  };
}
