/**
 * POST /api/webhooks/payments: a bank or payment-gateway adapter reports a bill payment
 * (docs/payment-webhook.md). Only a request signed with PAYMENT_WEBHOOK_SECRET — HMAC-SHA256 of
 * "<timestamp>.<raw body>" — and stamped within five minutes of our clock is believed; anything
 * else is refused through the one error mapper and changes nothing. The matching itself is the
 * use case's (services/bank-payments.ts).
 */
import express, { Router } from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { AppContext } from '../../services/context.ts';
import { DomainError } from '../../domain/errors.ts';
import { receiveBankPayment } from '../../services/bank-payments.ts';

/** How far a request's timestamp may be from our clock, either way. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;
export const MAX_BODY = '64kb';

const bankPayment = z.strictObject({
  transRef: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be 1 to 64 letters, digits or dashes')
    .describe("The bank's transaction reference"),
  sendingBank: z
    .string()
    .regex(/^\d{3}$/, 'must be the 3-digit bank code')
    .nullish(),
  amountSatang: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  paidAt: z.iso.datetime({ offset: true }).transform((v) => new Date(v)),
  billerId: z.string().regex(/^\d{15}$/, 'must be 15 digits'),
  reference1: z.string().trim().min(1).max(20),
  reference2: z.string().trim().max(20).nullish(),
});

const unauthorized = (field: string, message: string) => new DomainError('UNAUTHORIZED', message, { field });

/** Throws 401 unless `signature` is our HMAC of "<timestamp>.<body>" and the timestamp is fresh. */
export function checkSignature(secret: string, input: { signature: string | undefined; timestamp: string | undefined; body: Buffer; nowMs: number }): void {
  const { signature, timestamp } = input;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) throw unauthorized('X-Timestamp', 'X-Timestamp must be the unix time in seconds');
  if (Math.abs(input.nowMs / 1000 - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) {
    throw unauthorized('X-Timestamp', 'X-Timestamp is more than 5 minutes from the server clock');
  }
  const given = /^sha256=([0-9a-f]{64})$/i.exec(signature ?? '')?.[1];
  if (!given) throw unauthorized('X-Signature', 'X-Signature must be sha256=<hex HMAC-SHA256>');
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(input.body).digest();
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) throw unauthorized('X-Signature', 'X-Signature does not match the request');
}

export function paymentWebhookRouter(ctx: AppContext): Router {
  const router = Router();
  // The raw bytes: the signature covers them exactly as sent.
  router.post('/', express.raw({ type: () => true, limit: MAX_BODY }), async (req, res) => {
    const secret = ctx.config.paymentWebhookSecret;
    if (!secret) throw new DomainError('NOT_FOUND', 'The payment webhook is not configured');
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    checkSignature(secret, { signature: req.get('x-signature'), timestamp: req.get('x-timestamp'), body, nowMs: ctx.clock.now().getTime() });
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      throw new DomainError('VALIDATION', 'request body is not valid JSON', { field: 'body' });
    }
    const payment = bankPayment.parse(json);
    const { httpStatus, answer } = await receiveBankPayment(ctx, {
      ...payment,
      sendingBank: payment.sendingBank ?? null,
      reference2: payment.reference2 || null,
    });
    res.status(httpStatus).json(answer);
  });
  return router;
}
