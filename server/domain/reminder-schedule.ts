/**
 * Payment reminder schedule: which reminder (by day offset from the due date) is due,
 * and when messages may go out (09:00–20:00 Bangkok, so nobody is pinged at night).
 */
import { addDays, atBangkokTime, bangkokDate, bangkokHour, daysBetween } from './dates.ts';
import { validation } from './errors.ts';
import type { InvoiceStatus } from './invoice-status.ts';

/** Days relative to the due date: 3 days before, on the day, then 3, 7 and 14 days late. */
export const DEFAULT_REMINDER_OFFSETS: readonly number[] = [-3, 0, 3, 7, 14];
export const MAX_REMINDERS_PER_INVOICE = 5;
export const SENDING_WINDOW_START_HOUR = 9;
export const SENDING_WINDOW_END_HOUR = 20;

export interface DueReminderInput {
  dueDate: string;
  now: Date;
  /** Offsets already sent (or skipped) for this invoice. */
  alreadySent: readonly number[];
  offsets?: readonly number[];
}

/** Reminders stop the moment an invoice is paid or voided; drafts were never sent; a 0.00 balance asks for nothing. */
export function isRemindable(status: InvoiceStatus, balanceSatang: number): boolean {
  return (status === 'sent' || status === 'partially_paid') && balanceSatang > 0;
}

/**
 * The offset to send now, as a list of zero or one.
 *
 * When several are due at once (the invoice was issued late, or reminders were paused
 * or the server was down), only the latest is sent: three "please pay" messages in one
 * minute read as spam, and the latest one already says the right thing. Offsets at or
 * before the latest one sent are never picked up afterwards, so the skipped ones do not
 * trickle out later either.
 */
export function dueReminderOffsets(input: DueReminderInput): number[] {
  const offsets = input.offsets ?? DEFAULT_REMINDER_OFFSETS;
  if (!offsets.every(Number.isSafeInteger)) throw validation('offsets', 'reminder offsets must be whole days');
  if (input.alreadySent.length >= MAX_REMINDERS_PER_INVOICE) return [];
  const daysSinceDue = daysBetween(input.dueDate, bangkokDate(input.now));
  const latestSent = Math.max(-Infinity, ...input.alreadySent);
  const due = offsets.filter((offset) => offset <= daysSinceDue && offset > latestSent);
  return due.length === 0 ? [] : [Math.max(...due)];
}

export function isWithinSendingWindow(now: Date): boolean {
  const hour = bangkokHour(now);
  return hour >= SENDING_WINDOW_START_HOUR && hour < SENDING_WINDOW_END_HOUR;
}

/**
 * Kinds of client message that keep quiet hours whenever they would go out — when queued, when
 * retried after a failure, when re-routed to another channel — not only when the schedule queues
 * them: a "please pay" ping at 02:00 reads the same whether it was queued at 02:00 or retried then.
 */
export const QUIET_HOURS_KINDS: readonly string[] = ['payment_reminder'];

export function keepsQuietHours(kind: string): boolean {
  return QUIET_HOURS_KINDS.includes(kind);
}

/** When a message of `kind` that is ready at `ready` may be delivered: at once, or at the next 09:00 Bangkok. */
export function deliverableAt(kind: string, ready: Date): Date {
  return keepsQuietHours(kind) ? nextSendingWindowStart(ready) : ready;
}

/**
 * The earliest instant at or after `now` when sending is allowed: `now` itself inside
 * the window, otherwise 09:00 Bangkok today (early morning) or tomorrow (evening).
 */
export function nextSendingWindowStart(now: Date): Date {
  if (isWithinSendingWindow(now)) return new Date(now.getTime());
  const today = bangkokDate(now);
  const day = bangkokHour(now) < SENDING_WINDOW_START_HOUR ? today : addDays(today, 1);
  return atBangkokTime(day, SENDING_WINDOW_START_HOUR);
}
