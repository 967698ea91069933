/**
 * `npm start`'s entry point, spawned as a process: the data folder and every file in it are
 * private (0700 / 0600, also tightening what an older version left world-readable), demo tokens
 * reach stdout only on the run that seeds the demo, `npm run demo:links` prints them on purpose,
 * and an unusable DATA_DIR stops with one line naming it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TOKEN_URL = /\/c\/[A-Za-z0-9_-]{20,}/g;

let root: string;
let dataDir: string;
const children = new Set<ChildProcess>();

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'portal-start-'));
  dataDir = path.join(root, 'data');
});
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

function run(entry: string, env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, entry), ...args], {
    cwd: ROOT,
    // The test runner's umask (usually 022) on purpose: the entry point must not depend on it.
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  return { child, exit, out: () => stdout, err: () => stderr };
}

/** Starts the server, waits for its banner, runs `whileUp`, then stops it with SIGTERM. */
async function startServer(dir: string, whileUp: (banner: string) => Promise<void> = async () => {}): Promise<string> {
  const server = run('server/main.ts', { DATA_DIR: dir });
  const deadline = Date.now() + 90_000;
  while (!/Client portal running at[\s\S]*\n\n/.test(server.out())) {
    if (Date.now() > deadline || server.child.exitCode !== null) throw new Error(`server did not start:\n${server.out()}\n${server.err()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await whileUp(server.out());
  server.child.kill('SIGTERM');
  expect(await server.exit).toBe(0);
  return server.out();
}

const mode = (p: string) => statSync(p).mode & 0o777;

function everything(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? [full, ...everything(full)] : [full];
  });
}

describe('npm start', () => {
  it('keeps DATA_DIR private: folders 0700, database, -wal, -shm, secrets and stored PDFs 0600', { timeout: 180_000 }, async () => {
    // What an earlier version left behind: a world-readable folder, database and stored PDF.
    mkdirSync(path.join(dataDir, 'documents', 'invoice'), { recursive: true, mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(path.join(dataDir, 'portal.db'), '', { mode: 0o644 });
    writeFileSync(path.join(dataDir, 'documents', 'invoice', 'old.pdf'), '%PDF-1.4', { mode: 0o644 });

    const whileRunning: Record<string, number> = {};
    await startServer(dataDir, async (banner) => {
      const base = /Client portal running at (\S+)/.exec(banner)![1]!;
      const key = /Bearer ([A-Za-z0-9_-]+)\)/.exec(banner)![1]!;
      const db = new Database(path.join(dataDir, 'portal.db'), { readonly: true });
      const receipt = db.prepare('SELECT id FROM Receipt LIMIT 1').get() as { id: string };
      const pdf = await fetch(`${base}/api/admin/documents/receipt.${receipt.id}`, { headers: { authorization: `Bearer ${key}` } });
      expect(pdf.status).toBe(200);
      // Stored PDFs live in the database (the default blob store), private with it.
      const stored = db.prepare("SELECT COUNT(*) AS n FROM Blob WHERE key LIKE 'documents/receipt/' || ? || '.%'").get(receipt.id) as { n: number };
      db.close();
      expect(stored.n).toBe(1);
      for (const name of ['portal.db', 'portal.db-wal', 'portal.db-shm']) whileRunning[name] = mode(path.join(dataDir, name));
    });

    expect(whileRunning).toEqual({ 'portal.db': 0o600, 'portal.db-wal': 0o600, 'portal.db-shm': 0o600 });

    expect(mode(dataDir)).toBe(0o700);
    const files = everything(dataDir);
    expect(files.map((f) => path.relative(dataDir, f))).toEqual(
      expect.arrayContaining(['portal.db', 'secrets.json', 'demo.json', 'documents/invoice/old.pdf']),
    );
    for (const file of files) expect(mode(file), path.relative(dataDir, file)).toBe(statSync(file).isDirectory() ? 0o700 : 0o600);
  });

  it('prints demo tokens on the run that seeds the demo, and never on a restart', { timeout: 180_000 }, async () => {
    const demoDir = path.join(root, 'demo');
    const firstRun = await startServer(demoDir);
    expect(firstRun).toContain('Demo portal links');
    expect(firstRun.match(TOKEN_URL)).toHaveLength(5);
    const db = new Database(path.join(demoDir, 'portal.db'));
    // Links the seed issued. Payment reminders (09:00–20:00 Bangkok only) may issue their own links
    // on either run: a restart that sends the demo's overdue reminders is the product working.
    const DEMO_LINKS = "SELECT COUNT(*) AS n FROM PortalLink WHERE createdBy IS NOT 'reminders'";
    const links = () => (db.prepare(DEMO_LINKS).get() as { n: number }).n;
    // Staff revoke one demo customer's links before the restart.
    const somchai = (db.prepare("SELECT id FROM Customer WHERE name = 'คุณสมชาย ใจดี'").get() as { id: string }).id;
    db.prepare('UPDATE PortalLink SET revokedAt = ? WHERE customerId = ?').run(Date.now(), somchai);
    const before = links();
    db.close();

    const secondRun = await startServer(demoDir);
    expect(secondRun).not.toMatch(TOKEN_URL);
    expect(secondRun).toContain('npm run demo:links');
    const after = new Database(path.join(demoDir, 'portal.db'), { readonly: true });
    expect((after.prepare(DEMO_LINKS).get() as { n: number }).n).toBe(before);
    after.close();

    const reprint = run('scripts/demo-links.ts', { DATA_DIR: demoDir });
    expect(await reprint.exit).toBe(0);
    expect(reprint.out().match(TOKEN_URL)).toHaveLength(4);
    expect(reprint.out()).toMatch(/คุณสมชาย ใจดี .*: \(no link: revoked by staff; run again with --reissue-revoked/);
  });
});

describe('an unusable DATA_DIR', () => {
  it('stops with one line naming DATA_DIR and the path, no stack trace', { timeout: 60_000 }, async () => {
    const file = path.join(root, 'not-a-folder');
    writeFileSync(file, 'x');
    const bad = path.join(file, 'data');
    const server = run('server/main.ts', { DATA_DIR: bad });
    expect(await server.exit).toBe(1);
    const lines = server.err().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('DATA_DIR');
    expect(lines[0]).toContain(bad);
    expect(server.err()).not.toMatch(/\n\s+at /);
    expect(server.out()).toBe('');
  });
});

describe('a port already in use', () => {
  it('stops with one line naming the address, no stack trace', { timeout: 90_000 }, async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const server = run('server/main.ts', { DATA_DIR: path.join(root, 'port-in-use'), PORT: String(port) });
      expect(await server.exit).toBe(1);
      const lines = server.err().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`127.0.0.1:${port}`);
      expect(lines[0]).toMatch(/PORT/);
      expect(server.err()).not.toMatch(/\n\s+at /);
    } finally {
      taken.close();
    }
  });
});
