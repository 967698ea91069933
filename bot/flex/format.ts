/**
 * Text and value formatting for Flex messages: clamping customer-supplied text to safe
 * lengths (cut on grapheme boundaries so Thai vowels and tone marks stay on their
 * consonant); dates and money are the domain's formatters, the same as email, SMS and PDFs.
 */
import { formatDate as formatDomainDate, formatDateTime as formatDomainDateTime } from '../../server/domain/dates.ts';
import { pick, type Lang } from '../../server/domain/labels.ts';
import { formatBahtWithSymbol } from '../../server/domain/money.ts';

export { pick, type Lang };

/** Safe lengths (UTF-16 code units) for customer/staff-supplied text inside a bubble. */
export const MAX = {
  name: 80,
  business: 60,
  title: 100,
  docNumber: 40,
  stage: 40,
  reason: 300,
  note: 300,
  altText: 400,
  quickReplyLabel: 20,
  buttonLabel: 40,
  url: 1000,
} as const;

const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });
// C0/C1 controls except \n, plus bidi overrides and zero-width characters that can disguise text.
const CONTROL_RE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/**
 * Cleans and shortens text for display: removes control/bidi characters, collapses
 * whitespace (newlines too unless `multiline`), and cuts to at most `max` code units on a
 * grapheme boundary with a trailing "…". Empty results become `fallback` ('-' by default),
 * because LINE refuses an empty Flex text.
 */
export function clampText(value: string | null | undefined, max: number, options: { multiline?: boolean; fallback?: string } = {}): string {
  const fallback = options.fallback ?? '-';
  if (value === null || value === undefined) return fallback;
  let text = String(value).replace(CONTROL_RE, '');
  text = options.multiline
    ? text
        .replace(/[^\S\n]+/g, ' ')
        .replace(/ *\n */g, '\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim()
    : text.replace(/\s+/g, ' ').trim();
  if (text.length === 0) return fallback;
  if (text.length <= max) return text;
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  return `${out.trimEnd()}…`;
}

/** '2025-01-15' -> '15 ม.ค. 2568' (th, Buddhist era) / '15 Jan 2025' (en): the domain's short date. */
export function formatDate(ymd: string, lang: Lang): string {
  return formatDomainDate(ymd, lang, 'short');
}

/** An instant (ISO string or Date) in Bangkok time: '25 พ.ย. 2569 20:20 น.' / '25 Nov 2026, 20:20'. */
export function formatDateTime(instant: string | Date, lang: Lang): string {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date-time: ${String(instant)}`);
  return formatDomainDateTime(date, lang);
}

/** '฿1,234.50' (th) / 'THB 1,234.50' (en). Throws on a non-integer satang amount. */
export function money(satang: number, lang: Lang): string {
  return formatBahtWithSymbol(satang, lang);
}

/** A button/link target: http(s) only, at most 1000 characters (LINE's URI action limit). Never shortened. */
export function requireUrl(url: string, field = 'url'): string {
  if (typeof url !== 'string' || !/^https?:\/\/[^\s]+$/i.test(url)) throw new RangeError(`${field} must be an http(s) URL`);
  if (url.length > MAX.url) throw new RangeError(`${field} is longer than ${MAX.url} characters`);
  return url;
}

/** An image URL for Flex: https only (LINE refuses other schemes), at most 2000 characters. */
export function requireImageUrl(url: string, field = 'imageUrl'): string {
  if (typeof url !== 'string' || !/^https:\/\/[^\s]+$/i.test(url)) throw new RangeError(`${field} must be an https URL`);
  if (url.length > 2000) throw new RangeError(`${field} is longer than 2000 characters`);
  return url;
}
