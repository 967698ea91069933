/**
 * The real app with LINE configured against the strict fake LINE API, plus signed webhook
 * fixtures: every event goes through POST /webhooks/line with an x-line-signature computed the
 * way LINE computes it (HMAC-SHA256 of the raw body with the channel secret, base64).
 */
import { createHmac, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { messagingApi } from '@line/bot-sdk';
import { startFakeLineApi, fakeLineUserId, type FakeLineApi } from '../../fakes/fake-line-api.ts';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';
import { createStaffInvitation } from '../../../server/services/staff-enrolment.ts';

export const CHANNEL_SECRET = 'test-line-channel-secret-0123456789';
export const ACCESS_TOKEN = 'test-line-channel-access-token';
export const LOGIN_CHANNEL_ID = '1650000000';
export const LIFF_ID = '1650000000-AbCdEfGh';

export { fakeLineUserId };

export interface BotHarness {
  t: TestApp;
  line: FakeLineApi;
  stop(): Promise<void>;
}

export async function startBotHarness(options: { now?: string; env?: Record<string, string> } = {}): Promise<BotHarness> {
  const line = await startFakeLineApi({ channelAccessToken: ACCESS_TOKEN, loginChannelId: LOGIN_CHANNEL_ID, replyTokens: 'minted' });
  const t = await startTestApp({
    ...(options.now ? { now: options.now } : {}),
    env: {
      LINE_CHANNEL_SECRET: CHANNEL_SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: ACCESS_TOKEN,
      LINE_API_BASE_URL: line.baseUrl,
      LINE_DATA_API_BASE_URL: line.baseUrl,
      LINE_LOGIN_CHANNEL_ID: LOGIN_CHANNEL_ID,
      LINE_VERIFY_URL: `${line.baseUrl}/oauth2/v2.1/verify`,
      LIFF_ID,
      ...options.env,
    },
  });
  expect((await t.admin('PUT', '/business', VAT_BUSINESS)).status).toBe(200);
  return {
    t,
    line,
    stop: async () => {
      await t.stop();
      await line.close();
    },
  };
}

export function sign(body: string, secret = CHANNEL_SECRET): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

let clockMs = Date.parse('2026-11-25T03:00:00.000Z');

interface EventOptions {
  id?: string;
  timestamp?: number;
  redelivery?: boolean;
  replyToken?: string;
}

function base(type: string, userId: string, options: EventOptions) {
  clockMs += 1000;
  return {
    type,
    mode: 'active',
    timestamp: options.timestamp ?? clockMs,
    source: { type: 'user', userId },
    webhookEventId: options.id ?? `01${randomUUID().replace(/-/g, '').toUpperCase().slice(0, 24)}`,
    deliveryContext: { isRedelivery: options.redelivery ?? false },
  };
}

export function textEvent(userId: string, text: string, replyToken: string, options: EventOptions = {}) {
  return { ...base('message', userId, options), replyToken, message: { id: String(clockMs), type: 'text', quoteToken: 'q', text } };
}

/** A user sends a photo; its bytes are what the fake LINE API serves for `message.id` (set them with setMessageContent). */
export function imageEvent(userId: string, messageId: string, replyToken: string, options: EventOptions = {}) {
  return {
    ...base('message', userId, options),
    replyToken,
    message: { id: messageId, type: 'image', quoteToken: 'q', contentProvider: { type: 'line' } },
  };
}

export function postbackEvent(userId: string, data: string, replyToken: string, options: EventOptions = {}) {
  return { ...base('postback', userId, options), replyToken, postback: { data } };
}

export function followEvent(userId: string, replyToken: string, options: EventOptions = {}) {
  return { ...base('follow', userId, options), replyToken, follow: { isUnblocked: false } };
}

export function unfollowEvent(userId: string, options: EventOptions = {}) {
  return base('unfollow', userId, options);
}

export async function postWebhook(t: TestApp, events: unknown[], options: { signature?: string | null; rawBody?: string } = {}) {
  const body = options.rawBody ?? JSON.stringify({ destination: 'U0123456789abcdef0123456789abcdef', events });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const signature = options.signature === undefined ? sign(body) : options.signature;
  if (signature !== null) headers['x-line-signature'] = signature;
  const res = await fetch(`${t.baseUrl}/webhooks/line`, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** Posts the events, waits until the bot has handled them, and returns the reply for `replyToken` (if any). */
export async function deliver(h: BotHarness, events: unknown[]): Promise<void> {
  const res = await postWebhook(h.t, events);
  expect(res.status).toBe(200);
  await h.t.bot.whenIdle();
}

function replyFor(h: BotHarness, token: string): messagingApi.Message[] {
  const reply = h.line.replies.find((r) => r.replyToken === token);
  if (!reply) throw new Error(`no reply was sent for token ${token}`);
  return reply.messages;
}

/** A user types `text`; returns what the bot replied (already validated by the fake against LINE's schema). */
export async function say(h: BotHarness, userId: string, text: string): Promise<messagingApi.Message[]> {
  const token = h.line.mintReplyToken();
  await deliver(h, [textEvent(userId, text, token)]);
  return replyFor(h, token);
}

/** A user sends a photo whose bytes LINE serves under `messageId`; returns what the bot replied. */
export async function sendImage(h: BotHarness, userId: string, messageId: string): Promise<messagingApi.Message[]> {
  const token = h.line.mintReplyToken();
  await deliver(h, [imageEvent(userId, messageId, token)]);
  return replyFor(h, token);
}

export async function press(h: BotHarness, userId: string, data: string): Promise<messagingApi.Message[]> {
  const token = h.line.mintReplyToken();
  await deliver(h, [postbackEvent(userId, data, token)]);
  return replyFor(h, token);
}

/** Every text in the messages (text messages, Flex texts, alt texts, button labels), for assertions. */
export function allText(messages: messagingApi.Message[]): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'altText' || key === 'label' || key === 'uri' || key === 'clipboardText') && typeof value === 'string') out.push(value);
        else walk(value);
      }
    }
  };
  walk(messages);
  return out.join('\n');
}

/** Every postback data string in the messages (buttons and quick replies). */
export function postbacks(messages: messagingApi.Message[]): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n['type'] === 'postback' && typeof n['data'] === 'string') out.push(n['data']);
      Object.values(n).forEach(walk);
    }
  };
  walk(messages);
  return out;
}

export function postbackWith(messages: messagingApi.Message[], action: string, extra: Record<string, string> = {}): string {
  const found = postbacks(messages).find((d) => {
    const params = new URLSearchParams(d);
    return params.get('a') === action && Object.entries(extra).every(([k, v]) => params.get(k) === v);
  });
  if (!found) throw new Error(`no postback a=${action} ${JSON.stringify(extra)} in ${postbacks(messages).join(' | ')}`);
  return found;
}

/** Enrols a LINE user as staff through the bot, the way a real staff member would. */
export async function enrolStaffUser(h: BotHarness, role: 'owner' | 'staff' = 'staff'): Promise<string> {
  const userId = fakeLineUserId();
  const invitation = await createStaffInvitation(h.t.ctx, { role });
  const reply = await say(h, userId, `enrol ${invitation.code}`);
  expect(allText(reply)).toMatch(/enrolled/);
  return userId;
}
