/**
 * Money rules: integer satang everywhere, quantities in integer milli-units, one
 * rounding rule (half-up, on the satang), VAT and withholding on the document's net
 * amount. Arithmetic on products goes through BigInt so nothing is lost to floats.
 */
import { DomainError, validation } from './errors.ts';
import { groupedBaht, moneyText } from './money-text.ts';
import { normalizeDigits } from './normalize-input.ts';
import {
  allowedVatModes,
  lineAmountOf,
  MAX_AMOUNT_SATANG,
  MILLI_PER_UNIT,
  quantityMilliOf,
  satangProblem,
  tryComputeTotals,
  type Totals,
  type TotalsInput,
  type TotalsProblem,
  type VatMode,
} from './totals.ts';

export type { LineInput, Totals, TotalsInput, TotalsLine, VatMode } from './totals.ts';
export {
  allowedVatModes,
  BASIS_POINTS,
  DEFAULT_VAT_RATE_BASIS_POINTS,
  MAX_AMOUNT_SATANG,
  MAX_QUANTITY,
  MILLI_PER_UNIT,
  roundHalfUpDiv,
  vatRateFor,
} from './totals.ts';

function thrown(problem: TotalsProblem): DomainError {
  const { field, message, grossSatang } = problem;
  return new DomainError('VALIDATION', message, grossSatang === undefined ? { field } : { field, grossSatang });
}

/** A non-negative whole number of satang within MAX_AMOUNT_SATANG, or a VALIDATION error on `field`. */
export function requireSatang(value: number, field: string): number {
  const problem = satangProblem(value, field);
  if (problem) throw thrown(problem);
  return value;
}

/** Quantity as integer thousandths (at most 3 decimals), or a VALIDATION error on `field`. */
export function toQuantityMilli(quantity: number, field = 'quantity'): number {
  const milli = quantityMilliOf(quantity, field);
  if (typeof milli !== 'number') throw thrown(milli);
  return milli;
}

export function quantityFromMilli(quantityMilli: number): number {
  return quantityMilli / MILLI_PER_UNIT;
}

export function lineAmountSatang(quantityMilli: number, unitPriceSatang: number): number {
  if (!Number.isSafeInteger(quantityMilli) || quantityMilli <= 0) {
    throw validation('quantityMilli', 'quantityMilli must be a positive whole number');
  }
  requireSatang(unitPriceSatang, 'unitPriceSatang');
  const amount = lineAmountOf(quantityMilli, unitPriceSatang, 'unitPriceSatang');
  if (typeof amount !== 'number') throw thrown(amount);
  return amount;
}

/** The totals of a document (totals.ts, shared with the staff app), or a VALIDATION error naming the field. */
export function computeTotals(input: TotalsInput): Totals {
  const result = tryComputeTotals(input);
  if (!result.ok) throw thrown(result.problem);
  return result.totals;
}

/** The requested mode if the business may use it, else a VALIDATION error on `vatMode`; none requested = the default. */
export function resolveVatMode(vatRegistered: boolean, requested?: VatMode): VatMode {
  const allowed = allowedVatModes(vatRegistered);
  if (requested === undefined) return allowed[0]!;
  if (!allowed.includes(requested)) {
    throw validation(
      'vatMode',
      vatRegistered
        ? "the business is VAT-registered: vatMode must be 'exclusive' or 'inclusive'"
        : "the business is not VAT-registered: vatMode must be 'none'",
    );
  }
  return requested;
}

function requireWholeSatang(satang: number): void {
  if (!Number.isSafeInteger(satang)) throw validation('satang', 'amount must be a whole number of satang');
}

/** "1234.50": no separators, for QR payloads and machine-readable fields. */
export function satangToBahtString(satang: number): string {
  requireWholeSatang(satang);
  const abs = Math.abs(satang);
  return `${satang < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "1,234.50": thousands separators, no currency symbol (money-text.ts writes it). */
export function formatBaht(satang: number): string {
  requireWholeSatang(satang);
  return groupedBaht(satang);
}

/** "฿1,234.50" in Thai, "THB 1,234.50" in English (money-text.ts, shared with the portal). */
export function formatBahtWithSymbol(satang: number, lang: 'th' | 'en'): string {
  requireWholeSatang(satang);
  return moneyText(satang, lang);
}

const BAHT_TEXT_PATTERN = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses an amount typed by a person: "1,234.5", "1234.50", "฿12", "12 บาท", "THB 12",
 * Thai digits. Commas must be real thousands separators ("12,34" is refused rather than
 * guessed). Negative amounts and more than 2 decimals are refused.
 */
export function parseBahtToSatang(text: string, field = 'amount'): number {
  if (typeof text !== 'string') throw validation(field, `${field} must be text`);
  const cleaned = normalizeDigits(text)
    .trim()
    .replace(/^(?:฿|thb)\s*/i, '')
    .replace(/\s*(?:บาท|baht|thb)$/i, '')
    .trim();
  const match = BAHT_TEXT_PATTERN.exec(cleaned);
  if (!match) throw validation(field, `${field} is not a valid amount in baht`);
  const [, whole = '0', fraction = ''] = match;
  const satang = BigInt(whole.replace(/,/g, '')) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (satang > BigInt(MAX_AMOUNT_SATANG)) throw validation(field, `${field} is too large`);
  return Number(satang);
}
