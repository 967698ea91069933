/**
 * SIGTERM on `npm start` (server/main.ts), on the database of the project (SQLite, or PostgreSQL
 * in integration-pg): /readyz is up before, open live streams end at once (browsers reconnect
 * elsewhere), the process exits 0 on its own, and no outbox lease is left behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.ts';
import { openDatabase } from '../../../server/data/database.ts';
import { readStreamToEnd } from '../../helpers/sse.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let dir: string;
let database: TestDatabase;
let child: ChildProcess | undefined;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'portal-shutdown-'));
  database = await createTestDatabase();
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('graceful shutdown', () => {
  it('on SIGTERM ends live streams, finishes, releases every lease and exits 0', { timeout: 120_000 }, async () => {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      DATA_DIR: dir,
    };
    if (database.url) env.DATABASE_URL = database.url;
    child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const exit = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 90_000;
    while (!/Client portal running at[\s\S]*\n\n/.test(out)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const base = /Client portal running at (http:\/\/\S+)/.exec(out)![1]!.replace('localhost', '127.0.0.1');
    const token = /\/c\/([A-Za-z0-9_-]{20,})/.exec(out)![1]!;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const stream = await fetch(`${base}/api/portal/${token}/events`);
    expect(stream.status).toBe(200);

    const signalled = Date.now();
    child.kill('SIGTERM');
    expect((await readStreamToEnd(stream.body!, 3000)).ended).toBe(true);
    expect(await exit).toBe(0);
    // Well inside the 10 s cut-off: nothing had to be cut.
    expect(Date.now() - signalled).toBeLessThan(8000);
    expect(out).toMatch(/shutting down[\s\S]*stopped/);

    const db = await openDatabase({ databaseUrl: database.url ?? `file:${path.join(dir, 'portal.db')}`, migrate: false });
    try {
      expect(await db.outboxMessage.count({ where: { lockedBy: { not: null } } })).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });
});
