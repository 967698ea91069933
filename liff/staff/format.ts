/** Display formatting (dates, amounts typed by staff); the portal's formatters, Thai times with น. */
import { formatDate, formatDateTime as portalDateTime, formatQuantity } from '../src/format.ts';
import type { Lang } from './i18n.ts';

export { formatDate, formatQuantity };

export function formatDateTime(lang: Lang, iso: string): string {
  return portalDateTime(lang, iso, lang === 'th' ? ' น.' : '');
}

const BAHT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/** "1,234.5" → 123450 satang; null when it is not an amount (the field shows the hint). */
export function satangOf(text: string): number | null {
  const match = BAHT.exec(text.trim().replace(/^฿\s*/, ''));
  if (!match) return null;
  const whole = Number(match[1]!.replace(/,/g, ''));
  const satang = whole * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(satang) ? satang : null;
}

/** 123450 → "1234.50": what an edit field starts with. */
export function bahtInput(satang: number): string {
  return `${Math.floor(satang / 100)}.${String(satang % 100).padStart(2, '0')}`;
}

/** Today (Bangkok) plus `days`, as YYYY-MM-DD. */
export function bangkokDay(days = 0): string {
  return new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
