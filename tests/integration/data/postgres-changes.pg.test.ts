/**
 * The LISTEN connection of server/data/postgres-changes.ts against a real PostgreSQL, through a TCP
 * proxy that can go silent: a connection dropped without a word (a NAT, a failover) sends no error,
 * only the heartbeat notices it. Until then notices are lost, so the watcher must say so (lost),
 * reconnect, say so (restored), catch up (one onChange) and announce itself once.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { postgresPoolConfig } from '../../../server/data/postgres-adapter.ts';
import { CHANGES_CHANNEL, watchPostgresChanges, type PostgresChanges } from '../../../server/data/postgres-changes.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.ts';

/** Forwards bytes to PostgreSQL; `silence()` stops forwarding on the LISTEN connections, closing nothing. */
async function silenceableProxy(target: { host: string; port: number }) {
  const links: { listener: boolean; silent: boolean; sockets: net.Socket[] }[] = [];
  let refusing = false;
  const server = net.createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    const link = { listener: false, silent: false, sockets: [client, upstream] };
    links.push(link);
    client.on('data', (chunk) => {
      // The startup message carries application_name in plain text.
      if (chunk.includes('portal-changes')) link.listener = true;
      if (!link.silent) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!link.silent) client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    silence() {
      for (const link of links) if (link.listener) link.silent = true;
    },
    /** The server unreachable: new connections are closed at once. */
    refuse(value: boolean) {
      refusing = value;
    },
    async close() {
      for (const link of links) for (const socket of link.sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

let database: TestDatabase;
let proxy: Awaited<ReturnType<typeof silenceableProxy>>;
let other: pg.Client;
let watcher: PostgresChanges;
const events: string[] = [];
const errors: string[] = [];
const heardByOther: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const direct = postgresPoolConfig(database.url!);
  proxy = await silenceableProxy({ host: String(direct.host), port: Number(direct.port) });
  // Another instance, connected directly: it sends notices and hears this watcher's.
  other = new pg.Client(direct);
  await other.connect();
  await other.query(`LISTEN ${CHANGES_CHANNEL}`);
  other.on('notification', (message) => {
    if (message.payload !== 'other-instance') heardByOther.push(message.payload ?? '');
  });
  watcher = await watchPostgresChanges(
    { ...direct, host: '127.0.0.1', port: proxy.port },
    () => {
      events.push('change');
    },
    (error) => errors.push(error.message),
    { lost: () => events.push('lost'), restored: () => events.push('restored'), heartbeatMs: 150, reconnectMs: 100 },
  );
});
afterAll(async () => {
  await watcher?.stop();
  await other?.end();
  await proxy?.close();
  await database?.drop();
});

const notifyFromOther = () => other.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, 'other-instance']);

describe('the LISTEN connection of an instance', () => {
  it('hears another instance commit, and announces itself once when it starts listening', async () => {
    await expect.poll(() => heardByOther.length, { timeout: 1000, interval: 20 }).toBe(1);
    await notifyFromOther();
    await expect.poll(() => events, { timeout: 1000, interval: 20 }).toEqual(['change']);
  });

  it('notices a connection gone silent by its heartbeat, stops trusting, and after reconnecting catches up, announces and hears again', async () => {
    events.length = 0;
    const announcedBefore = heardByOther.length;
    proxy.silence();
    await notifyFromOther(); // lost: the silent connection never delivers it
    await expect.poll(() => events, { timeout: 2000, interval: 20 }).toEqual(['lost', 'restored', 'change']);
    // One announcement after the reconnect covers what this instance may have committed meanwhile.
    await expect.poll(() => heardByOther.length, { timeout: 1000, interval: 20 }).toBe(announcedBefore + 1);
    await notifyFromOther();
    await expect.poll(() => events, { timeout: 1000, interval: 20 }).toEqual(['lost', 'restored', 'change', 'change']);
  });

  it('keeps trying to listen again while the server cannot be reached', async () => {
    events.length = 0;
    errors.length = 0;
    proxy.refuse(true);
    proxy.silence();
    await expect.poll(() => events, { timeout: 2000, interval: 20 }).toEqual(['lost']);
    // Several failed attempts, each reported; still not listening.
    await expect.poll(() => errors.length, { timeout: 2000, interval: 20 }).toBeGreaterThanOrEqual(3);
    expect(events).toEqual(['lost']);
    proxy.refuse(false);
    await expect.poll(() => events, { timeout: 2000, interval: 20 }).toEqual(['lost', 'restored', 'change']);
    await notifyFromOther();
    await expect.poll(() => events, { timeout: 1000, interval: 20 }).toEqual(['lost', 'restored', 'change', 'change']);
  });
});
