/**
 * Text printed on documents is refused when the document font cannot draw a character of it
 * (emoji, Chinese, Korean…): a 400 naming the field and the characters, in English and Thai,
 * and nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, VAT_BUSINESS } from '../../helpers/test-app.ts';

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

describe('characters no document font can draw', () => {
  it('a customer name with Chinese and an emoji → 400 naming name and the characters; nothing stored', async () => {
    const before = await t.ctx.db.customer.count();
    const res = await t.admin('POST', '/customers', { name: 'คุณหลี่ 李明 📷' });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('name');
    expect(res.body.error.message).toMatch(/^name: /);
    for (const part of ['李 (U+674E)', '明 (U+660E)', '📷 (U+1F4F7)', 'cannot print', 'พิมพ์ลงเอกสารไม่ได้']) {
      expect(res.body.error.message).toContain(part);
    }
    expect(await t.ctx.db.customer.count()).toBe(before);
  });

  it.each<[string, string, string, string, () => unknown]>([
    ['company name (Korean)', 'POST', '/customers', 'companyName', () => ({ name: 'Ok', companyName: '한국 무역' })],
    ['customer address (emoji)', 'POST', '/customers', 'address', () => ({ name: 'Ok', address: '1 ถนนสีลม 🏢' })],
    [
      'quote line description',
      'POST',
      '/quotes',
      'lines.0.description',
      () => ({ customerId, validUntil: '2026-12-10', lines: [{ ...line, description: 'ไฟ 💡 LED' }] }),
    ],
    ['quote notes', 'POST', '/quotes', 'notes', () => ({ customerId, validUntil: '2026-12-10', lines: [line], notes: 'ขอบคุณครับ 🙏' })],
    ['invoice notes', 'POST', '/invoices', 'notes', () => ({ customerId, dueDate: '2026-12-10', lines: [line], notes: '✓ ชำระแล้ว' })],
    ['business name', 'PUT', '/business', 'name', () => ({ ...VAT_BUSINESS, name: 'ร้านกาแฟ ☕' })],
    ['business English address', 'PUT', '/business', 'addressEn', () => ({ ...VAT_BUSINESS, addressEn: '1 Sukhumvit №5' })],
  ])('%s (%s %s) → 400 naming %s', async (_name, method, url, field, body) => {
    const counts = async () => [await t.ctx.db.customer.count(), await t.ctx.db.quote.count(), await t.ctx.db.invoice.count()];
    const before = await counts();
    const res = await t.admin(method, url, body());
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toContain('U+');
    expect(await counts()).toEqual(before);
    expect((await t.ctx.db.business.findFirstOrThrow()).name).toBe(VAT_BUSINESS.name);
  });

  it('accepts what the font draws: Thai, Latin, Vietnamese, ฿ and typographic punctuation', async () => {
    const res = await t.admin('POST', '/customers', {
      name: 'Nguyễn Văn An',
      companyName: 'บริษัท น้ำใส “Clear” จำกัด',
      address: '99/1 ถนนพระราม ๙ – ห้อง 3°C\nกรุงเทพฯ ฿',
    });
    expect(res.status).toBe(201);
  });

  it('payment references and void reasons are checked too', async () => {
    const inv = await t.admin('POST', '/invoices', { customerId, dueDate: '2026-12-10', lines: [line] });
    expect((await t.admin('POST', `/invoices/${inv.body.id}/send`, {})).status).toBe(200);
    const pay = await t.admin('POST', `/invoices/${inv.body.id}/payments`, { amountSatang: 1000, method: 'cash', reference: 'โอนแล้ว 👍' });
    expect(pay.status).toBe(400);
    expect(pay.body.error.field).toBe('reference');
    expect(await t.ctx.db.payment.count({ where: { invoiceId: inv.body.id } })).toBe(0);
    const voided = await t.admin('POST', `/invoices/${inv.body.id}/void`, { reason: 'ลูกค้ายกเลิก 😢' });
    expect(voided.status).toBe(400);
    expect(voided.body.error.field).toBe('reason');
  });
});
