/**
 * POST /webhooks/twilio/status: Twilio's delivery receipts for SMS. Only requests signed with our
 * auth token (X-Twilio-Signature over the public URL and the form fields) are believed; anything
 * else gets 403 and changes nothing.
 */
import express, { Router } from 'express';
import twilio from 'twilio';
import type { Db } from '../../data/database.ts';
import type { Logger } from '../../logger.ts';
import { DomainError, validation } from '../../domain/errors.ts';

/** Twilio's terminal failure states: the message will not arrive. */
const FAILED_STATES = new Set(['failed', 'undelivered']);
/** Later states must not be overwritten by an earlier callback arriving late. */
const STATE_ORDER: Record<string, number> = { accepted: 0, queued: 1, sending: 2, sent: 3, failed: 4, undelivered: 4, delivered: 5, read: 6 };

export interface TwilioStatusOptions {
  db: Db;
  logger: Logger;
  /** Null when Twilio is not configured: the endpoint then answers 404. */
  authToken: string | null;
  /** The public base URL Twilio calls (PUBLIC_URL); the signature covers the full URL. */
  publicUrl: string | null;
}

export function twilioStatusRouter(options: TwilioStatusOptions): Router {
  const router = Router();
  router.post('/status', express.urlencoded({ extended: false, limit: '64kb' }), async (req, res, next) => {
    try {
      if (!options.authToken) {
        next(new DomainError('NOT_FOUND', 'Twilio is not configured'));
        return;
      }
      const signature = req.get('x-twilio-signature') ?? '';
      const base = options.publicUrl ?? `${req.protocol}://${req.get('host')}`;
      const url = `${base}${req.originalUrl}`;
      const params = (req.body ?? {}) as Record<string, string>;
      if (!signature || !twilio.validateRequest(options.authToken, signature, url, params)) {
        options.logger.warn({ path: '/webhooks/twilio/status' }, 'twilio status callback with a bad signature');
        next(new DomainError('FORBIDDEN', 'invalid Twilio signature', { field: 'X-Twilio-Signature' }));
        return;
      }
      const sid = params.MessageSid ?? params.SmsSid;
      const status = (params.MessageStatus ?? params.SmsStatus ?? '').toLowerCase();
      if (!sid || !status) {
        next(validation('MessageSid', 'MessageSid and MessageStatus are required'));
        return;
      }
      const message = await options.db.outboxMessage.findFirst({
        where: { providerMessageId: sid, channel: 'sms' },
        select: { id: true, deliveryStatus: true },
      });
      if (message && (STATE_ORDER[status] ?? 0) >= (STATE_ORDER[message.deliveryStatus ?? ''] ?? -1)) {
        const error = FAILED_STATES.has(status) ? `Twilio: ${status}${params.ErrorCode ? ` (error ${params.ErrorCode})` : ''}` : undefined;
        await options.db.outboxMessage.updateMany({
          where: { id: message.id, deliveryStatus: message.deliveryStatus },
          data: { deliveryStatus: status, ...(error ? { lastError: error } : {}) },
        });
      }
      // Unknown sids (sent by another installation on the same account) are acknowledged too,
      // or Twilio would keep retrying them.
      res.status(204).end();
    } catch (error) {
      next(error);
    }
  });
  return router;
}
