/**
 * Thai 13-digit tax identification numbers (companies, and a person's citizen id, which is their
 * tax id). The last digit is a check digit: 11 minus (sum of the first 12 digits weighted 13..2)
 * mod 11, then mod 10. Accounting software refuses a wrong one, and so does a buyer's auditor.
 */
import { normalizeDigits } from './normalize-input.ts';

export type TaxIdProblem = 'format' | 'check_digit';
export type ParsedTaxId = { ok: true; taxId: string } | { ok: false; problem: TaxIdProblem };

export function thaiTaxIdCheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new RangeError('thaiTaxIdCheckDigit needs exactly 12 digits');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

export function isValidThaiTaxId(digits: string): boolean {
  return /^\d{13}$/.test(digits) && thaiTaxIdCheckDigit(digits.slice(0, 12)) === Number(digits[12]);
}

/** Accepts the id as people type it (`0-1055-61234-56-0`, spaces, Thai digits); returns digits only. */
export function parseThaiTaxId(input: string): ParsedTaxId {
  const compact = normalizeDigits(input).replace(/[\s-]/g, '');
  if (!/^\d{13}$/.test(compact)) return { ok: false, problem: 'format' };
  return isValidThaiTaxId(compact) ? { ok: true, taxId: compact } : { ok: false, problem: 'check_digit' };
}

export const TAX_ID_MESSAGES: Record<TaxIdProblem, string> = {
  format: 'must be a 13-digit Thai tax ID (dashes and spaces are fine)',
  check_digit: 'is not a valid Thai tax ID: the last digit does not match (check for a typo)',
};

export type BillerIdProblem = 'format' | 'check_digit';

/**
 * A PromptPay bill-payment biller id: the business's 13-digit tax id and a 2-digit suffix the
 * bank assigns (15 digits). Typed with dashes or spaces, or Thai digits; returns digits only.
 */
export function parseBillerId(input: string): { ok: true; billerId: string } | { ok: false; problem: BillerIdProblem } {
  const compact = normalizeDigits(input).replace(/[\s-]/g, '');
  if (!/^\d{15}$/.test(compact)) return { ok: false, problem: 'format' };
  return isValidThaiTaxId(compact.slice(0, 13)) ? { ok: true, billerId: compact } : { ok: false, problem: 'check_digit' };
}

export const BILLER_ID_MESSAGES: Record<BillerIdProblem, string> = {
  format: 'must be 15 digits: the 13-digit tax ID followed by the 2-digit suffix from your bank',
  check_digit: 'does not start with a valid Thai tax ID: the 13th digit does not match (check for a typo)',
};
