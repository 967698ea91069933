/**
 * A local fake of Twilio's Messages API (real HTTP on 127.0.0.1): checks what the real service
 * checks — HTTP Basic auth with AccountSid:AuthToken, the account in the path, the form fields
 * (To, From or MessagingServiceSid, Body, optional StatusCallback) — answers like Twilio (201 with
 * a Message resource, or a Twilio error body), and can send signed status callbacks the way
 * Twilio does (X-Twilio-Signature over the callback URL and the form fields).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import twilio from 'twilio';

export interface FakeTwilioMessage {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
  userAgent: string | undefined;
}

export interface FakeTwilio {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  messages: FakeTwilioMessage[];
  /** Every request: method, path, status answered. */
  requests: { method: string; path: string; status: number }[];
  /** The next `count` sends fail with this HTTP status and Twilio error code. */
  failNext(status: number, code: number, count?: number): void;
  /**
   * Sends the status callback Twilio would send for a message: signed for the StatusCallback URL
   * registered with the message, but posted to `deliverTo` (the app under test, whose public URL
   * is not reachable from the test). `forge` signs with a wrong token.
   */
  sendStatusCallback(sid: string, status: string, options: { deliverTo: string; errorCode?: string; forge?: boolean }): Promise<number>;
  close(): Promise<void>;
}

const E164 = /^\+[1-9]\d{7,14}$/;

function twilioError(res: ServerResponse, status: number, code: number, message: string): void {
  const body = JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeTwilio(options: { accountSid?: string; authToken?: string } = {}): Promise<FakeTwilio> {
  const accountSid = options.accountSid ?? `AC${randomBytes(16).toString('hex')}`;
  const authToken = options.authToken ?? randomBytes(16).toString('hex');
  const messages: FakeTwilioMessage[] = [];
  const requests: FakeTwilio['requests'] = [];
  const failures: { status: number; code: number }[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(url.pathname);
    if (req.method !== 'POST' || !match) return twilioError(res, 404, 20404, 'The requested resource was not found');
    const auth = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
    const [user, pass] = auth ? Buffer.from(auth[1]!, 'base64').toString('utf8').split(':') : [];
    if (!user || !pass || !safeEqual(user, accountSid) || !safeEqual(pass, authToken)) return twilioError(res, 401, 20003, 'Authenticate');
    if (match[1] !== accountSid) return twilioError(res, 403, 20003, 'Authenticate');
    if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return twilioError(res, 400, 20001, 'Unsupported content type');
    const form = new URLSearchParams(raw);
    const failure = failures.shift();
    if (failure) return twilioError(res, failure.status, failure.code, `Injected failure ${failure.code}`);
    const to = form.get('To');
    const from = form.get('From');
    const messagingServiceSid = form.get('MessagingServiceSid');
    const body = form.get('Body');
    const statusCallback = form.get('StatusCallback');
    if (!to) return twilioError(res, 400, 21604, "A 'To' phone number is required.");
    if (!E164.test(to)) return twilioError(res, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    if (!from && !messagingServiceSid) return twilioError(res, 400, 21603, "A 'From' phone number is required.");
    if (!body) return twilioError(res, 400, 21602, 'Message body is required.');
    if ([...body].length > 1600) return twilioError(res, 400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    if (statusCallback !== null) {
      try {
        const cb = new URL(statusCallback);
        if (cb.protocol !== 'https:' && cb.protocol !== 'http:') throw new Error('scheme');
      } catch {
        return twilioError(res, 400, 21609, 'Invalid StatusCallback URL');
      }
    }
    const sid = `SM${randomBytes(16).toString('hex')}`;
    messages.push({ sid, to, from, messagingServiceSid, body, statusCallback, userAgent: req.headers['user-agent'] });
    const now = new Date().toUTCString();
    const resource = JSON.stringify({
      sid,
      account_sid: accountSid,
      to,
      from,
      messaging_service_sid: messagingServiceSid,
      body,
      status: 'queued',
      num_segments: '1',
      direction: 'outbound-api',
      date_created: now,
      date_updated: now,
      date_sent: null,
      error_code: null,
      error_message: null,
      price: null,
      api_version: '2010-04-01',
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
    });
    res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(resource) });
    res.end(resource);
  }

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req, res)
      .catch((error: unknown) => twilioError(res, 500, 20500, `fake Twilio crashed: ${String(error)}`))
      .finally(() => requests.push({ method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0]!, status: res.statusCode }));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Like the real services, keep idle connections open longer than the client's pool does, so a
  // loaded machine never sees the server close a socket the client is about to reuse ("fetch failed").
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    requests,
    failNext(status, code, count = 1) {
      for (let i = 0; i < count; i++) failures.push({ status, code });
    },
    async sendStatusCallback(sid, status, { deliverTo, errorCode, forge }) {
      const message = messages.find((m) => m.sid === sid);
      if (!message?.statusCallback) throw new Error(`message ${sid} has no StatusCallback`);
      const params: Record<string, string> = {
        AccountSid: accountSid,
        ApiVersion: '2010-04-01',
        From: message.from ?? '',
        MessageSid: sid,
        MessageStatus: status,
        SmsSid: sid,
        SmsStatus: status,
        To: message.to,
        ...(errorCode ? { ErrorCode: errorCode } : {}),
      };
      const signature = twilio.getExpectedTwilioSignature(forge ? `${authToken}x` : authToken, message.statusCallback, params);
      const target = new URL(message.statusCallback);
      const res = await fetch(`${deliverTo}${target.pathname}${target.search}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature, 'user-agent': 'TwilioProxy/1.1' },
        body: new URLSearchParams(params).toString(),
      });
      await res.arrayBuffer();
      return res.status;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
