/**
 * A customer with years of history (5,000 sent invoices, 4,990 of them paid with receipts) still
 * opens the portal and lists every document for download, and no statement the app sends binds more values as
 * the history grows: SQLite through Prisma refuses more than 999 in one statement (P2029), which
 * is what used to break the portal at 1,000 invoices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';
import { issueLink } from '../../helpers/portal-fixtures.ts';
import { seedLongHistory, type SeededHistory } from '../../helpers/long-history.ts';
import { allPortalDocuments } from '../../../server/portal/portal-history.ts';
import { RECENT_SETTLED } from '../../../server/portal/portal-window.ts';

/** A fixed bound, far below SQLite's 999 and independent of the history's size. */
const MAX_BOUND_VALUES = 100;

let t: TestApp;
let customerId: string;
let history: SeededHistory;
const statements: { sql: string; boundValues: number }[] = [];

beforeAll(async () => {
  t = await startTestApp({ overrides: { observeQueries: (q) => statements.push(q) } });
  // Seeded before any HTTP call: a pooled keep-alive connection would go stale during the long seeding.
  const customer = await t.ctx.db.customer.create({ data: { name: 'คุณลูกค้า ประจำ', email: 'loyal@example.com' } });
  customerId = customer.id;
  history = await seedLongHistory(t.ctx.db, customerId, '2026-11-25', { jobs: 50, invoices: 5000, openInvoices: 10 });
  await t.adminOk('saveBusiness', { body: VAT_BUSINESS });
}, 120_000);

afterAll(() => t?.stop());

function largestSince(mark: number) {
  return statements.slice(mark).reduce((max, q) => (q.boundValues > max.boundValues ? q : max), { sql: '', boundValues: 0 });
}

describe('a customer with 5,000 invoices', () => {
  it('opens the portal with the right amounts owed, and no statement binds more than a fixed number of values', async () => {
    const { token } = await issueLink(t, 'customer', customerId);
    const mark = statements.length;
    const res = await fetch(`${t.baseUrl}/api/portal/${token}`);
    expect(res.status).toBe(200);
    const view = await res.json();
    const owed = view.invoices.reduce((sum: number, inv: { balanceSatang: number }) => sum + inv.balanceSatang, 0);
    expect(owed).toBe(history.owedSatang);
    expect(view.invoices.filter((inv: { status: string }) => inv.status !== 'paid')).toHaveLength(10);
    const largest = largestSince(mark);
    expect(largest.boundValues, largest.sql.slice(0, 200)).toBeLessThanOrEqual(MAX_BOUND_VALUES);

    const page = await fetch(`${t.baseUrl}/c/${token}`);
    expect(page.status).toBe(200);
  });

  it('renders the statement of account (the last 12 months, and a whole earlier year) without a statement growing with the history', async () => {
    const { token } = await issueLink(t, 'customer', customerId);
    const mark = statements.length;
    for (const url of [`/documents/statement.${customerId}`, `/documents/statement.${customerId}?year=2567`]) {
      const res = await fetch(`${t.baseUrl}/api/portal/${token}${url}`);
      expect(res.status, url).toBe(200);
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    }
    const largest = largestSince(mark);
    expect(largest.boundValues, largest.sql.slice(0, 200)).toBeLessThanOrEqual(MAX_BOUND_VALUES);
  });

  it('staff reads of the customer (summary, activity, owing and overdue lists) stay bounded too', async () => {
    const mark = statements.length;
    const summary = await t.adminOk('getCustomer', { params: { id: customerId } });
    expect(summary.balanceDueSatang).toBe(history.owedSatang);
    await t.adminOk('getCustomerActivity', { params: { id: customerId } });
    const largest = largestSince(mark);
    expect(largest.boundValues, largest.sql.slice(0, 200)).toBeLessThanOrEqual(MAX_BOUND_VALUES);
  });

  it('embeds what is open plus the newest settled records; every other invoice comes exactly once from a yearly page', async () => {
    const { token } = await issueLink(t, 'customer', customerId);
    const view = await (await fetch(`${t.baseUrl}/api/portal/${token}`)).json();
    expect(view.invoices.length).toBeLessThanOrEqual(10 + RECENT_SETTLED + 5);
    expect(view.earlierYears.length).toBeGreaterThanOrEqual(4);
    expect(view.earlierYears[0]).toBe(2569);
    const seen = new Set<string>(view.invoices.map((i: { id: string }) => i.id));
    let documents = view.documents.length;
    const mark = statements.length;
    for (const year of view.earlierYears) {
      const res = await fetch(`${t.baseUrl}/api/portal/${token}/history/${year}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toContain('no-store');
      const page = await res.json();
      expect(page.year).toBe(year);
      for (const inv of page.invoices) {
        expect(seen.has(inv.id), inv.number).toBe(false);
        seen.add(inv.id);
        expect(Number(inv.issueDate.slice(0, 4)) + 543).toBe(year);
        expect(inv.status).toBe('paid');
      }
      documents += page.documents.length;
    }
    expect(seen.size).toBe(5000);
    expect(documents).toBe(5000 + history.paidInvoices + 1);
    const largest = largestSince(mark);
    expect(largest.boundValues, largest.sql.slice(0, 200)).toBeLessThanOrEqual(MAX_BOUND_VALUES);
  });

  it('"download all" lists every document of every year, each once', async () => {
    const ids = new Set<string>();
    let count = 0;
    for await (const doc of allPortalDocuments(t.ctx, { scope: 'customer', customerId, quoteId: null, invoiceId: null })) {
      ids.add(doc.id);
      count++;
    }
    // Every invoice and receipt, and the statement of account (one, as of today).
    expect(count).toBe(5000 + history.paidInvoices + 1);
    expect(ids.size).toBe(count);
  });

  it('history has the same scope as the page: another customer sees none of it, a single-invoice link has none, a bad year is a 400 naming it', async () => {
    const other = await t.adminOk('createCustomer', { body: { name: 'คุณอื่น ไม่เกี่ยว' } });
    const { token: otherToken } = await issueLink(t, 'customer', other.id);
    const otherPage = await (await fetch(`${t.baseUrl}/api/portal/${otherToken}/history/2567`)).json();
    expect(otherPage.invoices).toEqual([]);
    expect(otherPage.documents).toEqual([]);

    const { token: invoiceToken } = await issueLink(t, 'invoice', history.invoiceIds[0]!);
    expect((await fetch(`${t.baseUrl}/api/portal/${invoiceToken}/history/2567`)).status).toBe(404);

    const { token } = await issueLink(t, 'customer', customerId);
    for (const bad of ['abc', '1999', '25670']) {
      const res = await fetch(`${t.baseUrl}/api/portal/${token}/history/${bad}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error.field).toBe('year');
    }
    expect((await fetch(`${t.baseUrl}/api/portal/not-a-token-at-all-000000000000/history/2567`)).status).toBe(410);
  });
});
