/**
 * SQLite's one serialized connection: the webhook's acknowledgement write goes ahead of database
 * work already queued (the handling of earlier events). PostgreSQL gives the write connections of its own: first-in-line.pg.test.ts.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { firstInLine } from '../../../server/data/serialized-sqlite.ts';
import { fakeLineUserId, startBotHarness, textEvent, type BotHarness } from './bot-harness.ts';

describe('the acknowledgement write goes first', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  });
  afterAll(() => h.stop());

  it('a write marked first in line runs before queries queued earlier behind an open transaction', async () => {
    const db = h.t.ctx.db;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const transaction = db.$transaction(async (tx) => {
      await tx.customer.count();
      holding();
      await gate;
    });
    await held;
    const order: string[] = [];
    const queued = [1, 2, 3].map((n) => db.customer.count().then(() => order.push(`handling ${n}`)));
    const event = textEvent(fakeLineUserId(), 'hello', h.line.mintReplyToken());
    const recorded = firstInLine(() =>
      db.webhookEvent.create({ data: { id: event.webhookEventId, type: 'message', payload: JSON.stringify(event), receivedAt: h.t.clock.now() } }),
    ).then(() => order.push('acknowledgement'));
    open();
    await Promise.all([transaction, recorded, ...queued]);
    expect(order).toEqual(['acknowledgement', 'handling 1', 'handling 2', 'handling 3']);
  });
});
