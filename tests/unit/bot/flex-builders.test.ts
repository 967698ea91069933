import { describe, expect, it } from 'vitest';
import type { messagingApi } from '@line/bot-sdk';
import { validateLineMessages } from '../../fakes/fake-line-api.ts';
import {
  clampText,
  clientFlexMessage,
  customerCarousel,
  decodePostback,
  formatDate,
  linkCard,
  overdueList,
  PB,
  slipReviewCard,
  slipReviewCarousel,
  stageChooser,
} from '../../../bot/flex/index.ts';
import { allBuilderOutputs, client, customers, LIFF_URL, LONG_THAI_PERSON } from './flex-fixtures.ts';

/** Every postback `data` string anywhere in a message. */
function postbacks(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node))
    node.forEach((n) => {
      postbacks(n, out);
    });
  else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (obj['type'] === 'postback' && typeof obj['data'] === 'string') out.push(obj['data']);
    Object.values(obj).forEach((v) => {
      postbacks(v, out);
    });
  }
  return out;
}

function texts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node))
    node.forEach((n) => {
      texts(n, out);
    });
  else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (obj['type'] === 'text' && typeof obj['text'] === 'string') out.push(obj['text']);
    Object.values(obj).forEach((v) => {
      texts(v, out);
    });
  }
  return out;
}

describe.each(['th', 'en'] as const)('builders (%s) against the official LINE schema', (lang) => {
  const outputs = allBuilderOutputs(lang);

  it.each(Object.keys(outputs))('%s validates', (name) => {
    const message = outputs[name]!;
    expect(validateLineMessages([message])).toEqual([]);
  });

  it('keep every bubble well under 30 KB and every postback under 300 chars', () => {
    for (const message of Object.values(outputs)) {
      if (message.type === 'flex') {
        const container = message.contents;
        const bubbles = container.type === 'carousel' ? (container as messagingApi.FlexCarousel).contents : [container];
        for (const b of bubbles) expect(Buffer.byteLength(JSON.stringify(b))).toBeLessThan(20 * 1024);
        expect(message.altText.length).toBeLessThanOrEqual(400);
      }
      for (const data of postbacks(message)) expect(data.length).toBeLessThanOrEqual(300);
    }
  });

  it('clamps long customer text instead of sending it whole', () => {
    const all = Object.values(outputs).flatMap((m) => texts(m));
    for (const t of all) expect(t.length).toBeLessThanOrEqual(1000);
    expect(all.some((t) => t.endsWith('…'))).toBe(true);
  });
});

describe('client messages', () => {
  it('invoice shows the amount large, the due date, and one primary Pay button to the LIFF URL', () => {
    const message = clientFlexMessage(client('invoice', 'en', { invoiceNumber: 'INV-1', title: null, amountDueSatang: 123450, dueDate: '2025-01-31' }));
    const bubble = message.contents as messagingApi.FlexBubble;
    const all = texts(bubble);
    expect(all).toContain('THB 1,234.50');
    expect(all).toContain('31 Jan 2025');
    const buttons = (bubble.footer!.contents as messagingApi.FlexButton[]).filter((c) => c.type === 'button');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]!.style).toBe('primary');
    expect(buttons[0]!.action).toMatchObject({ type: 'uri', uri: LIFF_URL, label: 'Pay now' });
    expect(message.altText).toContain('THB 1,234.50');
  });

  it('Thai messages use Buddhist-era dates and the baht sign', () => {
    const message = clientFlexMessage(client('invoice', 'th', { invoiceNumber: 'INV-1', title: null, amountDueSatang: 123450, dueDate: '2025-01-31' }));
    const all = texts(message);
    expect(all).toContain('฿1,234.50');
    expect(all).toContain('31 ม.ค. 2568');
  });

  it('reminder wording follows daysOverdue', () => {
    const make = (daysOverdue: number) =>
      texts(
        clientFlexMessage(client('payment_reminder', 'en', { invoiceId: 'i', invoiceNumber: 'I', amountDueSatang: 100, dueDate: '2025-01-01', daysOverdue })),
      );
    expect(make(3)).toContain('3 days overdue');
    expect(make(1)).toContain('1 day overdue');
    expect(make(0)).toContain('Due today');
    expect(make(-2)).toContain('Due in 2 days');
  });

  it('refuses a non-http button URL and a malformed date instead of sending a broken message', () => {
    const link = { scope: 'customer', documentNumber: null, expiresOn: '2025-02-14' } as const;
    expect(() => clientFlexMessage(client('portal_link', 'en', link, { liffUrl: 'javascript:alert(1)' }))).toThrow(/url/);
    expect(() => clientFlexMessage(client('invoice', 'en', { invoiceNumber: 'I', title: null, amountDueSatang: 1, dueDate: '2025-02-30' }))).toThrow(
      /calendar date/,
    );
    expect(() => clientFlexMessage(client('invoice', 'en', { invoiceNumber: 'I', title: null, amountDueSatang: 1.5, dueDate: '2025-02-01' }))).toThrow();
  });

  it('keeps JSON-significant characters as data (no double escaping)', () => {
    const message = clientFlexMessage(
      client('portal_link', 'en', { scope: 'customer', documentNumber: null, expiresOn: '2025-02-14' }, { customerName: 'Tom "<b>" O\'Neil \\ ' }),
    );
    expect(texts(message)).toContain('Dear Tom "<b>" O\'Neil \\,');
    expect(validateLineMessages([message])).toEqual([]);
  });
});

describe('staff messages', () => {
  it('customerCarousel caps at 12 bubbles with a "+N more" bubble', () => {
    const message = customerCarousel(customers(30), { lang: 'en' });
    const carousel = message.contents as messagingApi.FlexCarousel;
    expect(carousel.type).toBe('carousel');
    expect(carousel.contents).toHaveLength(12);
    expect(texts(carousel.contents[11])).toContain('+19 more');
    expect(decodePostback(postbacks(carousel.contents[0])[0]!)).toEqual({ a: PB.customer, c: 'cus_00000000000000000000' });
  });

  it('customerCarousel with 12 or fewer shows them all, and totalCount drives "+N more"', () => {
    expect((customerCarousel(customers(12), { lang: 'en' }).contents as messagingApi.FlexCarousel).contents).toHaveLength(12);
    const paged = customerCarousel(customers(5), { lang: 'th', totalCount: 40 }).contents as messagingApi.FlexCarousel;
    expect(paged.contents).toHaveLength(6);
    expect(texts(paged.contents[5])).toContain('+ อีก 35 ราย');
  });

  it('overdueList is oldest first with a remind postback per invoice', () => {
    const message = overdueList(
      [
        { invoiceId: 'b', invoiceNumber: 'INV-B', customerName: 'B', amountDueSatang: 100, dueDate: '2025-01-10', daysOverdue: 5 },
        { invoiceId: 'a', invoiceNumber: 'INV-A', customerName: 'A', amountDueSatang: 200, dueDate: '2024-12-01', daysOverdue: 45 },
      ],
      { lang: 'en' },
    );
    expect(postbacks(message).map(decodePostback)).toEqual([
      { a: PB.remind, i: 'a' },
      { a: PB.remind, i: 'b' },
    ]);
    expect(texts(message)).toContain('THB 3.00');
  });

  it('stageChooser offers at most 13 quick replies with labels <= 20 chars', () => {
    const message = stageChooser({
      lang: 'th',
      jobId: 'job_1',
      jobNumber: 'J-1',
      jobTitle: 'ติดตั้ง',
      currentStageLabel: 'นัดหมาย',
      stages: Array.from({ length: 20 }, (_, i) => ({ key: `s${i}`, label: `${LONG_THAI_PERSON}${i}` })),
    });
    const items = message.quickReply!.items!;
    expect(items).toHaveLength(13);
    for (const item of items) expect((item.action as messagingApi.PostbackAction).label!.length).toBeLessThanOrEqual(20);
    expect(decodePostback((items[2]!.action as messagingApi.PostbackAction).data!)).toEqual({ a: PB.setStage, j: 'job_1', s: 's2' });
  });

  it('linkCard shows the full URL (never clamped) with send/copy buttons', () => {
    const longUrl = `https://portal.example.co.th/c/${'x'.repeat(900)}`;
    const message = linkCard({ lang: 'en', linkId: 'lnk_1', url: longUrl, scope: 'customer', customerName: 'A' });
    expect(texts(message)).toContain(longUrl);
    expect(JSON.stringify(message)).toContain('"type":"clipboard"');
    expect(postbacks(message).map(decodePostback)).toContainEqual({ a: PB.sendLink, l: 'lnk_1' });
    expect(validateLineMessages([message])).toEqual([]);
  });

  it('slipReviewCarousel shows at most 12 bubbles, the last one "+N more", and an empty list plainly', () => {
    const notice = (i: number) => ({
      noticeId: `n${i}`,
      amountSatang: 100 + i,
      customerName: `Customer ${i}`,
      target: { kind: 'deposit' as const, number: `DEP-2026-${String(i).padStart(4, '0')}` },
      sendingBank: null,
      transRef: null,
      slipUrl: `https://x.example/s/n${i}/1/sig`,
      sentAt: new Date('2026-11-25T03:00:00Z'),
    });
    const many = slipReviewCarousel(
      'en',
      Array.from({ length: 12 }, (_, i) => notice(i)),
      15,
    );
    const contents = many.contents as messagingApi.FlexCarousel;
    expect(contents.contents).toHaveLength(12);
    expect(texts(contents.contents[11])).toContain('+4 more');
    expect(postbacks(many).filter((d) => decodePostback(d)['a'] === PB.slipConfirm)).toHaveLength(11);
    expect(validateLineMessages([many])).toEqual([]);
    const exactly = slipReviewCarousel(
      'th',
      Array.from({ length: 12 }, (_, i) => notice(i)),
      12,
    );
    expect((exactly.contents as messagingApi.FlexCarousel).contents).toHaveLength(12);
    expect(texts(slipReviewCarousel('th', [], 0))).toContain('ไม่มีสลิปรอตรวจ');
  });

  it('slipReviewCard shows an https slip as the image, an http one as a button, and offers confirm/reject postbacks', () => {
    const input = {
      lang: 'en' as const,
      noticeId: 'n1',
      amountSatang: 100,
      customerName: 'A',
      target: { kind: 'invoice' as const, number: 'INV-2026-0001' },
      sendingBank: '004',
      transRef: 'REF1',
      slipUrl: 'https://x.example/s/n1/1/sig',
      sentAt: new Date('2026-11-25T03:00:00Z'),
    };
    const secure = slipReviewCard(input);
    expect(JSON.stringify(secure)).toContain('"hero"');
    expect(texts(secure)).toContain('Kasikornbank (004)');
    expect(postbacks(secure).map(decodePostback)).toEqual([
      { a: PB.slipReject, n: 'n1' },
      { a: PB.slipConfirm, n: 'n1' },
    ]);
    expect(validateLineMessages([secure])).toEqual([]);
    const plain = slipReviewCard({ ...input, slipUrl: 'http://localhost:3000/s/n1/1/sig', sendingBank: null, transRef: null });
    expect(JSON.stringify(plain)).not.toContain('"hero"');
    expect(JSON.stringify(plain)).toContain('"uri":"http://localhost:3000/s/n1/1/sig"');
    expect(texts(plain)).toContain('No QR read');
    expect(validateLineMessages([plain])).toEqual([]);
  });
});

describe('format helpers', () => {
  it('clampText cuts on grapheme boundaries and never returns empty', () => {
    const cut = clampText('น้ำน้ำน้ำน้ำ', 5);
    expect(cut).toBe('น้ำ…');
    expect(clampText('   \n\t ', 10)).toBe('-');
    expect(clampText('a\u202Eb\u0000c', 10)).toBe('abc');
    expect(clampText('line1\n\n\n\nline2', 50, { multiline: true })).toBe('line1\n\nline2');
  });

  it('formatDate validates and localises', () => {
    expect(formatDate('2024-02-29', 'en')).toBe('29 Feb 2024');
    expect(formatDate('2024-02-29', 'th')).toBe('29 ก.พ. 2567');
    expect(() => formatDate('29/02/2024', 'en')).toThrow();
  });
});
