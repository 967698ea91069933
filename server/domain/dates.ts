/**
 * Bangkok time (UTC+7 all year: Thailand has no daylight saving). Calendar dates are
 * 'YYYY-MM-DD' strings so a due date never shifts with the server's time zone.
 * Month names come from tables rather than Intl so output is identical on every
 * machine, whatever ICU version Node was built with.
 */
import { validation } from './errors.ts';
import type { Lang } from './labels.ts';

export type { Lang };
export type DateStyle = 'long' | 'short';

export const BANGKOK_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = BANGKOK_OFFSET_MINUTES * 60_000;
export const DAY_MS = 86_400_000;
const BUDDHIST_ERA_OFFSET = 543;

const THAI_MONTHS_LONG = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'] as const;
const THAI_MONTHS_SHORT = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'] as const;
const ENGLISH_MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const ENGLISH_MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function requireInstant(instant: Date, field = 'instant'): number {
  const time = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(time)) throw validation(field, `${field} must be a valid date and time`);
  return time;
}

/** The instant shifted so that its UTC fields read as Bangkok wall-clock time. */
function bangkokWallClock(instant: Date): Date {
  return new Date(requireInstant(instant) + OFFSET_MS);
}

export function isValidCalendarDate(text: string): boolean {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return Number.isFinite(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

function requireCalendarDate(date: string, field = 'date'): number {
  if (!isValidCalendarDate(date)) throw validation(field, `${field} must be a calendar date YYYY-MM-DD`);
  return Date.parse(`${date}T00:00:00Z`);
}

export function bangkokDate(instant: Date): string {
  return bangkokWallClock(instant).toISOString().slice(0, 10);
}

export function bangkokYear(instant: Date): number {
  return bangkokWallClock(instant).getUTCFullYear();
}

export function bangkokHour(instant: Date): number {
  return bangkokWallClock(instant).getUTCHours();
}

/** The instant at which Bangkok's clock shows `date` `hour:minute:second.ms`. */
export function atBangkokTime(date: string, hour = 0, minute = 0, second = 0, ms = 0): Date {
  return new Date(requireCalendarDate(date) + (((hour * 60 + minute) * 60 + second) * 1000 + ms) - OFFSET_MS);
}

/** Last millisecond of `date` in Bangkok (23:59:59.999 +07:00). */
export function endOfBangkokDay(date: string): Date {
  return new Date(atBangkokTime(date).getTime() + DAY_MS - 1);
}

export function addDays(date: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw validation('days', 'days must be a whole number');
  return new Date(requireCalendarDate(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b`: positive when `b` is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((requireCalendarDate(b, 'b') - requireCalendarDate(a, 'a')) / DAY_MS);
}

function calendarParts(date: string | Date): { year: number; month: number; day: number } {
  if (typeof date === 'string') requireCalendarDate(date);
  const iso = typeof date === 'string' ? date : bangkokDate(date);
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/**
 * th: '25 พฤศจิกายน 2569' / '25 พ.ย. 2569' (Buddhist era, as Thai documents require);
 * en: '25 November 2026' / '25 Nov 2026'. A Date is shown as its Bangkok calendar day.
 */
export function formatDate(date: string | Date, lang: Lang, style: DateStyle = 'long'): string {
  const { year, month, day } = calendarParts(date);
  if (lang === 'th') {
    const months = style === 'long' ? THAI_MONTHS_LONG : THAI_MONTHS_SHORT;
    return `${day} ${months[month - 1]} ${year + BUDDHIST_ERA_OFFSET}`;
  }
  const months = style === 'long' ? ENGLISH_MONTHS_LONG : ENGLISH_MONTHS_SHORT;
  return `${day} ${months[month - 1]} ${year}`;
}

/** 'YYYY-MM' as th 'พฤศจิกายน 2569' (Buddhist era) or en 'November 2026'. */
export function formatMonth(month: string, lang: Lang): string {
  const { year, month: m } = calendarParts(`${month}-01`);
  return lang === 'th' ? `${THAI_MONTHS_LONG[m - 1]} ${year + BUDDHIST_ERA_OFFSET}` : `${ENGLISH_MONTHS_LONG[m - 1]} ${year}`;
}

/** Buddhist-era year of a Gregorian one (2026 → 2569). */
export function buddhistYear(gregorian: number): number {
  return gregorian + BUDDHIST_ERA_OFFSET;
}

export function gregorianYear(buddhist: number): number {
  return buddhist - BUDDHIST_ERA_OFFSET;
}

function bangkokClock(instant: Date): string {
  return bangkokWallClock(instant).toISOString().slice(11, 16);
}

/** th: '25 พ.ย. 2569 14:05 น.'; en: '25 Nov 2026, 14:05' — Bangkok time. */
export function formatDateTime(instant: Date, lang: Lang): string {
  const date = formatDate(instant, lang, 'short');
  return lang === 'th' ? `${date} ${bangkokClock(instant)} น.` : `${date}, ${bangkokClock(instant)}`;
}

/** '2026-11-25T14:05:00+07:00': seconds precision, for signatures and audit blocks people read. */
export function isoWithBangkokOffset(instant: Date): string {
  return `${bangkokWallClock(instant).toISOString().slice(0, 19)}+07:00`;
}
