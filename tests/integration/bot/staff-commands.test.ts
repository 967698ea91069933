import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { messagingApi } from '@line/bot-sdk';
import { allText, enrolStaffUser, postbackWith, postbacks, press, say, startBotHarness, type BotHarness } from './bot-harness.ts';
import { seedShop } from './seed.ts';
import { PB } from '../../../bot/flex/postback.ts';
import { createCustomer } from '../../../server/services/customers.ts';
import { STAGE_BUTTON_LABELS, STAGE_LABELS, type JobStage } from '../../../server/domain/labels.ts';
import { LINE_LIMITS } from '../../fakes/fake-line-schema.ts';

let h: BotHarness;
let shop: Awaited<ReturnType<typeof seedShop>>;
let staff: string;

beforeAll(async () => {
  h = await startBotHarness();
  shop = await seedShop(h.t.ctx);
  staff = await enrolStaffUser(h, 'owner');
});
afterAll(() => h.stop());

const flexOf = (messages: messagingApi.Message[]) => messages.find((m) => m.type === 'flex') as messagingApi.FlexMessage | undefined;

describe('help', () => {
  it.each([
    ['help', /What I can do/, /remind <invoice no\.>/],
    ['ช่วยเหลือ', /คำสั่งที่ใช้ได้/, /เตือน <เลขใบแจ้งหนี้>/],
  ])('%s answers a Flex card of the commands in that language', async (text, title, command) => {
    const reply = await say(h, staff, text);
    expect(flexOf(reply)).toBeDefined();
    expect(allText(reply)).toMatch(title);
    expect(allText(reply)).toMatch(command);
  });
});

describe('help links the staff app', () => {
  it('carries an "Open the staff app" button to the staff LIFF app when STAFF_LIFF_ID is set, and none without it', async () => {
    const withApp = await startBotHarness({ env: { STAFF_LIFF_ID: '2000000000-StaffApp' } });
    try {
      const owner = await enrolStaffUser(withApp, 'owner');
      const reply = await say(withApp, owner, 'help');
      expect(JSON.stringify(flexOf(reply))).toContain('"uri":"https://liff.line.me/2000000000-StaffApp"');
      expect(allText(reply)).toMatch(/Open the staff app/);
    } finally {
      await withApp.stop();
    }
    expect(JSON.stringify(flexOf(await say(h, staff, 'help')))).not.toContain('liff.line.me');
  });
});

describe('find', () => {
  it('a misspelt Thai name finds the customer and answers with their card', async () => {
    const reply = await say(h, staff, 'ค้นหา สมชาญ ใจดี');
    const text = allText(reply);
    expect(text).toContain('คุณสมชาย ใจดี');
    expect(text).toContain('JOB-2026-0001'); // open job with its stage
    expect(text).toContain(STAGE_LABELS.new.th);
    expect(text).toMatch(/ใบแจ้งหนี้เกินกำหนด/);
    expect(postbacks(reply)).toContain(`a=${PB.link}&c=${shop.somchai.id}`);
  });

  it.each([
    ['find 081 234 5678', 'คุณสมชาย ใจดี'],
    ['find +66812345678', 'คุณสมชาย ใจดี'],
    ['find wipa@fahsai.example', 'คุณวิภา รักงาน'],
    ['find inv 2026 2', 'คุณวิภา รักงาน'],
    ['QT-2026-0001', 'คุณวิภา รักงาน'],
    ['ฟ้าไส', 'คุณวิภา รักงาน'],
  ])('%s → %s', async (text, name) => {
    expect(allText(await say(h, staff, text))).toContain(name);
  });

  it('an ambiguous name answers a carousel of the candidates, best first', async () => {
    const reply = await say(h, staff, 'find สมชัย');
    const flex = flexOf(reply)!;
    expect(flex.contents.type).toBe('carousel');
    const bubbles = (flex.contents as messagingApi.FlexCarousel).contents;
    expect(bubbles.length).toBe(2);
    expect(allText([{ ...flex, contents: bubbles[0]! }])).toContain('นายสมชัย ใจเย็น');
    // Each bubble opens that customer's card.
    const card = await press(h, staff, postbackWith(reply, PB.customer, { c: shop.somchai.id }));
    expect(allText(card)).toContain('คุณสมชาย ใจดี');
  });

  it('many matches: 11 per carousel and a [show more] bubble for the next page', async () => {
    for (let i = 1; i <= 14; i++) await createCustomer(h.t.ctx, { name: `ร้านกาแฟทดลอง สาขา ${i}` });
    const first = await say(h, staff, 'find กาแฟทดลอง');
    const bubbles = (flexOf(first)!.contents as messagingApi.FlexCarousel).contents;
    expect(bubbles).toHaveLength(12);
    const next = await press(h, staff, postbackWith(first, PB.more, { o: '11' }));
    expect((flexOf(next)!.contents as messagingApi.FlexCarousel).contents).toHaveLength(3);
  });

  it('nothing found says so', async () => {
    expect(allText(await say(h, staff, 'ค้นหา ประยุทธ์'))).toMatch(/ไม่พบลูกค้า/);
    expect(allText(await say(h, staff, 'find nobody-like-this'))).toMatch(/No customer matches/);
  });
});

describe('link', () => {
  it('a customer link: card with [send to client], a copy to forward, reused the second time', async () => {
    const reply = await say(h, staff, 'link 0812345678');
    expect(reply).toHaveLength(2);
    const copy = reply[1] as messagingApi.TextMessage;
    expect(copy.text).toMatch(/^https:\/\/liff\.line\.me\/1650000000-AbCdEfGh\/c\/[A-Za-z0-9_-]+$/);
    const link = await h.t.ctx.db.portalLink.findFirstOrThrow({ where: { customerId: shop.somchai.id, scope: 'customer' } });
    expect(postbacks(reply)).toContain(`a=${PB.sendLink}&l=${link.id}`);
    expect(allText(reply)).toContain('คุณสมชาย ใจดี');
    const again = await say(h, staff, 'ลิงก์ สมชาย ใจดี');
    expect((again[1] as messagingApi.TextMessage).text).toBe(copy.text);
  });

  it.each([
    ['link INV-2026-0001', 'invoice', 'INV-2026-0001'],
    ['ลิงก์ qt 2026 1', 'quote', 'QT-2026-0001'],
  ])('%s → a %s link', async (text, scope, number) => {
    const reply = await say(h, staff, text);
    expect(allText(reply)).toContain(number);
    const linkId = new URLSearchParams(postbackWith(reply, PB.sendLink)).get('l')!;
    expect((await h.t.ctx.db.portalLink.findUniqueOrThrow({ where: { id: linkId } })).scope).toBe(scope);
  });

  it('[send to client] queues the link in the outbox once, however often it is pressed', async () => {
    const reply = await say(h, staff, 'link ฟ้าใส');
    const send = postbackWith(reply, PB.sendLink);
    const first = await press(h, staff, send);
    expect(allText(first)).toMatch(/queued to คุณวิภา รักงาน by email|ส่งลิงก์ให้ คุณวิภา รักงาน ทาง อีเมล แล้ว/);
    const second = await press(h, staff, send);
    expect(allText(second)).toMatch(/not sent again|ไม่ส่งซ้ำ/);
    expect(await h.t.ctx.db.outboxMessage.count({ where: { customerId: shop.fahsai.id, kind: 'portal_link' } })).toBe(1);
  });
});

describe('overdue and remind', () => {
  it('lists overdue invoices oldest first, each with a [remind] button', async () => {
    const reply = await say(h, staff, 'ค้างชำระ');
    const text = allText(reply);
    expect(text.indexOf('INV-2026-0001')).toBeGreaterThan(-1);
    expect(text.indexOf('INV-2026-0001')).toBeLessThan(text.indexOf('INV-2026-0002'));
    expect(text).not.toContain('INV-2026-0003'); // not due yet
    expect(postbacks(reply)).toEqual(expect.arrayContaining([`a=${PB.remind}&i=${shop.overdueOld.id}`, `a=${PB.remind}&i=${shop.overdueNew.id}`]));
  });

  it('remind <invoice no.> queues a payment reminder; the [remind] button pressed twice queues one', async () => {
    const reply = await say(h, staff, 'remind inv-2026-2');
    expect(allText(reply)).toMatch(/reminder for INV-2026-0002 queued by email/);
    const button = `a=${PB.remind}&i=${shop.overdueNew.id}`;
    expect(allText(await press(h, staff, button))).toMatch(/not sent again/);
    expect(await h.t.ctx.db.outboxMessage.count({ where: { customerId: shop.fahsai.id, kind: 'payment_reminder' } })).toBe(1);
  });

  it('remind needs an invoice number, and says so for another document', async () => {
    expect(allText(await say(h, staff, 'remind QT-2026-0001'))).toMatch(/not an invoice number/);
    expect(allText(await say(h, staff, 'remind INV-2026-0099'))).toMatch(/not found/i);
  });
});

describe('stage', () => {
  it('without a stage: quick replies offer the allowed next stages', async () => {
    const reply = await say(h, staff, `stage ${shop.fahsaiJob.number}`);
    const items = (reply[0] as messagingApi.TextMessage).quickReply!.items!;
    const stages = items.map((i) => new URLSearchParams((i.action as messagingApi.PostbackAction).data!).get('s'));
    expect(stages).toEqual(['picking', 'loaded', 'delivering', 'on_site', 'returning', 'closed', 'cancelled']);
    expect(items.every((i) => new URLSearchParams((i.action as messagingApi.PostbackAction).data!).get('f') === 'new')).toBe(true);
  });

  it.each([
    ['stage', 'en'],
    ['สถานะ', 'th'],
  ] as const)('"%s": every stage button says its whole short name within LINE\'s 20 characters', async (command, lang) => {
    const reply = await say(h, staff, `${command} ${shop.fahsaiJob.number}`);
    const actions = (reply[0] as messagingApi.TextMessage).quickReply!.items!.map((i) => i.action as messagingApi.PostbackAction);
    for (const action of actions) {
      const stage = new URLSearchParams(action.data!).get('s') as JobStage;
      expect(action.label).toBe(STAGE_BUTTON_LABELS[stage][lang]);
      expect(action.label!.length).toBeLessThanOrEqual(LINE_LIMITS.quickReplyLabelChars);
      expect(action.displayText).toContain(STAGE_LABELS[stage][lang]);
    }
  });

  it('with a stage (typed in Thai, with a typo in English): moves the job', async () => {
    expect(allText(await say(h, staff, `สถานะ ${shop.fahsaiJob.number} จัดของ`))).toMatch(/กำลังจัดเตรียมอุปกรณ์/);
    expect(allText(await say(h, staff, `stage ${shop.fahsaiJob.number} loded`))).toMatch(/moved from "Preparing your equipment" to "Loaded and ready to go"/);
    expect((await h.t.ctx.db.job.findUniqueOrThrow({ where: { id: shop.fahsaiJob.id } })).stage).toBe('loaded');
  });

  it('a stage the job cannot go to is refused with the reason', async () => {
    const reply = await say(h, staff, `stage ${shop.fahsaiJob.number} new`);
    expect(allText(reply)).toMatch(/cannot go to "Booked"/);
    expect((await h.t.ctx.db.job.findUniqueOrThrow({ where: { id: shop.fahsaiJob.id } })).stage).toBe('loaded');
  });

  it('a stage button pressed twice moves the job once', async () => {
    const chooser = await say(h, staff, `stage ${shop.fahsaiJob.number}`);
    const button = postbackWith(chooser, PB.setStage, { s: 'delivering', f: 'loaded' });
    const before = await h.t.ctx.db.jobStageChange.count({ where: { jobId: shop.fahsaiJob.id } });
    expect(allText(await press(h, staff, button))).toMatch(/to "On the way"/);
    expect(allText(await press(h, staff, button))).toMatch(/already at "On the way".*nothing changed/);
    expect(await h.t.ctx.db.jobStageChange.count({ where: { jobId: shop.fahsaiJob.id } })).toBe(before + 1);
  });

  it('an old button for a stage the job has left does nothing and says where the job is', async () => {
    const stale = `a=${PB.setStage}&j=${shop.fahsaiJob.id}&s=picking&f=new`;
    expect(allText(await press(h, staff, stale))).toMatch(/was moved to "On the way" meanwhile/);
    expect((await h.t.ctx.db.job.findUniqueOrThrow({ where: { id: shop.fahsaiJob.id } })).stage).toBe('delivering');
  });

  it('two staff moving the same job at once: one wins, the other is told', async () => {
    const other = await enrolStaffUser(h, 'staff');
    const [a, b] = await Promise.all([say(h, staff, `stage ${shop.fahsaiJob.number} on site`), say(h, other, `stage ${shop.fahsaiJob.number} on site`)]);
    const texts = [allText(a), allText(b)];
    expect(texts.filter((t) => /moved from "On the way" to "On site"/.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /already at "On site" \(someone moved it first\)/.test(t))).toHaveLength(1);
    expect(await h.t.ctx.db.jobStageChange.count({ where: { jobId: shop.fahsaiJob.id, stage: 'on_site' } })).toBe(1);
  });

  it('stage with a document that is not a job, or an unknown job', async () => {
    expect(allText(await say(h, staff, 'stage INV-2026-0001'))).toMatch(/not a job number/);
    expect(allText(await say(h, staff, 'stage JOB-2026-0099'))).toMatch(/not found/i);
  });
});

describe('revoke', () => {
  it('asks first; the confirm button revokes every link once', async () => {
    await say(h, staff, 'link สมชาย ใจดี');
    const confirm = await say(h, staff, 'revoke สมชาย ใจดี');
    expect(allText(confirm)).toMatch(/Revoke all links of คุณสมชาย ใจดี\?/);
    const yes = postbackWith(confirm, PB.revokeLinks, { c: shop.somchai.id });
    expect(allText(await press(h, staff, yes))).toMatch(/Revoked \d+ link\(s\)/);
    expect(await h.t.ctx.db.portalLink.count({ where: { customerId: shop.somchai.id, revokedAt: null } })).toBe(0);
    expect(allText(await press(h, staff, yes))).toMatch(/already revoked/);
  });

  it('cancel changes nothing', async () => {
    await say(h, staff, 'link ฟ้าใส');
    const confirm = await say(h, staff, 'revoke ฟ้าใส');
    expect(allText(await press(h, staff, postbackWith(confirm, PB.cancel)))).toMatch(/Cancelled/);
    expect(await h.t.ctx.db.portalLink.count({ where: { customerId: shop.fahsai.id, revokedAt: null } })).toBeGreaterThan(0);
  });
});

describe('buttons carry nothing to trust', () => {
  it.each(['a=nope', 'garbage', `a=${PB.setStage}&j=${'x'.repeat(80)}&s=closed&f=new`, `a=${PB.setStage}&j=abc&s=closed`])(
    '%s → "no longer works"',
    async (data) => {
      expect(allText(await press(h, staff, data))).toMatch(/no longer works/);
    },
  );
});
