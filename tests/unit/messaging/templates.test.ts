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
import { isLinkless, MESSAGE_KINDS, type ContentOf, type KindFields, type MessageContent, type MessageKind } from '../../../server/messaging/message-content.ts';

const LONG_BUSINESS = 'บริษัท ศรีสวัสดิ์วัฒนาพาณิชย์การค้าและอุตสาหกรรมเครื่องจักรกลการเกษตรภาคตะวันออกเฉียงเหนือ จำกัด (มหาชน)';
const HOSTILE = 'คุณ <img src=x onerror=alert(1)> & "ลูกค้า"\nบรรทัดสอง';
const WEB = 'https://portal.example.test/c/Qx7vK2mPz9RtY4wB8nLs3dFh6jUcAbCd';
const LIFF = 'https://liff.line.me/2001234567-AbCdEfGh/c/Qx7vK2mPz9RtY4wB8nLs3dFh6jUcAbCd';

const fields: KindFields = {
  portal_link: { scope: 'invoice', documentNumber: 'INV-2026-0001', expiresOn: '2026-12-25' },
  quote_ready: { quoteNumber: 'QT-2026-0007', title: 'งานแต่ง <ห้องบอลรูม>', totalSatang: 12_345_678, validUntil: '2026-12-31', depositSatang: 500_000 },
  invoice: { invoiceNumber: 'INV-2026-0001', title: null, amountDueSatang: 311_999, dueDate: '2026-12-10' },
  payment_reminder: { invoiceId: 'inv1', invoiceNumber: 'INV-2026-0001', amountDueSatang: 311_999, dueDate: '2026-12-10', daysOverdue: 7 },
  payment_received: { receiptNumber: 'RC-2026-0003', amountSatang: 100_000, invoiceNumber: 'INV-2026-0001', paidOn: '2026-11-25', balanceRemainingSatang: 211_999 },
  job_stage: { jobNumber: 'JOB-2026-0001', jobTitle: 'ไลฟ์สด <สยาม>', stage: 'on_site', stageLabel: 'ติดตั้งหน้างานแล้ว', note: 'ถึงแล้ว\nโทร 081' },
  deposit_returned: { depositNumber: 'DEP-2026-0001', returnedSatang: 850_000, deductedSatang: 150_000, reason: 'สายไมค์ชำรุด <1 เส้น>', receiptNumber: 'DEPRR-2026-0001', jobNumber: 'JOB-2026-0001' },
  line_connected: { lineDisplayName: 'Somchai <b>', connectedAt: '2026-11-25T07:05:00.000Z', businessPhone: '02-123-4567', businessLineOaId: '@testshop' },
};

function content(kind: MessageKind, lang: 'th' | 'en'): MessageContent {
  return { kind, lang, businessName: LONG_BUSINESS, customerName: HOSTILE, webUrl: `${WEB}/receipts`, liffUrl: `${LIFF}/receipts`, shortUrl: WEB, ...fields[kind] } as MessageContent;
}

const all = MESSAGE_KINDS.filter((kind) => !isLinkless(kind)).flatMap((kind) => (['th', 'en'] as const).map((lang) => [kind, lang] as const));

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

describe('line_connected: told on email/SMS when a LINE account is connected (no portal link)', () => {
  const notice = (lang: 'th' | 'en', over: Partial<KindFields['line_connected']> = {}) =>
    ({ kind: 'line_connected', lang, businessName: 'ร้านทดสอบ', customerName: HOSTILE, webUrl: null, liffUrl: null, shortUrl: null, ...fields.line_connected, ...over }) as ContentOf<'line_connected'>;

  it('email says which LINE name, when (Bangkok time) and how to report it; no portal link', () => {
    const th = renderEmail(notice('th'));
    expect(th.subject).toBe('ร้านทดสอบ: มีการเชื่อมบัญชี LINE กับข้อมูลลูกค้าของคุณ');
    expect(th.text).toContain('บัญชี LINE: Somchai <b>');
    expect(th.text).toContain('เชื่อมเมื่อ: 25 พ.ย. 2569 14:05 น.');
    expect(th.text).toContain('หากไม่ใช่คุณ โปรดแจ้ง ร้านทดสอบ ทันที (โทร 02-123-4567 หรือ LINE @testshop)');
    expect(th.html).toContain('Somchai &lt;b&gt;');
    expect(th.html).toContain('href="https://line.me/R/ti/p/%40testshop"');
    expect(th.text).not.toContain('/c/');
    const en = renderEmail(notice('en', { businessLineOaId: null }));
    expect(en.text).toContain("If this wasn't you, tell ร้านทดสอบ straight away (call 02-123-4567)");
    expect(en.text).toContain('Connected: 25 Nov 2026, 14:05');
    expect(en.html).toContain('href="tel:021234567"');
    const bare = renderEmail(notice('en', { businessLineOaId: null, businessPhone: null, lineDisplayName: null }));
    expect(bare.html).not.toContain('<a href');
    expect(bare.text).toContain('(LINE gave no name)');
  });

  it('SMS: one line with the name, the time and whom to contact', () => {
    expect(renderSms(notice('en'))).toBe('ร้านทดสอบ: LINE account "Somchai <b>" was connected to your account 25 Nov 2026, 14:05. Not you? Contact 02-123-4567');
    const th = renderSms(notice('th'));
    expect(th).toContain('บัญชี LINE "Somchai <b>" เชื่อมกับข้อมูลของคุณ 25 พ.ย. 2569 14:05 น. หากไม่ใช่คุณ ติดต่อ 02-123-4567');
    expect([...th].length).toBeLessThanOrEqual(140);
  });

  it('is never rendered for LINE', () => {
    expect(() => lineMessagesFor(notice('th') as MessageContent)).toThrow(/never sent by LINE/);
  });
});
