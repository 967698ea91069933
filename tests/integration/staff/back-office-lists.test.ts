import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { signInNewStaff, startStaffTestApp, type SignedInStaffMember, type StaffTestApp } from '../../helpers/staff-app.ts';
import { markInvoiceSent } from '../../../server/services/invoices.ts';
import type { TestApp } from '../../helpers/test-app.ts';

let app: StaffTestApp;
let t: TestApp;
let staff: SignedInStaffMember;
const customers: Record<string, string> = {};
const line = (unitPriceSatang: number) => [{ description: 'ค่าเช่าเครื่องเสียง', quantity: 2, unitPriceSatang }];

beforeAll(async () => {
  app = await startStaffTestApp();
  t = app.t;
  staff = await signInNewStaff(app, 'staff');
  for (const name of ['สมชาย ใจดี', 'สมหญิง รักงาน', 'บริษัท ฟ้าใส จำกัด', 'Anan Co', 'วิภา ศรีสุข', 'ชัยวัฒน์ มั่นคง', 'กมล ทองดี']) {
    customers[name] = (
      await t.adminOk('createCustomer', {
        body: { name, address: '12 ถนนสุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110', phone: name === 'วิภา ศรีสุข' ? '0891234567' : undefined },
      })
    ).id;
  }
});
afterAll(() => app.stop());

async function allPages<T>(fetchPage: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 50);
  return pages;
}

describe('GET /api/admin/customers', () => {
  it('pages through every customer A–Z, each exactly once, with a stable cursor', async () => {
    const pages = await allPages((cursor) => t.adminOk('listCustomers', { query: { limit: 3, ...(cursor ? { cursor } : {}) } }));
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    const names = pages.flat().map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(names).size).toBe(Object.keys(customers).length);
  });

  it('a customer added between pages neither repeats nor skips the ones still to come', async () => {
    const first = await t.adminOk('listCustomers', { query: { limit: 3 } });
    await t.adminOk('createCustomer', { body: { name: 'Aaron (added meanwhile)' } });
    const rest = (await allPages((cursor) => t.adminOk('listCustomers', { query: { limit: 3, cursor: cursor ?? first.nextCursor! } }))).flat();
    const seen = [...first.items, ...rest].map((c) => c.id);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of Object.values(customers)) expect(seen).toContain(id);
  });

  it('q uses the Thai-aware search: a typo in a Thai name, a phone number', async () => {
    const byName = await staff.api.adminOk('listCustomers', { query: { q: 'สมชา ใจดี' } });
    expect(byName.items[0]?.id).toBe(customers['สมชาย ใจดี']);
    const byPhone = await staff.api.adminOk('listCustomers', { query: { q: '089-123-4567' } });
    expect(byPhone.items.map((c) => c.id)).toEqual([customers['วิภา ศรีสุข']]);
    expect(byPhone.nextCursor).toBeNull();
  });

  it('q results page too', async () => {
    const pages = await allPages((cursor) => t.adminOk('listCustomers', { query: { q: 'สม', limit: 1, ...(cursor ? { cursor } : {}) } }));
    const ids = pages.flat().map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses a made-up cursor and a limit out of range (400 naming the field)', async () => {
    const bad = await t.adminOp('listCustomers', { query: { cursor: 'not-a-cursor' } });
    expect(bad.status).toBe(400);
    if (!bad.ok) expect(bad.body.error.field).toBe('cursor');
    const big = await t.adminOp('listCustomers', { query: { limit: 1000 } });
    expect(big.status).toBe(400);
    if (!big.ok) expect(big.body.error.field).toBe('limit');
  });
});

describe('jobs, quotes, invoices, deposits, payments', () => {
  let jobIds: string[] = [];
  let overdueId = '';
  let draftId = '';
  let paidInvoiceId = '';

  beforeAll(async () => {
    const somchai = customers['สมชาย ใจดี']!;
    jobIds = [];
    for (const title of ['งานวัด', 'งานแต่ง', 'งานบวช']) {
      jobIds.push((await t.adminOk('createJob', { body: { customerId: somchai, title } })).id);
    }
    await t.adminOk('moveJobStage', { params: { id: jobIds[0]! }, body: { stage: 'returning' } });
    await t.adminOk('moveJobStage', { params: { id: jobIds[1]! }, body: { stage: 'picking' } });
    for (const price of [100_00, 200_00, 300_00]) {
      await t.adminOk('createQuote', { body: { customerId: somchai, lines: line(price), validUntil: '2026-12-20' } });
    }
    const overdue = await t.adminOk('createInvoice', { body: { customerId: somchai, lines: line(500_00), dueDate: '2026-11-26' } });
    overdueId = overdue.id;
    await markInvoiceSent(t.ctx, overdueId);
    draftId = (await t.adminOk('createInvoice', { body: { customerId: somchai, lines: line(100_00), dueDate: '2026-11-26' } })).id;
    paidInvoiceId = (await t.adminOk('createInvoice', { body: { customerId: customers['กมล ทองดี']!, lines: line(50_00), dueDate: '2026-12-26' } })).id;
    await markInvoiceSent(t.ctx, paidInvoiceId);
    const net = (await t.adminOk('getInvoice', { params: { id: paidInvoiceId } })).netPayableSatang;
    await t.adminOk('recordPayment', { params: { id: paidInvoiceId }, body: { amountSatang: net, method: 'bank_transfer' } });
    const deposit = await t.adminOk('createDeposit', { body: { customerId: somchai, requiredSatang: 1000_00, jobId: jobIds[0]! } });
    await t.adminOk('collectDeposit', { params: { id: deposit.id }, body: { amountSatang: 1000_00, method: 'cash' } });
    await t.adminOk('createDeposit', { body: { customerId: somchai, requiredSatang: 500_00, jobId: jobIds[1]! } });
    t.clock.advance(3 * 24 * 3600_000); // 2026-11-28: the invoice due on the 26th is overdue
    staff = await signInNewStaff(app, 'staff'); // the first session has ended meanwhile (12 h)
  });

  it('jobs filter by stage and page newest first', async () => {
    const picking = await staff.api.adminOk('listJobs', { query: { stage: 'picking' } });
    expect(picking.items.map((j) => j.id)).toEqual([jobIds[1]]);
    expect(picking.items[0]).toMatchObject({ customerName: 'สมชาย ใจดี', stage: 'picking' });
    const pages = await allPages((cursor) => t.adminOk('listJobs', { query: { limit: 2, ...(cursor ? { cursor } : {}) } }));
    expect(pages.flat().map((j) => j.id)).toEqual([...jobIds].reverse());
  });

  it('quotes filter by status and page', async () => {
    const pages = await allPages((cursor) => t.adminOk('listQuotes', { query: { status: 'draft', limit: 2, ...(cursor ? { cursor } : {}) } }));
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
    expect(pages.flat().every((q) => q.status === 'draft')).toBe(true);
    expect((await t.adminOk('listQuotes', { query: { status: 'accepted' } })).items).toEqual([]);
  });

  it('invoices: status=overdue lists what is owed past its due day, with displayStatus', async () => {
    const overdue = await staff.api.adminOk('listInvoices', { query: { status: 'overdue' } });
    expect(overdue.items.map((i) => i.id)).toEqual([overdueId]);
    expect(overdue.items[0]).toMatchObject({ status: 'sent', displayStatus: 'overdue', customerName: 'สมชาย ใจดี' });
    const drafts = await staff.api.adminOk('listInvoices', { query: { status: 'draft' } });
    expect(drafts.items.map((i) => i.id)).toEqual([draftId]);
    expect(drafts.items[0]!.displayStatus).toBe('draft');
    const paid = await staff.api.adminOk('listInvoices', { query: { status: 'paid', customerId: customers['กมล ทองดี']! } });
    expect(paid.items.map((i) => i.id)).toEqual([paidInvoiceId]);
    const bad = await t.adminOp('listInvoices', { query: { status: 'late' as never } });
    expect(bad.status).toBe(400);
    if (!bad.ok) expect(bad.body.error.field).toBe('status');
  });

  it('deposits: status=to_return lists money held on a job that is returning', async () => {
    const toReturn = await staff.api.adminOk('listDeposits', { query: { status: 'to_return' } });
    expect(toReturn.items).toHaveLength(1);
    expect(toReturn.items[0]).toMatchObject({ jobId: jobIds[0], status: 'held', heldSatang: 1000_00, customerName: 'สมชาย ใจดี' });
    const pending = await staff.api.adminOk('listDeposits', { query: { status: 'pending' } });
    expect(pending.items.map((d) => d.jobId)).toEqual([jobIds[1]]);
  });

  it('payments list with their receipts and invoice numbers', async () => {
    const payments = await staff.api.adminOk('listPayments', { query: { invoiceId: paidInvoiceId } });
    expect(payments.items).toHaveLength(1);
    expect(payments.items[0]).toMatchObject({ invoiceId: paidInvoiceId, status: 'confirmed', customerName: 'กมล ทองดี' });
    expect(payments.items[0]!.receipt?.number).toMatch(/^RC/);
    expect(payments.items[0]!.invoiceNumber).toMatch(/^INV/);
    expect((await staff.api.adminOk('listPayments', { query: { status: 'void' } })).items).toEqual([]);
  });
});
