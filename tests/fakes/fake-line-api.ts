/**
 * A local fake of the LINE Messaging API (push, reply, quota, profile, the content of messages
 * users sent — served by api-data.line.me in real life, here on the same port) and of the LINE
 * Login ID-token verify endpoint: a real HTTP server on 127.0.0.1 with a random port.
 * Point `messagingApi.MessagingApiClient({ baseURL })` (or plain fetch) at `baseUrl`.
 *
 * It checks what the real service checks: the bearer token, the request body against
 * LINE's official OpenAPI schema plus the documented limits (see fake-line-schema.ts),
 * X-Line-Retry-Key idempotency (409 for a key already accepted), single-use reply tokens,
 * the monthly quota, and ID token signature / expiry / audience / nonce. Rich menus: created
 * (validated against RichMenuRequest and the documented size / bounds / action rules), their
 * image uploaded (PNG or JPEG of the menu's size, ≤ 1 MB), made the default, linked to and
 * unlinked from users (recorded in `userRichMenus`).
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { messagingApi } from '@line/bot-sdk';
import { lineErrorBody, validateLineRequest, validateRichMenuRequest } from './fake-line-schema.ts';

export { validateLineMessages, validateLineRequest, validateRichMenuRequest, LINE_LIMITS } from './fake-line-schema.ts';

export interface FakeLineApiOptions {
  /** The channel access token the bot must send as `Authorization: Bearer <token>`. */
  channelAccessToken: string;
  /** LINE Login channel id (the LIFF app's channel): the default `aud` of issued ID tokens. */
  loginChannelId: string;
  /** Clock in epoch milliseconds (ID token iat/exp, reply token age). Default Date.now. */
  now?: () => number;
  /** 'any' (default): any unused non-empty reply token is accepted once. 'minted': only tokens from mintReplyToken(). */
  replyTokens?: 'any' | 'minted';
  /** Reply tokens older than this are refused like the real API (default 60 s; mint time by `now`). */
  replyTokenTtlMs?: number;
  /** Known profiles for GET /v2/bot/profile/:userId. */
  profiles?: Record<string, FakeLineProfile>;
  /** Answer every well-formed user id with a generated profile instead of 404. Default false. */
  acceptAnyProfile?: boolean;
  /** Monthly push target limit; undefined = no limit (quota type 'none'). */
  monthlyQuota?: number;
  /** Max request body in bytes (default 2 MB). */
  maxBodyBytes?: number;
}

export interface FakeLineProfile {
  displayName: string;
  pictureUrl?: string;
  statusMessage?: string;
  language?: string;
}

export interface Recorded {
  kind: 'push' | 'reply';
  /** Push target user id (push only). */
  to?: string;
  /** Reply token (reply only). */
  replyToken?: string;
  messages: messagingApi.Message[];
  notificationDisabled?: boolean;
  /** X-Line-Retry-Key header, if sent. */
  retryKey?: string;
  /** The x-line-request-id answered. */
  requestId: string;
  sentMessageIds: string[];
  /** `now()` when accepted. */
  at: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  retryKey?: string;
}

export interface IssueIdTokenInput {
  /** LINE user id (U + 32 hex). */
  sub: string;
  name?: string;
  picture?: string;
  email?: string;
  /** Lifetime from now(); default 3600. Negative or 0 issues an already expired token. */
  expiresInSec?: number;
  /** Default: the configured loginChannelId. */
  aud?: string;
  nonce?: string;
}

export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  exp: number;
  iat: number;
  amr: string[];
  nonce?: string;
  name?: string;
  picture?: string;
  email?: string;
}

export interface FakeRichMenu {
  richMenuId: string;
  request: { size: { width: number; height: number }; selected: boolean; name: string; chatBarText: string; areas: unknown[] };
  /** The uploaded image, once uploaded (a menu without one cannot be linked or made the default). */
  image: { contentType: string; bytes: Buffer; width: number; height: number } | null;
}

export interface FailOptions {
  /** Which endpoint the failures apply to. Default 'push'. */
  endpoint?: 'push' | 'reply';
  /** Custom message in the error body. */
  message?: string;
}

export interface FakeLineApi {
  baseUrl: string;
  close(): Promise<void>;
  /** Accepted pushes, in order. */
  pushes: Recorded[];
  /** Accepted replies, in order. */
  replies: Recorded[];
  /** Every request with the status answered. */
  requests: LoggedRequest[];
  /** Counters (all attempts, including rejected ones). */
  readonly counts: { requests: number; pushAttempts: number; replyAttempts: number; verifyAttempts: number };
  /** Make the next `count` (default 1) push (or reply) requests fail with `status` before anything is recorded. */
  failNext(status: number, count?: number, options?: FailOptions): void;
  /**
   * Accept (and record) the next `count` valid pushes, then destroy the connection
   * without answering: the client sees a network error although LINE accepted the
   * message. A retry with the same X-Line-Retry-Key then gets 409.
   */
  acceptThenDropNext(count?: number): void;
  setQuotaExhausted(exhausted: boolean): void;
  setMonthlyQuota(limit: number | undefined): void;
  setProfile(userId: string, profile: FakeLineProfile | null): void;
  /**
   * What GET /v2/bot/message/{messageId}/content answers for a message a user "sent" (an image
   * in a webhook event the test posts); unknown ids get LINE's 404. null forgets it again.
   */
  setMessageContent(messageId: string, content: { bytes: Uint8Array; contentType: string } | null): void;
  /** A fresh reply token (32 hex chars), valid once. */
  mintReplyToken(): string;
  /** A signed, JWT-shaped ID token the verify endpoint will accept (while unexpired, for its aud). */
  issueIdToken(input: IssueIdTokenInput): string;
  /** Resolves once at least `count` pushes are recorded (event-driven, no polling). */
  waitForPushes(count: number, timeoutMs?: number): Promise<Recorded[]>;
  /** Rich menus created (POST /v2/bot/richmenu) and not deleted, by id. */
  richMenus: Map<string, FakeRichMenu>;
  /** Per-user rich menu links (POST /v2/bot/user/{userId}/richmenu/{richMenuId}), by LINE user id. */
  userRichMenus: Map<string, string>;
  /** The default rich menu (POST /v2/bot/user/all/richmenu/{richMenuId}), if any. */
  readonly defaultRichMenuId: string | null;
  /** Forget recorded pushes/replies/requests and counters (tokens and retry keys stay). */
  reset(): void;
}

/** A random LINE-shaped user id (U + 32 lowercase hex). */
export function fakeLineUserId(): string {
  return `U${randomBytes(16).toString('hex')}`;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USER_ID_RE = /^U[0-9a-f]{32}$/;
const RETRY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

class HttpError extends Error {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
    super(`HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

export async function startFakeLineApi(options: FakeLineApiOptions): Promise<FakeLineApi> {
  const now = options.now ?? Date.now;
  const replyTokenMode = options.replyTokens ?? 'any';
  const replyTokenTtlMs = options.replyTokenTtlMs ?? 60_000;
  const maxBodyBytes = options.maxBodyBytes ?? 2 * 1024 * 1024;
  const profiles = new Map<string, FakeLineProfile>(Object.entries(options.profiles ?? {}));
  const contents = new Map<string, { bytes: Uint8Array; contentType: string }>();
  const idTokenSecret = randomBytes(32);
  const mintedReplyTokens = new Map<string, number>(); // token -> minted at
  const usedReplyTokens = new Set<string>();
  const acceptedRetryKeys = new Map<string, { requestId: string; at: number; sentMessageIds: string[] }>();
  const events = new EventEmitter();
  events.setMaxListeners(0);

  let monthlyQuota = options.monthlyQuota;
  let quotaExhausted = false;
  let totalUsage = 0;
  let dropAfterAccept = 0;
  const failures: Record<'push' | 'reply', { status: number; message?: string }[]> = { push: [], reply: [] };
  const counts = { requests: 0, pushAttempts: 0, replyAttempts: 0, verifyAttempts: 0 };
  const pushes: Recorded[] = [];
  const replies: Recorded[] = [];
  const requests: LoggedRequest[] = [];
  const richMenus = new Map<string, FakeRichMenu>();
  const userRichMenus = new Map<string, string>();
  let defaultRichMenuId: string | null = null;
  let messageSeq = 0n;

  const nextMessageId = (): string => {
    messageSeq += 1n;
    return (500000000000000000n + messageSeq).toString();
  };

  function requireBearer(req: IncomingMessage): void {
    const header = req.headers.authorization;
    if (!header || !/^Bearer\s+\S+$/i.test(header)) {
      throw new HttpError(401, { message: "Authorization header required. Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'" });
    }
    const token = Buffer.from(header.replace(/^Bearer\s+/i, ''));
    const expected = Buffer.from(options.channelAccessToken);
    if (token.length !== expected.length || !timingSafeEqual(token, expected)) {
      throw new HttpError(401, { message: 'Authentication failed. Confirm that the access token in the authorization header is valid.' });
    }
  }

  async function readBytes(req: IncomingMessage, limit = maxBodyBytes): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > limit) throw new HttpError(413, { message: 'Request Entity Too Large' });
      chunks.push(buf);
    }
    return Buffer.concat(chunks);
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    return (await readBytes(req)).toString('utf8');
  }

  async function readJson(req: IncomingMessage): Promise<unknown> {
    const type = req.headers['content-type'] ?? '';
    const raw = await readBody(req);
    if (!type.toLowerCase().startsWith('application/json')) {
      throw new HttpError(415, { message: 'Unsupported Media Type: the request body must be application/json' });
    }
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      throw new HttpError(400, { message: 'The request body could not be parsed as JSON' });
    }
  }

  function takeFailure(endpoint: 'push' | 'reply'): void {
    const failure = failures[endpoint].shift();
    if (!failure) return;
    const defaults: Record<number, string> = {
      429: 'The API rate limit has been exceeded. Try again later.',
      500: 'An internal server error occurred.',
      502: 'Bad Gateway',
      503: 'Service Unavailable',
    };
    throw new HttpError(failure.status, { message: failure.message ?? defaults[failure.status] ?? `Error ${failure.status}` });
  }

  function validateOrThrow(kind: 'push' | 'reply', body: unknown): void {
    const errors = validateLineRequest(kind, body);
    if (errors.length > 0) throw new HttpError(400, lineErrorBody(errors));
  }

  function quotaReached(): boolean {
    return quotaExhausted || (monthlyQuota !== undefined && totalUsage >= monthlyQuota);
  }

  async function handlePush(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    counts.pushAttempts += 1;
    requireBearer(req);
    const body = await readJson(req);
    const retryKeyHeader = req.headers['x-line-retry-key'];
    const retryKey = Array.isArray(retryKeyHeader) ? retryKeyHeader[0] : retryKeyHeader;
    if (retryKey !== undefined) {
      if (!UUID_RE.test(retryKey)) throw new HttpError(400, { message: "The value for the 'X-Line-Retry-Key' header is invalid" });
      const accepted = acceptedRetryKeys.get(retryKey);
      if (accepted && now() - accepted.at < RETRY_KEY_TTL_MS) {
        throw new HttpError(
          409,
          { message: 'The retry key is already accepted', sentMessages: accepted.sentMessageIds.map((id) => ({ id })) },
          { 'x-line-accepted-request-id': accepted.requestId },
        );
      }
    }
    takeFailure('push');
    validateOrThrow('push', body);
    if (quotaReached()) throw new HttpError(429, { message: 'You have reached your monthly limit.' });

    const request = body as messagingApi.PushMessageRequest;
    const sentMessageIds = request.messages.map(() => nextMessageId());
    const record: Recorded = {
      kind: 'push',
      to: request.to,
      messages: request.messages,
      requestId,
      sentMessageIds,
      at: now(),
      ...(request.notificationDisabled !== undefined ? { notificationDisabled: request.notificationDisabled } : {}),
      ...(retryKey !== undefined ? { retryKey } : {}),
    };
    if (retryKey !== undefined) acceptedRetryKeys.set(retryKey, { requestId, at: record.at, sentMessageIds });
    totalUsage += 1;
    pushes.push(record);
    events.emit('push');
    if (dropAfterAccept > 0) {
      dropAfterAccept -= 1;
      res.socket?.destroy();
      return;
    }
    sendJson(res, 200, { sentMessages: sentMessageIds.map((id) => ({ id, quoteToken: base64url(randomBytes(24)) })) });
  }

  async function handleReply(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    counts.replyAttempts += 1;
    requireBearer(req);
    const body = await readJson(req);
    takeFailure('reply');
    validateOrThrow('reply', body);
    const request = body as messagingApi.ReplyMessageRequest;
    const token = request.replyToken;
    const minted = mintedReplyTokens.get(token);
    const known = replyTokenMode === 'any' ? token.length > 0 : minted !== undefined;
    const expired = minted !== undefined && now() - minted > replyTokenTtlMs;
    if (!known || usedReplyTokens.has(token) || expired) throw new HttpError(400, { message: 'Invalid reply token' });
    usedReplyTokens.add(token);
    const sentMessageIds = request.messages.map(() => nextMessageId());
    replies.push({
      kind: 'reply',
      replyToken: token,
      messages: request.messages,
      requestId,
      sentMessageIds,
      at: now(),
      ...(request.notificationDisabled !== undefined ? { notificationDisabled: request.notificationDisabled } : {}),
    });
    events.emit('reply');
    sendJson(res, 200, { sentMessages: sentMessageIds.map((id) => ({ id, quoteToken: base64url(randomBytes(24)) })) });
  }

  function signIdToken(claims: IdTokenClaims): string {
    const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256', kid: 'fake-line' }));
    const payload = base64url(JSON.stringify(claims));
    const signature = createHmac('sha256', idTokenSecret).update(`${header}.${payload}`).digest('base64url');
    return `${header}.${payload}.${signature}`;
  }

  function decodeIdToken(token: string): IdTokenClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(createHmac('sha256', idTokenSecret).update(`${header}.${payload}`).digest('base64url'));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as IdTokenClaims;
    } catch {
      return undefined;
    }
  }

  async function handleVerify(req: IncomingMessage, res: ServerResponse): Promise<void> {
    counts.verifyAttempts += 1;
    const raw = await readBody(req);
    const type = (req.headers['content-type'] ?? '').toLowerCase();
    const form = type.startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(raw) : new URLSearchParams();
    const bad = (description: string) => new HttpError(400, { error: 'invalid_request', error_description: description });
    const idToken = form.get('id_token');
    const clientId = form.get('client_id');
    if (!idToken) throw bad('id_token is required.');
    if (!clientId) throw bad('client_id is required.');
    const claims = decodeIdToken(idToken);
    if (!claims) throw bad('Invalid IdToken.');
    if (claims.exp * 1000 <= now()) throw bad('IdToken expired.');
    if (claims.aud !== clientId) throw bad('Invalid IdToken Audience.');
    const nonce = form.get('nonce');
    if (nonce !== null && claims.nonce !== nonce) throw bad('Invalid IdToken Nonce.');
    const userId = form.get('user_id');
    if (userId !== null && claims.sub !== userId) throw bad('Invalid IdToken Subject Identifier.');
    sendJson(res, 200, claims);
  }

  function handleProfile(req: IncomingMessage, res: ServerResponse, userId: string): void {
    requireBearer(req);
    const profile = profiles.get(userId);
    if (profile) {
      sendJson(res, 200, { userId, ...profile });
      return;
    }
    if (options.acceptAnyProfile && USER_ID_RE.test(userId)) {
      sendJson(res, 200, { userId, displayName: `LINE user ${userId.slice(1, 7)}`, language: 'th' });
      return;
    }
    throw new HttpError(404, { message: 'Not found' });
  }

  function handleContent(req: IncomingMessage, res: ServerResponse, messageId: string): void {
    requireBearer(req);
    const content = contents.get(messageId);
    if (!content) throw new HttpError(404, { message: 'Not found' });
    res.writeHead(200, { 'content-type': content.contentType, 'content-length': content.bytes.byteLength });
    res.end(Buffer.from(content.bytes));
  }

  async function handleCreateRichMenu(req: IncomingMessage, res: ServerResponse): Promise<void> {
    requireBearer(req);
    const body = await readJson(req);
    const errors = validateRichMenuRequest(body);
    if (errors.length > 0) throw new HttpError(400, lineErrorBody(errors));
    const richMenuId = `richmenu-${randomBytes(16).toString('hex')}`;
    richMenus.set(richMenuId, { richMenuId, request: body as FakeRichMenu['request'], image: null });
    sendJson(res, 200, { richMenuId });
  }

  function knownMenu(richMenuId: string): FakeRichMenu {
    const menu = richMenus.get(richMenuId);
    if (!menu) throw new HttpError(404, { message: 'Not found' });
    return menu;
  }

  function usableMenu(richMenuId: string): FakeRichMenu {
    const menu = knownMenu(richMenuId);
    if (!menu.image) throw new HttpError(400, { message: 'must upload richmenu image before applying it to user' });
    return menu;
  }

  /** Width and height from a PNG's IHDR or a JPEG's SOF marker; null when the bytes are neither. */
  function imageSize(bytes: Buffer, contentType: string): { width: number; height: number } | null {
    if (contentType === 'image/png' && bytes.length > 24 && bytes.readUInt32BE(12) === 0x49484452) {
      return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    }
    if (contentType === 'image/jpeg' && bytes[0] === 0xff && bytes[1] === 0xd8) {
      let i = 2;
      while (i + 9 < bytes.length) {
        if (bytes[i] !== 0xff) return null;
        const marker = bytes[i + 1]!;
        if (marker >= 0xc0 && marker <= 0xc3) return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
        i += 2 + bytes.readUInt16BE(i + 2);
      }
    }
    return null;
  }

  async function handleRichMenuImage(req: IncomingMessage, res: ServerResponse, richMenuId: string): Promise<void> {
    requireBearer(req);
    const contentType = (req.headers['content-type'] ?? '').toLowerCase().split(';')[0]!.trim();
    if (contentType !== 'image/png' && contentType !== 'image/jpeg') {
      await readBytes(req).catch(() => undefined);
      throw new HttpError(415, { message: 'Unsupported Media Type: image/png or image/jpeg required' });
    }
    // LINE: at most 1 MB.
    const bytes = await readBytes(req, 1024 * 1024);
    const menu = knownMenu(richMenuId);
    if (menu.image) throw new HttpError(400, { message: 'An image has already been uploaded to the richmenu' });
    const size = imageSize(bytes, contentType);
    if (!size) throw new HttpError(400, { message: 'The image could not be read' });
    if (size.width !== menu.request.size.width || size.height !== menu.request.size.height) {
      throw new HttpError(400, { message: `The image size ${size.width}x${size.height} does not match the rich menu size` });
    }
    menu.image = { contentType, bytes, ...size };
    sendJson(res, 200, {});
  }

  function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }

  async function route(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    if (method === 'POST' && path === '/v2/bot/message/push') return handlePush(req, res, requestId);
    if (method === 'POST' && path === '/v2/bot/message/reply') return handleReply(req, res, requestId);
    if (method === 'GET' && path === '/v2/bot/message/quota') {
      requireBearer(req);
      return sendJson(res, 200, monthlyQuota === undefined ? { type: 'none' } : { type: 'limited', value: monthlyQuota });
    }
    if (method === 'GET' && path === '/v2/bot/message/quota/consumption') {
      requireBearer(req);
      return sendJson(res, 200, { totalUsage });
    }
    const profileMatch = /^\/v2\/bot\/profile\/([^/]+)$/.exec(path);
    if (method === 'GET' && profileMatch) return handleProfile(req, res, decodeURIComponent(profileMatch[1]!));
    const contentMatch = /^\/v2\/bot\/message\/([^/]+)\/content$/.exec(path);
    if (method === 'GET' && contentMatch) return handleContent(req, res, decodeURIComponent(contentMatch[1]!));
    if (method === 'POST' && path === '/oauth2/v2.1/verify') return handleVerify(req, res);
    if (method === 'POST' && path === '/v2/bot/richmenu') return handleCreateRichMenu(req, res);
    if (method === 'GET' && path === '/v2/bot/richmenu/list') {
      requireBearer(req);
      return sendJson(res, 200, { richmenus: [...richMenus.values()].map((m) => ({ richMenuId: m.richMenuId, ...m.request })) });
    }
    const menuImage = /^\/v2\/bot\/richmenu\/([^/]+)\/content$/.exec(path);
    if (method === 'POST' && menuImage) return handleRichMenuImage(req, res, decodeURIComponent(menuImage[1]!));
    const menuPath = /^\/v2\/bot\/richmenu\/([^/]+)$/.exec(path);
    if (method === 'DELETE' && menuPath) {
      requireBearer(req);
      const richMenuId = decodeURIComponent(menuPath[1]!);
      knownMenu(richMenuId);
      richMenus.delete(richMenuId);
      for (const [user, linked] of userRichMenus) if (linked === richMenuId) userRichMenus.delete(user);
      if (defaultRichMenuId === richMenuId) defaultRichMenuId = null;
      return sendJson(res, 200, {});
    }
    const defaultMenu = /^\/v2\/bot\/user\/all\/richmenu\/([^/]+)$/.exec(path);
    if (method === 'POST' && defaultMenu) {
      requireBearer(req);
      defaultRichMenuId = usableMenu(decodeURIComponent(defaultMenu[1]!)).richMenuId;
      return sendJson(res, 200, {});
    }
    const userMenu = /^\/v2\/bot\/user\/([^/]+)\/richmenu(?:\/([^/]+))?$/.exec(path);
    if (userMenu) {
      requireBearer(req);
      const userId = decodeURIComponent(userMenu[1]!);
      if (!USER_ID_RE.test(userId)) throw new HttpError(400, { message: 'The value for the user ID is invalid' });
      if (method === 'POST' && userMenu[2]) {
        userRichMenus.set(userId, usableMenu(decodeURIComponent(userMenu[2])).richMenuId);
        return sendJson(res, 200, {});
      }
      if (method === 'DELETE' && !userMenu[2]) {
        userRichMenus.delete(userId);
        return sendJson(res, 200, {});
      }
      if (method === 'GET' && !userMenu[2]) {
        const linked = userRichMenus.get(userId);
        if (!linked) throw new HttpError(404, { message: 'the user has no richmenu' });
        return sendJson(res, 200, { richMenuId: linked });
      }
    }
    // Drain so keep-alive connections stay usable.
    await readBody(req).catch(() => undefined);
    throw new HttpError(404, { message: 'Not found' });
  }

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    counts.requests += 1;
    const requestId = randomUUID();
    res.setHeader('x-line-request-id', requestId);
    const retryKeyHeader = req.headers['x-line-retry-key'];
    const retryKey = typeof retryKeyHeader === 'string' ? retryKeyHeader : undefined;
    const log = (status: number) =>
      requests.push({ method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0]!, status, ...(retryKey ? { retryKey } : {}) });
    route(req, res, requestId).then(
      () => log(res.headersSent ? res.statusCode : 0),
      (error: unknown) => {
        if (error instanceof HttpError) {
          log(error.status);
          if (!res.headersSent && !res.destroyed) sendJson(res, error.status, error.body, error.headers);
        } else {
          log(500);
          if (!res.headersSent && !res.destroyed) sendJson(res, 500, { message: `fake LINE API crashed: ${String(error)}` });
        }
      },
    );
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Like the real services, keep idle connections open longer than the client's pool does, so a
  // loaded machine never sees the server close a socket the client is about to reuse ("fetch failed").
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pushes,
    replies,
    requests,
    counts,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
    failNext(status, count = 1, failOptions = {}) {
      const endpoint = failOptions.endpoint ?? 'push';
      for (let i = 0; i < count; i++) failures[endpoint].push({ status, ...(failOptions.message ? { message: failOptions.message } : {}) });
    },
    acceptThenDropNext(count = 1) {
      dropAfterAccept += count;
    },
    setQuotaExhausted(exhausted) {
      quotaExhausted = exhausted;
    },
    setMonthlyQuota(limit) {
      monthlyQuota = limit;
    },
    setProfile(userId, profile) {
      if (profile) profiles.set(userId, profile);
      else profiles.delete(userId);
    },
    setMessageContent(messageId, content) {
      if (content) contents.set(messageId, content);
      else contents.delete(messageId);
    },
    mintReplyToken() {
      const token = randomBytes(16).toString('hex');
      mintedReplyTokens.set(token, now());
      return token;
    },
    issueIdToken(input) {
      const iat = Math.floor(now() / 1000);
      const claims: IdTokenClaims = {
        iss: 'https://access.line.me',
        sub: input.sub,
        aud: input.aud ?? options.loginChannelId,
        exp: iat + (input.expiresInSec ?? 3600),
        iat,
        amr: ['linesso'],
        ...(input.nonce !== undefined ? { nonce: input.nonce } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.picture !== undefined ? { picture: input.picture } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
      };
      return signIdToken(claims);
    },
    waitForPushes(count, timeoutMs = 5000) {
      if (pushes.length >= count) return Promise.resolve(pushes.slice());
      return new Promise<Recorded[]>((resolve, reject) => {
        const onPush = () => {
          if (pushes.length >= count) {
            clearTimeout(timer);
            events.off('push', onPush);
            resolve(pushes.slice());
          }
        };
        const timer = setTimeout(() => {
          events.off('push', onPush);
          reject(new Error(`waitForPushes: ${pushes.length}/${count} pushes after ${timeoutMs} ms`));
        }, timeoutMs);
        events.on('push', onPush);
      });
    },
    richMenus,
    userRichMenus,
    get defaultRichMenuId() {
      return defaultRichMenuId;
    },
    reset() {
      pushes.length = 0;
      replies.length = 0;
      requests.length = 0;
      counts.requests = 0;
      counts.pushAttempts = 0;
      counts.replyAttempts = 0;
      counts.verifyAttempts = 0;
      failures.push.length = 0;
      failures.reply.length = 0;
      dropAfterAccept = 0;
    },
  };
}
