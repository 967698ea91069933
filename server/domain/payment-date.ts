/**
 * The day money arrived, as staff type it when recording a payment. It is the VAT tax point for
 * services (the tax invoice carries it), so it must be a real past day: never in the future, and
 * not long before the invoice it pays (an earlier transfer is a deposit or a typo, not this bill).
 */
import { validation } from './errors.ts';
import { addDays, isValidCalendarDate } from './dates.ts';

/** Money may arrive a little before the invoice is issued (a client paying from the quote). */
export const PAYMENT_BEFORE_ISSUE_MAX_DAYS = 31;

export function checkPaymentDate(input: { receivedOn: string; today: string; invoiceIssueDate: string }): void {
  const { receivedOn, today, invoiceIssueDate } = input;
  if (!isValidCalendarDate(receivedOn)) throw validation('receivedOn', 'receivedOn must be a date YYYY-MM-DD');
  if (receivedOn > today) throw validation('receivedOn', `receivedOn cannot be in the future (today is ${today})`);
  const earliest = addDays(invoiceIssueDate, -PAYMENT_BEFORE_ISSUE_MAX_DAYS);
  if (receivedOn < earliest) {
    throw validation(
      'receivedOn',
      `receivedOn must not be more than ${PAYMENT_BEFORE_ISSUE_MAX_DAYS} days before the invoice's issue date ${invoiceIssueDate} (${earliest} at the earliest)`,
    );
  }
}
