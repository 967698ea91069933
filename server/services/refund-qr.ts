/**
 * The scan-to-transfer QR staff use to refund a deposit to the client's own PromptPay, for
 * exactly the refund. LINE shows images only from HTTPS URLs and cannot send credentials, so the
 * URL carries an HMAC signature (key derived from the link secret) over the deposit, the amount,
 * the client's PromptPay ID and an expiry: the URL cannot be altered to another amount, and if the
 * client changes their PromptPay ID after the card was shown the old QR stops working rather than
 * pointing somewhere the card did not say.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { AppContext } from './context.ts';
import { DomainError } from '../domain/errors.ts';
import { promptPayPayload, qrPng } from '../payments/promptpay.ts';

/** Long enough for the return to be paid the same day; the card is shown again with a new one. */
export const REFUND_QR_TTL_MS = 24 * 60 * 60 * 1000;
export const REFUND_QR_PATH = '/api/staff/refund-qr';

function key(ctx: AppContext): Buffer {
  return createHash('sha256').update('refund-qr:').update(ctx.linkSecret).digest();
}

function signature(ctx: AppContext, depositId: string, amountSatang: number, promptPayId: string, expiresMs: number): string {
  return createHmac('sha256', key(ctx)).update(`${depositId}|${amountSatang}|${promptPayId}|${expiresMs}`).digest('base64url');
}

/** Path (and query) of the PNG, to be put after the public URL. */
export function refundQrPath(ctx: AppContext, input: { depositId: string; amountSatang: number; promptPayId: string }): string {
  const expiresMs = ctx.clock.now().getTime() + REFUND_QR_TTL_MS;
  const sig = signature(ctx, input.depositId, input.amountSatang, input.promptPayId, expiresMs);
  return `${REFUND_QR_PATH}/${encodeURIComponent(input.depositId)}/${input.amountSatang}.png?e=${expiresMs}&s=${sig}`;
}

const notFound = () => new DomainError('NOT_FOUND', 'Not found');

/** The PNG for a signed URL; every failure (bad or old signature, ID changed, no refund ID) is the same 404. */
export async function refundQrPng(ctx: AppContext, input: { depositId: string; amountSatang: number; expiresMs: number; signature: string }) {
  if (!Number.isSafeInteger(input.amountSatang) || input.amountSatang <= 0) throw notFound();
  if (!Number.isSafeInteger(input.expiresMs) || input.expiresMs <= ctx.clock.now().getTime()) throw notFound();
  const deposit = await ctx.db.deposit.findUnique({
    where: { id: input.depositId },
    select: { number: true, customer: { select: { refundPromptPayId: true } } },
  });
  const promptPayId = deposit?.customer.refundPromptPayId;
  if (!deposit || !promptPayId) throw notFound();
  const expected = Buffer.from(signature(ctx, input.depositId, input.amountSatang, promptPayId, input.expiresMs));
  const given = Buffer.from(input.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw notFound();
  const payload = promptPayPayload(promptPayId, input.amountSatang);
  return { png: await qrPng(payload), fileName: `Refund-${deposit.number}.png` };
}
