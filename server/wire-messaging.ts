/**
 * Messaging wiring — part of the composition root (it is the one server module besides
 * composition.ts that reaches into bot/): builds the channel adapters from config (real when
 * credentials exist, the local outbox otherwise) or from test overrides, the outbox worker and its
 * poll loop (which also runs the payment-reminder schedule, quote expiry and the LINE quota check), the operator
 * page and the Twilio status webhook.
 */
import type { Router } from 'express';
import type { Db } from './data/database.ts';
import type { AppContext } from './services/context.ts';
import { linePushChannel, lineMessagesFor } from '../bot/line-push-channel.ts';
import { flexPreviewCss, messagesToHtml } from '../bot/preview/flex-to-html.ts';
import { smtpEmailChannel } from './channels/smtp-email.ts';
import { twilioSmsChannel } from './channels/twilio-sms.ts';
import type { ChannelPort, ChannelPorts, DocumentAttachments } from './messaging/channel-ports.ts';
import { localChannel } from './messaging/local-channel.ts';
import { CHANNELS, type Channel } from './messaging/message-content.ts';
import { OutboxWorker, type DrainResult, type OutboxWorkerOptions } from './messaging/outbox-worker.ts';
import { outboxPageRouter } from './http/operator/outbox-page.ts';
import { twilioStatusRouter } from './http/webhooks/twilio-status.ts';
import { runRemindersOnce, type ReminderRunResult } from './services/messages/reminder-job.ts';
import { expireQuotesOnce, type QuoteExpiryResult } from './services/quote-expiry.ts';
import { linkResolver } from './services/messages/link-resolver.ts';

export interface MessagingOverrides {
  /** Replace adapters (tests); missing ones are built from config. */
  channels?: Partial<ChannelPorts>;
  /** PDFs to attach to emails (the documents module); absent = no attachments. */
  documents?: DocumentAttachments | null;
  /** Worker tuning (tests: random, retry policy, lease). */
  worker?: Partial<Omit<OutboxWorkerOptions, 'db' | 'clock' | 'logger' | 'channels' | 'links'>>;
}

export interface Messaging {
  /** Mount these on the app: the operator page and the Twilio webhook. */
  routers: { path: string; router: Router }[];
  channelModes: Record<Channel, 'live' | 'local'>;
  worker: OutboxWorker;
  /** Starts the poll loop (OUTBOX_POLL_MS) with reminders every minute. */
  start(): void;
  /** Stops the loop after the current round and closes adapter connections. */
  stop(): Promise<void>;
  drainOnce(): Promise<DrainResult>;
  runRemindersOnce(): Promise<ReminderRunResult>;
  /** Marks Sent quotes past their valid-until day Expired (the loop does it every minute). */
  expireQuotesOnce(): Promise<QuoteExpiryResult>;
}

export const OUTBOX_PAGE_PATH = '/admin/outbox';
const REMINDER_EVERY_MS = 60_000;
const QUOTA_CHECK_EVERY_MS = 10 * 60_000;

export interface WireMessagingInput {
  ctx: AppContext;
  /** The untracked client: outbox bookkeeping must not invalidate portal views. */
  db: Db;
  adminApiKey: string;
  overrides?: MessagingOverrides;
}

function buildChannels(ctx: AppContext, overrides: MessagingOverrides): ChannelPorts {
  const { config } = ctx;
  const line: ChannelPort =
    overrides.channels?.line ??
    (config.line.channelAccessToken
      ? linePushChannel({ channelAccessToken: config.line.channelAccessToken, apiBaseUrl: config.line.apiBaseUrl })
      : localChannel('line'));
  const email: ChannelPort =
    overrides.channels?.email ??
    (config.smtp.url && config.smtp.from
      ? smtpEmailChannel({ smtpUrl: config.smtp.url, from: config.smtp.from, attachments: overrides.documents ?? null })
      : localChannel('email'));
  const { accountSid, authToken, from, apiBaseUrl } = config.twilio;
  const sms: ChannelPort =
    overrides.channels?.sms ??
    (accountSid && authToken && from
      ? twilioSmsChannel({
          accountSid,
          authToken,
          from,
          statusCallbackUrl: config.publicUrl ? `${config.publicUrl}/webhooks/twilio/status` : null,
          ...(apiBaseUrl ? { apiBaseUrl } : {}),
        })
      : localChannel('sms'));
  return { line, email, sms };
}

export function wireMessaging(input: WireMessagingInput): Messaging {
  const { ctx } = input;
  const overrides = input.overrides ?? {};
  const channels = buildChannels(ctx, overrides);
  const channelModes = Object.fromEntries(CHANNELS.map((c) => [c, channels[c].mode])) as Record<Channel, 'live' | 'local'>;
  const links = linkResolver(ctx, input.db);
  const leaseMs = ctx.config.outboxLeaseMs;
  const worker = new OutboxWorker({
    db: input.db,
    provider: ctx.config.databaseProvider,
    clock: ctx.clock,
    logger: ctx.logger,
    channels,
    links,
    leaseMs,
    // A send must end well inside its lease, or another worker could take the message over mid-send.
    sendTimeoutMs: Math.min(30_000, Math.floor(leaseMs / 2)),
    ...overrides.worker,
  });

  const describe = (c: Channel) => `${c === 'line' ? 'LINE' : c === 'email' ? 'email' : 'SMS'} ${channelModes[c] === 'live' ? 'live' : 'local outbox'}`;
  ctx.logger.info(
    { ...channelModes, page: OUTBOX_PAGE_PATH },
    `messaging channels: ${CHANNELS.map(describe).join(', ')}${CHANNELS.some((c) => channelModes[c] === 'local') ? ` (local messages are kept for the operator at ${OUTBOX_PAGE_PATH})` : ''}`,
  );

  const routers = [
    {
      path: OUTBOX_PAGE_PATH,
      router: outboxPageRouter({
        db: input.db,
        adminApiKey: input.adminApiKey,
        basePath: OUTBOX_PAGE_PATH,
        channelModes,
        links,
        linePreview: {
          messagesFor: (content) => lineMessagesFor(content),
          toHtml: (messages) => messagesToHtml(messages as Parameters<typeof messagesToHtml>[0]),
          css: flexPreviewCss,
        },
      }),
    },
    {
      path: '/webhooks/twilio',
      router: twilioStatusRouter({ db: input.db, logger: ctx.logger, authToken: ctx.config.twilio.authToken ?? null, publicUrl: ctx.config.publicUrl ?? null }),
    },
  ];

  let timer: NodeJS.Timeout | null = null;
  let stopped = true;
  let round: Promise<void> | null = null;
  let lastReminders = 0;
  let lastQuotaCheck = 0;

  // One line per round that did something: with several instances, which one delivered what.
  const drain = async () => {
    const result = await worker.drainOnce({ stopWhen: () => stopped });
    if (result.claimed > 0) ctx.logger.info({ worker: worker.workerId, ...result }, 'outbox: delivered');
  };
  const runRound = async () => {
    try {
      await drain();
      if (stopped) return;
      const now = Date.now();
      if (now - lastReminders >= REMINDER_EVERY_MS) {
        lastReminders = now;
        const reminders = await runRemindersOnce(ctx);
        if (reminders.queued > 0) await drain();
        await expireQuotesOnce(ctx);
      }
      if (channels.line.quotaExhausted && now - lastQuotaCheck >= QUOTA_CHECK_EVERY_MS) {
        lastQuotaCheck = now;
        await worker.checkLineQuota().catch((error: unknown) => ctx.logger.warn({ err: String(error) }, 'LINE quota check failed'));
      }
    } catch (error) {
      ctx.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'outbox round failed');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      round = runRound().finally(() => {
        round = null;
        schedule();
      });
    }, ctx.config.outboxPollMs);
  };

  return {
    routers,
    channelModes,
    worker,
    start() {
      if (!stopped) return;
      stopped = false;
      round = runRound().finally(() => {
        round = null;
        schedule();
      });
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (round) await round;
      for (const c of CHANNELS) await channels[c].close?.();
    },
    drainOnce: () => worker.drainOnce(),
    runRemindersOnce: () => runRemindersOnce(ctx),
    expireQuotesOnce: () => expireQuotesOnce(ctx),
  };
}
