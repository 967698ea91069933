import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { messagingApi } from '@line/bot-sdk';
import { allText, deliver, fakeLineUserId, followEvent, postbacks, press, say, startBotHarness, unfollowEvent, type BotHarness } from './bot-harness.ts';
import { seedShop } from './seed.ts';
import { issuePortalLink, resolvePortalToken } from '../../../server/services/links.ts';
import { PB } from '../../../bot/flex/postback.ts';

let h: BotHarness;
let shop: Awaited<ReturnType<typeof seedShop>>;

beforeAll(async () => {
  h = await startBotHarness();
  shop = await seedShop(h.t.ctx);
});
afterAll(() => h.stop());

/** Whatever a stranger or a client types, none of this may appear in their answer (unless it is their own). */
const OTHER_PEOPLES_DATA = ['สมชาย', 'สมชัย', 'วิภา', 'ฟ้าใส', 'INV-2026', 'QT-2026', 'JOB-2026', '0812345678', '081-234-5678', 'somchai@', 'wipa@', '฿'];

const PROBES = [
  'help',
  'overdue',
  'ค้างชำระ',
  'find สมชาย',
  'ค้นหา ฟ้าใส',
  'สมชาย ใจดี',
  '081-234-5678',
  'somchai@example.com',
  'INV-2026-0001',
  'link สมชาย ใจดี',
  'ลิงก์ INV-2026-0002',
  'remind INV-2026-0001',
  'stage JOB-2026-0001 closed',
  'revoke ฟ้าใส',
  'enrol',
  'enrol WRONG-CODE',
];

describe('a stranger (not staff, LINE account not bound)', () => {
  it.each(PROBES)("%j gets how to open their link, and nobody's data", async (text) => {
    const reply = await say(h, fakeLineUserId(), text);
    const shown = allText(reply);
    for (const secret of OTHER_PEOPLES_DATA) expect(shown).not.toContain(secret);
    expect(shown).toMatch(/enrol|open it in the LINE app/);
    expect(postbacks(reply)).toEqual([]);
  });

  it('staff buttons do nothing for a stranger', async () => {
    const stranger = fakeLineUserId();
    for (const data of [
      `a=${PB.setStage}&j=${shop.job.id}&s=picking&f=new`,
      `a=${PB.revokeLinks}&c=${shop.somchai.id}`,
      `a=${PB.customer}&c=${shop.somchai.id}`,
    ]) {
      const shown = allText(await press(h, stranger, data));
      for (const secret of OTHER_PEOPLES_DATA) expect(shown).not.toContain(secret);
    }
    expect((await h.t.ctx.db.job.findUniqueOrThrow({ where: { id: shop.job.id } })).stage).toBe('new');
    expect(await h.t.ctx.db.outboxMessage.count()).toBe(0);
  });

  it('follow creates the LINE user (following) and welcomes them; unfollow is recorded', async () => {
    const user = fakeLineUserId();
    const token = h.line.mintReplyToken();
    await deliver(h, [followEvent(user, token)]);
    expect(allText(h.line.replies.find((r) => r.replyToken === token)!.messages)).toMatch(/open it in the LINE app/);
    expect(await h.t.ctx.db.lineUser.findUnique({ where: { lineUserId: user } })).toMatchObject({ following: true, customerId: null });
    await deliver(h, [unfollowEvent(user)]);
    expect(await h.t.ctx.db.lineUser.findUnique({ where: { lineUserId: user } })).toMatchObject({ following: false });
  });
});

describe('a client whose LINE account is bound through the portal', () => {
  let client: string;

  beforeAll(async () => {
    client = fakeLineUserId();
    await deliver(h, [followEvent(client, h.line.mintReplyToken())]);
    const link = await issuePortalLink(h.t.ctx, { scope: 'customer', id: shop.somchai.id });
    const res = await fetch(`${h.t.baseUrl}/api/portal/${link.token}/line/bind`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ idToken: h.line.issueIdToken({ sub: client, name: 'Somchai' }) }),
    });
    expect(res.status).toBe(200);
    expect(await h.t.ctx.db.lineUser.findUnique({ where: { lineUserId: client } })).toMatchObject({ customerId: shop.somchai.id });
  });

  it('gets "your portal": their own customer link (LIFF) with jobs / invoices / contact quick replies', async () => {
    const reply = await say(h, client, 'สวัสดีครับ');
    expect(reply).toHaveLength(1);
    const card = reply[0] as messagingApi.FlexMessage;
    expect(card.type).toBe('flex');
    expect(allText(reply)).toContain('คุณสมชาย ใจดี');
    const button = /https:\/\/liff\.line\.me\/1650000000-AbCdEfGh\/c\/([A-Za-z0-9_-]+)/.exec(allText(reply));
    expect(button).not.toBeNull();
    const opened = await resolvePortalToken(h.t.ctx, button![1]!);
    expect(opened).toMatchObject({ scope: 'customer', customerId: shop.somchai.id });
    const quick = card.quickReply!.items!.map((i) => (i.action as messagingApi.URIAction).uri);
    expect(quick).toEqual([`${button![0]}/jobs`, `${button![0]}/invoices`, 'tel:021234567']);
  });

  it.each(PROBES.filter((p) => p !== 'enrol WRONG-CODE'))('%j still gets only their own portal card', async (text) => {
    const reply = await say(h, client, text);
    const shown = allText(reply);
    expect(shown).toContain('คุณสมชาย ใจดี');
    for (const secret of ['สมชัย', 'วิภา', 'ฟ้าใส', 'INV-2026', 'QT-2026', 'JOB-2026', '0812345678', 'somchai@', '฿']) expect(shown).not.toContain(secret);
    expect(postbacks(reply)).toEqual([]);
  });

  it("an enrolment attempt with a wrong code is refused like anyone's, and they stay a client", async () => {
    expect(allText(await say(h, client, 'enrol WRONG-CODE'))).toMatch(/not valid/);
    expect(await h.t.ctx.db.staff.count({ where: { lineUserId: client } })).toBe(0);
  });

  it('staff buttons do nothing for a client', async () => {
    const reply = await press(h, client, `a=${PB.setStage}&j=${shop.job.id}&s=picking&f=new`);
    expect(allText(reply)).toContain('คุณสมชาย ใจดี');
    expect((await h.t.ctx.db.job.findUniqueOrThrow({ where: { id: shop.job.id } })).stage).toBe('new');
  });

  it('a sticker or a photo gets the same card', async () => {
    const token = h.line.mintReplyToken();
    await deliver(h, [
      {
        type: 'message',
        mode: 'active',
        timestamp: Date.now(),
        webhookEventId: `01STICKER${Date.now()}`,
        deliveryContext: { isRedelivery: false },
        source: { type: 'user', userId: client },
        replyToken: token,
        message: { id: '1', type: 'sticker', packageId: '1', stickerId: '1', stickerResourceType: 'STATIC', quoteToken: 'q' },
      },
    ]);
    expect(allText(h.line.replies.find((r) => r.replyToken === token)!.messages)).toContain('คุณสมชาย ใจดี');
  });
});

describe('group chats', () => {
  it('the bot answers nothing in a group, even to staff commands', async () => {
    const token = h.line.mintReplyToken();
    await deliver(h, [
      {
        type: 'message',
        mode: 'active',
        timestamp: Date.now(),
        webhookEventId: `01GROUP${Date.now()}`,
        deliveryContext: { isRedelivery: false },
        source: { type: 'group', groupId: 'Cabcdef0123456789abcdef0123456789', userId: fakeLineUserId() },
        replyToken: token,
        message: { id: '2', type: 'text', text: 'overdue', quoteToken: 'q' },
      },
    ]);
    expect(h.line.replies.find((r) => r.replyToken === token)).toBeUndefined();
  });
});
