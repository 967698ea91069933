/**
 * One instance, either database: a repeated portal read is served from the link and view caches.
 * The request's own bookkeeping (its rate-limit count, its activity entry) is a write too, but one
 * no client sees, so it must not invalidate them.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';

let t: TestApp;
let f: PortalFixture;
const statements: string[] = [];

beforeAll(async () => {
  t = await startTestApp({ overrides: { observeQueries: (q) => statements.push(q.sql) } });
  f = await createPortalFixture(t);
});
afterAll(() => t?.stop());

/** Statements reading what a link and a view are built from. */
const VIEW_TABLES = /[`"](PortalLink|Customer|Invoice|Payment|Job|Quote)[`"]/;

async function read(path: string): Promise<{ status: number; text: string; viewQueries: number }> {
  const mark = statements.length;
  const res = await fetch(`${t.baseUrl}${path}`);
  const text = await res.text();
  return { status: res.status, text, viewQueries: statements.slice(mark).filter((sql) => VIEW_TABLES.test(sql)).length };
}

/**
 * Issuing documents leaves background work (stored PDFs are written right after the change, and
 * that is a write): reads are compared once the data is quiet, i.e. once one is served from memory.
 */
async function readUntilCached(path: string): Promise<string> {
  let text = '';
  await expect
    .poll(
      async () => {
        const r = await read(path);
        text = r.text;
        return r.viewQueries;
      },
      { timeout: 3000, interval: 20 },
    )
    .toBe(0);
  return text;
}

describe('portal caches on one instance', () => {
  it('answers a repeated API read without a view query, and the same text', async () => {
    const link = await issueLink(t, 'customer', f.customerId);
    const first = await read(`/api/portal/${link.token}`);
    expect(first.status).toBe(200);
    expect(first.viewQueries).toBeGreaterThan(0);
    const cached = await readUntilCached(`/api/portal/${link.token}`);
    const again = await read(`/api/portal/${link.token}`);
    expect(again.viewQueries).toBe(0);
    expect(again.text).toBe(cached);
  });

  it('a staff write drops the cached view: the next read shows it', async () => {
    const link = await issueLink(t, 'invoice', f.invoiceId);
    const before = JSON.parse(await readUntilCached(`/api/portal/${link.token}`)).invoices[0].payments.length;
    await t.adminOk('recordPayment', { params: { id: f.invoiceId }, body: { amountSatang: 100, method: 'cash' } });
    const after = await read(`/api/portal/${link.token}`);
    expect(after.viewQueries).toBeGreaterThan(0);
    expect(JSON.parse(after.text).invoices[0].payments).toHaveLength(before + 1);
  });
});
