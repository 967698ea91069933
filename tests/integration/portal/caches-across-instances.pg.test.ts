/**
 * Two instances on one PostgreSQL keep the link and view caches on: a repeated portal read is
 * served from memory, the other instance's commits invalidate through LISTEN/NOTIFY, and while the
 * LISTEN connection is down (notices may be lost) an instance trusts nothing it cached — until it
 * has listened again, bumped its caches and looked for the stage moves it missed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pg from 'pg';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';
import { readStreamUntil } from '../../helpers/sse.ts';

let a: TestApp;
let b: TestApp;
let f: PortalFixture;
const statements: string[] = [];

beforeAll(async () => {
  a = await startTestApp({ overrides: { observeQueries: (q) => statements.push(q.sql) } });
  f = await createPortalFixture(a);
  b = await startTestApp({ env: { DATA_DIR: a.dataDir, DATABASE_URL: a.ctx.config.databaseUrl } });
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

/** Statements that read what a portal view is built from (rate limits and the activity log are not). */
const VIEW_TABLES = /[`"](PortalLink|Customer|Invoice|Payment|Job|Quote)[`"]/;

/** A portal read on instance A, with the view-building statements it sent. */
async function readOnA(token: string): Promise<{ status: number; body: any; viewQueries: number }> {
  const mark = statements.length;
  const res = await fetch(`${a.baseUrl}/api/portal/${token}`);
  const body = res.status === 200 ? await res.json() : null;
  return { status: res.status, body, viewQueries: statements.slice(mark).filter((sql) => VIEW_TABLES.test(sql)).length };
}

const LISTENERS = `FROM pg_stat_activity WHERE application_name = 'portal-changes' AND datname = current_database()`;

async function onDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: a.ctx.config.databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** What an operator (or a failover) does to the LISTEN connections of both instances. */
async function killListeners(): Promise<number> {
  // Both listening first (one may still be reconnecting from the previous test).
  await expect.poll(() => onDatabase(async (c) => (await c.query(`SELECT pid ${LISTENERS}`)).rowCount), { timeout: 3000, interval: 50 }).toBe(2);
  return onDatabase(async (c) => (await c.query(`SELECT pg_terminate_backend(pid) ${LISTENERS}`)).rowCount ?? 0);
}

/** A read served from memory: A trusts its caches (it listens) and no write is pending. */
async function waitUntilCachedAgain(token: string): Promise<void> {
  await expect.poll(async () => (await readOnA(token)).viewQueries, { timeout: 3000, interval: 50 }).toBe(0);
}

describe('portal caches with two instances on PostgreSQL', () => {
  it('serves a repeated portal read from the cache: no view query the second time', async () => {
    const link = await issueLink(a, 'customer', f.customerId);
    const first = await readOnA(link.token);
    expect(first.status).toBe(200);
    expect(first.viewQueries).toBeGreaterThan(0);
    // Once the fixture's background writes (stored PDFs) are done, reads come from memory.
    await waitUntilCachedAgain(link.token);
    const again = await readOnA(link.token);
    expect(again.viewQueries).toBe(0);
  });

  it('a write on the other instance drops the cached view (the notice bumps the version)', async () => {
    const link = await issueLink(a, 'invoice', f.invoiceId);
    await waitUntilCachedAgain(link.token);
    const paymentsBefore = (await readOnA(link.token)).body.invoices[0].payments.length;
    expect((await b.admin('POST', `/invoices/${f.invoiceId}/payments`, { amountSatang: 100, method: 'cash' })).status).toBe(201);
    await expect.poll(async () => (await readOnA(link.token)).body.invoices[0].payments.length, { timeout: 1000, interval: 50 }).toBe(paymentsBefore + 1);
  });

  it('stops trusting its caches while the LISTEN connection is down, and invalidates through notices again after the reconnect', async () => {
    const link = await issueLink(a, 'customer', f.otherCustomerId);
    await waitUntilCachedAgain(link.token);

    expect(await killListeners()).toBe(2);
    // Notices sent now are lost: every read goes to the database until A listens again.
    await expect.poll(async () => (await readOnA(link.token)).viewQueries, { timeout: 900, interval: 20 }).toBeGreaterThan(0);
    expect((await readOnA(link.token)).viewQueries).toBeGreaterThan(0);

    await waitUntilCachedAgain(link.token);
    const revoked = await b.admin('DELETE', `/links/${link.id}`);
    expect(revoked.status).toBe(200);
    await expect.poll(async () => (await readOnA(link.token)).status, { timeout: 1000, interval: 50 }).toBe(410);
  });

  it('a write on the other instance while the notices are down still shows once A listens again', async () => {
    const link = await issueLink(a, 'invoice', f.secondInvoiceId);
    await waitUntilCachedAgain(link.token);
    const paymentsBefore = (await readOnA(link.token)).body.invoices[0].payments.length;
    expect(await killListeners()).toBe(2);
    expect((await b.admin('POST', `/invoices/${f.secondInvoiceId}/payments`, { amountSatang: 200, method: 'cash' })).status).toBe(201);
    await expect.poll(async () => (await readOnA(link.token)).body.invoices[0].payments.length, { timeout: 2000, interval: 50 }).toBe(paymentsBefore + 1);
    // And once listening again it caches again.
    await waitUntilCachedAgain(link.token);
    expect((await readOnA(link.token)).body.invoices[0].payments.length).toBe(paymentsBefore + 1);
  });

  it('live stage moves still reach a portal open on A: one made while the notices were down, and one after the reconnect', async () => {
    const link = await issueLink(a, 'customer', f.customerId);
    const controller = new AbortController();
    const stream = await fetch(`${a.baseUrl}/api/portal/${link.token}/events`, { signal: controller.signal });
    expect(await killListeners()).toBe(2);
    const missed = await b.admin('POST', `/jobs/${f.jobId}/stage`, { stage: 'picking', note: 'ระหว่างขาดการเชื่อมต่อ' });
    expect(missed.status).toBe(200);
    // Heard after A has listened again (reconnect delay + catch-up), not lost.
    const caughtUp = await readStreamUntil(stream.body!, 'ระหว่างขาดการเชื่อมต่อ', 2500);
    expect(caughtUp).toContain('event: job.stage');

    await waitUntilCachedAgain(link.token);
    const moved = await b.admin('POST', `/jobs/${f.jobId}/stage`, { stage: 'loaded', note: 'หลังเชื่อมต่อใหม่' });
    expect(moved.status).toBe(200);
    const heard = await readStreamUntil(stream.body!, 'หลังเชื่อมต่อใหม่', 1000);
    expect(heard).toContain('event: job.stage');
    expect(heard.match(/event: job\.stage/g)).toHaveLength(1);
    controller.abort();
  });
});
