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

describe('portal caches on one instance', () => {
  it('answers a repeated API read without a view query, and the same text', async () => {
    const link = await issueLink(t, 'customer', f.customerId);
    const first = await read(`/api/portal/${link.token}`);
    expect(first.status).toBe(200);
    expect(first.viewQueries).toBeGreaterThan(0);
    const second = await read(`/api/portal/${link.token}`);
    expect(second.status).toBe(200);
    expect(second.viewQueries).toBe(0);
    expect(second.text).toBe(first.text);
  });

  it('a staff write drops the cached view: the next read shows it', async () => {
    const link = await issueLink(t, 'invoice', f.invoiceId);
    const before = JSON.parse((await read(`/api/portal/${link.token}`)).text).invoices[0].payments.length;
    expect((await read(`/api/portal/${link.token}`)).viewQueries).toBe(0);
    await t.adminOk('recordPayment', { params: { id: f.invoiceId }, body: { amountSatang: 100, method: 'cash' } });
    const after = await read(`/api/portal/${link.token}`);
    expect(after.viewQueries).toBeGreaterThan(0);
    expect(JSON.parse(after.text).invoices[0].payments).toHaveLength(before + 1);
  });
});
