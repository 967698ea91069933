import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { messagingApi, HTTPFetchError } from '@line/bot-sdk';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../../fakes/fake-line-api.ts';
import { clientFlexMessage, customerCarousel, stageChooser } from '../../../bot/flex/index.ts';
import { client as clientContent, customers } from './flex-fixtures.ts';
import { lineMessageContent } from '../../../bot/line-content.ts';

const TOKEN = 'test-channel-access-token';
const LOGIN_CHANNEL = '2001234567';
const USER = fakeLineUserId();

let fake: FakeLineApi;
let clock = Date.UTC(2025, 0, 15, 3, 0, 0);

beforeAll(async () => {
  fake = await startFakeLineApi({
    channelAccessToken: TOKEN,
    loginChannelId: LOGIN_CHANNEL,
    now: () => clock,
    profiles: { [USER]: { displayName: 'สมชาย', language: 'th' } },
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  fake.setQuotaExhausted(false);
  fake.setMonthlyQuota(undefined);
});

const text = (t: string): messagingApi.TextMessage => ({ type: 'text', text: t });

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${fake.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

const push = (body: unknown, headers?: Record<string, string>) => post('/v2/bot/message/push', body, headers);

describe('authentication', () => {
  it('requires the configured bearer token', async () => {
    const missing = await fetch(`${fake.baseUrl}/v2/bot/message/push`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { message: string }).message).toMatch(/Authorization header required/);
    const wrong = await push({ to: USER, messages: [text('hi')] }, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toMatch(/Authentication failed/);
    expect(fake.pushes).toHaveLength(0);
    const quota = await fetch(`${fake.baseUrl}/v2/bot/message/quota`);
    expect(quota.status).toBe(401);
  });
});

describe('push', () => {
  it('accepts a valid push from the real SDK client and records it', async () => {
    const client = new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: fake.baseUrl });
    const message = clientFlexMessage(clientContent('invoice', 'th', { invoiceNumber: 'INV-1', title: null, amountDueSatang: 123450, dueDate: '2025-01-31' }));
    const retryKey = randomUUID();
    const res = await client.pushMessageWithHttpInfo({ to: USER, messages: [message] }, retryKey);
    expect(res.httpResponse.status).toBe(200);
    expect(res.httpResponse.headers.get('x-line-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.sentMessages).toHaveLength(1);
    expect(res.body.sentMessages[0]!.id).toMatch(/^\d+$/);
    expect(fake.pushes).toHaveLength(1);
    expect(fake.pushes[0]).toMatchObject({ kind: 'push', to: USER, retryKey, messages: [message] });
  });

  it('rejects 6 messages', async () => {
    const res = await push({ to: USER, messages: Array.from({ length: 6 }, (_, i) => text(`m${i}`)) });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('The request body has 1 error(s)');
    expect(res.body.details).toEqual([{ message: 'must NOT have more than 5 items', property: 'messages' }]);
    expect(fake.pushes).toHaveLength(0);
  });

  it('rejects zero messages, empty and oversized text, and a malformed "to"', async () => {
    expect((await push({ to: USER, messages: [] })).status).toBe(400);
    expect((await push({ to: USER, messages: [text('')] })).body.details).toEqual([{ message: 'May not be empty', property: 'messages[0].text' }]);
    expect((await push({ to: USER, messages: [text('x'.repeat(5001))] })).status).toBe(400);
    expect((await push({ to: USER, messages: [text('x'.repeat(5000))] })).status).toBe(200);
    expect((await push({ to: 'customer-42', messages: [text('x')] })).body.details).toEqual([
      { message: "The property, 'to', in the request body is invalid (line:-, column:-)", property: 'to' },
    ]);
  });

  it('rejects an altText over 1500 characters', async () => {
    const message = clientFlexMessage(clientContent('invoice', 'en', { invoiceNumber: 'INV-1', title: null, amountDueSatang: 100, dueDate: '2025-01-31' }));
    const res = await push({ to: USER, messages: [{ ...message, altText: 'a'.repeat(1501) }] });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ message: 'Length must be between 0 and 1500', property: 'messages[0].altText' }]);
    expect((await push({ to: USER, messages: [{ ...message, altText: 'a'.repeat(1500) }] })).status).toBe(200);
  });

  it('rejects postback data over 300 characters inside a Flex bubble, LINE-style', async () => {
    const message = customerCarousel(customers(2), { lang: 'en' });
    const carousel = message.contents as messagingApi.FlexCarousel;
    const btn = carousel.contents[1]!.footer!.contents[0] as messagingApi.FlexButton;
    (btn.action as messagingApi.PostbackAction).data = 'a='.padEnd(301, 'x');
    const res = await push({ to: USER, messages: [text('first'), message] });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      message: 'A message (messages[1]) in the request body is invalid',
      details: [{ message: 'must NOT have more than 300 characters', property: '/contents/1/footer/contents/0/action/data' }],
    });
  });

  it('rejects a carousel of 13 bubbles, a bubble over 30 KB, and 14 quick replies', async () => {
    const carousel = customerCarousel(customers(12), { lang: 'en' });
    const c = carousel.contents as messagingApi.FlexCarousel;
    c.contents.push(c.contents[0]!);
    expect((await push({ to: USER, messages: [carousel] })).body.details).toEqual([{ message: 'size must be between 1 and 12', property: '/contents' }]);

    const huge = clientFlexMessage(clientContent('invoice', 'en', { invoiceNumber: 'INV-1', title: null, amountDueSatang: 100, dueDate: '2025-01-31' }));
    const body = (huge.contents as messagingApi.FlexBubble).body!;
    for (let i = 0; i < 40; i++) body.contents.push({ type: 'text', text: 'ก'.repeat(300), wrap: true });
    const res = await push({ to: USER, messages: [huge] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.details)).toMatch(/maximum size of 30 KB/);

    const chooser = stageChooser({ lang: 'en', jobId: 'j', jobNumber: 'J', jobTitle: 'T', currentStageLabel: 'A', stages: [{ key: 'k', label: 'L' }] });
    chooser.quickReply!.items = Array.from({ length: 14 }, () => chooser.quickReply!.items![0]!);
    expect((await push({ to: USER, messages: [chooser] })).body.details).toEqual([
      { message: 'must NOT have more than 13 items', property: 'messages[0].quickReply.items' },
    ]);
    expect(fake.pushes).toHaveLength(0);
  });

  it('rejects unknown fields and unknown component types like the real API', async () => {
    const res = await push({
      to: USER,
      messages: [
        {
          type: 'flex',
          altText: 'x',
          contents: {
            type: 'bubble',
            body: {
              type: 'box',
              layout: 'vertical',
              contents: [
                { type: 'text', text: 'a', colour: '#111111' },
                { type: 'label', text: 'b' },
              ],
            },
          },
        },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { message: 'unknown field', property: '/body/contents/0/colour' },
        expect.objectContaining({ property: '/body/contents/1/type' }),
      ]),
    );
  });

  it('rejects a body that is not JSON', async () => {
    const res = await fetch(`${fake.baseUrl}/v2/bot/message/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(res.status).toBe(400);
  });
});

describe('retry key', () => {
  it('must be a UUID', async () => {
    const res = await push({ to: USER, messages: [text('x')] }, { 'x-line-retry-key': 'not-a-uuid' });
    expect(res.status).toBe(400);
    expect(fake.pushes).toHaveLength(0);
  });

  it('a repeat of an accepted key answers 409 with the accepted request id and records nothing new', async () => {
    const key = randomUUID();
    const first = await push({ to: USER, messages: [text('once')] }, { 'x-line-retry-key': key });
    expect(first.status).toBe(200);
    const second = await push({ to: USER, messages: [text('once')] }, { 'x-line-retry-key': key });
    expect(second.status).toBe(409);
    expect(second.headers.get('x-line-accepted-request-id')).toBe(first.headers.get('x-line-request-id'));
    expect(second.body.sentMessages).toEqual(first.body.sentMessages && (first.body.sentMessages as { id: string }[]).map(({ id }) => ({ id })));
    expect(fake.pushes).toHaveLength(1);
  });

  it('after a failure the same key is still usable (failNext)', async () => {
    const key = randomUUID();
    fake.failNext(500, 2);
    expect((await push({ to: USER, messages: [text('x')] }, { 'x-line-retry-key': key })).status).toBe(500);
    expect((await push({ to: USER, messages: [text('x')] }, { 'x-line-retry-key': key })).status).toBe(500);
    expect((await push({ to: USER, messages: [text('x')] }, { 'x-line-retry-key': key })).status).toBe(200);
    expect(fake.pushes).toHaveLength(1);
    expect(fake.counts.pushAttempts).toBe(3);
  });

  it('a lost response (accepted, connection dropped) makes the retry answer 409 - never a duplicate', async () => {
    const key = randomUUID();
    fake.acceptThenDropNext();
    await expect(push({ to: USER, messages: [text('x')] }, { 'x-line-retry-key': key })).rejects.toThrow();
    expect(fake.pushes).toHaveLength(1);
    expect((await push({ to: USER, messages: [text('x')] }, { 'x-line-retry-key': key })).status).toBe(409);
    expect(fake.pushes).toHaveLength(1);
  });

  it('failNext(429) surfaces through the SDK as an HTTPFetchError', async () => {
    const client = new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: fake.baseUrl });
    fake.failNext(429);
    const error = await client.pushMessage({ to: USER, messages: [text('x')] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTTPFetchError);
    expect((error as HTTPFetchError).status).toBe(429);
  });
});

describe('quota', () => {
  it('reports quota and consumption and refuses pushes once exhausted', async () => {
    const client = new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: fake.baseUrl });
    expect(await client.getMessageQuota()).toEqual({ type: 'none' });
    const before = (await client.getMessageQuotaConsumption()).totalUsage;
    fake.setMonthlyQuota(before + 1);
    expect(await client.getMessageQuota()).toEqual({ type: 'limited', value: before + 1 });
    expect((await push({ to: USER, messages: [text('1'), text('1b')] })).status).toBe(200);
    expect((await client.getMessageQuotaConsumption()).totalUsage).toBe(before + 1);
    const over = await push({ to: USER, messages: [text('2')] });
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ message: 'You have reached your monthly limit.' });

    fake.setMonthlyQuota(undefined);
    fake.setQuotaExhausted(true);
    expect((await push({ to: USER, messages: [text('3')] })).status).toBe(429);
    fake.setQuotaExhausted(false);
    expect((await push({ to: USER, messages: [text('4')] })).status).toBe(200);
  });
});

describe('reply', () => {
  it('a reply token works once', async () => {
    const token = 'a'.repeat(32);
    const first = await post('/v2/bot/message/reply', { replyToken: token, messages: [text('hi')] });
    expect(first.status).toBe(200);
    const second = await post('/v2/bot/message/reply', { replyToken: token, messages: [text('again')] });
    expect(second.status).toBe(400);
    expect(second.body).toEqual({ message: 'Invalid reply token' });
    expect(fake.replies).toHaveLength(1);
    expect(fake.replies[0]).toMatchObject({ kind: 'reply', replyToken: token });
  });

  it('validates reply bodies with the same schema', async () => {
    const res = await post('/v2/bot/message/reply', { replyToken: 'b'.repeat(32), messages: [{ type: 'text' }] });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ message: 'must be specified', property: 'messages[0].text' }]);
  });

  it('in minted mode only minted, fresh tokens are accepted', async () => {
    let now = 1_000_000;
    const strict = await startFakeLineApi({ channelAccessToken: TOKEN, loginChannelId: LOGIN_CHANNEL, replyTokens: 'minted', now: () => now });
    try {
      const client = new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: strict.baseUrl });
      await expect(client.replyMessage({ replyToken: 'c'.repeat(32), messages: [text('x')] })).rejects.toBeInstanceOf(HTTPFetchError);
      const token = strict.mintReplyToken();
      await client.replyMessage({ replyToken: token, messages: [text('x')] });
      const stale = strict.mintReplyToken();
      now += 61_000;
      await expect(client.replyMessage({ replyToken: stale, messages: [text('x')] })).rejects.toBeInstanceOf(HTTPFetchError);
      expect(strict.replies).toHaveLength(1);
    } finally {
      await strict.close();
    }
  });
});

describe('profile', () => {
  it('returns configured profiles and 404 for unknown users', async () => {
    const client = new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: fake.baseUrl });
    expect(await client.getProfile(USER)).toMatchObject({ userId: USER, displayName: 'สมชาย' });
    const error = await client.getProfile(fakeLineUserId()).catch((e: unknown) => e);
    expect((error as HTTPFetchError).status).toBe(404);
    const other = fakeLineUserId();
    fake.setProfile(other, { displayName: 'Somsri' });
    expect((await client.getProfile(other)).displayName).toBe('Somsri');
  });
});

describe('message content (api-data.line.me)', () => {
  it('serves the bytes a test registered, through the real SDK blob client and the app adapter; bearer checked; 404 for unknown ids', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    fake.setMessageContent('600000000000000001', { bytes, contentType: 'image/png' });
    const anonymous = await fetch(`${fake.baseUrl}/v2/bot/message/600000000000000001/content`);
    expect(anonymous.status).toBe(401);
    const blob = new messagingApi.MessagingApiBlobClient({ channelAccessToken: TOKEN, baseURL: fake.baseUrl });
    const res = await blob.getMessageContentWithHttpInfo('600000000000000001');
    expect(res.httpResponse.headers.get('content-type')).toBe('image/png');
    const adapter = lineMessageContent({ channelAccessToken: TOKEN, dataApiBaseUrl: fake.baseUrl, maxBytes: 5 });
    expect(await adapter.fetch('600000000000000001')).toEqual({ bytes: new Uint8Array(bytes), contentType: 'image/png' });
    expect(await adapter.fetch('600000000000000002')).toBeNull();
    // Never sent to LINE: not a message id.
    expect(await adapter.fetch('../profile/x')).toBeNull();
    const wrongToken = lineMessageContent({ channelAccessToken: 'nope', dataApiBaseUrl: fake.baseUrl, maxBytes: 5 });
    await expect(wrongToken.fetch('600000000000000001')).rejects.toThrow(/401/);
    expect(fake.requests.filter((r) => r.path.endsWith('/content')).map((r) => r.status)).toEqual([401, 200, 200, 404, 401]);
  });
});

describe('LINE Login ID token verify', () => {
  const verify = async (form: Record<string, string>) => {
    const res = await fetch(`${fake.baseUrl}/oauth2/v2.1/verify`, { method: 'POST', body: new URLSearchParams(form) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('accepts a valid token for its channel', async () => {
    const idToken = fake.issueIdToken({ sub: USER, name: 'สมชาย ใจดี', nonce: 'n1' });
    const res = await verify({ id_token: idToken, client_id: LOGIN_CHANNEL, nonce: 'n1' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      iss: 'https://access.line.me',
      sub: USER,
      aud: LOGIN_CHANNEL,
      name: 'สมชาย ใจดี',
      iat: Math.floor(clock / 1000),
      exp: Math.floor(clock / 1000) + 3600,
    });
  });

  it('refuses an expired token (injected clock, no sleeping)', async () => {
    const idToken = fake.issueIdToken({ sub: USER, expiresInSec: 60 });
    expect((await verify({ id_token: idToken, client_id: LOGIN_CHANNEL })).status).toBe(200);
    clock += 61_000;
    expect(await verify({ id_token: idToken, client_id: LOGIN_CHANNEL })).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'IdToken expired.' },
    });
  });

  it('refuses a token for another channel, a tampered token and a wrong nonce', async () => {
    const idToken = fake.issueIdToken({ sub: USER, nonce: 'n1' });
    expect((await verify({ id_token: idToken, client_id: '1999999999' })).body).toEqual({
      error: 'invalid_request',
      error_description: 'Invalid IdToken Audience.',
    });
    const other = fake.issueIdToken({ sub: USER, aud: '1999999999' });
    expect((await verify({ id_token: other, client_id: LOGIN_CHANNEL })).body.error_description).toBe('Invalid IdToken Audience.');
    const [h, p, s] = idToken.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), sub: fakeLineUserId() })).toString('base64url');
    expect((await verify({ id_token: `${h}.${forged}.${s}`, client_id: LOGIN_CHANNEL })).body.error_description).toBe('Invalid IdToken.');
    expect((await verify({ id_token: idToken, client_id: LOGIN_CHANNEL, nonce: 'other' })).body.error_description).toBe('Invalid IdToken Nonce.');
  });
});

describe('waitForPushes', () => {
  it('resolves when the pushes arrive', async () => {
    const waiting = fake.waitForPushes(2, 2000);
    await push({ to: USER, messages: [text('1')] });
    await push({ to: USER, messages: [text('2')] });
    expect((await waiting).map((p) => (p.messages[0] as messagingApi.TextMessage).text)).toEqual(['1', '2']);
  });
});
