/**
 * The real app wired to real channel adapters pointed at loopback services: the fake LINE API,
 * a real SMTP server, and the fake Twilio. Jitter is fixed (random = 0.5) so back-off is exact.
 */
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../../fakes/fake-line-api.ts';
import { startFakeTwilio, type FakeTwilio } from '../../fakes/fake-twilio.ts';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.ts';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';
import type { MessagingOverrides } from '../../../server/wire-messaging.ts';
import type { AppContext } from '../../../server/services/context.ts';
import type { StoredContent } from '../../../server/messaging/message-content.ts';
import { enqueueMessage } from '../../../server/messaging/enqueue.ts';
import { issuePortalLink } from '../../../server/services/links.ts';

export const LINE_TOKEN = 'line-channel-access-token-for-tests';
export const LIFF_ID = '2001234567-AbCdEfGh';
export const LOGIN_CHANNEL_ID = '2001234567';

export interface MessagingFixture {
  t: TestApp;
  line: FakeLineApi;
  smtp: SmtpSink;
  twilio: FakeTwilio;
  stop(): Promise<void>;
  /** Every customer has an address unless a test passes null: a VAT business's tax invoices must print it. */
  customer(fields?: { name?: string; address?: string | null; email?: string | null; phone?: string | null; language?: 'th' | 'en' }): Promise<string>;
  /** Binds a following LINE user to the customer (what LIFF binding does). */
  bindLine(customerId: string): Promise<string>;
  outbox(id: string): ReturnType<TestApp['ctx']['db']['outboxMessage']['findUniqueOrThrow']>;
}

/** Points an app's LINE, e-mail and SMS channels at the local fakes (started with `lineToken`). */
export function fakeChannelEnv(line: FakeLineApi, smtp: SmtpSink, twilio: FakeTwilio, lineToken: string): Record<string, string> {
  return {
    LINE_CHANNEL_ACCESS_TOKEN: lineToken,
    LINE_API_BASE_URL: line.baseUrl,
    // The LIFF app's LINE Login channel, verified against the fake (portal binding).
    LINE_LOGIN_CHANNEL_ID: LOGIN_CHANNEL_ID,
    LINE_VERIFY_URL: `${line.baseUrl}/oauth2/v2.1/verify`,
    SMTP_URL: smtp.url,
    SMTP_FROM: 'Test Co. <billing@test.example>',
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_FROM: '+15005550006',
    TWILIO_API_BASE_URL: twilio.baseUrl,
  };
}

export async function startMessagingFixture(
  options: { now?: string; messaging?: MessagingOverrides; env?: Record<string, string> } = {},
): Promise<MessagingFixture> {
  const line = await startFakeLineApi({ channelAccessToken: LINE_TOKEN, loginChannelId: LOGIN_CHANNEL_ID });
  const smtp = await startSmtpSink();
  const twilio = await startFakeTwilio();
  const t = await startTestApp({
    ...(options.now ? { now: options.now } : {}),
    env: {
      LINE_CHANNEL_SECRET: 'line-channel-secret-for-tests',
      LIFF_ID,
      ...fakeChannelEnv(line, smtp, twilio, LINE_TOKEN),
      ...options.env,
    },
    overrides: { messaging: { ...options.messaging, worker: { random: () => 0.5, ...options.messaging?.worker } } },
  });
  const put = await t.admin('PUT', '/business', VAT_BUSINESS);
  if (put.status !== 200) throw new Error(`business: ${JSON.stringify(put.body)}`);
  let n = 0;
  return {
    t,
    line,
    smtp,
    twilio,
    async stop() {
      await t.stop();
      await Promise.all([line.close(), smtp.close(), twilio.close()]);
    },
    async customer(fields = {}) {
      n += 1;
      const res = await t.admin('POST', '/customers', {
        name: fields.name ?? `คุณลูกค้า ${n}`,
        ...(fields.address !== null ? { address: fields.address ?? `${n} ถนนสุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110` } : {}),
        ...(fields.email !== undefined ? { email: fields.email } : {}),
        ...(fields.phone !== undefined ? { phone: fields.phone } : {}),
        ...(fields.language ? { language: fields.language } : {}),
      });
      if (res.status !== 201) throw new Error(`customer: ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    },
    async bindLine(customerId) {
      const lineUserId = fakeLineUserId();
      await t.ctx.db.lineUser.create({ data: { lineUserId, customerId, following: true, boundAt: t.clock.now(), displayName: 'LINE user' } });
      return lineUserId;
    },
    outbox: (id) => t.ctx.db.outboxMessage.findUniqueOrThrow({ where: { id } }),
  };
}

/** Creates an invoice (draft) for a customer through the admin API. */
export async function createInvoice(t: TestApp, customerId: string, fields: { dueDate?: string; unitPriceSatang?: number } = {}) {
  const res = await t.admin('POST', '/invoices', {
    customerId,
    dueDate: fields.dueDate ?? '2026-12-10',
    lines: [{ description: 'เช่ากล้อง', quantity: 1, unitPriceSatang: fields.unitPriceSatang ?? 100000 }],
  });
  if (res.status !== 201) throw new Error(`invoice: ${JSON.stringify(res.body)}`);
  return res.body as { id: string; number: string; netPayableSatang: number };
}

/** Queues `count` portal-link messages round-robin over `customerIds`, in one transaction (bulk tests). */
export async function queueLinkMessages(ctx: AppContext, customerIds: string[], count: number, keyPrefix: string, expiresOn: string) {
  await ctx.db.$transaction(
    async (tx) => {
      for (let i = 0; i < count; i++) {
        const customerId = customerIds[i % customerIds.length]!;
        const link = await issuePortalLink(ctx, { scope: 'customer', id: customerId }, tx);
        const content: StoredContent = {
          kind: 'portal_link',
          lang: 'th',
          businessName: 'ร้านทดสอบ',
          customerName: `ลูกค้า ${i}`,
          link: { id: link.id, path: '' },
          scope: 'customer',
          documentNumber: null,
          expiresOn,
        };
        await enqueueMessage(tx, ctx, { idempotencyKey: `${keyPrefix}-${i}`, customerId, content });
      }
      // Hundreds of round trips: over PostgreSQL's socket on a busy CI machine they outlast the 5 s default.
    },
    { timeout: 60_000 },
  );
}
