/**
 * A customer with years of history (5,000 sent invoices, 4,990 of them paid with receipts) still
 * opens the portal and downloads everything, and no statement the app sends binds more values as
 * the history grows: SQLite through Prisma refuses more than 999 in one statement (P2029), which
 * is what used to break the portal at 1,000 invoices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';
import { issueLink } from '../../helpers/portal-fixtures.ts';
import { seedLongHistory, type SeededHistory } from '../../helpers/long-history.ts';

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

  it('starts the ZIP of every document without a statement growing with the history', async () => {
    const { token } = await issueLink(t, 'customer', customerId);
    const mark = statements.length;
    const res = await fetch(`${t.baseUrl}/api/portal/${token}/documents.zip`);
    expect(res.status).toBe(200);
    // The first entries are enough to know the listing was built: rendering 10,000 PDFs is not the point here.
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value!).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    await reader.cancel();
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
});
