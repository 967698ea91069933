/**
 * The LINE bot, wired for the composition root: the webhook router (raw body, mounted before
 * any JSON parser), the durable event inbox and its worker, and the recovery loop that picks
 * up events a crash or a failure left behind.
 */
import type { Router } from 'express';
import type { AppContext } from '../server/services/context.ts';
import type { Db } from '../server/data/database.ts';
import { createLineMessenger, LineApiError, type LineMessenger } from './line-api.ts';
import { WebhookInbox, type ClaimDueEvents, type FirstInLine } from './webhook/inbox.ts';
import { WebhookProcessor, type BackgroundLane } from './webhook/processor.ts';
import { lineWebhookRouter } from './webhook/webhook-router.ts';
import { handleLineEvent } from './handle-event.ts';
import { outboxMessaging } from './outbox-messaging.ts';
import { lineMessageContent } from './line-content.ts';
import type { LineMessageContent } from '../server/services/ports.ts';
import { MAX_UPLOAD_BYTES } from '../server/payments/sniff-upload.ts';

export const LINE_WEBHOOK_PATH = '/webhooks/line';
const RECOVERY_EVERY_MS = 30_000;
const WORKER_POLL_MS = 300;

export interface Bot {
  /** Mount on the app before any JSON body parser. */
  mount: { path: string; router: Router }[];
  /** True when LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN are set. */
  configured: boolean;
  /** Handles events left in the inbox now, then every 30 s. */
  start(): void;
  /** Stops the loop and waits for events being handled. */
  stop(): Promise<void>;
  /** Queues events waiting in the inbox (crash recovery, worker poll), up to a batch; returns how many. */
  recoverNow(): Promise<number>;
  /** Resolves when no event is being handled (tests wait on this instead of sleeping). */
  whenIdle(): Promise<void>;
}

export interface WireBotOptions {
  /** The untracked client: inbox bookkeeping must not invalidate portal views. */
  bookkeepingDb: Db;
  /** True in `npm run worker`: no webhook arrives here, events are found by polling the inbox. */
  pollOnly?: boolean;
  /** Puts recording a webhook (before its 200) ahead of queued database work. */
  firstInLine?: FirstInLine;
  /** PostgreSQL: claims waiting events in batches, skipping those other instances are claiming. */
  claimDueEvents?: ClaimDueEvents;
  /** Runs event handling so that it lets incoming acknowledgements in between its statements. */
  background?: BackgroundLane;
  /** Marks an acknowledgement in progress: background handling holds back until it is over. */
  acknowledging?: () => () => void;
}

const notConfigured: LineMessenger = {
  reply: async () => {
    throw new LineApiError('LINE is not configured', null);
  },
  displayName: async () => null,
};

const noContent: LineMessageContent = {
  fetch: async () => {
    throw new LineApiError('LINE is not configured', null);
  },
};

export function wireBot(ctx: AppContext, options: WireBotOptions): Bot {
  const { line: lineConfig } = ctx.config;
  const missing = [...(lineConfig.channelSecret ? [] : ['LINE_CHANNEL_SECRET']), ...(lineConfig.channelAccessToken ? [] : ['LINE_CHANNEL_ACCESS_TOKEN'])];
  const line =
    missing.length === 0
      ? createLineMessenger({ channelAccessToken: lineConfig.channelAccessToken!, apiBaseUrl: lineConfig.apiBaseUrl, logger: ctx.logger })
      : notConfigured;
  const content =
    missing.length === 0
      ? lineMessageContent({ channelAccessToken: lineConfig.channelAccessToken!, dataApiBaseUrl: lineConfig.dataApiBaseUrl, maxBytes: MAX_UPLOAD_BYTES })
      : noContent;
  const inbox = new WebhookInbox(options.bookkeepingDb, ctx.clock, options.firstInLine, options.claimDueEvents ?? null);
  const deps = {
    ctx,
    line,
    messaging: outboxMessaging(ctx),
    logger: ctx.logger,
    content,
    recordedEvent: (id: string) => inbox.find(id),
  };
  const processor = new WebhookProcessor(inbox, (raw, claim) => handleLineEvent(deps, raw, claim), ctx.logger, options.background);
  if (missing.length > 0) ctx.logger.info({ missing }, `LINE bot off: ${LINE_WEBHOOK_PATH} answers 503 until ${missing.join(' and ')} are set`);
  return {
    // LINE_WEBHOOK_HANDLING=worker: this instance records and acknowledges; `npm run worker` handles.
    mount: [
      {
        path: LINE_WEBHOOK_PATH,
        router: lineWebhookRouter({
          channelSecret: lineConfig.channelSecret,
          missing,
          inbox,
          processor: lineConfig.webhookHandling === 'inline' ? processor : null,
          logger: ctx.logger,
          ...(options.acknowledging ? { acknowledging: options.acknowledging } : {}),
        }),
      },
    ],
    configured: missing.length === 0,
    // With in-process handling the loop only recovers after a crash; a separate worker process
    // learns of new events by polling, so it polls often (reply tokens expire within a minute).
    start: () => processor.start(options.pollOnly ? WORKER_POLL_MS : RECOVERY_EVERY_MS),
    stop: () => processor.stop(),
    recoverNow: () => processor.recover(),
    whenIdle: () => processor.whenIdle(),
  };
}
