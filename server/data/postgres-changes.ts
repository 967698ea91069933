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
 * Notices are lost while the LISTEN connection is down, so `lost()` is called the moment it
 * drops or misses a heartbeat (callers stop trusting their caches), and after reconnecting
 * `restored()` then `onChange()` (caches bumped, missed stage moves looked up). Announcements
 * that could not be sent meanwhile are covered by the one every (re)connect sends.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { PoolConfig } from 'pg';

export const CHANGES_CHANNEL = 'portal_changes';
const RECONNECT_MS = 1_000;
const HEARTBEAT_MS = 5_000;

export interface PostgresChanges {
  /** Call after a commit that others must see; several calls in a burst send one or two notices. */
  announce(): void;
  stop(): Promise<void>;
}

export interface WatchOptions {
  /** The LISTEN connection dropped: notices may be lost until restored(). */
  lost?(): void;
  /** Listening again (called before the catch-up onChange). */
  restored?(): void;
  /**
   * A connection can die without a word (a NAT or failover silently dropping it); then notices
   * stop with no error. So it proves itself alive this often, and counts as dropped when the
   * answer takes longer than this.
   */
  heartbeatMs?: number;
  reconnectMs?: number;
}

export async function watchPostgresChanges(
  config: PoolConfig,
  onChange: () => void | Promise<void>,
  onError: (error: Error) => void = () => {},
  options: WatchOptions = {},
): Promise<PostgresChanges> {
  const { lost = () => {}, restored = () => {}, heartbeatMs = HEARTBEAT_MS, reconnectMs = RECONNECT_MS } = options;
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
          restored();
          handle();
        },
        (error: Error) => {
          onError(error);
          reconnectLater();
        },
      );
    }, reconnectMs);
    retry.unref();
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ ...config, application_name: 'portal-changes', keepAlive: true });
    let heartbeat: NodeJS.Timeout | null = null;
    // 'error', 'end' and a missed heartbeat may all come, in any order: the first one counts.
    const dropped = (error?: Error) => {
      if (heartbeat) clearInterval(heartbeat);
      // With a query in flight (a heartbeat nobody answers) end() destroys the socket.
      next.end().catch(() => undefined);
      // Not (or no longer) the listening connection: failed connects are reported by connect().
      if (client !== next) return;
      if (error) onError(error);
      client = null;
      lost();
      reconnectLater();
    };
    // From the start: an 'error' without a listener would crash the process.
    next.on('error', dropped);
    next.on('end', () => dropped());
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
    client = next;
    let answering = false;
    heartbeat = setInterval(() => {
      if (client !== next) {
        if (heartbeat) clearInterval(heartbeat);
        return;
      }
      if (answering) return;
      answering = true;
      const late = setTimeout(() => dropped(new Error(`no answer to a heartbeat within ${heartbeatMs} ms`)), heartbeatMs);
      next
        .query('SELECT 1')
        .catch(() => undefined)
        .finally(() => {
          clearTimeout(late);
          answering = false;
        });
    }, heartbeatMs);
    heartbeat.unref();
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
