/**
 * Money rules: integer satang everywhere, quantities in integer milli-units, one
 * rounding rule (half-up, on the satang), VAT and withholding on the document's net
 * amount. Arithmetic on products goes through BigInt so nothing is lost to floats.
 */
import { DomainError, validation } from './errors.ts';
import { groupedBaht, moneyText } from './money-text.ts';
import { normalizeDigits } from './normalize-input.ts';

export type VatMode = 'exclusive' | 'inclusive' | 'none';

export interface LineInput {
  description: string;
  /** Units; up to 3 decimals (1.5 days). */
  quantity: number;
  unitPriceSatang: number;
}

export interface TotalsLine {
  description: string;
  quantityMilli: number;
  unitPriceSatang: number;
  amountSatang: number;
}

export interface TotalsInput {
  lines: readonly LineInput[];
  discountSatang?: number;
  vatMode: VatMode;
  /** 700 = 7%. */
  vatRateBasisPoints?: number;
  /** 300 = 3%. */
  withholdingBasisPoints?: number;
}

export interface Totals {
  lines: TotalsLine[];
  /** Sum of line amounts (VAT-inclusive when vatMode is 'inclusive'). */
  grossSatang: number;
  discountSatang: number;
  /** Net amount before VAT: the VAT base and the withholding base. */
  subtotalSatang: number;
  vatSatang: number;
  totalSatang: number;
  withholdingSatang: number;
  /** What the customer actually transfers: total minus withholding. */
  netPayableSatang: number;
}

/** Thailand's VAT rate, 7 %: the one place it is written. Documents store the rate they were priced at. */
export const DEFAULT_VAT_RATE_BASIS_POINTS = 700;
export const BASIS_POINTS = 10_000;
export const MILLI_PER_UNIT = 1_000;
/** 10 trillion baht: far above any real document, and well inside Number's safe range. */
export const MAX_AMOUNT_SATANG = 10 ** 15;
/** A million units per line; anything bigger is a typo, not an order. */
export const MAX_QUANTITY = 1_000_000;

/**
 * Divides and rounds half away from zero (0.5 satang → 1 satang; -0.5 → -1), so an
 * amount and its negation always round to mirror images. Every rounding in the money
 * rules goes through here.
 */
export function roundHalfUpDiv(numerator: bigint | number, denominator: bigint | number): number {
  const n = toBigInt(numerator, 'numerator');
  const d = toBigInt(denominator, 'denominator');
  // Programming errors, not user input: a plain error so it surfaces as a 500.
  if (d <= 0n) throw new RangeError('roundHalfUpDiv: denominator must be positive');
  const quotient = n / d;
  const remainder = n % d;
  const absRemainder = remainder < 0n ? -remainder : remainder;
  const rounded = 2n * absRemainder >= d ? quotient + (n < 0n ? -1n : 1n) : quotient;
  const result = Number(rounded);
  if (!Number.isSafeInteger(result)) throw new RangeError('roundHalfUpDiv: result exceeds the safe integer range');
  return result;
}

function toBigInt(value: bigint | number, name: string): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`roundHalfUpDiv: ${name} must be a safe integer`);
  return BigInt(value);
}

/** A non-negative whole number of satang within MAX_AMOUNT_SATANG, or a VALIDATION error on `field`. */
export function requireSatang(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw validation(field, `${field} must be a whole, non-negative number of satang`);
  }
  if (value > MAX_AMOUNT_SATANG) throw validation(field, `${field} is too large`);
  return value;
}

function requireBasisPoints(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > BASIS_POINTS) {
    throw validation(field, `${field} must be whole basis points between 0 and ${BASIS_POINTS}`);
  }
  return value;
}

/**
 * Quantity as integer thousandths. Decimals are counted on JavaScript's shortest
 * round-trip form of the number (what the user typed), so 1.005 is accepted even though
 * 1.005 * 1000 is 1004.999… in floating point.
 */
export function toQuantityMilli(quantity: number, field = 'quantity'): number {
  if (typeof quantity !== 'number' || !Number.isFinite(quantity) || quantity <= 0) {
    throw validation(field, `${field} must be a number greater than zero`);
  }
  if (quantity > MAX_QUANTITY) throw validation(field, `${field} is too large (at most ${MAX_QUANTITY})`);
  const match = /^(\d+)(?:\.(\d{1,3}))?$/.exec(String(quantity));
  if (!match) throw validation(field, `${field} may have at most 3 decimals`);
  const [, whole = '0', fraction = ''] = match;
  return Number(whole) * MILLI_PER_UNIT + Number(fraction.padEnd(3, '0'));
}

export function quantityFromMilli(quantityMilli: number): number {
  return quantityMilli / MILLI_PER_UNIT;
}

export function lineAmountSatang(quantityMilli: number, unitPriceSatang: number): number {
  if (!Number.isSafeInteger(quantityMilli) || quantityMilli <= 0) {
    throw validation('quantityMilli', 'quantityMilli must be a positive whole number');
  }
  requireSatang(unitPriceSatang, 'unitPriceSatang');
  return roundedLineAmount(quantityMilli, unitPriceSatang, 'unitPriceSatang');
}

function roundedLineAmount(quantityMilli: number, unitPriceSatang: number, field: string): number {
  const exact = BigInt(quantityMilli) * BigInt(unitPriceSatang);
  // Checked before rounding: the product may be far beyond Number's safe range.
  if (exact > BigInt(MAX_AMOUNT_SATANG) * BigInt(MILLI_PER_UNIT)) throw validation(field, 'line amount is too large');
  return roundHalfUpDiv(exact, MILLI_PER_UNIT);
}

function percentOf(amountSatang: number, basisPoints: number): number {
  return roundHalfUpDiv(BigInt(amountSatang) * BigInt(basisPoints), BASIS_POINTS);
}

export function computeTotals(input: TotalsInput): Totals {
  const { vatMode, discountSatang = 0, vatRateBasisPoints = DEFAULT_VAT_RATE_BASIS_POINTS, withholdingBasisPoints = 0 } = input;
  if (vatMode !== 'exclusive' && vatMode !== 'inclusive' && vatMode !== 'none') {
    throw validation('vatMode', "vatMode must be 'exclusive', 'inclusive' or 'none'");
  }
  requireBasisPoints(vatRateBasisPoints, 'vatRateBasisPoints');
  requireBasisPoints(withholdingBasisPoints, 'withholdingBasisPoints');
  requireSatang(discountSatang, 'discountSatang');

  const lines = input.lines.map((line, index): TotalsLine => {
    const quantityMilli = toQuantityMilli(line.quantity, `lines.${index}.quantity`);
    const unitPriceSatang = requireSatang(line.unitPriceSatang, `lines.${index}.unitPriceSatang`);
    const amountSatang = roundedLineAmount(quantityMilli, unitPriceSatang, `lines.${index}`);
    return { description: line.description, quantityMilli, unitPriceSatang, amountSatang };
  });
  const grossSatang = lines.reduce((sum, line) => sum + line.amountSatang, 0);
  if (grossSatang > MAX_AMOUNT_SATANG) throw validation('lines', 'document total is too large');
  if (discountSatang > grossSatang) {
    throw new DomainError('VALIDATION', 'discount cannot exceed the sum of the lines', {
      field: 'discountSatang',
      grossSatang,
    });
  }

  const netSatang = grossSatang - discountSatang;
  let subtotalSatang: number;
  let vatSatang: number;
  if (vatMode === 'exclusive') {
    subtotalSatang = netSatang;
    vatSatang = percentOf(netSatang, vatRateBasisPoints);
  } else if (vatMode === 'inclusive') {
    // Back out the VAT once from the document total (not per line), so the pre-VAT
    // amount and VAT always add up exactly to what the customer saw on the lines.
    subtotalSatang = roundHalfUpDiv(BigInt(netSatang) * BigInt(BASIS_POINTS), BASIS_POINTS + vatRateBasisPoints);
    vatSatang = netSatang - subtotalSatang;
  } else {
    subtotalSatang = netSatang;
    vatSatang = 0;
  }
  const totalSatang = subtotalSatang + vatSatang;
  // Thai withholding tax is levied on the amount before VAT.
  const withholdingSatang = percentOf(subtotalSatang, withholdingBasisPoints);

  return {
    lines,
    grossSatang,
    discountSatang,
    subtotalSatang,
    vatSatang,
    totalSatang,
    withholdingSatang,
    netPayableSatang: totalSatang - withholdingSatang,
  };
}

/**
 * What VAT a business may put on a document: a VAT-registered business charges VAT (added to or
 * included in the prices), one that is not registered never does. Listed default first.
 */
export function allowedVatModes(vatRegistered: boolean): readonly VatMode[] {
  return vatRegistered ? ['exclusive', 'inclusive'] : ['none'];
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

/** The rate a document in this mode is priced and stored at. */
export function vatRateFor(vatMode: VatMode): number {
  return vatMode === 'none' ? 0 : DEFAULT_VAT_RATE_BASIS_POINTS;
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
