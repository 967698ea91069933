/** Number and date formatting for printed documents (deterministic, no locale data). */
import { formatDate, formatDateTime } from '../../domain/dates.ts';
import { formatBaht } from '../../domain/money.ts';
import type { DocumentLang } from '../document-model.ts';

export { formatBaht };

/** 1.5 → '1.5', 1000 → '1,000', 2.125 → '2.125' (at most 3 decimals, as the domain allows). */
export function formatQuantity(quantity: number): string {
  const [whole = '0', fraction] = (Math.round(quantity * 1000) / 1000).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** Negative display for deductions and discounts: '-1,234.50'. */
export function formatMinusBaht(satang: number): string {
  return satang === 0 ? formatBaht(0) : `-${formatBaht(satang)}`;
}

/** 'YYYY-MM-DD' as a long date: Buddhist era in Thai. */
export function printDate(date: string, lang: DocumentLang): string {
  return formatDate(date, lang, 'long');
}

/** A calendar date or an ISO instant (shown with Bangkok time). */
export function printDateOrDateTime(value: string, lang: DocumentLang): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return printDate(value, lang);
  return formatDateTime(new Date(value), lang);
}
