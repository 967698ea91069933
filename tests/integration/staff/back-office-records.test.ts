import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { signInNewStaff, startStaffTestApp, type SignedInStaffMember, type StaffTestApp } from '../../helpers/staff-app.ts';
import { markInvoiceSent } from '../../../server/services/invoices.ts';
import { markQuoteSent } from '../../../server/services/quotes.ts';
import type { TestApp } from '../../helpers/test-app.ts';

let app: StaffTestApp;
let t: TestApp;
let staff: SignedInStaffMember;
let customerId: string;

beforeAll(async () => {
  app = await startStaffTestApp();
  t = app.t;
  staff = await signInNewStaff(app, 'staff');
  customerId = (await t.adminOk('createCustomer', { body: { name: 'คุณมานี', address: '7 ถนนสีลม แขวงสีลม เขตบางรัก กรุงเทพมหานคร 10500' } })).id;
});
afterAll(() => app.stop());

const lines = [{ description: 'เช่าเต็นท์', quantity: 1.5, unitPriceSatang: 1000_00 }];

describe('reads by id', () => {
  it('a quote and an invoice with their lines and customer name; 404 for an unknown id', async () => {
    const quote = await t.adminOk('createQuote', { body: { customerId, lines, validUntil: '2026-12-20' } });
    const read = await staff.api.adminOk('getQuote', { params: { id: quote.id } });
    expect(read).toMatchObject({ id: quote.id, number: quote.number, customerName: 'คุณมานี', totalSatang: quote.totalSatang });
    expect(read.lines).toEqual([{ description: 'เช่าเต็นท์', quantity: 1.5, unitPriceSatang: 1000_00, amountSatang: 1500_00 }]);
    const invoice = await t.adminOk('createInvoice', { body: { customerId, lines, dueDate: '2026-12-20' } });
    const inv = await staff.api.adminOk('getInvoice', { params: { id: invoice.id } });
    expect(inv).toMatchObject({ id: invoice.id, displayStatus: 'draft', balanceSatang: invoice.netPayableSatang, customerName: 'คุณมานี' });
    for (const op of ['getQuote', 'getInvoice', 'getJob', 'getDeposit'] as const) {
      const missing = await staff.api.adminOp(op, { params: { id: 'nope' } });
      expect(missing.status).toBe(404);
    }
  });

  it('a job with its history and next stages; a deposit with what is open', async () => {
    const job = await t.adminOk('createJob', { body: { customerId, title: 'งานวัด', equipment: [{ name: 'ลำโพง', quantity: 2 }] } });
    await staff.api.adminOk('moveJobStage', { params: { id: job.id }, body: { stage: 'picking', note: 'จัดของ' } });
    const read = await staff.api.adminOk('getJob', { params: { id: job.id } });
    expect(read).toMatchObject({ stage: 'picking', customerName: 'คุณมานี', equipment: [{ name: 'ลำโพง', quantity: 2 }] });
    expect(read.history.at(-1)).toMatchObject({ stage: 'picking', note: 'จัดของ', changedBy: `staff-app:${staff.staffId}` });
    expect(read.nextStages).toEqual(['loaded', 'delivering', 'on_site', 'returning', 'closed', 'new', 'cancelled']);
    const deposit = await t.adminOk('createDeposit', { body: { customerId, requiredSatang: 500_00, jobId: job.id } });
    await t.adminOk('collectDeposit', { params: { id: deposit.id }, body: { amountSatang: 200_00, method: 'cash' } });
    expect(await staff.api.adminOk('getDeposit', { params: { id: deposit.id } })).toMatchObject({
      status: 'partially_held',
      heldSatang: 200_00,
      outstandingSatang: 300_00,
      remainingHeldSatang: 200_00,
      customerName: 'คุณมานี',
    });
  });
});

describe('PATCH drafts', () => {
  it('edits a draft quote: replaced lines and discount are priced again by the same rules as create', async () => {
    const quote = await t.adminOk('createQuote', { body: { customerId, lines, validUntil: '2026-12-20' } });
    const patched = await staff.api.adminOk('updateQuote', {
      params: { id: quote.id },
      body: { lines: [{ description: 'เช่าเวที', quantity: 2, unitPriceSatang: 3000_00 }], discountSatang: 1000_00, depositSatang: 2000_00 },
    });
    // The same input through create gives the same totals: one pricing rule.
    const reference = await t.adminOk('createQuote', {
      body: { customerId, lines: [{ description: 'เช่าเวที', quantity: 2, unitPriceSatang: 3000_00 }], discountSatang: 1000_00, validUntil: '2026-12-20' },
    });
    for (const key of ['subtotalSatang', 'discountSatang', 'vatSatang', 'totalSatang', 'withholdingSatang', 'netPayableSatang'] as const) {
      expect(patched[key]).toBe(reference[key]);
    }
    expect(patched.lines).toEqual([{ description: 'เช่าเวที', quantity: 2, unitPriceSatang: 3000_00, amountSatang: 6000_00 }]);
    expect(patched).toMatchObject({ depositSatang: 2000_00, validUntil: '2026-12-20', number: quote.number, status: 'draft' });
    expect(await t.ctx.db.quoteLine.count({ where: { quoteId: quote.id } })).toBe(1);
  });

  it('edits a draft invoice (withholding, due date) and keeps what was not sent', async () => {
    const invoice = await t.adminOk('createInvoice', { body: { customerId, lines, dueDate: '2026-12-20', notes: 'โอนเข้าบัญชี' } });
    const patched = await staff.api.adminOk('updateInvoice', { params: { id: invoice.id }, body: { withholdingPercent: 3, dueDate: '2026-12-31' } });
    expect(patched).toMatchObject({ dueDate: '2026-12-31', withholdingBasisPoints: 300, notes: 'โอนเข้าบัญชี', subtotalSatang: invoice.subtotalSatang });
    expect(patched.withholdingSatang).toBe(Math.round(invoice.subtotalSatang * 0.03));
    expect(patched.netPayableSatang).toBe(invoice.totalSatang - patched.withholdingSatang);
  });

  it('refuses bad input with the same validation as create (400 naming the field) and changes nothing', async () => {
    const invoice = await t.adminOk('createInvoice', { body: { customerId, lines, dueDate: '2026-12-20' } });
    const before = await t.ctx.db.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: { lines: true } });
    for (const [body, field] of [
      [{ dueDate: '2026-11-01' }, 'dueDate'],
      [{ lines: [] }, 'lines'],
      [{ withholdingPercent: 20 }, 'withholdingPercent'],
      [{ jobId: 'someone-elses-job' }, 'jobId'],
      [{}, ''],
    ] as const) {
      const res = await staff.api.adminOp('updateInvoice', { params: { id: invoice.id }, body: body as never });
      expect(res.status, JSON.stringify(body)).toBe(400);
      if (!res.ok && field) expect(res.body.error.field).toBe(field);
    }
    expect(await t.ctx.db.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: { lines: true } })).toEqual(before);
  });

  it('409 once the document is no longer a draft; 404 for an unknown id', async () => {
    const quote = await t.adminOk('createQuote', { body: { customerId, lines, validUntil: '2026-12-20' } });
    await markQuoteSent(t.ctx, quote.id);
    const q = await staff.api.adminOp('updateQuote', { params: { id: quote.id }, body: { discountSatang: 1 } });
    expect(q.status).toBe(409);
    const invoice = await t.adminOk('createInvoice', { body: { customerId, lines, dueDate: '2026-12-20' } });
    await markInvoiceSent(t.ctx, invoice.id);
    const i = await staff.api.adminOp('updateInvoice', { params: { id: invoice.id }, body: { notes: 'x' } });
    expect(i.status).toBe(409);
    expect((await t.ctx.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).notes).toBeNull();
    expect((await staff.api.adminOp('updateInvoice', { params: { id: 'nope' }, body: { notes: 'x' } })).status).toBe(404);
  });
});
