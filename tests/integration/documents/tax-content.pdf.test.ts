/**
 * What receipts and tax invoices say, read back with pdftotext: withholding on the receipt
 * (gross settled, withheld with the 50 ทวิ number, cash received), the service named on a
 * part-payment tax invoice, VAT = 7 % of the printed base, and the day the money arrived.
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
  if (process.env.TAX_PDF_OUT) writeFileSync(path.join(process.env.TAX_PDF_OUT, `${Date.now()}-${Math.random().toString(36).slice(2, 6)}.pdf`), bytes);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).normalize('NFKC');
}

async function pdf(documentId: string): Promise<string> {
  const res = await fetch(`${t.baseUrl}/api/admin/documents/${documentId}`, { headers: { authorization: 'Bearer test-admin-key-0123456789abcdef' } });
  expect(res.status).toBe(200);
  return pdfText(Buffer.from(await res.arrayBuffer()));
}

/** `label` followed closely by `amount` (pdftotext gives SARA AM decomposed: NFKC on both sides). */
function expectRow(text: string, label: string, amount: string) {
  const escaped = label.normalize('NFKC').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  expect(text).toMatch(new RegExp(`${escaped}[\\s\\S]{0,60}?(?<![\\d,.])${amount.replaceAll('.', '\\.')}`));
}

const baht = (text: string) => Math.round(Number(text.replaceAll(',', '')) * 100);

async function companyCustomer() {
  return t.adminOk('createCustomer', {
    body: {
      name: 'คุณสมศรี มีทรัพย์',
      companyName: 'บริษัท ลูกค้า จำกัด',
      taxId: '0105558123451',
      branchCode: '00000',
      address: '99 ถนนพระราม 9 กรุงเทพฯ',
      phone: '0898765432',
    },
  });
}

describe('receipt for a withholding-tax invoice', () => {
  it('shows gross settled 3,209.99, tax withheld 90.00 with the 50 ทวิ number, and cash received 3,119.99', async () => {
    const c = await companyCustomer();
    const inv = await t.adminOk('createInvoice', {
      body: {
        customerId: c.id,
        dueDate: '2026-12-31',
        withholdingPercent: 3,
        lines: [
          { description: 'ค่าบริการตัดต่อวิดีโอ', quantity: 2, unitPriceSatang: 100000 },
          { description: 'ค่าบริการถ่ายภาพ', quantity: 3, unitPriceSatang: 33333 },
        ],
      },
    });
    expect(inv.netPayableSatang).toBe(311999);
    const paid = await t.adminOk('recordPayment', {
      params: { id: inv.id },
      body: { amountSatang: 311999, method: 'bank_transfer', withholdingCertRef: 'WHT-2569/0042' },
    });
    const receipt = await pdf(`receipt.${paid.receipt.id}`);
    expectRow(receipt, 'ยอดตามใบแจ้งหนี้ที่ชำระ', '3,209.99');
    expectRow(receipt, 'หักภาษี ณ ที่จ่าย 3%', '-90.00');
    expectRow(receipt, 'จำนวนเงินที่ได้รับ', '3,119.99');
    expectRow(receipt, 'หนังสือรับรองการหักภาษี ณ ที่จ่าย (50 ทวิ)', 'WHT-2569/0042');
    expect(receipt).toContain(paid.payment.taxInvoiceNumber!);
    expect(receipt).toContain('สามพันหนึ่งร้อยสิบเก้าบาทเก้าสิบเก้าสตางค์'.normalize('NFKC'));
  });

  it('a part payment withholds its share; without a 50 ทวิ number the receipt says it is to follow', async () => {
    const c = await companyCustomer();
    const inv = await t.adminOk('createInvoice', {
      body: {
        customerId: c.id,
        dueDate: '2026-12-31',
        withholdingPercent: 3,
        lines: [{ description: 'ค่าเช่าจอ LED', quantity: 1, unitPriceSatang: 1_000_000 }],
      },
    });
    // 10,000.00 + VAT 700.00 = 10,700.00, WHT 300.00, net 10,400.00; half paid.
    const paid = await t.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: 520000, method: 'bank_transfer' } });
    const receipt = await pdf(`receipt.${paid.receipt.id}`);
    expectRow(receipt, 'ยอดตามใบแจ้งหนี้ที่ชำระ', '5,350.00');
    expectRow(receipt, 'หักภาษี ณ ที่จ่าย 3%', '-150.00');
    expectRow(receipt, 'จำนวนเงินที่ได้รับ', '5,200.00');
    expect(receipt).toContain('จะส่งตามมา'.normalize('NFKC'));
  });
});

describe('tax invoice for a part payment', () => {
  it('lists every invoice line with its share, and its VAT is 7 % of its own printed base', async () => {
    const c = await companyCustomer();
    const inv = await t.adminOk('createInvoice', {
      body: {
        customerId: c.id,
        dueDate: '2026-12-31',
        lines: [
          { description: 'ค่าเช่ากล้อง Sony FX6', quantity: 3, unitPriceSatang: 150000 },
          { description: 'ค่าช่างภาพ', quantity: 1, unitPriceSatang: 234567 },
        ],
      },
    });
    expect(inv.netPayableSatang).toBe(732487);
    // 3,000.04 of 7,324.87: the proportional split of base and VAT gave VAT 1 satang off 7 % of the base.
    const first = await t.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: 300004, method: 'bank_transfer' } });
    const text = await pdf(`tax_invoice.${first.payment.id}`);
    expect(text).toContain('ค่าเช่ากล้อง Sony FX6'.normalize('NFKC'));
    expect(text).toContain('ค่าช่างภาพ'.normalize('NFKC'));
    expect(text).toMatch(new RegExp(`${'ชำระบางส่วน'.normalize('NFKC')} \\d+\\.\\d\\d% ${'ของมูลค่า'.normalize('NFKC')} 4,500\\.00`));
    expect(text).toContain(inv.number);
    const base = baht(/มูลค่าก่อนภาษี \/ Amount before VAT ([\d,]+\.\d\d)/.exec(text)![1]!);
    const vat = baht(/VAT 7% ([\d,]+\.\d\d)/.exec(text)![1]!);
    expect(vat).toBe(Math.floor(base * 0.07 + 0.5));

    // The rest in one go: the two tax invoices add up to the invoice's base and VAT.
    const second = await t.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: 732487 - 300004, method: 'bank_transfer' } });
    const rest = await pdf(`tax_invoice.${second.payment.id}`);
    const base2 = baht(/มูลค่าก่อนภาษี \/ Amount before VAT ([\d,]+\.\d\d)/.exec(rest)![1]!);
    const vat2 = baht(/VAT 7% ([\d,]+\.\d\d)/.exec(rest)![1]!);
    expect(vat2).toBe(Math.floor(base2 * 0.07 + 0.5));
    expect(base + base2).toBe(684567);
    expect(vat + vat2).toBe(47920);
  });
});

describe('the day the money arrived', () => {
  it('dates and numbers the tax invoice by it, and the receipt prints it', async () => {
    const c = await companyCustomer();
    const inv = await t.adminOk('createInvoice', {
      body: { customerId: c.id, issueDate: '2026-11-10', dueDate: '2026-12-31', lines: [{ description: 'ค่าเช่าไฟ', quantity: 1, unitPriceSatang: 100000 }] },
    });
    // Today is 25 Nov 2569; the transfer came on the 20th.
    const paid = await t.adminOk('recordPayment', {
      params: { id: inv.id },
      body: { amountSatang: inv.netPayableSatang, method: 'bank_transfer', receivedOn: '2026-11-20' },
    });
    const tax = await pdf(`tax_invoice.${paid.payment.id}`);
    expect(tax).toContain('20 พฤศจิกายน 2569'.normalize('NFKC'));
    expect(tax).not.toContain('25 พฤศจิกายน 2569'.normalize('NFKC'));
    const receipt = await pdf(`receipt.${paid.receipt.id}`);
    expectRow(receipt, 'วันที่ชำระ / Paid on', '20 พฤศจิกายน 2569'.normalize('NFKC'));
  });

  it.each([
    ['2026-11-26', 'in the future'],
    ['2026-10-01', 'more than 31 days before'],
    ['2026-02-30', 'YYYY-MM-DD'],
  ])('refuses receivedOn %s (%s) naming the field, and records nothing', async (receivedOn, why) => {
    const c = await companyCustomer();
    const inv = await t.adminOk('createInvoice', {
      body: { customerId: c.id, issueDate: '2026-11-10', dueDate: '2026-12-31', lines: [{ description: 'ค่าเช่าไฟ', quantity: 1, unitPriceSatang: 100000 }] },
    });
    const res = await t.admin('POST', `/invoices/${inv.id}/payments`, { amountSatang: inv.netPayableSatang, method: 'bank_transfer', receivedOn });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('receivedOn');
    expect(JSON.stringify(res.body.error)).toContain(why);
    expect(await t.ctx.db.payment.count({ where: { invoiceId: inv.id } })).toBe(0);
    expect((await t.ctx.db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).paidSatang).toBe(0);
  });
});
