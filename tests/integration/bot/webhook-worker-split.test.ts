import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { allText, fakeLineUserId, postWebhook, startBotHarness, textEvent, type BotHarness } from './bot-harness.ts';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness({ env: { LINE_WEBHOOK_HANDLING: 'worker' } });
});
afterAll(() => h.stop());

describe('LINE_WEBHOOK_HANDLING=worker (web instance next to `npm run worker`)', () => {
  it('records and acknowledges only; the worker (inbox poll) handles and replies', async () => {
    const token = h.line.mintReplyToken();
    const event = textEvent(fakeLineUserId(), 'hello', token);
    const res = await postWebhook(h.t, [event]);
    expect(res.status).toBe(200);
    await h.t.bot.whenIdle();
    expect(await h.t.ctx.db.webhookEvent.findUnique({ where: { id: event.webhookEventId } })).toMatchObject({ status: 'received', attempts: 0 });
    expect(h.line.replies.find((r) => r.replyToken === token)).toBeUndefined();
    // What the worker's poll does: find waiting events and handle them.
    expect(await h.t.bot.recoverNow()).toBeGreaterThanOrEqual(1);
    await h.t.bot.whenIdle();
    expect(await h.t.ctx.db.webhookEvent.findUnique({ where: { id: event.webhookEventId } })).toMatchObject({ status: 'processed', attempts: 1 });
    expect(allText(h.line.replies.find((r) => r.replyToken === token)!.messages)).toMatch(/LINE/);
  });
});
