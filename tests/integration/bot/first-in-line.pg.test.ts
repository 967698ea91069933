/**
 * PostgreSQL: the acknowledgement write has a small pool of its own (server/data/first-in-line.ts),
 * so LINE gets its 200 even while handling, deliveries and portal requests hold every connection
 * of the main pool. (SQLite's one connection: first-in-line.sqlite.test.ts.)
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { POSTGRES_POOL_SIZE } from '../../../server/data/database.ts';
import { fakeLineUserId, postWebhook, startBotHarness, textEvent, type BotHarness } from './bot-harness.ts';

describe('the acknowledgement write has connections of its own', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  });
  afterAll(() => h.stop());

  it('a webhook is recorded and answered 200 while open transactions hold every connection of the main pool', async () => {
    const db = h.t.ctx.db;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let holding = 0;
    let allHeld!: () => void;
    const held = new Promise<void>((resolve) => (allHeld = resolve));
    const transactions = Array.from({ length: POSTGRES_POOL_SIZE }, () =>
      db.$transaction(
        async (tx) => {
          await tx.customer.count();
          if (++holding === POSTGRES_POOL_SIZE) allHeld();
          await gate;
        },
        { maxWait: 20_000, timeout: 60_000 },
      ),
    );
    await held;

    const token = h.line.mintReplyToken();
    const event = textEvent(fakeLineUserId(), 'hello', token);
    const answered = await postWebhook(h.t, [event]);
    const stillHeld = holding === POSTGRES_POOL_SIZE;
    open();
    await Promise.all(transactions);
    expect(answered.status).toBe(200);
    expect(stillHeld).toBe(true);
    expect(await db.webhookEvent.findUnique({ where: { id: event.webhookEventId }, select: { status: true } })).not.toBeNull();
    // Handling needed the main pool: it ran once the transactions ended.
    await h.t.bot.whenIdle();
    expect(h.line.replies.filter((r) => r.replyToken === token)).toHaveLength(1);
  });
});
