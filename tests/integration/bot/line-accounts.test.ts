/**
 * Unbinding and revoking from the bot's side, through signed webhooks: an unbound account is a
 * stranger again; after staff revoke a customer's links the bot mints no fresh link for its bound
 * accounts until staff issue one; staff see and unbind LINE accounts on the customer card.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { allText, deliver, enrolStaffUser, fakeLineUserId, followEvent, postbackWith, press, say, startBotHarness, type BotHarness } from './bot-harness.ts';
import { seedShop } from './seed.ts';
import { issuePortalLink, resolvePortalToken } from '../../../server/services/links.ts';
import { PB } from '../../../bot/flex/postback.ts';

let h: BotHarness;
let shop: Awaited<ReturnType<typeof seedShop>>;
let staff: string;

beforeAll(async () => {
  h = await startBotHarness();
  shop = await seedShop(h.t.ctx);
  staff = await enrolStaffUser(h);
});
afterAll(() => h.stop());

const STRANGER = /open it in the LINE app/;

async function bindClient(customerId: string, name: string): Promise<string> {
  const user = fakeLineUserId();
  await deliver(h, [followEvent(user, h.line.mintReplyToken())]);
  const link = await issuePortalLink(h.t.ctx, { scope: 'customer', id: customerId, createdBy: 'test' });
  const res = await fetch(`${h.t.baseUrl}/api/portal/${link.token}/line/bind`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ idToken: h.line.issueIdToken({ sub: user, name }) }),
  });
  expect(await res.json()).toMatchObject({ bound: true });
  return user;
}

function portalToken(text: string): string | null {
  return /https:\/\/liff\.line\.me\/[^/]+\/c\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? null;
}

describe('after unbinding, the account is a stranger to the bot', () => {
  it('DELETE /line-accounts/{id}: "hi" then gets the stranger\'s answer, not a link', async () => {
    const client = await bindClient(shop.somchai.id, 'Somchai');
    expect(portalToken(allText(await say(h, client, 'hi')))).not.toBeNull();
    expect((await h.t.admin('DELETE', `/customers/${shop.somchai.id}/line-accounts/${client}`)).status).toBe(200);
    const links = await h.t.ctx.db.portalLink.count();
    const reply = allText(await say(h, client, 'hi'));
    expect(reply).toMatch(STRANGER);
    expect(portalToken(reply)).toBeNull();
    expect(reply).not.toContain('สมชาย');
    expect(await h.t.ctx.db.portalLink.count()).toBe(links);
  });

  it('revoke-links with { unbindLine: true }: every bound account is a stranger', async () => {
    const a = await bindClient(shop.somchai2.id, 'A');
    const b = await bindClient(shop.somchai2.id, 'B');
    const res = await h.t.admin('POST', `/customers/${shop.somchai2.id}/revoke-links`, { unbindLine: true });
    expect(res.body).toMatchObject({ unboundLineAccounts: 2 });
    for (const user of [a, b]) expect(allText(await say(h, user, 'hi'))).toMatch(STRANGER);
  });
});

describe('plain revoke-links: bound accounts get no fresh link from the bot until staff issue one', () => {
  it('answers "links withdrawn, contact the business" and mints nothing; re-sends the next link staff issue', async () => {
    const client = await bindClient(shop.fahsai.id, 'Wipa');
    expect((await h.t.admin('POST', `/customers/${shop.fahsai.id}/revoke-links`)).status).toBe(200);
    const links = await h.t.ctx.db.portalLink.count();
    const reply = await say(h, client, 'hi');
    const text = allText(reply);
    expect(text).toContain('Test Co., Ltd. has withdrawn your portal links. Please contact them for a new link.');
    expect(text).toContain('tel:021234567');
    expect(portalToken(text)).toBeNull();
    expect(await h.t.ctx.db.portalLink.count()).toBe(links);
    // Still a bound client: the business's messages still reach this account.
    expect(await h.t.ctx.db.lineUser.findUniqueOrThrow({ where: { lineUserId: client } })).toMatchObject({ customerId: shop.fahsai.id });

    h.t.clock.advance(60_000);
    const issued = await h.t.admin('POST', '/links', { scope: 'customer', id: shop.fahsai.id });
    expect(issued.status).toBe(201);
    const token = portalToken(allText(await say(h, client, 'hi')));
    expect(token).not.toBeNull();
    expect((await resolvePortalToken(h.t.ctx, token!))?.id).toBe(issued.body.id);
  });

  it('once the link staff issued has simply expired (not revoked), the bot mints again', async () => {
    const client = await bindClient(shop.fahsai.id, 'Wipa 2');
    h.t.clock.advance(400 * 24 * 3600_000); // past every customer link's expiry
    const token = portalToken(allText(await say(h, client, 'hi')));
    expect(token).not.toBeNull();
    expect(await resolvePortalToken(h.t.ctx, token!)).toMatchObject({ customerId: shop.fahsai.id, scope: 'customer' });
  });
});

describe('the staff customer card lists bound LINE accounts with Unbind (Thai and English)', () => {
  it('shows the names; Unbind asks first, then unbinds once; a second press changes nothing', async () => {
    const customer = await h.t.admin('POST', '/customers', { name: 'คุณการ์ด ทดสอบ', email: 'card@example.com' });
    const customerId = customer.body.id as string;
    const user = await bindClient(customerId, 'บัญชีการ์ด');

    const card = await press(h, staff, `a=${PB.customer}&c=${customerId}`);
    const shown = allText(card);
    expect(shown).toContain('บัญชี LINE ที่เชื่อม (1)');
    expect(shown).toContain('บัญชีการ์ด');
    const ask = postbackWith(card, PB.unbindLineAsk, { c: customerId, u: user });

    const confirm = await press(h, staff, ask);
    expect(allText(confirm)).toContain('ยกเลิกการเชื่อม LINE "บัญชีการ์ด" จาก คุณการ์ด ทดสอบ?');
    expect(await h.t.ctx.db.lineUser.findUniqueOrThrow({ where: { lineUserId: user } })).toMatchObject({ customerId });
    const doIt = postbackWith(confirm, PB.unbindLine, { c: customerId, u: user });

    expect(allText(await press(h, staff, doIt))).toContain('ยกเลิกการเชื่อมบัญชี LINE จาก คุณการ์ด ทดสอบ แล้ว');
    expect(await h.t.ctx.db.lineUser.findUniqueOrThrow({ where: { lineUserId: user } })).toMatchObject({ customerId: null });
    expect(allText(await press(h, staff, doIt))).toContain('ไม่ได้เชื่อมกับ คุณการ์ด ทดสอบ แล้ว');
    expect(allText(await press(h, staff, `a=${PB.customer}&c=${customerId}`))).toContain('ยังไม่มีบัญชี LINE ที่เชื่อม');
  });

  it('in English for English-speaking staff', async () => {
    const customer = await h.t.admin('POST', '/customers', { name: 'Card Two', email: 'card2@example.com' });
    const customerId = customer.body.id as string;
    const user = await bindClient(customerId, 'Second phone');
    await say(h, staff, 'help'); // an English command: answers switch to English
    const card = await press(h, staff, `a=${PB.customer}&c=${customerId}`);
    expect(allText(card)).toContain('Linked LINE accounts (1)');
    expect(allText(card)).toContain('Not following (email/SMS used)');
    const confirm = await press(h, staff, postbackWith(card, PB.unbindLineAsk, { u: user }));
    expect(allText(confirm)).toContain('Unbind LINE "Second phone" from Card Two?');
    expect(allText(await press(h, staff, postbackWith(confirm, PB.unbindLine, { u: user })))).toContain('LINE account unbound from Card Two.');
  });

  it('the Unbind button does nothing for someone who is not staff (re-checked on every press)', async () => {
    const customer = await h.t.admin('POST', '/customers', { name: 'Card Three', email: 'card3@example.com' });
    const customerId = customer.body.id as string;
    const user = await bindClient(customerId, 'Third');
    const outsider = fakeLineUserId();
    await press(h, outsider, `a=${PB.unbindLine}&c=${customerId}&u=${user}`);
    await press(h, user, `a=${PB.unbindLine}&c=${customerId}&u=${user}`);
    expect(await h.t.ctx.db.lineUser.findUniqueOrThrow({ where: { lineUserId: user } })).toMatchObject({ customerId });
  });
});
