/**
 * Builds the real application (same composition root as `npm start`) on a fresh database (a
 * SQLite file in its own temp directory, or a PostgreSQL database in the integration-pg project:
 * tests/helpers/test-database.ts), with a manual clock. Integration tests talk to it over real HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loadConfig } from '../../server/config/config.ts';
import { buildApplication, type Application, type Overrides } from '../../server/composition.ts';
import { ManualClock } from '../../server/services/ports.ts';
import { createLogger } from '../../server/logger.ts';
import { adminClient, type AdminClient } from './admin-client.ts';
import { createTestDatabase } from './test-database.ts';

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface TestApp extends Application, AdminClient {
  baseUrl: string;
  clock: ManualClock;
  dataDir: string;
  logLines: string[];
  /**
   * fetch against the app with the admin key, untyped: for requests the schemas would not allow
   * (bad input, unknown paths). Everything else: the typed `adminOp` / `adminOk` (by operationId).
   */
  admin(method: string, urlPath: string, body?: unknown): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

export async function startTestApp(opts: { env?: Record<string, string>; now?: string; overrides?: Overrides } = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portal-test-'));
  // A second app on the database of the first one (two processes) passes its DATABASE_URL.
  const database = opts.env?.DATABASE_URL ? { url: undefined, drop: async () => {} } : await createTestDatabase();
  const config = loadConfig({
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    ADMIN_API_KEY: TEST_ADMIN_KEY,
    LINK_SECRET: 'test-link-secret-0123456789abcdef0123456789',
    PUBLIC_URL: 'https://portal.example.test',
    LOG_LEVEL: 'debug',
    OUTBOX_POLL_MS: '50',
    RUN_WORKERS: 'false',
    ...opts.env,
  });
  const clock = new ManualClock(opts.now ?? '2026-11-25T03:00:00.000Z');
  const logLines: string[] = [];
  const logger = createLogger('debug', (line) => logLines.push(line));
  const application = await buildApplication(config, { clock, logger, ...opts.overrides });
  const server: Server = await new Promise((resolve) => {
    const s = application.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  // Tests share the process with the app and sometimes block it (spawnSync pdftoppm for seconds):
  // with Node's 5 s keep-alive, the server's overdue idle timer can close a socket the test's fetch
  // has just reused, and the request dies with ECONNRESET. Idle sockets outlive any such pause here.
  server.keepAliveTimeout = 60_000;
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const admin = async (method: string, urlPath: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}/api/admin${urlPath}`, {
      method,
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? safeJson(text) : null };
  };
  return {
    ...application,
    baseUrl,
    clock,
    dataDir,
    logLines,
    admin,
    ...adminClient(baseUrl, TEST_ADMIN_KEY),
    stop: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await application.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const VAT_BUSINESS = {
  name: 'บริษัท ทดสอบ จำกัด',
  nameEn: 'Test Co., Ltd.',
  address: '1 ถนนสุขุมวิท กรุงเทพมหานคร 10110',
  taxId: '0105561234560',
  vatRegistered: true,
  promptPayId: '0105561234560',
  promptPayName: 'บจก. ทดสอบ',
  phone: '021234567',
  lineOaId: '@testshop',
};
