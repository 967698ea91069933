/**
 * Text and value formatting for Flex messages: clamping customer-supplied text to safe
 * lengths (cut on grapheme boundaries so Thai vowels and tone marks stay on their
 * consonant), dates in Thai (Buddhist era) or English, money via the domain helper.
 */
import { formatBahtWithSymbol } from '../../server/domain/money.ts';

export type Lang = 'th' | 'en';

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
    ? text.replace(/[^\S\n]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim()
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

const YMD_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseYmd(ymd: string): Date {
  const m = YMD_RE.exec(ymd);
  if (!m) throw new RangeError(`date must be YYYY-MM-DD, got ${JSON.stringify(ymd)}`);
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date.getUTCFullYear() !== Number(m[1]) || date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3])) {
    throw new RangeError(`not a calendar date: ${ymd}`);
  }
  return date;
}

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  th: new Intl.DateTimeFormat('th-TH', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
};
const dateTimeFormats: Record<Lang, Intl.DateTimeFormat> = {
  th: new Intl.DateTimeFormat('th-TH', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Bangkok' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Bangkok' }),
};

/** '2025-01-15' -> '15 ม.ค. 2568' (th, Buddhist era) / '15 Jan 2025' (en). */
export function formatDate(ymd: string, lang: Lang): string {
  return dateFormats[lang].format(parseYmd(ymd));
}

/** An instant (ISO string or Date) in Bangkok time: '25 พ.ย. 2569 20:20' / '25 Nov 2026, 20:20'. */
export function formatDateTime(instant: string | Date, lang: Lang): string {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date-time: ${String(instant)}`);
  return dateTimeFormats[lang].format(date);
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

export function pick<T>(lang: Lang, th: T, en: T): T {
  return lang === 'th' ? th : en;
}
