/**
 * Amounts in words for receipts and tax invoices.
 *
 * Thai follows the Royal Institute standard (as Excel's BAHTTEXT): a final 1 after a
 * tens-or-higher digit is read เอ็ด (101 → หนึ่งร้อยเอ็ด, 1,000,001 → หนึ่งล้านเอ็ด),
 * 2 in the tens is ยี่ and 1 in the tens is just สิบ. Numbers above a million are read
 * recursively as "(count of millions) ล้าน (rest)", which gives หนึ่งล้านล้าน for 10^12.
 */
import { validation } from './errors.ts';

const THAI_DIGITS = ['ศูนย์', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'] as const;
const THAI_PLACES = ['', 'สิบ', 'ร้อย', 'พัน', 'หมื่น', 'แสน'] as const;
const MILLION = 1_000_000;

function requireAmount(satang: number): void {
  // Bad input must never be printed on a receipt as ศูนย์บาทถ้วน.
  if (typeof satang !== 'number' || !Number.isSafeInteger(satang) || satang < 0) {
    throw validation('satang', 'amount in words needs a whole, non-negative number of satang');
  }
}

/** Reads 0 < n < 1,000,000; `followsHigherDigits` says a larger part was already read. */
function thaiBelowMillion(n: number, followsHigherDigits: boolean): string {
  const digits = String(n).split('').map(Number).reverse();
  let words = '';
  for (let place = digits.length - 1; place >= 0; place -= 1) {
    const digit = digits[place] ?? 0;
    if (digit === 0) continue;
    if (place === 1) {
      words += (digit === 1 ? '' : digit === 2 ? 'ยี่' : THAI_DIGITS[digit]) + 'สิบ';
    } else if (place === 0 && digit === 1 && (followsHigherDigits || n > 1)) {
      words += 'เอ็ด';
    } else {
      words += THAI_DIGITS[digit] + THAI_PLACES[place]!;
    }
  }
  return words;
}

function thaiNumber(n: number, followsHigherDigits = false): string {
  if (n < MILLION) return thaiBelowMillion(n, followsHigherDigits);
  const millions = Math.floor(n / MILLION);
  const rest = n % MILLION;
  return thaiNumber(millions, followsHigherDigits) + 'ล้าน' + (rest === 0 ? '' : thaiBelowMillion(rest, true));
}

export function bahtText(satang: number): string {
  requireAmount(satang);
  const baht = Math.floor(satang / 100);
  const fraction = satang % 100;
  if (baht === 0 && fraction === 0) return 'ศูนย์บาทถ้วน';
  const bahtPart = baht === 0 ? '' : thaiNumber(baht) + 'บาท';
  return bahtPart + (fraction === 0 ? 'ถ้วน' : thaiNumber(fraction) + 'สตางค์');
}

const ENGLISH_ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
] as const;
const ENGLISH_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;
const ENGLISH_SCALES = ['', 'thousand', 'million', 'billion', 'trillion'] as const;

function englishBelowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (hundreds > 0) parts.push(`${ENGLISH_ONES[hundreds]} hundred`);
  if (rest >= 20) {
    const ones = rest % 10;
    parts.push(ENGLISH_TENS[Math.floor(rest / 10)]! + (ones ? `-${ENGLISH_ONES[ones]}` : ''));
  } else if (rest > 0) {
    parts.push(ENGLISH_ONES[rest]!);
  }
  return parts.join(' ');
}

/** Short scale, no "and" inside numbers (cheque style): 1234 → "one thousand two hundred thirty-four". */
function englishNumber(n: number): string {
  if (n === 0) return 'zero';
  const groups: string[] = [];
  for (let scale = 0; n > 0; scale += 1, n = Math.floor(n / 1000)) {
    const group = n % 1000;
    if (group === 0) continue;
    const scaleWord = ENGLISH_SCALES[scale];
    // Beyond trillions (more than MAX_SAFE_INTEGER baht never happens) the scale word would be missing.
    if (scaleWord === undefined) throw validation('satang', 'amount is too large to write in words');
    groups.unshift(englishBelowThousand(group) + (scaleWord ? ` ${scaleWord}` : ''));
  }
  return groups.join(' ');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "One thousand two hundred thirty-four baht and fifty satang"; "… baht only" without satang. */
export function englishAmountText(satang: number): string {
  requireAmount(satang);
  const baht = Math.floor(satang / 100);
  const fraction = satang % 100;
  if (fraction === 0) return capitalize(`${englishNumber(baht)} baht only`);
  if (baht === 0) return capitalize(`${englishNumber(fraction)} satang`);
  return capitalize(`${englishNumber(baht)} baht and ${englishNumber(fraction)} satang`);
}
