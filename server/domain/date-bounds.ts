/**
 * How far ahead (or back) the dates staff type may reach. Without a bound, "9999-12-31" makes a
 * quote link that never expires and an invoice that is never overdue. All dates are Bangkok
 * calendar days ('YYYY-MM-DD'); "today" is the caller's Bangkok date.
 */
import { validation } from './errors.ts';
import { isValidCalendarDate } from './dates.ts';

/** A quote is an offer: it may stay open for at most a year after its issue date. */
export const QUOTE_VALID_MAX_YEARS = 1;
/** Payment terms longer than this are a typo (2062 for 2026), not a deal. */
export const INVOICE_DUE_MAX_YEARS = 2;
/** Issue dates and job dates lie within this many years of today, either way. */
export const DATE_RANGE_YEARS = 2;

/** The same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = String(y + years).padStart(4, '0');
  const candidate = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isValidCalendarDate(candidate) ? candidate : `${year}-${String(m).padStart(2, '0')}-28`;
}

function requireDate(field: string, value: string): void {
  if (!isValidCalendarDate(value)) throw validation(field, `${field} must be a date YYYY-MM-DD`);
}

function requireNearToday(field: string, value: string, today: string): void {
  requireDate(field, value);
  const earliest = addYears(today, -DATE_RANGE_YEARS);
  const latest = addYears(today, DATE_RANGE_YEARS);
  if (value < earliest || value > latest) {
    throw validation(field, `${field} must be within ${DATE_RANGE_YEARS} years of today (${earliest} to ${latest})`);
  }
}

export function checkQuoteDates(input: { issueDate: string; validUntil: string; today: string }): void {
  requireNearToday('issueDate', input.issueDate, input.today);
  requireDate('validUntil', input.validUntil);
  if (input.validUntil < input.issueDate) throw validation('validUntil', 'validUntil must not be before the issue date');
  const latest = addYears(input.issueDate, QUOTE_VALID_MAX_YEARS);
  if (input.validUntil > latest) {
    throw validation('validUntil', `validUntil must be at most one year after the issue date (${latest} at the latest)`);
  }
}

export function checkInvoiceDates(input: { issueDate: string; dueDate: string; today: string }): void {
  requireNearToday('issueDate', input.issueDate, input.today);
  requireDate('dueDate', input.dueDate);
  if (input.dueDate < input.issueDate) throw validation('dueDate', 'dueDate must not be before the issue date');
  const latest = addYears(input.issueDate, INVOICE_DUE_MAX_YEARS);
  if (input.dueDate > latest) {
    throw validation('dueDate', `dueDate must be at most ${INVOICE_DUE_MAX_YEARS} years after the issue date (${latest} at the latest)`);
  }
}

export function checkJobDates(input: { startDate?: string | null; endDate?: string | null; today: string }): void {
  if (input.startDate != null) requireNearToday('startDate', input.startDate, input.today);
  if (input.endDate != null) requireNearToday('endDate', input.endDate, input.today);
  if (input.startDate && input.endDate && input.endDate < input.startDate) {
    throw validation('endDate', 'endDate must not be before startDate');
  }
}
