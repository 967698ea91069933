/**
 * A tax invoice needs the buyer's name and address, and for a VAT-registered buyer (one with a tax
 * ID) its head office or branch (Revenue Code s.86/4). Refused early with the field named, and
 * nothing is changed: at customer create/update, when the invoice is sent, and before a payment
 * that would issue the tax invoice is recorded.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.adminOk('saveBusiness', { body: VAT_BUSINESS });
});
afterAll(() => t.stop());

const company = { name: 'คุณสมศรี', companyName: 'บริษัท ลูกค้า จำกัด', taxId: '0105558123451', phone: '0898765432' };

describe('customer with a tax ID', () => {
  it.each([
    [{ ...company, address: '99 ถนนพระราม 9 กรุงเทพฯ' }, 'branchCode'],
    [{ ...company, branchCode: '00000' }, 'address'],
  ])('refuses %j without %s (400, nothing stored)', async (body, field) => {
    const before = await t.ctx.db.customer.count();
    const res = await t.admin('POST', '/customers', body);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(await t.ctx.db.customer.count()).toBe(before);
  });

  it('refuses an update that would leave the tax ID without branch or address, and changes nothing', async () => {
    const c = await t.adminOk('createCustomer', { body: { ...company, branchCode: '00001', address: '1 ถนนสีลม' } });
    const noBranch = await t.admin('PATCH', `/customers/${c.id}`, { branchCode: null });
    expect(noBranch.status).toBe(400);
    expect(noBranch.body.error.field).toBe('branchCode');
    const noAddress = await t.admin('PATCH', `/customers/${c.id}`, { address: '' });
    expect(noAddress.status).toBe(400);
    expect(noAddress.body.error.field).toBe('address');
    const plain = await t.adminOk('createCustomer', { body: { name: 'คุณไม่มีที่อยู่', phone: '0811111112' } });
    const taxIdAlone = await t.admin('PATCH', `/customers/${plain.id}`, { taxId: '0105558123451' });
    expect(taxIdAlone.status).toBe(400);
    expect(taxIdAlone.body.error.field).toBe('branchCode');
    expect(await t.ctx.db.customer.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ branchCode: '00001', address: '1 ถนนสีลม' });
    expect((await t.ctx.db.customer.findUniqueOrThrow({ where: { id: plain.id } })).taxId).toBeNull();
    // With both, it is fine.
    const ok = await t.adminOk('updateCustomer', { params: { id: plain.id }, body: { taxId: '0105558123451', branchCode: '00000', address: '5 ถนนสาทร' } });
    expect(ok.branchCode).toBe('00000');
  });
});

describe('issuing a tax invoice to a VAT-registered buyer with missing fields', () => {
  it('refuses to send the invoice and to record a payment (409 naming customer.address); nothing is recorded', async () => {
    // Stored before the rule (or straight in the database): a tax ID but no address.
    const c = await t.ctx.db.customer.create({ data: { name: 'บริษัท ไม่มีที่อยู่ จำกัด', taxId: '0105558123451', branchCode: '00000', phone: '0811111113' } });
    const inv = await t.adminOk('createInvoice', {
      body: { customerId: c.id, dueDate: '2026-12-31', lines: [{ description: 'ค่าเช่าไฟ', quantity: 1, unitPriceSatang: 100000 }] },
    });

    const send = await t.admin('POST', `/invoices/${inv.id}/send`, {});
    expect(send.status).toBe(409);
    expect(send.body.error.field).toBe('customer.address');
    expect(send.body.error.messages.th).toContain('ที่อยู่');
    expect((await t.ctx.db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).status).toBe('draft');

    const pay = await t.admin('POST', `/invoices/${inv.id}/payments`, { amountSatang: inv.netPayableSatang, method: 'bank_transfer' });
    expect(pay.status).toBe(409);
    expect(pay.body.error.field).toBe('customer.address');
    expect(await t.ctx.db.payment.count({ where: { invoiceId: inv.id } })).toBe(0);
    expect(await t.ctx.db.receipt.count({ where: { customerId: c.id } })).toBe(0);
    expect(await t.ctx.db.documentSequence.count({ where: { prefix: 'TAX' } })).toBe(0);
    expect((await t.ctx.db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).paidSatang).toBe(0);

    // Once the address is there, the same payment goes through with its tax invoice.
    await t.adminOk('updateCustomer', { params: { id: c.id }, body: { address: '12 ถนนสุขุมวิท กรุงเทพฯ' } });
    const paid = await t.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: inv.netPayableSatang, method: 'bank_transfer' } });
    expect(paid.payment.taxInvoiceNumber).toMatch(/^TAX-2026-\d{4}$/);
  });

  it('refuses for a customer stored before the rule with a tax ID and no branch (customer.branchCode)', async () => {
    const c = await t.ctx.db.customer.create({ data: { name: 'บริษัท เก่า จำกัด', taxId: '0105558123451', address: '1 ถนนเก่า' } });
    const inv = await t.adminOk('createInvoice', {
      body: { customerId: c.id, dueDate: '2026-12-31', lines: [{ description: 'ค่าเช่าไฟ', quantity: 1, unitPriceSatang: 100000 }] },
    });
    const pay = await t.admin('POST', `/invoices/${inv.id}/payments`, { amountSatang: inv.netPayableSatang, method: 'bank_transfer' });
    expect(pay.status).toBe(409);
    expect(pay.body.error.field).toBe('customer.branchCode');
    expect(await t.ctx.db.payment.count({ where: { invoiceId: inv.id } })).toBe(0);
  });
});

describe('a buyer without a tax ID still needs an address on a full tax invoice (s.86/4)', () => {
  const lines = [{ description: 'ค่าเช่าเครื่องเสียง', quantity: 1, unitPriceSatang: 250000 }];

  /** Every row a refused send or payment could have written. */
  async function records(app: TestApp, customerId: string) {
    const db = app.ctx.db;
    return {
      invoices: await db.invoice.findMany({ where: { customerId }, orderBy: { id: 'asc' } }),
      payments: await db.payment.count(),
      receipts: await db.receipt.count(),
      sequences: await db.documentSequence.findMany({ orderBy: [{ prefix: 'asc' }, { year: 'asc' }] }),
      snapshots: await db.documentSnapshot.count(),
      outbox: await db.outboxMessage.count(),
    };
  }

  it('a VAT business refuses to send the invoice or record a payment (409 customer.address, Thai/English), nothing changes; with the address both go through', async () => {
    const c = await t.adminOk('createCustomer', { body: { name: 'คุณสมหญิง ไม่มีที่อยู่', phone: '0811111114' } });
    const inv = await t.adminOk('createInvoice', { body: { customerId: c.id, dueDate: '2026-12-31', lines } });
    const before = await records(t, c.id);

    const send = await t.admin('POST', `/invoices/${inv.id}/send`, {});
    expect(send.status).toBe(409);
    expect(send.body.error.field).toBe('customer.address');
    expect(send.body.error.messages.th).toContain('ที่อยู่');
    expect(send.body.error.messages.en).toContain('address');
    const pay = await t.admin('POST', `/invoices/${inv.id}/payments`, { amountSatang: 100000, method: 'bank_transfer' });
    expect(pay.status).toBe(409);
    expect(pay.body.error.field).toBe('customer.address');
    expect(await records(t, c.id)).toEqual(before);

    await t.adminOk('updateCustomer', { params: { id: c.id }, body: { address: '77 ซอยอารีย์ 2 แขวงสามเสนใน เขตพญาไท กรุงเทพมหานคร 10400' } });
    expect((await t.adminOk('sendInvoice', { params: { id: inv.id }, body: {} })).invoice.status).toBe('sent');
    const paid = await t.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: 100000, method: 'bank_transfer' } });
    expect(paid.payment.taxInvoiceNumber).toMatch(/^TAX-2026-\d{4}$/);
  });

  it('a business that is not VAT-registered issues no tax invoice, so it sends and takes payment without an address', async () => {
    const plain = await startTestApp();
    try {
      await plain.adminOk('saveBusiness', { body: { ...VAT_BUSINESS, vatRegistered: false } });
      const c = await plain.adminOk('createCustomer', { body: { name: 'คุณสมหญิง ไม่มีที่อยู่', phone: '0811111115' } });
      const inv = await plain.adminOk('createInvoice', { body: { customerId: c.id, dueDate: '2026-12-31', lines } });
      expect((await plain.adminOk('sendInvoice', { params: { id: inv.id }, body: {} })).invoice.status).toBe('sent');
      const paid = await plain.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: inv.netPayableSatang, method: 'cash' } });
      expect(paid.payment.taxInvoiceNumber).toBeNull();
      expect(paid.invoice.status).toBe('paid');
    } finally {
      await plain.stop();
    }
  });
});
