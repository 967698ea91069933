/**
 * PromptPay ids as people type them, stored one way: a mobile number as 0XXXXXXXXX
 * (`081-234-5678`, `+66 81 234 5678`, `66812345678`), a 13-digit tax/citizen id (dashes allowed,
 * check digit verified) or a 15-digit e-wallet id. A wrong id means payments go nowhere, or to
 * someone else, so it is refused rather than guessed.
 */
import { normalizeDigits } from './normalize-input.ts';
import { isValidThaiTaxId } from './thai-tax-id.ts';

export type PromptPayIdKind = 'mobile' | 'tax_id' | 'ewallet';
export type PromptPayIdProblem = 'format' | 'not_mobile' | 'tax_id_check_digit';
export type ParsedPromptPayId = { ok: true; id: string; kind: PromptPayIdKind } | { ok: false; problem: PromptPayIdProblem };

const SEPARATORS = /[\s\-.()]/g;

export function parsePromptPayId(input: string): ParsedPromptPayId {
  const compact = normalizeDigits(input).trim().replace(SEPARATORS, '');
  const international = /^\+?66(\d{8,10})$/.exec(compact);
  if (compact.startsWith('+') || international) {
    if (!international) return { ok: false, problem: 'format' };
    // '+66 81…' drops the trunk 0; some people keep it ('+66 081…').
    const rest = international[1]!;
    const national = rest.startsWith('0') ? rest : `0${rest}`;
    return mobile(national);
  }
  if (/^0\d{8,9}$/.test(compact)) return mobile(compact);
  if (/^\d{13}$/.test(compact)) return isValidThaiTaxId(compact) ? { ok: true, id: compact, kind: 'tax_id' } : { ok: false, problem: 'tax_id_check_digit' };
  if (/^\d{15}$/.test(compact)) return { ok: true, id: compact, kind: 'ewallet' };
  return { ok: false, problem: 'format' };
}

function mobile(national: string): ParsedPromptPayId {
  // PromptPay registers mobile numbers only (06, 08, 09 and ten digits), not landlines.
  if (/^0[689]\d{8}$/.test(national)) return { ok: true, id: national, kind: 'mobile' };
  // A 9-digit landline (02…, 03…, 04…, 05…, 07…) is a real number, just not one PromptPay knows.
  return /^0[2-57]\d{7}$/.test(national) ? { ok: false, problem: 'not_mobile' } : { ok: false, problem: 'format' };
}

export const PROMPTPAY_ID_MESSAGES: Record<PromptPayIdProblem, string> = {
  format: 'must be a mobile number (081-234-5678 or +66 81 234 5678), a 13-digit tax ID or a 15-digit e-wallet ID',
  not_mobile: 'must be a mobile number (starting 06, 08 or 09) when it is a phone number',
  tax_id_check_digit: 'is not a valid Thai tax ID: the last digit does not match (check for a typo)',
};
