/**
 * Statement of account (ใบแจ้งยอดบัญชี): what a customer owes over a period. Debits are issued
 * invoices (their net payable, what the customer transfers after withholding), credits are
 * confirmed payments; drafts, void invoices and voided payments are no part of it, and security
 * deposits are held money, not part of the balance. Entries run in date order (an invoice before
 * a payment on the same day) with a running balance, grouped by month; everything before the
 * period is the opening balance.
 */
import { buddhistYear, gregorianYear, isValidCalendarDate } from './dates.ts';
import { DomainError, validation } from './errors.ts';

export interface StatementPeriod {
  /** First day included, 'YYYY-MM-DD'. */
  from: string;
  /** Last day included, 'YYYY-MM-DD'. */
  to: string;
}

export interface StatementEntry {
  date: string;
  kind: 'invoice' | 'payment';
  /** The document that records it: the invoice number, or the payment's receipt number. */
  documentNumber: string;
  debitSatang: number;
  creditSatang: number;
}

export type StatementRow<E extends StatementEntry = StatementEntry> = E & { balanceSatang: number };

export interface StatementMonth<E extends StatementEntry = StatementEntry> {
  /** 'YYYY-MM'. */
  month: string;
  rows: StatementRow<E>[];
}

/** Entries may carry more (a description): it is kept on their rows. */
export interface AccountStatement<E extends StatementEntry = StatementEntry> {
  period: StatementPeriod;
  openingBalanceSatang: number;
  months: StatementMonth<E>[];
  totalDebitSatang: number;
  totalCreditSatang: number;
  closingBalanceSatang: number;
}

/** Names the statement of `today` (its file, the portal's document number): statements are not numbered records. */
export const statementNumber = (today: string): string => `STM-${today}`;

/** Statements start at the first BE year this software could hold data for. */
const FIRST_YEAR_BE = 2560;

/** The default: the 12 calendar months up to today (the current month so far and the 11 before). */
export function lastTwelveMonths(today: string): StatementPeriod {
  if (!isValidCalendarDate(today)) throw validation('today', 'today must be a calendar date YYYY-MM-DD');
  const [year, month] = today.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 1 - 11, 1)).toISOString().slice(0, 10);
  return { from: start, to: today };
}

/** A Buddhist-era year as typed ('2569'): that calendar year, up to today for the current one. */
export function buddhistYearPeriod(year: unknown, today: string): StatementPeriod {
  const text = typeof year === 'string' ? year.trim() : '';
  const current = buddhistYear(Number(today.slice(0, 4)));
  if (!/^\d{4}$/.test(text) || Number(text) < FIRST_YEAR_BE || Number(text) > current) {
    throw new DomainError('VALIDATION', `year must be a Buddhist-era year from ${FIRST_YEAR_BE} to ${current}`, { field: 'year', reason: 'statement_year' });
  }
  const gregorian = gregorianYear(Number(text));
  const end = `${gregorian}-12-31`;
  return { from: `${gregorian}-01-01`, to: end < today ? end : today };
}

const order = (a: StatementEntry, b: StatementEntry): number =>
  a.date.localeCompare(b.date) || (a.kind === b.kind ? 0 : a.kind === 'invoice' ? -1 : 1) || a.documentNumber.localeCompare(b.documentNumber);

export function buildAccountStatement<E extends StatementEntry>(entries: readonly E[], period: StatementPeriod): AccountStatement<E> {
  if (!isValidCalendarDate(period.from) || !isValidCalendarDate(period.to) || period.from > period.to) {
    throw validation('period', 'the period must run from one calendar date to a later one');
  }
  for (const e of entries) {
    if (!isValidCalendarDate(e.date)) throw validation('date', `${e.documentNumber}: date must be a calendar date YYYY-MM-DD`);
    for (const amount of [e.debitSatang, e.creditSatang]) {
      if (!Number.isSafeInteger(amount) || amount < 0) throw validation('amountSatang', `${e.documentNumber}: amounts are whole, non-negative satang`);
    }
  }
  const sorted = [...entries].sort(order);
  const opening = sorted.filter((e) => e.date < period.from).reduce((sum, e) => sum + e.debitSatang - e.creditSatang, 0);
  const months: StatementMonth<E>[] = [];
  let balance = opening;
  let debit = 0;
  let credit = 0;
  for (const e of sorted) {
    if (e.date < period.from || e.date > period.to) continue;
    balance += e.debitSatang - e.creditSatang;
    debit += e.debitSatang;
    credit += e.creditSatang;
    const month = e.date.slice(0, 7);
    let group = months.at(-1);
    if (group?.month !== month) {
      group = { month, rows: [] };
      months.push(group);
    }
    group.rows.push({ ...e, balanceSatang: balance });
  }
  return { period, openingBalanceSatang: opening, months, totalDebitSatang: debit, totalCreditSatang: credit, closingBalanceSatang: balance };
}
