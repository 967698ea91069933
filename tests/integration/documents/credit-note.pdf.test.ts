/**
 * The credit note (ใบลดหนี้) of a voided payment, read back with pdftotext: it carries what
 * Revenue Code s.86/10 requires — original tax invoice number and date, reason, original value,
 * correct value, difference and the VAT on the difference.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.adminOk('saveBusiness', { body: VAT_BUSINESS });
});
afterAll(() => t.stop());

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
  const file = path.join(dir, 'doc.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).normalize('NFKC');
}

async function pdf(documentId: string): Promise<Buffer> {
  const res = await fetch(`${t.baseUrl}/api/admin/documents/${documentId}`, { headers: { authorization: 'Bearer test-admin-key-0123456789abcdef' } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('credit note PDF', () => {
  it('states the original tax invoice, the reason, original and correct value, difference and VAT on it', async () => {
    const c = await t.adminOk('createCustomer', {
      body: {
        name: 'คุณสมศรี มีทรัพย์',
        companyName: 'บริษัท ลูกค้า จำกัด',
        taxId: '0105558123451',
        branchCode: '00000',
        address: '99 ถนนพระราม 9 กรุงเทพฯ',
        phone: '0898765432',
      },
    });
    const inv = await t.adminOk('createInvoice', {
      body: { customerId: c.id, dueDate: '2026-12-31', lines: [{ description: 'เช่าจอ LED', quantity: 1, unitPriceSatang: 1_234_500 }] },
    });
    const paid = await t.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: inv.netPayableSatang, method: 'bank_transfer' } });
    t.clock.set('2026-12-02T04:00:00.000Z');
    const voided = await t.adminOk('voidPayment', { params: { id: paid.payment.id }, body: { reason: 'บันทึกการชำระซ้ำ ลูกค้าโอนเพียงครั้งเดียว' } });
    const bytes = await pdf(voided.payment.creditNote!.documentId);
    if (process.env.CREDIT_NOTE_PDF_OUT) writeFileSync(process.env.CREDIT_NOTE_PDF_OUT, bytes);
    const text = pdfText(bytes);

    expect(text).toContain('ใบลดหนี้'.normalize('NFKC'));
    expect(text).toContain('Credit Note');
    expect(text).toContain('CN-2026-0001');
    expect(text).toContain(paid.payment.taxInvoiceNumber!);
    expect(text).toContain('25 พฤศจิกายน 2569'); // the tax invoice's date (Buddhist era)
    expect(text).toContain('2 ธันวาคม 2569'); // the credit note's own date
    // pdftotext gives SARA AM decomposed; NFKC on both sides compares like with like.
    const has = (label: string, amount: string) =>
      expect(text).toMatch(new RegExp(`${label.normalize('NFKC')}[\\s\\S]{0,40}?(?<![\\d,.])${amount.replace('.', '\\.')}`));
    expect(text).toContain('บันทึกการชำระซ้ำ ลูกค้าโอนเพียงครั้งเดียว'.normalize('NFKC'));
    has('มูลค่าตามใบกำกับภาษีเดิม', '12,345.00');
    has('มูลค่าที่ถูกต้อง', '0.00');
    has('ผลต่าง / Difference', '12,345.00');
    has('ภาษีมูลค่าเพิ่มของผลต่าง 7%', '864.15');
    has('รวมลดหนี้ทั้งสิ้น', '13,209.15');
    // Seller and buyer as a tax document requires.
    expect(text).toContain(VAT_BUSINESS.name.normalize('NFKC'));
    expect(text).toContain('0105561234560');
    expect(text).toContain('บริษัท ลูกค้า จำกัด'.normalize('NFKC'));
    expect(text).toContain('0105558123451');
    expect(text).toContain('หนึ่งหมื่นสามพันสองร้อยเก้าบาทสิบห้าสตางค์');

    // An issued document never changes: the same bytes on every download.
    expect((await pdf(voided.payment.creditNote!.documentId)).equals(await pdf(voided.payment.creditNote!.documentId))).toBe(true);
  });
});
