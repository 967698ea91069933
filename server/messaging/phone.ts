/**
 * Phone numbers for SMS. Thai customers type local numbers ('081-234-5678'); Twilio needs E.164
 * ('+66812345678'). Only numbers that can receive an SMS count: a Thai landline (02…) cannot, so
 * it must not make a customer look reachable.
 */
import { normalizeDigits } from '../domain/normalize-input.ts';

/** Thai mobile numbers: 06x, 08x, 09x followed by 7 digits. */
const THAI_MOBILE = /^\+66[689]\d{8}$/;
const E164 = /^\+[1-9]\d{7,14}$/;

/** E.164 for a number that can receive SMS, or null. Thai local numbers get +66. */
export function smsNumber(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const cleaned = normalizeDigits(phone).replace(/[\s().-]/g, '');
  let e164: string;
  if (/^0\d{8,9}$/.test(cleaned)) e164 = `+66${cleaned.slice(1)}`;
  else if (/^66\d{8,9}$/.test(cleaned)) e164 = `+${cleaned}`;
  else if (/^\+\d+$/.test(cleaned)) e164 = cleaned;
  else return null;
  if (e164.startsWith('+66')) return THAI_MOBILE.test(e164) ? e164 : null;
  return E164.test(e164) ? e164 : null;
}
