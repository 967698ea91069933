/**
 * Every kind of message, in both languages, with long Thai names and hostile text: email (HTML
 * and text from one template), SMS (one short line) and LINE Flex (valid by LINE's schema and
 * limits) all say the same thing and link to the right place.
 */
import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../../server/messaging/templates/email.ts';
import { renderSms, smsSender } from '../../../server/messaging/templates/sms.ts';
import { messageDocument } from '../../../server/messaging/templates/copy.ts';
import { STAGE_LABELS } from '../../../server/domain/labels.ts';
import { formatMoney } from '../../../liff/src/format.ts';
import { lineMessagesFor } from '../../../bot/line-push-channel.ts';
import { validateLineMessages } from '../../fakes/fake-line-api.ts';
import {
  isLinkless,
  MESSAGE_KINDS,
  type ContentOf,
  type KindFields,
  type MessageContent,
  type MessageKind,
} from '../../../server/messaging/message-content.ts';

const LONG_BUSINESS = 'บริษัท ศรีสวัสดิ์วัฒนาพาณิชย์การค้าและอุตสาหกรรมเครื่องจักรกลการเกษตรภาคตะวันออกเฉียงเหนือ จำกัด (มหาชน)';
const HOSTILE = 'คุณ <img src=x onerror=alert(1)> & "ลูกค้า"\nบรรทัดสอง';
const WEB = 'https://portal.example.test/c/Qx7vK2mPz9RtY4wB8nLs3dFh6jUcAbCd';
const LIFF = 'https://liff.line.me/2001234567-AbCdEfGh/c/Qx7vK2mPz9RtY4wB8nLs3dFh6jUcAbCd';

const fields: KindFields = {
  portal_link: { scope: 'invoice', documentNumber: 'INV-2026-0001', expiresOn: '2026-12-25' },
  quote_ready: { quoteNumber: 'QT-2026-0007', title: 'งานแต่ง <ห้องบอลรูม>', totalSatang: 12_345_678, validUntil: '2026-12-31', depositSatang: 500_000 },
  quote_signed: {
    quoteNumber: 'QT-2026-0007',
    signerName: 'คุณ <สมชาย> "ใจดี"',
    signedOn: '2026-11-25',
    totalSatang: 12_345_678,
    depositNumber: 'DEP-2026-0003',
    depositSatang: 500_000,
  },
  invoice: { invoiceNumber: 'INV-2026-0001', title: null, amountDueSatang: 311_999, dueDate: '2026-12-10' },
  payment_reminder: { invoiceId: 'inv1', invoiceNumber: 'INV-2026-0001', amountDueSatang: 311_999, dueDate: '2026-12-10', daysOverdue: 7 },
  payment_received: {
    receiptNumber: 'RC-2026-0003',
    amountSatang: 100_000,
    invoiceNumber: 'INV-2026-0001',
    paidOn: '2026-11-25',
    balanceRemainingSatang: 211_999,
  },
  job_stage: { jobNumber: 'JOB-2026-0001', jobTitle: 'ไลฟ์สด <สยาม>', stage: 'on_site', stageLabel: 'ติดตั้งหน้างานแล้ว', note: 'ถึงแล้ว\nโทร 081' },
  deposit_returned: {
    depositNumber: 'DEP-2026-0001',
    returnedSatang: 850_000,
    deductedSatang: 150_000,
    reason: 'สายไมค์ชำรุด <1 เส้น>',
    receiptNumber: 'DEPRR-2026-0001',
    jobNumber: 'JOB-2026-0001',
  },
  deposit_received: {
    depositNumber: 'DEP-2026-0001',
    receiptNumber: 'DEPR-2026-0001',
    amountSatang: 500_000,
    paidOn: '2026-11-25',
    heldSatang: 500_000,
    requiredSatang: 1_000_000,
    jobNumber: 'JOB-2026-0001',
  },
  line_connected: { lineDisplayName: 'Somchai <b>', connectedAt: '2026-11-25T07:05:00.000Z', businessPhone: '02-123-4567', businessLineOaId: '@testshop' },
  payment_voided: {
    amountSatang: 1_070_000,
    invoiceNumber: 'INV-2026-0001',
    receiptNumber: 'RC-2026-0001',
    creditNoteNumber: 'CN-2026-0001',
    reason: 'บันทึกซ้ำ <ผิดพลาด>',
    balanceDueSatang: 1_070_000,
  },
};

function content(kind: MessageKind, lang: 'th' | 'en'): MessageContent {
  return {
    kind,
    lang,
    businessName: LONG_BUSINESS,
    customerName: HOSTILE,
    webUrl: `${WEB}/receipts`,
    liffUrl: `${LIFF}/receipts`,
    shortUrl: WEB,
    ...fields[kind],
  } as MessageContent;
}

/** Kinds with a portal link (line_connected, a notice without one, is tested on its own below). */
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

  it('SMS: one short line starting with the bare link', () => {
    const sms = renderSms(c);
    expect(sms).not.toContain('\n');
    expect(sms.startsWith(`${WEB} `)).toBe(true);
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

/** Every text a Flex message shows, plus its altText. */
function flexTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node))
    node.forEach((n) => {
      flexTexts(n, out);
    });
  else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (obj['type'] === 'text' && typeof obj['text'] === 'string') out.push(obj['text']);
    if (typeof obj['altText'] === 'string') out.push(obj['altText']);
    Object.values(obj).forEach((v) => {
      flexTexts(v, out);
    });
  }
  return out;
}

describe.each(all)('one content model: %s (%s)', (kind, lang) => {
  const c = content(kind, lang);
  const doc = messageDocument(c);
  const flex = flexTexts(lineMessagesFor(c));
  const email = renderEmail(c);
  const sms = renderSms(c);

  it('Flex, email and SMS carry the same key value (amount, stage or document number), written the same way', () => {
    // A portal link has no amount: its key value is the document it opens.
    const key = doc.highlight ? { label: doc.highlight.label, value: doc.highlight.value } : { label: null, value: 'INV-2026-0001' };
    expect(kind === 'portal_link' || doc.highlight !== null).toBe(true);
    expect(flex.some((t) => t === key.value || t.includes(key.value))).toBe(true);
    expect(email.text).toContain(key.label ? `${key.label}: ${key.value}` : key.value);
    expect(sms).toContain(key.value);
  });

  it('Flex shows the same labels as the email', () => {
    expect(flex).toContain(doc.title);
    for (const fact of doc.facts) expect(flex).toContain(fact.label);
    if (doc.highlight) expect(flex).toContain(doc.highlight.label);
    const button = JSON.stringify(lineMessagesFor(c));
    expect(button).toContain(`"label":"${doc.button!.label}"`);
    expect(email.html).toContain(`>${doc.button!.label.replace('&', '&amp;')}</a>`);
  });
});

it('a stage is named from the shared table in every channel, even in a message queued with older wording', () => {
  const c = content('job_stage', 'th');
  expect(c.kind === 'job_stage' && c.stageLabel).toBe('ติดตั้งหน้างานแล้ว');
  expect(flexTexts(lineMessagesFor(c))).toContain(STAGE_LABELS.on_site.th);
  expect(renderEmail(c).text).toContain(STAGE_LABELS.on_site.th);
  expect(renderSms(c)).toContain(STAGE_LABELS.on_site.th);
  expect(JSON.stringify([lineMessagesFor(c), renderEmail(c), renderSms(c)])).not.toContain('ติดตั้งหน้างานแล้ว');
});

it('English money reads "THB 1,234.50" in LINE, email, SMS and the portal alike', () => {
  const c = content('invoice', 'en');
  expect(flexTexts(lineMessagesFor(c))).toContain('THB 3,119.99');
  expect(renderEmail(c).text).toContain('Amount due: THB 3,119.99');
  expect(renderSms(c)).toContain('THB 3,119.99');
  expect(formatMoney(311_999, 'en')).toBe('THB 3,119.99');
  expect(formatMoney(311_999, 'th')).toBe('฿3,119.99');
});

describe('the English footer ends one sentence', () => {
  it.each(['Scenery Rental Co., Ltd.', 'Scenery Rental Co., Ltd', 'Fahsai Production'])('"%s"', (businessName) => {
    const email = renderEmail({ ...content('invoice', 'en'), businessName });
    expect(email.text).not.toContain('..');
    expect(email.html).not.toContain('..');
    const sentence = businessName.endsWith('.') ? businessName : `${businessName}.`;
    expect(email.text).toContain(`This message was sent by ${sentence} The link opens your records`);
  });
});

/**
 * Segments a carrier bills, worked out here independently of the renderer: printable ASCII is
 * GSM-7 (160 a single SMS, 153 a part; []{}\^~| count twice), anything else makes it UCS-2
 * (70 a single SMS, 67 a part).
 */
function segments(text: string): number {
  const ucs2 = /[^\x20-\x7E\n]|`/.test(text);
  const size = ucs2 ? text.length : [...text].reduce((n, ch) => n + ('[]{}\\^~|'.includes(ch) ? 2 : 1), 0);
  if (size <= (ucs2 ? 70 : 160)) return 1;
  return Math.ceil(size / (ucs2 ? 67 : 153));
}

describe('SMS cost at most 2 segments', () => {
  // The audit's link: https://portal.example.co.th/c/<32-character token>.
  const SHORT = `https://portal.example.co.th/c/${'Qx7vK2mPz9RtY4wB8nLs3dFh6jUcAbCd'}`;
  const worst: KindFields = {
    portal_link: { scope: 'invoice', documentNumber: 'INV-2026-000123', expiresOn: '2026-12-25' },
    quote_ready: { quoteNumber: 'QT-2026-000123', title: LONG_BUSINESS, totalSatang: 2_996_543_180, validUntil: '2026-12-31', depositSatang: 50_000_000 },
    quote_signed: {
      quoteNumber: 'QT-2026-000123',
      signerName: LONG_BUSINESS,
      signedOn: '2026-11-25',
      totalSatang: 2_996_543_180,
      depositNumber: 'DEP-2026-000123',
      depositSatang: 2_996_543_180,
    },
    invoice: { invoiceNumber: 'INV-2026-000123', title: LONG_BUSINESS, amountDueSatang: 2_996_543_180, dueDate: '2026-12-10' },
    payment_reminder: { invoiceId: 'inv1', invoiceNumber: 'INV-2026-000123', amountDueSatang: 2_996_543_180, dueDate: '2026-12-10', daysOverdue: 120 },
    payment_received: {
      receiptNumber: 'RC-2026-000123',
      amountSatang: 2_996_543_180,
      invoiceNumber: 'INV-2026-000123',
      paidOn: '2026-11-25',
      balanceRemainingSatang: 0,
    },
    job_stage: { jobNumber: 'JOB-2026-000123', jobTitle: LONG_BUSINESS, stage: 'returning', stageLabel: '', note: null },
    deposit_returned: {
      depositNumber: 'DEP-2026-000123',
      returnedSatang: 2_996_543_180,
      deductedSatang: 0,
      reason: null,
      receiptNumber: null,
      jobNumber: null,
    },
    deposit_received: {
      depositNumber: 'DEP-2026-000123',
      receiptNumber: 'DEPR-2026-000123',
      amountSatang: 2_996_543_180,
      paidOn: '2026-11-25',
      heldSatang: 2_996_543_180,
      requiredSatang: 2_996_543_180,
      jobNumber: null,
    },
    line_connected: { lineDisplayName: LONG_BUSINESS, connectedAt: '2026-11-25T07:05:00.000Z', businessPhone: '02-123-4567', businessLineOaId: '@testshop' },
    payment_voided: {
      amountSatang: 2_996_543_180,
      invoiceNumber: 'INV-2026-000123',
      receiptNumber: null,
      creditNoteNumber: null,
      reason: 'x',
      balanceDueSatang: 0,
    },
  };
  const senders = [undefined, 'ซีนเนอรี่', 'บริษัท ซีนเนอรี่ เร้นทัล จำกัด'];
  const cases = all.flatMap(([kind, lang]) => senders.map((sender) => [kind, lang, sender] as const));

  it.each(cases)('%s (%s), sender name %s', (kind, lang, smsSenderName) => {
    const c = {
      ...content(kind, lang),
      ...worst[kind],
      shortUrl: SHORT,
      businessName: smsSenderName === undefined ? LONG_BUSINESS : 'บริษัท ซีนเนอรี่ เร้นทัล จำกัด',
      smsSenderName: smsSenderName === 'ซีนเนอรี่' ? smsSenderName : null,
    } as MessageContent;
    const sms = renderSms(c);
    expect(segments(sms)).toBeLessThanOrEqual(2);
    expect(sms.startsWith(`${SHORT} `)).toBe(true);
  });

  it('the short sender name opens the text, and an ordinary Thai invoice keeps its amount and due date', () => {
    const c = {
      ...content('invoice', 'th'),
      shortUrl: SHORT,
      smsSenderName: 'ซีนเนอรี่',
      invoiceNumber: 'INV-2026-0003',
      amountDueSatang: 132_098,
    } as MessageContent;
    expect(renderSms(c)).toBe(`${SHORT} ซีนเนอรี่: ใบแจ้งหนี้ INV-2026-0003 ฿1,320.98 ครบกำหนด 10 ธ.ค. 2569`);
  });

  it('without one, the business name loses its legal form and is cut to whole words', () => {
    expect(smsSender({ businessName: 'บริษัท ซีนเนอรี่ เร้นทัล จำกัด', smsSenderName: null })).toBe('ซีนเนอรี่');
    expect(smsSender({ businessName: 'Scenery Rental Co., Ltd.', smsSenderName: null })).toBe('Scenery');
    expect(smsSender({ businessName: 'AV Pro Co., Ltd.', smsSenderName: '' })).toBe('AV Pro');
    expect(smsSender({ businessName: LONG_BUSINESS, smsSenderName: null }).length).toBeLessThanOrEqual(11);
  });
});

describe('line_connected: told on email/SMS when a LINE account is connected (no portal link)', () => {
  const notice = (lang: 'th' | 'en', over: Partial<KindFields['line_connected']> = {}) =>
    ({
      kind: 'line_connected',
      lang,
      businessName: 'ร้านทดสอบ',
      customerName: HOSTILE,
      webUrl: null,
      liffUrl: null,
      shortUrl: null,
      ...fields.line_connected,
      ...over,
    }) as ContentOf<'line_connected'>;

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

  it('SMS: the sender, the name, the time and whom to contact; no link; at most 2 segments', () => {
    expect(renderSms(notice('en'))).toBe('ทดสอบ: LINE account "Somchai <b>" was connected to your account 25 Nov 2026, 14:05. Not you? Contact 02-123-4567');
    const th = renderSms(notice('th'));
    expect(th).toBe('ทดสอบ: บัญชี LINE "Somchai <b>" เชื่อมกับข้อมูลของคุณ 25 พ.ย. 2569 14:05 น. หากไม่ใช่คุณ ติดต่อ 02-123-4567');
    expect(segments(th)).toBeLessThanOrEqual(2);
    expect(segments(renderSms(notice('th', { lineDisplayName: LONG_BUSINESS })))).toBeLessThanOrEqual(2);
  });

  it('is never rendered for LINE', () => {
    expect(() => lineMessagesFor(notice('th') as MessageContent)).toThrow(/never sent by LINE/);
  });
});
