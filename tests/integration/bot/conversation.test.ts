/**
 * The issue's "done when", through the webhook only: an owner enrols a staff member, who finds
 * a customer by a misspelt Thai name, issues a link, sends it, moves a job's stage (the open
 * portal sees it live) and sends a reminder. Every reply and push is checked by the fake LINE
 * API against LINE's official schema (an invalid one would be refused and fail the test).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { messagingApi } from '@line/bot-sdk';
import { allText, deliver, fakeLineUserId, followEvent, postbackWith, press, say, startBotHarness, type BotHarness } from './bot-harness.ts';
import { seedShop } from './seed.ts';
import { PB } from '../../../bot/flex/postback.ts';
import { validateLineMessages } from '../../fakes/fake-line-api.ts';
import { issuePortalLink } from '../../../server/services/links.ts';

let h: BotHarness;
let shop: Awaited<ReturnType<typeof seedShop>>;

beforeAll(async () => {
  h = await startBotHarness();
  shop = await seedShop(h.t.ctx);
});
afterAll(() => h.stop());

/** Opens the portal's live stream and resolves with the first job.stage event. */
function firstStageEvent(token: string) {
  const controller = new AbortController();
  const ready = fetch(`${h.t.baseUrl}/api/portal/${token}/events`, { signal: controller.signal });
  const event = ready.then(async (res) => {
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended before a job.stage event');
      buffer += decoder.decode(value, { stream: true });
      const match = /event: job\.stage\ndata: (.*)\n\n/.exec(buffer);
      if (match) {
        controller.abort();
        return JSON.parse(match[1]!) as { jobId: string; stage: string };
      }
    }
  });
  return { ready, event };
}

describe('scripted conversation', () => {
  it('enrol → find a misspelt Thai name → link → send → stage (live in the portal) → remind', async () => {
    // The client has the business as a friend and bound their LINE account in the portal earlier.
    const client = fakeLineUserId();
    await deliver(h, [followEvent(client, h.line.mintReplyToken())]);
    h.line.setProfile(client, { displayName: 'Somchai' }); // LINE shows a friend's profile (binding asks it)
    const bindLink = await issuePortalLink(h.t.ctx, { scope: 'customer', id: shop.somchai.id });
    const bound = await fetch(`${h.t.baseUrl}/api/portal/${bindLink.token}/line/bind`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ idToken: h.line.issueIdToken({ sub: client }) }),
    });
    expect(bound.status).toBe(200);

    // 1. The owner issues a code; the new staff member sends it to the bot.
    const invitation = await h.t.admin('POST', '/staff/invitations', { role: 'staff' });
    expect(invitation.status).toBe(201);
    const staff = fakeLineUserId();
    h.line.setProfile(staff, { displayName: 'Nok (warehouse)' });
    expect(allText(await say(h, staff, `ลงทะเบียน ${invitation.body.code}`))).toMatch(/ลงทะเบียนเรียบร้อย/);

    // 2. Find the customer with a misspelt name (สมชาญ for สมชาย).
    const card = await say(h, staff, 'ค้นหา สมชาญ ใจดี');
    expect(allText(card)).toContain('คุณสมชาย ใจดี');

    // 3. The card's [portal link] button: link card with [send to client] and a copy to forward.
    const linkReply = await press(h, staff, postbackWith(card, PB.link, { c: shop.somchai.id }));
    const url = (linkReply[1] as messagingApi.TextMessage).text;
    const token = /\/c\/([A-Za-z0-9_-]+)$/.exec(url)![1]!;
    expect(allText(linkReply)).toMatch(/ส่งทาง\nLINE/); // the client is bound and follows: LINE

    // 4. [send to client]: queued in the outbox, pushed over LINE by the worker.
    expect(allText(await press(h, staff, postbackWith(linkReply, PB.sendLink)))).toMatch(/ส่งลิงก์ให้ คุณสมชาย ใจดี ทาง LINE แล้ว/);
    await h.t.messaging.drainOnce();
    const linkPush = await h.line.waitForPushes(1);
    expect(linkPush[0]).toMatchObject({ to: client });
    expect(allText(linkPush[0]!.messages)).toContain(url);

    // 5. Stage moves while the client's portal is open: the portal sees each one live.
    const live = firstStageEvent(token);
    await live.ready;
    const chooser = await say(h, staff, `สถานะ ${shop.job.number}`);
    expect(allText(await press(h, staff, postbackWith(chooser, PB.setStage, { s: 'delivering', f: 'new' })))).toMatch(/กำลังจัดส่ง/);
    expect(await live.event).toMatchObject({ jobId: shop.job.id, stage: 'delivering' });
    // "delivering" is a stage the business announces: the client also gets a LINE update.
    await h.t.messaging.drainOnce();
    const stagePush = await h.line.waitForPushes(2);
    expect(stagePush[1]).toMatchObject({ to: client });
    expect(allText(stagePush[1]!.messages)).toContain(shop.job.number);

    // 6. A payment reminder for the overdue invoice.
    expect(allText(await say(h, staff, 'เตือน inv 2026 1'))).toMatch(/ส่งแจ้งเตือนชำระเงิน INV-2026-0001 ทาง LINE แล้ว/);
    await h.t.messaging.drainOnce();
    const reminderPush = await h.line.waitForPushes(3);
    expect(reminderPush[2]).toMatchObject({ to: client });
    expect(allText(reminderPush[2]!.messages)).toContain('INV-2026-0001');

    // Everything that went out is valid LINE (the fake refused nothing), replies were free, pushes only to the client.
    for (const sent of [...h.line.replies, ...h.line.pushes]) expect(validateLineMessages(sent.messages)).toEqual([]);
    expect(h.line.requests.filter((r) => r.status >= 400)).toEqual([]);
    expect(h.line.pushes.every((p) => p.to === client)).toBe(true);
  });
});
