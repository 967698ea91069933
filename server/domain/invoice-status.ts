/**
 * Invoice lifecycle: draft → sent → partially_paid → paid, and void from any unpaid
 * state. "Overdue" is derived from the due date for display and never stored, so it
 * cannot go stale.
 */
import { validation } from './errors.ts';
import { isValidCalendarDate } from './dates.ts';
import { defineStateMachine } from './state-machine.ts';

import type { InvoiceDisplayStatus, InvoiceStatus } from './labels.ts';

export type { InvoiceDisplayStatus, InvoiceStatus };

const invoiceMachine = defineStateMachine<InvoiceStatus>('Invoice', {
  draft: ['sent', 'void'],
  // A single payment can settle a sent invoice outright.
  sent: ['partially_paid', 'paid', 'void'],
  // Back to sent / partially_paid only when a payment recorded in error is voided.
  partially_paid: ['paid', 'void', 'sent'],
  paid: ['partially_paid', 'sent'],
  void: [],
});

export const INVOICE_STATUSES = invoiceMachine.statuses;
export const isInvoiceStatus = invoiceMachine.isStatus;

export function canTransitionInvoice(from: InvoiceStatus, to: InvoiceStatus): boolean {
  return invoiceMachine.canTransition(from, to);
}

export function assertInvoiceTransition(from: InvoiceStatus, to: InvoiceStatus): void {
  invoiceMachine.assertTransition(from, to);
}

function requireAmount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw validation(field, `${field} must be a whole, non-negative number of satang`);
}

/** Status of a sent invoice once `paidSatang` (sum of confirmed payments) has been received. */
export function invoiceStatusAfterPayment(netPayableSatang: number, paidSatang: number): 'sent' | 'partially_paid' | 'paid' {
  requireAmount(netPayableSatang, 'netPayableSatang');
  requireAmount(paidSatang, 'paidSatang');
  if (paidSatang >= netPayableSatang) return 'paid';
  return paidSatang > 0 ? 'partially_paid' : 'sent';
}

export function invoiceBalanceSatang(netPayableSatang: number, paidSatang: number): number {
  requireAmount(netPayableSatang, 'netPayableSatang');
  requireAmount(paidSatang, 'paidSatang');
  return Math.max(0, netPayableSatang - paidSatang);
}

/**
 * What an invoice asks to be paid now: the balance of a sent or partly paid invoice (net of
 * withholding, less confirmed payments), and nothing for a draft, a void or a paid invoice. The one
 * figure behind the portal's balance, its Pay QR and the QR printed on the invoice PDF.
 */
export function invoiceAmountDueSatang(invoice: { status: InvoiceStatus; netPayableSatang: number; paidSatang: number }): number {
  if (invoice.status !== 'sent' && invoice.status !== 'partially_paid') return 0;
  return invoiceBalanceSatang(invoice.netPayableSatang, invoice.paidSatang);
}

/**
 * Overdue when money is still owed (sent or partially paid, balance above 0.00) and the due day has
 * passed in Bangkok. A 0.00 invoice (e.g. fully discounted) is sent but owes nothing: never overdue.
 */
export function displayInvoiceStatus(status: InvoiceStatus, dueDate: string | null, today: string, balanceSatang: number): InvoiceDisplayStatus {
  if (!isValidCalendarDate(today)) throw validation('today', 'today must be a calendar date YYYY-MM-DD');
  requireAmount(balanceSatang, 'balanceSatang');
  if (dueDate === null) return status;
  if (!isValidCalendarDate(dueDate)) throw validation('dueDate', 'dueDate must be a calendar date YYYY-MM-DD');
  const owing = (status === 'sent' || status === 'partially_paid') && balanceSatang > 0;
  return owing && today > dueDate ? 'overdue' : status;
}
