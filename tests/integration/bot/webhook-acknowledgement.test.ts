/**
 * "Recorded and acknowledged" is apart from "handled": the 200 waits only for the events to be
 * written (on SQLite that write goes ahead of queued work: first-in-line.sqlite.test.ts); events acknowledged by a process that died before handling them are handled later,
 * each exactly once and in LINE's order per user.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { fakeLineUserId, followEvent, postWebhook, startBotHarness, textEvent, unfollowEvent, type BotHarness } from './bot-harness.ts';

describe('the acknowledgement write goes first', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  });
  afterAll(() => h.stop());

  it('the webhook records through that lane: answered 200 with the event written, handled afterwards', async () => {
    const token = h.line.mintReplyToken();
    const event = textEvent(fakeLineUserId(), 'hello', token);
    expect((await postWebhook(h.t, [event])).status).toBe(200);
    expect(await h.t.ctx.db.webhookEvent.findUnique({ where: { id: event.webhookEventId } })).not.toBeNull();
    await h.t.bot.whenIdle();
    expect(h.line.replies.filter((r) => r.replyToken === token)).toHaveLength(1);
  });
});

describe('acknowledged by an instance that only records, handled after a crash', () => {
  let h: BotHarness;
  beforeAll(async () => {
    // A web instance that records and acknowledges only; its handling "crashed" (nothing runs it).
    h = await startBotHarness({ env: { LINE_WEBHOOK_HANDLING: 'worker' } });
  });
  afterAll(() => h.stop());

  it('replays every acknowledged event exactly once, in LINE timestamp order per user', async () => {
    const user = fakeLineUserId();
    const other = fakeLineUserId();
    const t0 = Date.parse('2026-11-25T05:00:00Z');
    const tokens = [h.line.mintReplyToken(), h.line.mintReplyToken(), h.line.mintReplyToken()];
    // Two requests, the later event first: follow (t0+1s) → unfollow (t0+3s) → follow (t0+5s) wins.
    expect(
      (await postWebhook(h.t, [followEvent(user, tokens[2]!, { timestamp: t0 + 5000 }), textEvent(other, 'hello', tokens[1]!, { timestamp: t0 + 2000 })]))
        .status,
    ).toBe(200);
    expect((await postWebhook(h.t, [unfollowEvent(user, { timestamp: t0 + 3000 }), followEvent(user, tokens[0]!, { timestamp: t0 + 1000 })])).status).toBe(200);
    await h.t.bot.whenIdle();
    expect(h.line.replies).toHaveLength(0);
    expect(await h.t.ctx.db.webhookEvent.count({ where: { status: 'received' } })).toBe(4);

    // The recovery pass (a worker starting, or the next tick) handles all of them.
    expect(await h.t.bot.recoverNow()).toBe(4);
    await h.t.bot.whenIdle();
    await h.t.bot.recoverNow();
    await h.t.bot.whenIdle();
    expect(await h.t.ctx.db.webhookEvent.count({ where: { status: 'processed' } })).toBe(4);
    for (const token of tokens) expect(h.line.replies.filter((r) => r.replyToken === token).length).toBeLessThanOrEqual(1);
    expect(h.line.replies.filter((r) => r.replyToken === tokens[1])).toHaveLength(1);
    const rows = await h.t.ctx.db.webhookEvent.findMany({ where: {}, select: { attempts: true } });
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    expect(await h.t.ctx.db.lineUser.findUnique({ where: { lineUserId: user } })).toMatchObject({ following: true });
  });
});
