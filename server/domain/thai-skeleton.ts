/**
 * A Thai name's "skeleton": without tone marks, mai taikhu and thanthakhat, and with sound-alike
 * letters merged ('สมช้าย' ~ 'สมชาย', 'ฟ้าไส' ~ 'ฟ้าใส', 'ศรี' ~ 'สรี'), because a wrong or missing
 * tone mark is the most common Thai typo. Written as data so the search index (SQL) applies the
 * very same rule as the ranking.
 */

/** U+0E47..U+0E4C: ็ ่ ้ ๊ ๋ ์ */
export const THAI_DROPPED_MARKS = ['\u0e47', '\u0e48', '\u0e49', '\u0e4a', '\u0e4b', '\u0e4c'] as const;

/** Letters people confuse when they spell a name they heard: same sound, different letter. */
export const THAI_SOUND_ALIKE: Readonly<Record<string, string>> = { ใ: 'ไ', ศ: 'ส', ษ: 'ส', ณ: 'น', ฬ: 'ล', ญ: 'ย' };

const DROPPED = /[\u0e47-\u0e4c]/g;
const ALIKE = new RegExp(`[${Object.keys(THAI_SOUND_ALIKE).join('')}]`, 'g');

export function thaiSkeleton(text: string): string {
  return text.replace(DROPPED, '').replace(ALIKE, (c) => THAI_SOUND_ALIKE[c] ?? c);
}
