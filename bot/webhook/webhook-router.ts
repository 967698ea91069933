/**
 * POST /webhooks/line. The signature is checked by @line/bot-sdk's middleware on the raw body
 * (this router runs before any JSON parser and only on this route); bad or missing signature
 * → 401. Events are recorded, then LINE gets its 200 at once, then they are handled.
 * Without LINE credentials the route answers 503 naming what is missing.
 */
import express, { Router, type ErrorRequestHandler } from 'express';
import { JSONParseError, middleware as lineMiddleware, SignatureValidationFailed } from '@line/bot-sdk';
import type { Logger } from '../../server/logger.ts';
import { DomainError } from '../../server/domain/errors.ts';
import type { WebhookInbox } from './inbox.ts';
import type { WebhookProcessor } from './processor.ts';

/** LINE's webhook bodies are small; a generous cap still stops a memory-filling request. */
const MAX_BODY = '1mb';

export interface WebhookRouterOptions {
  channelSecret: string | undefined;
  /** Env variables still missing for the bot to work (named in the 503). */
  missing: string[];
  inbox: WebhookInbox;
  /** Null on web-only instances: a worker process picks the events up from the inbox. */
  processor: WebhookProcessor | null;
  logger: Logger;
  /** Marks an acknowledgement in progress (background handling holds back meanwhile); returns its end. */
  acknowledging?: () => () => void;
}

export function lineWebhookRouter(options: WebhookRouterOptions): Router {
  const router = Router();
  const { channelSecret } = options;
  if (!channelSecret || options.missing.length > 0) {
    router.post('/', (_req, _res, next) => {
      next(
        new DomainError(
          'UNAVAILABLE',
          `The LINE bot is not configured: set ${options.missing.join(' and ')} (LINE Developers console → your Messaging API channel). See docs/line-bot.md.`,
          { missing: options.missing },
        ),
      );
    });
    return router;
  }

  router.post(
    '/',
    // Keep the body as bytes (any content type): the signature is over the exact bytes LINE sent.
    express.raw({ type: () => true, limit: MAX_BODY }),
    lineMiddleware({ channelSecret }) as unknown as express.RequestHandler,
    (req, res, next) => {
      // Only a signed request holds handling back: a stranger trickling a body in must not stall it.
      if (options.acknowledging) res.once('close', options.acknowledging());
      const events: unknown[] = Array.isArray((req.body as { events?: unknown })?.events) ? (req.body as { events: unknown[] }).events : [];
      options.inbox.record(events).then(
        (fresh) => {
          // Acknowledge first; handling (database work, replies) happens after the response.
          res.status(200).json({});
          options.processor?.enqueue(fresh);
        },
        (error: unknown) => next(error), // not recorded: a 500 makes LINE redeliver (when redelivery is on)
      );
    },
  );

  // The SDK's errors become DomainErrors; the app's one error mapper answers them.
  const mapSdkErrors: ErrorRequestHandler = (err, _req, _res, next) => {
    if (err instanceof SignatureValidationFailed) {
      options.logger.warn({}, 'LINE webhook: bad or missing signature');
      next(new DomainError('UNAUTHORIZED', 'x-line-signature is missing or does not match the body'));
      return;
    }
    if (err instanceof JSONParseError) {
      next(new DomainError('VALIDATION', 'The webhook body is not valid JSON', { field: 'body' }));
      return;
    }
    next(err);
  };
  router.use(mapSdkErrors);
  return router;
}
