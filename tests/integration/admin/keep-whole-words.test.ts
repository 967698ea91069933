/**
 * The business's own keep-whole words: set through saveBusiness (validated, kept when the
 * field is absent) and used when its documents are printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, VAT_BUSINESS } from '../../helpers/test-app.ts';
import { pdfText } from '../../unit/documents/pdf-tools.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const OWN_WORD = 'ฟ็อกแมชชีน'; // ICU: ฟ็|อก|แมชชีน

describe('Business.keepWholeWords', () => {
  it('is saved (trimmed, without repeats), answered, and kept when a later save leaves it out', async () => {
    const saved = await t.adminOk('saveBusiness', { body: { ...VAT_BUSINESS, keepWholeWords: [` ${OWN_WORD} `, OWN_WORD, 'สโมคแมชชีน'] } });
    expect(saved.keepWholeWords).toEqual([OWN_WORD, 'สโมคแมชชีน']);
    const again = await t.adminOk('saveBusiness', { body: { ...VAT_BUSINESS, name: 'บริษัท ทดสอบใหม่ จำกัด' } });
    expect(again.keepWholeWords).toEqual([OWN_WORD, 'สโมคแมชชีน']);
    expect((await t.adminOk('getBusiness', {})).keepWholeWords).toEqual([OWN_WORD, 'สโมคแมชชีน']);
  });

  it.each<[string, unknown[], string]>([
    ['a word with a space', [OWN_WORD, 'ฟ็อก แมชชีน'], 'keepWholeWords.1'],
    ['a single letter', ['ก'], 'keepWholeWords.0'],
    ['an emoji', ['ไฟ💡'], 'keepWholeWords.0'],
    ['a zero-width space', ['ไฟ\u200Bพาร์'], 'keepWholeWords.0'],
  ])('refuses %s with a 400 naming %s; nothing changes', async (_name, words, field) => {
    await t.adminOk('saveBusiness', { body: { ...VAT_BUSINESS, keepWholeWords: [OWN_WORD] } });
    const res = await t.admin('PUT', '/business', { ...VAT_BUSINESS, name: 'ไม่ควรบันทึก', keepWholeWords: words });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    const stored = await t.ctx.db.business.findFirstOrThrow();
    expect(stored.keepWholeWords).toBe(OWN_WORD);
    expect(stored.name).toBe(VAT_BUSINESS.name);
  });

  it("keeps the business's own words whole on its printed invoice", async () => {
    await t.adminOk('saveBusiness', { body: { ...VAT_BUSINESS, keepWholeWords: [OWN_WORD] } });
    const customer = await t.adminOk('createCustomer', { body: { name: 'คุณสมชาย ใจดี', email: 'somchai@example.com' } });
    // Descriptions that wrap at many different places around the word.
    const lines = Array.from({ length: 12 }, (_, k) => ({
      description: `${'ค่าเช่า'.repeat(k + 1)}เครื่องทำควัน${OWN_WORD}พร้อมน้ำยา`,
      quantity: 1,
      unitPriceSatang: 100_000,
    }));
    const invoice = await t.adminOk('createInvoice', { body: { customerId: customer.id, dueDate: '2026-12-10', lines } });
    const res = await fetch(`${t.baseUrl}/api/admin/documents/invoice.${invoice.id}`, { headers: { authorization: `Bearer ${t.adminApiKey}` } });
    expect(res.status).toBe(200);
    const text = pdfText(Buffer.from(await res.arrayBuffer()), 'raw');
    expect(text.split(OWN_WORD).length - 1).toBe(lines.length);
  });
});
