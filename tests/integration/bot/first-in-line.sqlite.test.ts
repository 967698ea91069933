/**
 * SQLite's one serialized connection: the webhook's acknowledgement write goes ahead of database
 * work already queued (the handling of earlier events). PostgreSQL has a pool and needs no lane.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { firstInLine, inBackground } from '../../../server/data/serialized-sqlite.ts';
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

  it('background work (handling LINE events) gives the event loop a turn before each statement', async () => {
    const db = h.t.ctx.db;
    const order: string[] = [];
    // A statement on SQLite completes as a microtask: without a yield, a handler's statements run back
    // to back while incoming requests (an acknowledgement) wait for the event loop.
    const handling = inBackground(async () => {
      for (const n of [1, 2, 3]) {
        await db.customer.count();
        order.push(`statement ${n}`);
      }
    });
    const turns = () => {
      order.push('event loop');
      if (order.length < 6) setImmediate(turns);
    };
    setImmediate(turns);
    await handling;
    expect(order.filter((o) => o.startsWith('statement'))).toEqual(['statement 1', 'statement 2', 'statement 3']);
    // Each statement after the first waits for a turn of the loop that began after the previous one.
    expect(order.indexOf('event loop')).toBeLessThan(order.indexOf('statement 2'));
    expect(order.lastIndexOf('event loop', order.indexOf('statement 3'))).toBeGreaterThan(order.indexOf('statement 2'));
  });
});
