/**
 * Words a Thai reader expects never to see cut across two lines. Thai is written without
 * spaces, and the ICU dictionary behind Intl.Segmenter does not know most loanwords and
 * equipment names: it splits "โปรเจกเตอร์" into โปร|เจ|ก|เตอร์, and a printed line could end
 * in "เครื่องโปร". Documents keep every word of this list (and the business's own list,
 * Business.keepWholeWords) whole; a line may still break before or after it.
 */

import { DOCUMENT_KIND_LABELS, RECEIPT_TYPE_LABELS } from './labels.ts';

/** Document titles (ใบกำกับภาษี, ใบเสร็จรับเงิน…), written once in labels.ts. */
const DOCUMENT_TITLES = [...Object.values(DOCUMENT_KIND_LABELS), ...Object.values(RECEIPT_TYPE_LABELS)]
  .flatMap((label) => label.th.split('/'))
  .filter((title) => !/\s/u.test(title));

/** Common loanwords, equipment and document terms (AV rental, events, air conditioning, IT). */
export const BUILT_IN_KEEP_WHOLE_WORDS: readonly string[] = [
  ...DOCUMENT_TITLES,
  // document terms
  'ภาษีมูลค่าเพิ่ม',
  'เลขประจำตัวผู้เสียภาษี',
  'สำนักงานใหญ่',
  'ผู้มีอำนาจลงนาม',
  // audio-visual and events
  'เครื่องโปรเจกเตอร์',
  'เครื่องโปรเจคเตอร์',
  'โปรเจกเตอร์',
  'โปรเจคเตอร์',
  'มิวสิกวิดีโอ',
  'มิวสิควิดีโอ',
  'มิวสิก',
  'มิวสิค',
  'วิดีโอ',
  'ไมโครโฟน',
  'ไมค์',
  'ลำโพง',
  'ลูเมน',
  'ซับวูฟเฟอร์',
  'แอมพลิฟายเออร์',
  'มิกเซอร์',
  'สวิตเชอร์',
  'สวิทเชอร์',
  'แอลอีดี',
  'ทริปพอด',
  'กิมบอล',
  'โดรน',
  'สตูดิโอ',
  'โปรดักชั่น',
  'โปรดักชัน',
  'สตรีมมิ่ง',
  'ไลฟ์สตรีม',
  'คอนเสิร์ต',
  'อีเวนต์',
  'อีเว้นท์',
  'ทรัสเวที',
  'เครื่องเสียง',
  'เครื่องปั่นไฟ',
  'เจเนอเรเตอร์',
  'เอชดีเอ็มไอ',
  'บลูทูธ',
  'อุปกรณ์',
  // IT and office
  'คอมพิวเตอร์',
  'โน้ตบุ๊ก',
  'โน้ตบุ๊ค',
  'แล็ปท็อป',
  'แท็บเล็ต',
  'ปริ้นเตอร์',
  'พริ้นเตอร์',
  'สแกนเนอร์',
  'เซิร์ฟเวอร์',
  'เราเตอร์',
  'อินเทอร์เน็ต',
  'ออนไลน์',
  'ซอฟต์แวร์',
  'ฮาร์ดแวร์',
  'โปรแกรม',
  'ดิจิทัล',
  'ดิจิตอล',
  'แพ็กเกจ',
  'แพ็คเกจ',
  // air conditioning and electrical
  'เครื่องปรับอากาศ',
  'คอมเพรสเซอร์',
  'คาปาซิเตอร์',
  'อินเวอร์เตอร์',
  'เบรกเกอร์',
  'เซ็นเซอร์',
  'ฟิลเตอร์',
  'รีโมท',
  'รีโมต',
  'แบตเตอรี่',
  'อะแดปเตอร์',
];

export const KEEP_WHOLE_WORD_LIMITS = { maxWords: 200, minLength: 2, maxLength: 40 } as const;

export type KeepWholeWordProblem = 'whitespace' | 'too_short' | 'too_long';

export const KEEP_WHOLE_WORD_MESSAGES: Record<KeepWholeWordProblem, string> = {
  whitespace: 'must be one word without spaces (a line may already break at a space) / ต้องเป็นคำเดียว ไม่มีช่องว่าง',
  too_short: `must be at least ${KEEP_WHOLE_WORD_LIMITS.minLength} characters / ต้องยาวอย่างน้อย ${KEEP_WHOLE_WORD_LIMITS.minLength} ตัวอักษร`,
  too_long: `must be at most ${KEEP_WHOLE_WORD_LIMITS.maxLength} characters / ต้องยาวไม่เกิน ${KEEP_WHOLE_WORD_LIMITS.maxLength} ตัวอักษร`,
};

/** Why `word` (already trimmed) cannot be a keep-whole word, or null when it can. */
export function keepWholeWordProblem(word: string): KeepWholeWordProblem | null {
  if (/\s/u.test(word)) return 'whitespace';
  const length = [...word].length;
  if (length < KEEP_WHOLE_WORD_LIMITS.minLength) return 'too_short';
  if (length > KEEP_WHOLE_WORD_LIMITS.maxLength) return 'too_long';
  return null;
}

/** The list as stored (one word per line): NFC, trimmed, without blanks or repeats. */
export function storedKeepWholeWords(words: readonly string[]): string {
  const unique: string[] = [];
  for (const raw of words) {
    const word = raw.normalize('NFC').trim();
    if (word && !unique.includes(word)) unique.push(word);
  }
  return unique.join('\n');
}

export function readKeepWholeWords(stored: string): string[] {
  return stored.split('\n').filter((word) => word !== '');
}
