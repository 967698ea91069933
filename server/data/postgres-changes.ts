/**
 * PostgreSQL's counterpart of external-writes.ts: instances on one database tell each other "I
 * committed a change" with NOTIFY on one channel, and LISTEN for the others'. A listener then does
 * what SQLite's data_version poll triggers: drops its caches' version and looks for stage changes
 * and revocations (StageChangeFeed). The payload is only the sender's id (its own notices are
 * ignored); what changed is read from the tables.
 *
 * Order: a notice is sent AFTER the write has committed (change-tracker.ts calls announce() once the
 * statement or transaction has resolved), so whoever receives it and reads then sees the write; a
 * cache entry built from older data carries the version read before its load, which the notice
 * has moved on. (NOTIFY inside the transaction would be delivered at commit too, but the tracker
 * sees Prisma calls, not transactions, and would have to wrap every single write in one.) What
 * after-commit cannot cover is a crash between commit and notice: every instance therefore
 * announces once when it starts listening, so a restarted instance clears what it left unsaid.
 *
 * Notices are lost while the LISTEN connection is down, so `connection.lost()` is called the
 * moment it drops (callers stop trusting their caches), and after reconnecting `connection.restored()`
 * then `onChange()` (caches bumped, missed stage moves looked up). Announcements that could not be
 * sent meanwhile are covered by the one every (re)connect sends.
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

export interface ListeningState {
  /** The LISTEN connection dropped: notices may be lost until restored(). */
  lost(): void;
  /** Listening again (called before the catch-up onChange). */
  restored(): void;
}

export async function watchPostgresChanges(
  config: PoolConfig,
  onChange: () => void | Promise<void>,
  onError: (error: Error) => void = () => {},
  connection: ListeningState = { lost: () => {}, restored: () => {} },
): Promise<PostgresChanges> {
  const instanceId = randomUUID();
  let client: pg.Client | null = null;
  let stopped = false;
  let sending = false;
  let again = false;
  let retry: NodeJS.Timeout | null = null;
  let handling: Promise<void> = Promise.resolve();
  const handle = () => {
    handling = handling.then(onChange).catch((error: Error) => onError(error));
  };

  const send = async (): Promise<void> => {
    if (sending) {
      again = true;
      return;
    }
    sending = true;
    try {
      do {
        again = false;
        // Down: nothing to send through; the reconnect announces (see connect()).
        await client?.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, instanceId]).catch((error: Error) => onError(error));
      } while (again && !stopped);
    } finally {
      sending = false;
    }
  };

  const reconnectLater = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect().then(
        () => {
          if (stopped) return;
          connection.restored();
          handle();
        },
        (error: Error) => {
          onError(error);
          reconnectLater();
        },
      );
    }, RECONNECT_MS);
    retry.unref();
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ ...config, application_name: 'portal-changes', keepAlive: true });
    // 'error' and 'end' may both come, and either may come first: the first one counts.
    const dropped = (error?: Error) => {
      if (error) onError(error);
      next.end().catch(() => undefined);
      if (client !== next) return;
      client = null;
      connection.lost();
      reconnectLater();
    };
    next.on('notification', (message) => {
      if (message.channel !== CHANGES_CHANNEL || message.payload === instanceId) return;
      handle();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      next.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await next.end();
      return;
    }
    next.on('error', dropped);
    next.on('end', () => dropped());
    client = next;
    // Writes committed while down, or just before an earlier life of this instance crashed, may be
    // unannounced: one notice on every (re)connect covers them.
    void send();
  };
  await connect();

  return {
    announce() {
      if (!stopped) void send();
    },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
      await handling;
    },
  };
}
