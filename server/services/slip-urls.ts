/**
 * The slip of a payment notice at a short-lived signed URL, for LINE: a Flex image must be an
 * https URL LINE's servers can fetch without credentials. The URL names one notice and its
 * expiry and carries an HMAC of both, keyed from the server's link secret (secrets.ts) with its
 * own label, so it opens only that one file, only until it expires, and no portal token is in it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppContext } from './context.ts';
import { DomainError } from '../domain/errors.ts';
import { paymentNoticeFile } from './payment-notices.ts';

/** Long enough for staff to open a morning's slips in the evening; LINE caches what it fetched. */
export const SLIP_URL_TTL_MS = 24 * 60 * 60 * 1000;

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const EXPIRY = /^\d{1,12}$/;

function signature(ctx: AppContext, noticeId: string, expiresAtSec: number): string {
  const key = createHmac('sha256', ctx.linkSecret).update('slip-url-key').digest();
  // 192 bits are plenty, and 32 characters are token-shaped: request logs redact them (logger.ts).
  return createHmac('sha256', key).update(`${noticeId}.${expiresAtSec}`).digest('base64url').slice(0, 32);
}

/** `/s/<notice id>/<expiry, epoch seconds>/<HMAC>`, absolute on PUBLIC_URL. */
export function signedSlipUrl(ctx: AppContext, noticeId: string): string {
  const expiresAtSec = Math.floor((ctx.clock.now().getTime() + SLIP_URL_TTL_MS) / 1000);
  const base = ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;
  return `${base}/s/${encodeURIComponent(noticeId)}/${expiresAtSec}/${signature(ctx, noticeId, expiresAtSec)}`;
}

/**
 * The slip behind a signed URL: 403 for a signature that does not match (a changed id or
 * expiry, a guess), 410 once it has expired (only a genuine URL can tell it expired).
 */
export async function slipBySignedUrl(ctx: AppContext, input: { noticeId: string; expires: string; signature: string }) {
  const forbidden = new DomainError('FORBIDDEN', 'This slip link is not valid', { field: 'signature' });
  if (!ID.test(input.noticeId) || !EXPIRY.test(input.expires)) throw forbidden;
  const expiresAtSec = Number(input.expires);
  const expected = Buffer.from(signature(ctx, input.noticeId, expiresAtSec));
  const given = Buffer.from(input.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw forbidden;
  if (ctx.clock.now().getTime() >= expiresAtSec * 1000) {
    throw new DomainError('GONE', 'This slip link has expired; open the notice again in LINE for a fresh one', { field: 'expires' });
  }
  return paymentNoticeFile(ctx, { noticeId: input.noticeId, which: 'slip' });
}
