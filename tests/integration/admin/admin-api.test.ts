import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
let customerId: string;

beforeAll(async () => {
  t = await startTestApp();
  await t.adminOk('saveBusiness', { body: VAT_BUSINESS });
  const c = await t.adminOk('createCustomer', {
    body: {
      name: 'คุณสมชาย ใจดี',
      companyName: 'บริษัท ฟ้าใส จำกัด',
      address: '88/8 ถนนพหลโยธิน แขวงสามเสนใน เขตพญาไท กรุงเทพมหานคร 10400',
      email: 'somchai@example.com',
      phone: '0812345678',
    },
  });
  customerId = c.id;
});
afterAll(() => t.stop());

async function snapshot() {
  const db = t.ctx.db;
  return {
    invoices: await db.invoice.findMany({ orderBy: { id: 'asc' } }),
    payments: await db.payment.count(),
    receipts: await db.receipt.count(),
    deposits: await db.deposit.findMany({ orderBy: { id: 'asc' } }),
    sequences: await db.documentSequence.findMany({ orderBy: [{ prefix: 'asc' }] }),
    jobs: await db.job.findMany({ orderBy: { id: 'asc' } }),
    customers: await db.customer.findMany({ orderBy: { id: 'asc' } }),
  };
}

describe('authentication', () => {
  it('refuses requests without the key or with a wrong key (401) and serves OpenAPI publicly', async () => {
    const none = await fetch(`${t.baseUrl}/api/admin/customers/${customerId}`);
    expect(none.status).toBe(401);
    const wrong = await fetch(`${t.baseUrl}/api/admin/customers/${customerId}`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const spec = await (await fetch(`${t.baseUrl}/api/admin/openapi.json`)).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toContain('/api/admin/invoices/{id}/payments');
  });
});

describe('quotes and invoices are priced by the Thai money rules', () => {
  it('answers the VAT-exclusive + 3% withholding example exactly', async () => {
    const res = await t.adminOp('createInvoice', {
      body: {
        customerId,
        dueDate: '2026-12-10',
        lines: [
          { description: 'เช่ากล้อง', quantity: 2, unitPriceSatang: 100000 },
          { description: 'เช่าไฟ', quantity: 3, unitPriceSatang: 33333 },
        ],
        vatMode: 'exclusive',
        withholdingPercent: 3,
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      number: 'INV-2026-0001',
      status: 'draft',
      subtotalSatang: 299999,
      vatSatang: 21000,
      totalSatang: 320999,
      withholdingSatang: 9000,
      netPayableSatang: 311999,
    });
  });

  it('backs VAT out of an inclusive price', async () => {
    const quote = await t.adminOk('createQuote', {
      body: {
        customerId,
        validUntil: '2026-12-31',
        vatMode: 'inclusive',
        lines: [{ description: 'แพ็กเกจไลฟ์สด', quantity: 1, unitPriceSatang: 100000 }],
        depositSatang: 500000,
      },
    });
    expect(quote).toMatchObject({
      number: 'QT-2026-0001',
      status: 'draft',
      subtotalSatang: 93458,
      vatSatang: 6542,
      totalSatang: 100000,
      withholdingSatang: 0,
      netPayableSatang: 100000,
      depositSatang: 500000,
    });
    const sent = await t.adminOk('sendQuote', { params: { id: quote.id } });
    expect(sent.quote.status).toBe('sent');
    expect(sent.channel).toBe('email');
  });

  it('accepts fractional quantities (1.5 days)', async () => {
    const quote = await t.adminOk('createQuote', {
      body: { customerId, validUntil: '2026-12-31', lines: [{ description: 'ค่าเช่า 1.5 วัน', quantity: 1.5, unitPriceSatang: 280000 }] },
    });
    expect(quote.lines?.[0]).toEqual({ description: 'ค่าเช่า 1.5 วัน', quantity: 1.5, unitPriceSatang: 280000, amountSatang: 420000 });
    expect(quote.subtotalSatang).toBe(420000);
  });
});

describe('bad input: 400 naming the field, nothing changes', () => {
  it.each([
    ['/invoices', { customerId: 'x', dueDate: '2026-13-40', lines: [{ description: 'a', quantity: 1, unitPriceSatang: 100 }] }, 'dueDate'],
    ['/invoices', { dueDate: '2026-12-01', lines: [{ description: 'a', quantity: 1, unitPriceSatang: 100 }] }, 'customerId'],
    [
      '/invoices',
      { customerId: 'CUSTOMER', dueDate: '2026-12-01', lines: [{ description: 'a', quantity: 1, unitPriceSatang: 10.5 }] },
      'lines.0.unitPriceSatang',
    ],
    ['/invoices', { customerId: 'CUSTOMER', dueDate: '2026-12-01', lines: [{ description: 'a', quantity: 1.2345, unitPriceSatang: 100 }] }, 'lines.0.quantity'],
    ['/invoices', { customerId: 'CUSTOMER', dueDate: '2026-12-01', lines: [] }, 'lines'],
    [
      '/invoices',
      { customerId: 'CUSTOMER', dueDate: '2026-12-01', lines: [{ description: 'a', quantity: 1, unitPriceSatang: 100 }], discountSatang: 101 },
      'discountSatang',
    ],
    [
      '/invoices',
      { customerId: 'CUSTOMER', dueDate: '2026-12-01', lines: [{ description: 'a', quantity: 1, unitPriceSatang: 100 }], vatMode: 'none' },
      'vatMode',
    ],
    ['/invoices', { customerId: 'no-such-customer', dueDate: '2026-12-01', lines: [{ description: 'a', quantity: 1, unitPriceSatang: 100 }] }, 'customerId'],
    ['/quotes', { customerId: 'CUSTOMER', validUntil: '2026-01-01', lines: [{ description: 'a', quantity: 1, unitPriceSatang: 100 }] }, 'validUntil'],
    ['/customers', { name: '' }, 'name'],
    ['/customers', { name: 'ok', email: 'not-an-email' }, 'email'],
    ['/deposits', { customerId: 'CUSTOMER', requiredSatang: -5 }, 'requiredSatang'],
    ['/jobs', { customerId: 'CUSTOMER', title: 'x', startDate: '2026-12-05', endDate: '2026-12-01' }, 'endDate'],
  ])('POST %s %j → 400 on %s', async (path, body, field) => {
    const before = await snapshot();
    const withCustomer = JSON.parse(JSON.stringify(body).replaceAll('"CUSTOMER"', JSON.stringify(customerId)));
    const res = await t.admin('POST', path, withCustomer);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toMatch(new RegExp(field.split('.').pop()!));
    expect(await snapshot()).toEqual(before);
  });

  it('rejects malformed JSON with a 400', async () => {
    const res = await fetch(`${t.baseUrl}/api/admin/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.adminApiKey}`, 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/JSON/);
  });
});

describe('payments, conflicts and receipts', () => {
  it('records payments, issues RC receipts, settles and then refuses overpayment and paying a void invoice (409, nothing changes)', async () => {
    const inv = await t.adminOk('createInvoice', {
      body: { customerId, dueDate: '2026-12-31', lines: [{ description: 'เช่าโปรเจกเตอร์', quantity: 1, unitPriceSatang: 1000000 }] },
    });
    expect(inv.netPayableSatang).toBe(1070000);
    const pay = (body: { amountSatang: number; method: 'promptpay' | 'cash' | 'bank_transfer'; reference?: string }) =>
      t.adminOp('recordPayment', { params: { id: inv.id }, body });

    const overpay = await pay({ amountSatang: 1070001, method: 'promptpay' });
    expect(overpay.status).toBe(409);
    expect(!overpay.ok && overpay.body.error.balanceSatang).toBe(1070000);

    const part = await t.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: 70000, method: 'cash' } });
    expect(part).toMatchObject({
      payment: { status: 'confirmed', amountSatang: 70000 },
      receipt: { type: 'RC' },
      invoice: { status: 'partially_paid', balanceSatang: 1000000 },
    });
    expect(part.receipt.number).toMatch(/^RC-2026-\d{4}$/);

    const rest = await t.adminOk('recordPayment', {
      params: { id: inv.id },
      body: { amountSatang: 1000000, method: 'bank_transfer', reference: 'KBANK 1234' },
    });
    expect(rest.invoice).toMatchObject({ status: 'paid', balanceSatang: 0 });
    // One tax invoice per payment (VAT-registered seller): the part each payment settled.
    expect(part.payment.taxInvoiceNumber).toMatch(/^TAX-2026-\d{4}$/);
    expect(rest.payment.taxInvoiceNumber).toMatch(/^TAX-2026-\d{4}$/);
    expect(rest.payment.taxInvoiceNumber).not.toBe(part.payment.taxInvoiceNumber);
    const taxed = await t.ctx.db.payment.findMany({ where: { invoiceId: inv.id }, select: { taxBaseSatang: true, taxVatSatang: true } });
    expect(taxed.reduce((s, p) => s + p.taxBaseSatang!, 0)).toBe(1000000);
    expect(taxed.reduce((s, p) => s + p.taxVatSatang!, 0)).toBe(70000);
    expect(rest.receipt.number).not.toBe(part.receipt.number);

    const before = await snapshot();
    const again = await pay({ amountSatang: 100, method: 'cash' });
    expect(again.status).toBe(409);
    const voidPaid = await t.adminOp('voidInvoice', { params: { id: inv.id }, body: { reason: 'x' } });
    expect(voidPaid.status).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it('voids an unpaid invoice and refuses a payment on it', async () => {
    const inv = await t.adminOk('createInvoice', {
      body: { customerId, dueDate: '2026-12-31', lines: [{ description: 'x', quantity: 1, unitPriceSatang: 5000 }] },
    });
    const voided = await t.adminOk('voidInvoice', { params: { id: inv.id }, body: { reason: 'ออกผิด' } });
    expect(voided).toMatchObject({ status: 'void', voidReason: 'ออกผิด', voidedAt: '2026-11-25T03:00:00.000Z' });
    const before = await snapshot();
    const pay = await t.adminOp('recordPayment', { params: { id: inv.id }, body: { amountSatang: 100, method: 'cash' } });
    expect(pay.status).toBe(409);
    expect(!pay.ok && pay.body.error.message).toMatch(/void/);
    expect(await snapshot()).toEqual(before);
  });

  it('gives PREREC for money received before the job starts', async () => {
    const job = await t.adminOk('createJob', { body: { customerId, title: 'งานอนาคต', startDate: '2026-12-20', endDate: '2026-12-21' } });
    const inv = await t.adminOk('createInvoice', {
      body: { customerId, jobId: job.id, dueDate: '2026-12-15', lines: [{ description: 'มัดจำค่าเช่า', quantity: 1, unitPriceSatang: 20000 }] },
    });
    const pay = await t.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: 21400, method: 'promptpay' } });
    expect(pay.receipt).toMatchObject({ type: 'PREREC', number: 'PREREC-2026-0001' });
  });

  it('returns 404 for unknown records', async () => {
    expect((await t.admin('POST', '/invoices/nope/payments', { amountSatang: 100, method: 'cash' })).status).toBe(404);
    expect((await t.admin('GET', '/customers/nope')).status).toBe(404);
    expect((await t.admin('POST', '/jobs/nope/stage', { stage: 'picking' })).status).toBe(404);
  });
});

describe('deposits', () => {
  it('collects (DEPR), refuses returning more than held (409), requires a reason for a deduction, returns (DEPRR)', async () => {
    const dep = await t.adminOk('createDeposit', { body: { customerId, requiredSatang: 2000000 } });
    expect(dep).toMatchObject({ status: 'pending', number: 'DEP-2026-0001', heldSatang: 0 });
    const params = { id: dep.id };

    const c1 = await t.adminOk('collectDeposit', { params, body: { amountSatang: 1500000, method: 'bank_transfer' } });
    expect(c1).toMatchObject({ deposit: { status: 'partially_held', heldSatang: 1500000 }, receipt: { type: 'DEPR', number: 'DEPR-2026-0001' } });
    const tooMuch = await t.adminOp('collectDeposit', { params, body: { amountSatang: 500001, method: 'cash' } });
    expect(tooMuch.status).toBe(409);
    const c2 = await t.adminOk('collectDeposit', { params, body: { amountSatang: 500000, method: 'cash' } });
    expect(c2.deposit.status).toBe('held');

    const before = await snapshot();
    const over = await t.adminOp('returnDeposit', { params, body: { amountSatang: 2000001 } });
    expect(over.status).toBe(409);
    const noReason = await t.adminOp('returnDeposit', { params, body: { amountSatang: 1800000 } });
    expect(noReason.status).toBe(400);
    expect(!noReason.ok && noReason.body.error.field).toBe('reason');
    expect(await snapshot()).toEqual(before);

    const ret = await t.adminOp('returnDeposit', { params, body: { amountSatang: 1800000, reason: 'ขาตั้งไฟหัก 1 ชุด', method: 'bank_transfer' } });
    expect(ret.status).toBe(201);
    expect(ret.body).toMatchObject({
      deposit: { status: 'partially_returned', returnedSatang: 1800000, deductedSatang: 200000 },
      return: { amountSatang: 1800000, deductedSatang: 200000, reason: 'ขาตั้งไฟหัก 1 ชุด' },
      receipt: { type: 'DEPRR', number: 'DEPRR-2026-0001' },
    });
    const twice = await t.adminOp('returnDeposit', { params, body: { amountSatang: 0, reason: 'x' } });
    expect(twice.status).toBe(409);
  });
});

describe('jobs and the customer summary', () => {
  it('moves stages along the table, refuses invalid moves (409), and summarises the customer', async () => {
    const job = await t.adminOk('createJob', {
      body: { customerId, title: 'ถ่ายโฆษณา', startDate: '2026-11-24', endDate: '2026-11-26', equipment: [{ name: 'Sony FX6', quantity: 2 }] },
    });
    expect(job.number).toMatch(/^JOB-2026-\d{4}$/);
    expect(job).toMatchObject({
      stage: 'new',
      equipment: [{ name: 'Sony FX6', quantity: 2 }],
      history: [{ stage: 'new', changedAt: '2026-11-25T03:00:00.000Z' }],
    });
    const params = { id: job.id };
    const moved = await t.adminOk('moveJobStage', { params, body: { stage: 'picking', note: 'จัดของ' } });
    expect(moved).toMatchObject({ previousStage: 'new', stage: 'picking', changedAt: '2026-11-25T03:00:00.000Z' });
    expect((await t.adminOp('moveJobStage', { params, body: { stage: 'picking' } })).status).toBe(409);
    expect((await t.admin('POST', `/jobs/${job.id}/stage`, { stage: 'flying' })).status).toBe(400);
    await t.adminOk('moveJobStage', { params, body: { stage: 'cancelled' } });
    const before = await snapshot();
    expect((await t.adminOp('moveJobStage', { params, body: { stage: 'picking' } })).status).toBe(409);
    expect(await snapshot()).toEqual(before);

    const summary = await t.adminOk('getCustomer', { params: { id: customerId } });
    expect(summary.name).toBe('คุณสมชาย ใจดี');
    expect(summary.openJobs.every((j) => j.stage !== 'cancelled')).toBe(true);
    const expectedBalance = summary.openInvoices.reduce((s, i) => s + i.balanceSatang, 0);
    expect(summary.balanceDueSatang).toBe(expectedBalance);
    expect(summary.depositsHeldSatang).toBe(0);
  });

  it('derives overdue from the due date and the clock', async () => {
    const c = await t.adminOk('createCustomer', { body: { name: 'ลูกค้าค้างจ่าย' } });
    const inv = await t.adminOk('createInvoice', {
      body: { customerId: c.id, dueDate: '2026-11-30', lines: [{ description: 'x', quantity: 1, unitPriceSatang: 10000 }] },
    });
    await t.ctx.db.invoice.update({ where: { id: inv.id }, data: { status: 'sent' } });
    expect((await t.adminOk('getCustomer', { params: { id: c.id } })).overdueCount).toBe(0);
    t.clock.set('2026-12-01T02:00:00Z');
    const later = await t.adminOk('getCustomer', { params: { id: c.id } });
    expect(later.overdueCount).toBe(1);
    expect(later.openInvoices[0]?.status).toBe('overdue');
    t.clock.set('2026-11-25T03:00:00.000Z');
  });

  it('patches a customer and names a bad field', async () => {
    const ok = await t.adminOk('updateCustomer', { params: { id: customerId }, body: { language: 'en', phone: '0899999999' } });
    expect(ok).toMatchObject({ language: 'en', phone: '0899999999' });
    const bad = await t.admin('PATCH', `/customers/${customerId}`, { language: 'fr' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('language');
  });
});

describe('document numbers', () => {
  it('issues numbers concurrently with no gap and no duplicate', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.adminOp('createInvoice', { body: { customerId, dueDate: '2026-12-31', lines: [{ description: `งาน ${i}`, quantity: 1, unitPriceSatang: 1000 }] } }),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const all = (await t.ctx.db.invoice.findMany({ select: { number: true } })).map((i) => Number(i.number.split('-')[2]));
    all.sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
  });

  it('starts a new sequence in a new Bangkok year', async () => {
    t.clock.set('2026-12-31T17:30:00Z'); // 00:30 on 1 Jan 2027 in Bangkok
    const res = await t.adminOk('createInvoice', {
      body: { customerId, dueDate: '2027-01-31', lines: [{ description: 'ปีใหม่', quantity: 1, unitPriceSatang: 1000 }] },
    });
    expect(res.number).toBe('INV-2027-0001');
    t.clock.set('2026-11-25T03:00:00.000Z');
  });
});
