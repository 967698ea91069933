/**
 * Every kind of message, in both languages, with long Thai names and hostile text: email (HTML
 * and text from one template), SMS (one short line) and LINE Flex (valid by LINE's schema and
 * limits) all say the same thing and link to the right place.
 */
import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../../server/messaging/templates/email.ts';
import { renderSms } from '../../../server/messaging/templates/sms.ts';
import { lineMessagesFor } from '../../../bot/line-push-channel.ts';
import { validateLineMessages } from '../../fakes/fake-line-api.ts';
import { MESSAGE_KINDS, type KindFields, type MessageContent, type MessageKind } from '../../../server/messaging/message-content.ts';

const LONG_BUSINESS = 'บริษัท ศรีสวัสดิ์วัฒนาพาณิชย์การค้าและอุตสาหกรรมเครื่องจักรกลการเกษตรภาคตะวันออกเฉียงเหนือ จำกัด (มหาชน)';
const HOSTILE = 'คุณ <img src=x onerror=alert(1)> & "ลูกค้า"\nบรรทัดสอง';
const WEB = 'https://portal.example.test/c/Qx7vK2mPz9RtY4wB8nLs3dFh6jUcAbCd';
const LIFF = 'https://liff.line.me/2001234567-AbCdEfGh/c/Qx7vK2mPz9RtY4wB8nLs3dFh6jUcAbCd';

const fields: KindFields = {
  portal_link: { scope: 'invoice', documentNumber: 'INV-2026-0001', expiresOn: '2026-12-25' },
  quote_ready: { quoteNumber: 'QT-2026-0007', title: 'งานแต่ง <ห้องบอลรูม>', totalSatang: 12_345_678, validUntil: '2026-12-31', depositSatang: 500_000 },
  quote_signed: { quoteNumber: 'QT-2026-0007', signerName: 'คุณ <สมชาย> "ใจดี"', signedOn: '2026-11-25', totalSatang: 12_345_678, depositNumber: 'DEP-2026-0003', depositSatang: 500_000 },
  invoice: { invoiceNumber: 'INV-2026-0001', title: null, amountDueSatang: 311_999, dueDate: '2026-12-10' },
  payment_reminder: { invoiceId: 'inv1', invoiceNumber: 'INV-2026-0001', amountDueSatang: 311_999, dueDate: '2026-12-10', daysOverdue: 7 },
  payment_received: { receiptNumber: 'RC-2026-0003', amountSatang: 100_000, invoiceNumber: 'INV-2026-0001', paidOn: '2026-11-25', balanceRemainingSatang: 211_999 },
  job_stage: { jobNumber: 'JOB-2026-0001', jobTitle: 'ไลฟ์สด <สยาม>', stage: 'on_site', stageLabel: 'ติดตั้งหน้างานแล้ว', note: 'ถึงแล้ว\nโทร 081' },
  deposit_returned: { depositNumber: 'DEP-2026-0001', returnedSatang: 850_000, deductedSatang: 150_000, reason: 'สายไมค์ชำรุด <1 เส้น>', receiptNumber: 'DEPRR-2026-0001', jobNumber: 'JOB-2026-0001' },
};

function content(kind: MessageKind, lang: 'th' | 'en'): MessageContent {
  return { kind, lang, businessName: LONG_BUSINESS, customerName: HOSTILE, webUrl: `${WEB}/receipts`, liffUrl: `${LIFF}/receipts`, shortUrl: WEB, ...fields[kind] } as MessageContent;
}

const all = MESSAGE_KINDS.flatMap((kind) => (['th', 'en'] as const).map((lang) => [kind, lang] as const));

describe.each(all)('%s (%s)', (kind, lang) => {
  const c = content(kind, lang);

  it('email: one-line subject, escaped HTML and plain text with the same link', () => {
    const email = renderEmail(c);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject.length).toBeGreaterThan(10);
    expect(email.html).toMatch(/^<!doctype html>/);
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.html).toContain(`href="${c.webUrl}"`);
    expect(email.text).toContain(c.webUrl);
    expect(email.html).toContain(`lang="${lang}"`);
    if (lang === 'th') expect(email.text).toMatch(/[\u0E00-\u0E7F]/);
  });

  it('SMS: one short line ending with the bare link', () => {
    const sms = renderSms(c);
    expect(sms).not.toContain('\n');
    expect(sms.endsWith(` ${WEB}`)).toBe(true);
    expect([...sms].length).toBeLessThanOrEqual(200);
  });

  it('LINE: a valid Flex message within the limits, button to the LIFF app', () => {
    const messages = lineMessagesFor(c);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.length).toBeLessThanOrEqual(5);
    expect(validateLineMessages(messages)).toEqual([]);
    const json = JSON.stringify(messages);
    expect(json).toContain(`${LIFF}/receipts`);
    expect(Buffer.byteLength(json)).toBeLessThan(30 * 1024);
  });
});

it('LINE falls back to the web link when there is no LIFF app', () => {
  const c = { ...content('invoice', 'th'), liffUrl: null };
  expect(JSON.stringify(lineMessagesFor(c))).toContain(`${WEB}/receipts`);
});

it('amounts and dates read the Thai way', () => {
  const email = renderEmail(content('invoice', 'th'));
  expect(email.text).toContain('ยอดที่ต้องชำระ: ฿3,119.99');
  expect(email.text).toContain('ครบกำหนด: 10 ธันวาคม 2569');
  expect(renderSms(content('invoice', 'en'))).toContain('THB 3,119.99 due 10 Dec 2026');
});
