import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.ts';

let t: TestApp;
let smtp: SmtpSink;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await startTestApp({ env: { SMTP_URL: smtp.url, SMTP_FROM: 'Test Co. <billing@test.example>' } });
  await t.admin('PUT', '/business', VAT_BUSINESS);
});
afterAll(async () => {
  await t.stop();
  await smtp.close();
});

describe('the receipt email carries the issued receipt PDF', () => {
  it('a payment recorded for a customer with only an email sends "payment received" with the same PDF the portal serves', async () => {
    const c = await t.admin('POST', '/customers', {
      name: 'คุณอีเมล ล้วน',
      address: '64 ถนนมิตรภาพ ตำบลในเมือง อำเภอเมืองขอนแก่น จังหวัดขอนแก่น 40000',
      email: 'only-email@example.com',
    });
    const inv = await t.admin('POST', '/invoices', {
      customerId: c.body.id,
      dueDate: '2026-12-31',
      lines: [{ description: 'ค่าเช่าไฟ', quantity: 1, unitPriceSatang: 100000 }],
    });
    const pay = await t.admin('POST', `/invoices/${inv.body.id}/payments`, { amountSatang: 107000, method: 'promptpay' });
    expect(pay.status).toBe(201);
    await t.messaging.drainOnce();
    const [mail] = await smtp.waitForMails(1);
    expect(mail!.to).toEqual(['only-email@example.com']);
    const pdf = mail!.parsed.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf, 'receipt PDF attached').toBeDefined();
    expect(pdf!.filename).toContain(pay.body.receipt.number);
    const served = await fetch(`${t.baseUrl}/api/admin/documents/receipt.${pay.body.receipt.id}`, { headers: { authorization: `Bearer ${t.adminApiKey}` } });
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf!.content)).toBe(true);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mail-pdf-'));
    writeFileSync(path.join(dir, 'r.pdf'), pdf!.content);
    const text = execFileSync('pdftotext', ['-raw', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).normalize('NFKC');
    expect(text).toContain(pay.body.receipt.number);
    expect(text).toContain('1,070.00');
  });
});
