/**
 * PostgreSQL: instances polling the LINE webhook inbox claim waiting events in batches FOR
 * UPDATE SKIP LOCKED (server/data/claim-due-webhook-events.ts). Three instances on one database
 * (LINE_WEBHOOK_HANDLING=worker: record and acknowledge only; the poll handles): one poll each
 * takes three disjoint batches, and every event is answered exactly once (counted at the fake LINE).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimDueWebhookEvents } from '../../../server/data/claim-due-webhook-events.ts';
import { LEASE_MS } from '../../../bot/webhook/inbox.ts';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import {
  ACCESS_TOKEN,
  CHANNEL_SECRET,
  fakeLineUserId,
  LIFF_ID,
  LOGIN_CHANNEL_ID,
  postWebhook,
  startBotHarness,
  textEvent,
  type BotHarness,
} from './bot-harness.ts';

let h: BotHarness;
let apps: TestApp[] = [];
/** Events one recovery round takes (bot/webhook/processor.ts). */
const BATCH = 100;

beforeAll(async () => {
  h = await startBotHarness({ env: { LINE_WEBHOOK_HANDLING: 'worker' } });
  const env = {
    DATABASE_URL: h.t.ctx.config.databaseUrl,
    LINE_CHANNEL_SECRET: CHANNEL_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: ACCESS_TOKEN,
    LINE_API_BASE_URL: h.line.baseUrl,
    LINE_DATA_API_BASE_URL: h.line.baseUrl,
    LINE_LOGIN_CHANNEL_ID: LOGIN_CHANNEL_ID,
    LINE_VERIFY_URL: `${h.line.baseUrl}/oauth2/v2.1/verify`,
    LIFF_ID,
    LINE_WEBHOOK_HANDLING: 'worker',
  };
  apps = [h.t, await startTestApp({ env }), await startTestApp({ env })];
});
afterAll(async () => {
  for (const app of apps.slice(1)) await app.stop();
  await h.stop();
});
beforeEach(() => {
  h.line.reset();
});

async function recordTextEvents(count: number): Promise<{ ids: string[]; tokens: string[] }> {
  const events = Array.from({ length: count }, () => textEvent(fakeLineUserId(), 'hello', h.line.mintReplyToken()));
  for (let i = 0; i < events.length; i += 50) expect((await postWebhook(h.t, events.slice(i, i + 50))).status).toBe(200);
  return { ids: events.map((e) => e.webhookEventId), tokens: events.map((e) => e.replyToken) };
}

const replyCounts = (tokens: string[]) => tokens.map((token) => h.line.replies.filter((r) => r.replyToken === token).length);

describe('LINE webhook inbox claims on PostgreSQL', () => {
  it('three instances polling at once take a full, disjoint batch each, and answer every event exactly once', async () => {
    const { ids, tokens } = await recordTextEvents(3 * BATCH);
    const taken = await Promise.all(apps.map((app) => app.bot.recoverNow()));
    expect(taken).toEqual([BATCH, BATCH, BATCH]);
    await Promise.all(apps.map((app) => app.bot.whenIdle()));
    const rows = await h.t.ctx.db.webhookEvent.findMany({ where: { id: { in: ids } }, select: { status: true, attempts: true } });
    expect(rows).toHaveLength(3 * BATCH);
    expect(rows.filter((r) => r.status === 'processed' && r.attempts === 1)).toHaveLength(3 * BATCH);
    expect(replyCounts(tokens)).toEqual(tokens.map(() => 1));
    expect(h.line.requests.filter((r) => r.path === '/v2/bot/message/reply' && r.status !== 200)).toEqual([]);
  });

  it('lets another instance take an event over once the lease of the instance that claimed it has run out', async () => {
    const { ids, tokens } = await recordTextEvents(2);
    const now = h.t.clock.now();
    // An instance claims both and dies before handling them.
    const claimed = await claimDueWebhookEvents(h.t.ctx.db, { now, lockedUntil: new Date(now.getTime() + LEASE_MS), limit: 10 });
    expect(claimed.map((c) => ({ id: c.id, attempts: c.attempts }))).toEqual(ids.map((id) => ({ id, attempts: 1 })));
    expect(claimed[0]!.receivedAt).toEqual(now);
    const survivor = apps[1]!;
    expect(await survivor.bot.recoverNow()).toBe(0);
    survivor.clock.advance(LEASE_MS);
    expect(await survivor.bot.recoverNow()).toBe(2);
    await survivor.bot.whenIdle();
    const rows = await h.t.ctx.db.webhookEvent.findMany({ where: { id: { in: ids } }, select: { status: true, attempts: true } });
    expect(rows).toEqual([
      { status: 'processed', attempts: 2 },
      { status: 'processed', attempts: 2 },
    ]);
    expect(replyCounts(tokens)).toEqual([1, 1]);
  });

  it('claims an event again before handling it when its batch lease ran out while it waited', async () => {
    const { ids, tokens } = await recordTextEvents(1);
    const app = apps[2]!;
    expect(await app.bot.recoverNow()).toBe(1);
    // Handling starts on a later turn of the event loop: the lease runs out before it does.
    app.clock.advance(LEASE_MS);
    await app.bot.whenIdle();
    expect(await h.t.ctx.db.webhookEvent.findUnique({ where: { id: ids[0]! }, select: { status: true, attempts: true } })).toEqual({
      status: 'processed',
      attempts: 2,
    });
    expect(replyCounts(tokens)).toEqual([1]);
  });
});
