import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp } from '../../helpers/test-app.ts';
import { errorBody } from '../../../server/http/errors.ts';
import { DomainError } from '../../../server/domain/errors.ts';
import { allText, deliver, fakeLineUserId, followEvent, postWebhook, sign, startBotHarness, textEvent, unfollowEvent, type BotHarness } from './bot-harness.ts';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(() => h.stop());

const eventRow = (id: string) => h.t.ctx.db.webhookEvent.findUnique({ where: { id } });

describe('POST /webhooks/line: signature', () => {
  it('accepts a correctly signed body, records the event and replies through the reply token', async () => {
    const user = fakeLineUserId();
    const token = h.line.mintReplyToken();
    const event = textEvent(user, 'hello', token);
    const res = await postWebhook(h.t, [event]);
    expect(res.status).toBe(200);
    // Recorded before LINE got its 200 (handling may still be running).
    expect(await eventRow(event.webhookEventId)).not.toBeNull();
    await h.t.bot.whenIdle();
    expect(await eventRow(event.webhookEventId)).toMatchObject({ status: 'processed', attempts: 1, type: 'message' });
    const reply = h.line.replies.find((r) => r.replyToken === token);
    expect(reply).toBeDefined();
    // A stranger: told how to open their link, in Thai and English.
    expect(allText(reply!.messages)).toMatch(/open it in the LINE app/);
    expect(h.line.pushes).toHaveLength(0);
  });

  it('answers 401 for a wrong signature, a signature from another secret, or none, and records nothing', async () => {
    const event = textEvent(fakeLineUserId(), 'hello', h.line.mintReplyToken());
    const body = JSON.stringify({ destination: 'U0', events: [event] });
    for (const signature of ['not-base64-at-all', sign(body, 'another-channel-secret'), sign(body + ' '), null]) {
      const res = await postWebhook(h.t, [], { rawBody: body, signature });
      expect(res.status).toBe(401);
      expect(res.body).toEqual(errorBody(new DomainError('UNAUTHORIZED', 'x-line-signature is missing or does not match the body')));
    }
    await h.t.bot.whenIdle();
    expect(await eventRow(event.webhookEventId)).toBeNull();
  });

  it('answers 400 for a signed body that is not JSON', async () => {
    const res = await postWebhook(h.t, [], { rawBody: 'not json' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody(new DomainError('VALIDATION', 'The webhook body is not valid JSON', { field: 'body' })));
  });

  it('answers 200 to LINE\'s "Verify" request (no events)', async () => {
    const res = await postWebhook(h.t, []);
    expect(res.status).toBe(200);
  });
});

describe('idempotency per webhookEventId', () => {
  it('a redelivery of a handled event changes nothing and sends nothing', async () => {
    const user = fakeLineUserId();
    const event = textEvent(user, 'hello', h.line.mintReplyToken());
    await deliver(h, [event]);
    const replies = h.line.counts.replyAttempts;
    const redelivered = { ...event, deliveryContext: { isRedelivery: true } };
    expect((await postWebhook(h.t, [redelivered])).status).toBe(200);
    await h.t.bot.whenIdle();
    expect(h.line.counts.replyAttempts).toBe(replies);
    expect(await eventRow(event.webhookEventId)).toMatchObject({ status: 'processed', attempts: 1 });
  });

  it('a redelivered event we never received is handled normally', async () => {
    const token = h.line.mintReplyToken();
    const event = textEvent(fakeLineUserId(), 'hello', token, { redelivery: true });
    await deliver(h, [event]);
    expect(h.line.replies.some((r) => r.replyToken === token)).toBe(true);
  });

  it('the same id twice in one request, and in two concurrent requests, is handled once', async () => {
    const token = h.line.mintReplyToken();
    const event = textEvent(fakeLineUserId(), 'hello', token);
    const before = h.line.counts.replyAttempts;
    const results = await Promise.all([postWebhook(h.t, [event, event]), postWebhook(h.t, [event])]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    await h.t.bot.whenIdle();
    expect(h.line.counts.replyAttempts - before).toBe(1);
    expect(await h.t.ctx.db.webhookEvent.count({ where: { id: event.webhookEventId } })).toBe(1);
  });
});

describe('events out of order', () => {
  it('follow/unfollow: the latest by LINE timestamp wins, whatever order they arrive in', async () => {
    const user = fakeLineUserId();
    const t0 = Date.parse('2026-11-25T04:00:00Z');
    // The unfollow (later) arrives first, then the stale follow (earlier): the user stays unfollowed.
    await deliver(h, [unfollowEvent(user, { timestamp: t0 + 5000 })]);
    await deliver(h, [followEvent(user, h.line.mintReplyToken(), { timestamp: t0 })]);
    expect(await h.t.ctx.db.lineUser.findUnique({ where: { lineUserId: user } })).toMatchObject({ following: false });
    // A newer follow does flip it back.
    await deliver(h, [followEvent(user, h.line.mintReplyToken(), { timestamp: t0 + 9000 })]);
    expect(await h.t.ctx.db.lineUser.findUnique({ where: { lineUserId: user } })).toMatchObject({ following: true });
  });

  it('events of one request are handled in timestamp order', async () => {
    const user = fakeLineUserId();
    const t0 = Date.parse('2026-11-25T05:00:00Z');
    await deliver(h, [unfollowEvent(user, { timestamp: t0 + 2000 }), followEvent(user, h.line.mintReplyToken(), { timestamp: t0 + 1000 })]);
    expect(await h.t.ctx.db.lineUser.findUnique({ where: { lineUserId: user } })).toMatchObject({ following: false });
  });
});

describe('crash recovery', () => {
  it('an event recorded but never handled (crash after the 200) is handled by the recovery pass', async () => {
    const token = h.line.mintReplyToken();
    const event = textEvent(fakeLineUserId(), 'hello', token);
    // What the webhook writes before acknowledging; the process "died" before handling it.
    await h.t.ctx.db.webhookEvent.create({ data: { id: event.webhookEventId, type: 'message', payload: JSON.stringify(event), receivedAt: h.t.clock.now() } });
    expect(await h.t.bot.recoverNow()).toBeGreaterThanOrEqual(1);
    await h.t.bot.whenIdle();
    expect(await eventRow(event.webhookEventId)).toMatchObject({ status: 'processed' });
    expect(h.line.replies.filter((r) => r.replyToken === token)).toHaveLength(1);
    // A second pass finds nothing to do.
    await h.t.bot.recoverNow();
    await h.t.bot.whenIdle();
    expect(h.line.replies.filter((r) => r.replyToken === token)).toHaveLength(1);
  });

  it('an event a crashed worker was handling is taken over once its lease has run out, not before', async () => {
    const token = h.line.mintReplyToken();
    const event = textEvent(fakeLineUserId(), 'hello', token);
    const now = h.t.clock.now();
    await h.t.ctx.db.webhookEvent.create({
      data: {
        id: event.webhookEventId,
        type: 'message',
        payload: JSON.stringify(event),
        status: 'processing',
        attempts: 1,
        lockedUntil: new Date(now.getTime() + 60_000),
        receivedAt: now,
      },
    });
    await h.t.bot.recoverNow();
    await h.t.bot.whenIdle();
    expect(await eventRow(event.webhookEventId)).toMatchObject({ status: 'processing' });
    h.t.clock.advance(61_000);
    await h.t.bot.recoverNow();
    await h.t.bot.whenIdle();
    expect(await eventRow(event.webhookEventId)).toMatchObject({ status: 'processed', attempts: 2 });
    expect(h.line.replies.filter((r) => r.replyToken === token)).toHaveLength(1);
  });

  it('an event LINE will not take a reply for (expired token) is still marked handled, with the reason', async () => {
    const event = textEvent(fakeLineUserId(), 'hello', 'ffffffffffffffffffffffffffffffff');
    await deliver(h, [event]);
    const row = await eventRow(event.webhookEventId);
    expect(row).toMatchObject({ status: 'processed' });
    expect(row?.lastError).toMatch(/reply not delivered.*400/);
  });
});

describe('without LINE credentials', () => {
  it('answers 503 naming the missing variables', async () => {
    const t = await startTestApp();
    try {
      const res = await fetch(`${t.baseUrl}/webhooks/line`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-line-signature': 'x' },
        body: '{"events":[]}',
      });
      expect(res.status).toBe(503);
      const body = (await res.json()) as { error: { code: string; missing: string[]; message: string; messages: unknown } };
      expect(body.error.missing).toEqual(['LINE_CHANNEL_SECRET', 'LINE_CHANNEL_ACCESS_TOKEN']);
      expect(body.error.message).toMatch(/LINE_CHANNEL_SECRET/);
      // Answered by the one error mapper, like every other error.
      expect(body.error).toMatchObject({ code: 'UNAVAILABLE', messages: errorBody(new DomainError('UNAVAILABLE', '')).error.messages });
    } finally {
      await t.stop();
    }
  });
});
