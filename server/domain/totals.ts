/**
 * The document totals arithmetic: lines, discount, VAT (added or included), withholding. Integer
 * satang, quantities in integer milli-units, one rounding rule (half-up, on the satang), products
 * through BigInt so nothing is lost to floats.
 *
 * This module imports nothing, so the staff app (liff/) runs the very same code for its live
 * totals that the server prices documents with. Bad input is answered as a problem (field +
 * message) rather than thrown: money.ts turns it into the DomainError, the app into a hint.
 */

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

/** Why an input cannot be priced: the field it names and an English sentence for developers. */
export interface TotalsProblem {
  field: string;
  message: string;
  /** Set when the discount exceeds the lines: what they add up to. */
  grossSatang?: number;
}

export type TotalsResult = { ok: true; totals: Totals } | { ok: false; problem: TotalsProblem };

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

/** null when the value is a whole, non-negative number of satang within MAX_AMOUNT_SATANG. */
export function satangProblem(value: number, field: string): TotalsProblem | null {
  if (!Number.isSafeInteger(value) || value < 0) return { field, message: `${field} must be a whole, non-negative number of satang` };
  if (value > MAX_AMOUNT_SATANG) return { field, message: `${field} is too large` };
  return null;
}

function basisPointsProblem(value: number, field: string): TotalsProblem | null {
  if (!Number.isInteger(value) || value < 0 || value > BASIS_POINTS) {
    return { field, message: `${field} must be whole basis points between 0 and ${BASIS_POINTS}` };
  }
  return null;
}

/**
 * Quantity as integer thousandths. Decimals are counted on JavaScript's shortest
 * round-trip form of the number (what the user typed), so 1.005 is accepted even though
 * 1.005 * 1000 is 1004.999… in floating point.
 */
export function quantityMilliOf(quantity: number, field = 'quantity'): number | TotalsProblem {
  if (typeof quantity !== 'number' || !Number.isFinite(quantity) || quantity <= 0) {
    return { field, message: `${field} must be a number greater than zero` };
  }
  if (quantity > MAX_QUANTITY) return { field, message: `${field} is too large (at most ${MAX_QUANTITY})` };
  const match = /^(\d+)(?:\.(\d{1,3}))?$/.exec(String(quantity));
  if (!match) return { field, message: `${field} may have at most 3 decimals` };
  const [, whole = '0', fraction = ''] = match;
  return Number(whole) * MILLI_PER_UNIT + Number(fraction.padEnd(3, '0'));
}

/** quantity × unit price, rounded on the satang; a problem when it is beyond any real document. */
export function lineAmountOf(quantityMilli: number, unitPriceSatang: number, field: string): number | TotalsProblem {
  const exact = BigInt(quantityMilli) * BigInt(unitPriceSatang);
  // Checked before rounding: the product may be far beyond Number's safe range.
  if (exact > BigInt(MAX_AMOUNT_SATANG) * BigInt(MILLI_PER_UNIT)) return { field, message: 'line amount is too large' };
  return roundHalfUpDiv(exact, MILLI_PER_UNIT);
}

function percentOf(amountSatang: number, basisPoints: number): number {
  return roundHalfUpDiv(BigInt(amountSatang) * BigInt(basisPoints), BASIS_POINTS);
}

const fail = (problem: TotalsProblem): TotalsResult => ({ ok: false, problem });

export function tryComputeTotals(input: TotalsInput): TotalsResult {
  const { vatMode, discountSatang = 0, vatRateBasisPoints = DEFAULT_VAT_RATE_BASIS_POINTS, withholdingBasisPoints = 0 } = input;
  if (vatMode !== 'exclusive' && vatMode !== 'inclusive' && vatMode !== 'none') {
    return fail({ field: 'vatMode', message: "vatMode must be 'exclusive', 'inclusive' or 'none'" });
  }
  const optionProblem =
    basisPointsProblem(vatRateBasisPoints, 'vatRateBasisPoints') ??
    basisPointsProblem(withholdingBasisPoints, 'withholdingBasisPoints') ??
    satangProblem(discountSatang, 'discountSatang');
  if (optionProblem) return fail(optionProblem);

  const lines: TotalsLine[] = [];
  for (const [index, line] of input.lines.entries()) {
    const quantityMilli = quantityMilliOf(line.quantity, `lines.${index}.quantity`);
    if (typeof quantityMilli !== 'number') return fail(quantityMilli);
    const priceProblem = satangProblem(line.unitPriceSatang, `lines.${index}.unitPriceSatang`);
    if (priceProblem) return fail(priceProblem);
    const amountSatang = lineAmountOf(quantityMilli, line.unitPriceSatang, `lines.${index}`);
    if (typeof amountSatang !== 'number') return fail(amountSatang);
    lines.push({ description: line.description, quantityMilli, unitPriceSatang: line.unitPriceSatang, amountSatang });
  }
  const grossSatang = lines.reduce((sum, line) => sum + line.amountSatang, 0);
  if (grossSatang > MAX_AMOUNT_SATANG) return fail({ field: 'lines', message: 'document total is too large' });
  if (discountSatang > grossSatang) return fail({ field: 'discountSatang', message: 'discount cannot exceed the sum of the lines', grossSatang });

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
    ok: true,
    totals: {
      lines,
      grossSatang,
      discountSatang,
      subtotalSatang,
      vatSatang,
      totalSatang,
      withholdingSatang,
      netPayableSatang: totalSatang - withholdingSatang,
    },
  };
}

/** The rate a document in this mode is priced and stored at. */
export function vatRateFor(vatMode: VatMode): number {
  return vatMode === 'none' ? 0 : DEFAULT_VAT_RATE_BASIS_POINTS;
}

/**
 * What VAT a business may put on a document: a VAT-registered business charges VAT (added to or
 * included in the prices), one that is not registered never does. Listed default first.
 */
export function allowedVatModes(vatRegistered: boolean): readonly VatMode[] {
  return vatRegistered ? ['exclusive', 'inclusive'] : ['none'];
}

/** A withholding percent as typed (3, 1.5) in basis points; null unless 0–15 % with at most two decimals. */
export function withholdingBasisPointsOf(percent: number): number | null {
  const basisPoints = Math.round(percent * 100);
  if (Math.abs(basisPoints - percent * 100) > 1e-6 || basisPoints < 0 || basisPoints > 1500) return null;
  return basisPoints;
}
