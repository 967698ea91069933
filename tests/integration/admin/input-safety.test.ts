/**
 * Inputs that can't hurt: invisible and control characters, Thai tax IDs with their check digit,
 * PromptPay IDs as people type them, date bounds, and no portal links for drafts. Each refusal is
 * a 400/409 naming the field, and nothing is stored.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
let customerId: string;

beforeAll(async () => {
  t = await startTestApp();
  expect((await t.admin('PUT', '/business', VAT_BUSINESS)).status).toBe(200);
  const c = await t.admin('POST', '/customers', {
    name: 'คุณสมชาย ใจดี',
    address: '88/8 ถนนพหลโยธิน แขวงสามเสนใน เขตพญาไท กรุงเทพมหานคร 10400',
    email: 'somchai@example.com',
    phone: '0815550101',
  });
  expect(c.status).toBe(201);
  customerId = c.body.id;
});
afterAll(() => t.stop());

const line = { description: 'ค่าเช่ากล้อง', quantity: 1, unitPriceSatang: 100000 };

describe('free text refuses control, bidi and zero-width characters', () => {
  it('a customer name with U+202E → 400 naming name, nothing stored', async () => {
    const before = await t.ctx.db.customer.count();
    const res = await t.admin('POST', '/customers', { name: 'John \u202Ehtims' });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('name');
    expect(res.body.error.message).toMatch(/^name: .*U\+202E/);
    expect(await t.ctx.db.customer.count()).toBe(before);
  });

  it.each<[string, string, () => unknown]>([
    ['a NUL in a customer name', 'name', () => ({ name: 'Som\u0000chai' })],
    ['a zero-width space in a company name', 'companyName', () => ({ name: 'Ok', companyName: 'ฟ้า\u200Bใส' })],
    ['a zero-width joiner in an address', 'address', () => ({ name: 'Ok', address: '1 ถนน\u200Dสุขุมวิท' })],
    ['a bidi isolate in notes', 'notes', () => ({ name: 'Ok', notes: 'call \u2066first' })],
    ['a newline in a name (single line)', 'name', () => ({ name: 'two\nlines' })],
    ['a C1 control in a name', 'name', () => ({ name: 'a\u0085b' })],
  ])('customers: %s → 400 %s', async (_name, field, body) => {
    const before = await t.ctx.db.customer.count();
    const res = await t.admin('POST', '/customers', body());
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(await t.ctx.db.customer.count()).toBe(before);
  });

  it('multi-line fields keep newlines and tabs; CRLF is stored as a newline', async () => {
    const res = await t.admin('POST', '/customers', { name: 'คุณวิภา', address: '99 หมู่ 4\r\nเกาะสมุย\t84320', notes: 'line 1\nline 2' });
    expect(res.status).toBe(201);
    const stored = await t.ctx.db.customer.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(stored.address).toBe('99 หมู่ 4\nเกาะสมุย\t84320');
    expect(stored.notes).toBe('line 1\nline 2');
  });

  it('a patch is checked the same way', async () => {
    const res = await t.admin('PATCH', `/customers/${customerId}`, { name: 'Evil\u202E' });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('name');
    expect((await t.ctx.db.customer.findUniqueOrThrow({ where: { id: customerId } })).name).toBe('คุณสมชาย ใจดี');
  });

  it.each<[string, string, string, () => unknown]>([
    ['job title', '/jobs', 'title', () => ({ customerId, title: 'Shoot\u0000' })],
    ['job site address', '/jobs', 'siteAddress', () => ({ customerId, title: 'Shoot', siteAddress: 'Studio\u202E5' })],
    ['equipment name', '/jobs', 'equipment.0.name', () => ({ customerId, title: 'Shoot', equipment: [{ name: 'FX6\u200B' }] })],
    [
      'quote line description',
      '/quotes',
      'lines.0.description',
      () => ({ customerId, validUntil: '2026-12-10', lines: [{ ...line, description: 'เช่า\u2067กล้อง' }] }),
    ],
    ['quote notes', '/quotes', 'notes', () => ({ customerId, validUntil: '2026-12-10', lines: [line], notes: 'x\uFEFFy' })],
    ['invoice notes', '/invoices', 'notes', () => ({ customerId, dueDate: '2026-12-10', lines: [line], notes: 'x\u0007' })],
    ['business name', '/business', 'name', () => ({ ...VAT_BUSINESS, name: 'ร้าน\u202Dทดสอบ' })],
    ['PromptPay name', '/business', 'promptPayName', () => ({ ...VAT_BUSINESS, promptPayName: 'บจก.\u200Cทดสอบ' })],
    ['staff invitation creator', '/staff/invitations', 'createdBy', () => ({ createdBy: 'admin\u0000' })],
  ])('%s (%s) → 400 naming %s', async (_name, url, field, body) => {
    const method = url === '/business' ? 'PUT' : 'POST';
    const res = await t.admin(method, url, body());
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
  });

  it('payment references and void reasons are checked too', async () => {
    const inv = await t.admin('POST', '/invoices', { customerId, dueDate: '2026-12-10', lines: [line] });
    expect((await t.admin('POST', `/invoices/${inv.body.id}/send`, {})).status).toBe(200);
    const pay = await t.admin('POST', `/invoices/${inv.body.id}/payments`, { amountSatang: 1000, method: 'cash', reference: 'KBANK\u202E1842' });
    expect(pay.status).toBe(400);
    expect(pay.body.error.field).toBe('reference');
    expect(await t.ctx.db.payment.count({ where: { invoiceId: inv.body.id } })).toBe(0);
    const voided = await t.admin('POST', `/invoices/${inv.body.id}/void`, { reason: 'typo\u200B' });
    expect(voided.status).toBe(400);
    expect(voided.body.error.field).toBe('reason');
  });
});

describe('Thai tax IDs carry a valid check digit', () => {
  it('accepts dashes and spaces as typed and stores digits only', async () => {
    const res = await t.admin('POST', '/customers', { name: 'บริษัท ฟ้าใส', taxId: '0-1055-64012-34-7', branchCode: '00000', address: '1 ถนนรัชดาภิเษก' });
    expect(res.status).toBe(201);
    expect((await t.ctx.db.customer.findUniqueOrThrow({ where: { id: res.body.id } })).taxId).toBe('0105564012347');
  });

  it('refuses a wrong check digit (customer and business), naming taxId; nothing stored', async () => {
    const before = await t.ctx.db.customer.count();
    const res = await t.admin('POST', '/customers', { name: 'บริษัท ผิด', taxId: '0105558000001' });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('taxId');
    expect(res.body.error.message).toMatch(/check|last digit/);
    expect(await t.ctx.db.customer.count()).toBe(before);
    const business = await t.admin('PUT', '/business', { ...VAT_BUSINESS, taxId: '0105561234561' });
    expect(business.status).toBe(400);
    expect(business.body.error.field).toBe('taxId');
    expect((await t.ctx.db.business.findFirstOrThrow()).taxId).toBe(VAT_BUSINESS.taxId);
  });
});

describe('PromptPay IDs as people type them', () => {
  it.each([
    ['081-234-5678', '0812345678'],
    ['+66 81 234 5678', '0812345678'],
    ['0812345678', '0812345678'],
    ['0-1055-61234-56-0', '0105561234560'],
    ['004999000288505', '004999000288505'],
  ])('%s is stored as %s', async (typed, stored) => {
    const res = await t.admin('PUT', '/business', { ...VAT_BUSINESS, promptPayId: typed });
    expect(res.status).toBe(200);
    expect((await t.ctx.db.business.findFirstOrThrow()).promptPayId).toBe(stored);
  });

  it.each(['02-123-4567', '0105561234561', '12345'])('refuses %s naming promptPayId', async (typed) => {
    await t.admin('PUT', '/business', VAT_BUSINESS);
    const res = await t.admin('PUT', '/business', { ...VAT_BUSINESS, promptPayId: typed });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('promptPayId');
    expect((await t.ctx.db.business.findFirstOrThrow()).promptPayId).toBe(VAT_BUSINESS.promptPayId);
  });
});

describe('dates have sane bounds', () => {
  // The test clock is 2026-11-25 (Bangkok).
  it('a quote valid for more than a year after its issue date → 400 validUntil, nothing stored', async () => {
    const before = await t.ctx.db.quote.count();
    for (const validUntil of ['9999-12-31', '2027-11-26']) {
      const res = await t.admin('POST', '/quotes', { customerId, validUntil, lines: [line] });
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe('validUntil');
    }
    expect(await t.ctx.db.quote.count()).toBe(before);
    expect((await t.admin('POST', '/quotes', { customerId, validUntil: '2027-11-25', lines: [line] })).status).toBe(201);
  });

  it('an invoice due more than two years after issue, or a job in 9999 → 400 naming the field', async () => {
    const invoice = await t.admin('POST', '/invoices', { customerId, dueDate: '9999-12-31', lines: [line] });
    expect(invoice.status).toBe(400);
    expect(invoice.body.error.field).toBe('dueDate');
    const issued = await t.admin('POST', '/invoices', { customerId, dueDate: '9999-12-31', issueDate: '9999-12-01', lines: [line] });
    expect(issued.status).toBe(400);
    expect(issued.body.error.field).toBe('issueDate');
    const job = await t.admin('POST', '/jobs', { customerId, title: 'Shoot', startDate: '2026-12-01', endDate: '9999-12-31' });
    expect(job.status).toBe(400);
    expect(job.body.error.field).toBe('endDate');
  });
});

describe('no portal links for drafts', () => {
  it('POST /links for a draft quote or draft invoice → 409, no link created; once sent, 201', async () => {
    const quote = await t.admin('POST', '/quotes', { customerId, validUntil: '2026-12-10', lines: [line] });
    const invoice = await t.admin('POST', '/invoices', { customerId, dueDate: '2026-12-10', lines: [line] });
    expect(quote.body.status).toBe('draft');
    const links = await t.ctx.db.portalLink.count();
    for (const [scope, id] of [
      ['quote', quote.body.id],
      ['invoice', invoice.body.id],
    ]) {
      const res = await t.admin('POST', '/links', { scope, id });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/draft/);
      expect(res.body.error.message).toMatch(/send it to the client first/);
    }
    expect(await t.ctx.db.portalLink.count()).toBe(links);
    expect((await t.admin('POST', `/quotes/${quote.body.id}/send`, {})).status).toBe(200);
    expect((await t.admin('POST', '/links', { scope: 'quote', id: quote.body.id })).status).toBe(201);
  });
});
