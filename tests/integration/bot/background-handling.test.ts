/**
 * Handling LINE events is background work (server/data/background-work.ts): it lets the event loop
 * read incoming requests between its statements, and holds back while an acknowledgement is in
 * progress, so handling never delays LINE's 200. On both databases.
 */
import http from 'node:http';
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { inBackground, urgentWorkInProgress, urgentWorkStarted } from '../../../server/data/background-work.ts';
import { startFakeLineApi, type FakeLineApi } from '../../fakes/fake-line-api.ts';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { ACCESS_TOKEN, CHANNEL_SECRET, LOGIN_CHANNEL_ID, fakeLineUserId, postWebhook, textEvent } from './bot-harness.ts';

const aTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('event handling as background work', () => {
  let t: TestApp;
  let line: FakeLineApi;
  const statements: string[] = [];
  const lineUserStatements = () => statements.filter((sql) => /[`"]LineUser[`"]/.test(sql));
  beforeAll(async () => {
    line = await startFakeLineApi({ channelAccessToken: ACCESS_TOKEN, loginChannelId: LOGIN_CHANNEL_ID, replyTokens: 'minted' });
    t = await startTestApp({
      env: { LINE_CHANNEL_SECRET: CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN: ACCESS_TOKEN, LINE_API_BASE_URL: line.baseUrl },
      overrides: { observeQueries: ({ sql }) => statements.push(sql) },
    });
  });
  afterAll(async () => {
    await t.stop();
    await line.close();
  });

  it('gives the event loop a turn before each statement', async () => {
    const order: string[] = [];
    // On SQLite a statement completes as a microtask: without a turn, a handler's statements run
    // back to back while incoming requests (an acknowledgement) wait for the event loop.
    const handling = inBackground(async () => {
      for (const n of [1, 2, 3]) {
        await t.ctx.db.customer.count();
        order.push(`statement ${n}`);
      }
    });
    let handled = false;
    const turns = () => {
      if (handled) return;
      order.push('event loop');
      setImmediate(turns);
    };
    setImmediate(turns);
    await handling;
    handled = true;
    expect(order.filter((o) => o.startsWith('statement'))).toEqual(['statement 1', 'statement 2', 'statement 3']);
    expect(order.indexOf('event loop')).toBeLessThan(order.indexOf('statement 2'));
    expect(order.lastIndexOf('event loop', order.indexOf('statement 3'))).toBeGreaterThan(order.indexOf('statement 2'));
  });

  it('sends no statement while an acknowledgement is in progress, and goes on after it', async () => {
    const end = urgentWorkStarted();
    statements.length = 0;
    const handling = inBackground(async () => {
      await t.ctx.db.lineUser.count();
    });
    await t.ctx.db.business.count(); // other work is not held back
    for (let i = 0; i < 5; i++) await aTurn();
    const whileAcknowledging = lineUserStatements();
    end();
    await handling;
    expect(whileAcknowledging).toEqual([]);
    expect(lineUserStatements()).toHaveLength(1);
  });

  it('waits for the acknowledgements in progress, not for those that start while it waits', async () => {
    const endFirst = urgentWorkStarted();
    statements.length = 0;
    const handling = inBackground(async () => {
      await t.ctx.db.lineUser.count();
    });
    for (let i = 0; i < 3; i++) await aTurn();
    const endSecond = urgentWorkStarted(); // a steady stream of webhooks must not starve handling
    for (let i = 0; i < 3; i++) await aTurn();
    expect(lineUserStatements()).toEqual([]);
    endFirst();
    await handling;
    expect(lineUserStatements()).toHaveLength(1);
    expect(urgentWorkInProgress()).toBe(1);
    endSecond();
    expect(urgentWorkInProgress()).toBe(0);
  });

  it('a signed LINE webhook counts as an acknowledgement in progress until its 200 is sent', async () => {
    const event = textEvent(fakeLineUserId(), 'hello', line.mintReplyToken());
    // Hold the recording write: an uncommitted row with the same id (PostgreSQL waits on the key,
    // SQLite's one connection on the transaction).
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const holder = t.ctx.db.$transaction(
      async (tx) => {
        await tx.webhookEvent.create({ data: { id: event.webhookEventId, type: 'message', payload: '{}', receivedAt: t.clock.now() } });
        holding();
        await gate;
      },
      { timeout: 20_000 },
    );
    await held;
    const answered = postWebhook(t, [event]);
    await vi.waitFor(() => expect(urgentWorkInProgress()).toBe(1));
    statements.length = 0;
    const handling = inBackground(async () => {
      await t.ctx.db.lineUser.count();
    });
    for (let i = 0; i < 5; i++) await aTurn();
    const whileAcknowledging = lineUserStatements();
    release();
    await holder;
    expect((await answered).status).toBe(200);
    await handling;
    expect(whileAcknowledging).toEqual([]);
    expect(lineUserStatements()).toHaveLength(1);
    expect(urgentWorkInProgress()).toBe(0);
  });

  it('a request still sending its body (its signature not yet checked) does not hold handling back', async () => {
    const body = JSON.stringify({ destination: 'U0123456789abcdef0123456789abcdef', events: [textEvent(fakeLineUserId(), 'hello', line.mintReplyToken())] });
    const request = http.request(`${t.baseUrl}/webhooks/line`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': 'bm90IGEgc2lnbmF0dXJl', 'content-length': String(Buffer.byteLength(body)) },
    });
    const status = new Promise<number>((resolve, reject) => {
      request.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      request.on('error', reject);
    });
    request.write(body.slice(0, 20));
    // A request after it has been answered: the server has read the first one's head by then.
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    const whileSending = urgentWorkInProgress();
    request.end(body.slice(20));
    expect(await status).toBe(401);
    expect(whileSending).toBe(0);
  });
});
