import { describe, expect, it } from 'vitest';
import {
  INVOICE_STATUSES,
  assertInvoiceTransition,
  canTransitionInvoice,
  displayInvoiceStatus,
  invoiceBalanceSatang,
  invoiceStatusAfterPayment,
  type InvoiceDisplayStatus,
  type InvoiceStatus,
} from '../../server/domain/transitions.ts';
import { expectDomainError } from './expect-domain-error.ts';

const ALLOWED: ReadonlyArray<[InvoiceStatus, InvoiceStatus]> = [
  ['draft', 'sent'],
  ['draft', 'void'],
  ['sent', 'partially_paid'],
  ['sent', 'paid'],
  ['sent', 'void'],
  ['partially_paid', 'paid'],
  ['partially_paid', 'void'],
  // A voided payment gives its amount back to the balance.
  ['partially_paid', 'sent'],
  ['paid', 'partially_paid'],
  ['paid', 'sent'],
];
const allPairs = INVOICE_STATUSES.flatMap((from) => INVOICE_STATUSES.map((to) => [from, to] as [InvoiceStatus, InvoiceStatus]));
const isAllowed = (from: InvoiceStatus, to: InvoiceStatus): boolean => ALLOWED.some(([f, t]) => f === from && t === to);

describe('invoice transitions', () => {
  it.each(allPairs.map(([from, to]) => [from, to, isAllowed(from, to)] as const))('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransitionInvoice(from, to)).toBe(allowed);
    if (allowed) expect(() => assertInvoiceTransition(from, to)).not.toThrow();
    else expectDomainError(() => assertInvoiceTransition(from, to), 'CONFLICT');
  });

  it('says a paid invoice cannot be voided', () => {
    expect(expectDomainError(() => assertInvoiceTransition('paid', 'void'), 'CONFLICT').message).toBe('Invoice cannot go from paid to void');
  });
});

describe('invoiceStatusAfterPayment and balance', () => {
  it.each([
    [311999, 0, 'sent', 311999],
    [311999, 1, 'partially_paid', 311998],
    [311999, 311998, 'partially_paid', 1],
    [311999, 311999, 'paid', 0],
    [311999, 400000, 'paid', 0],
    [0, 0, 'paid', 0],
  ] as const)('net %s, paid %s → %s, balance %s', (net, paid, status, balance) => {
    expect(invoiceStatusAfterPayment(net, paid)).toBe(status);
    expect(invoiceBalanceSatang(net, paid)).toBe(balance);
  });

  it.each([
    [-1, 0, 'netPayableSatang'],
    [100, 0.5, 'paidSatang'],
    [Number.NaN, 0, 'netPayableSatang'],
  ])('refuses net %s, paid %s', (net, paid, field) => {
    expectDomainError(() => invoiceStatusAfterPayment(net, paid), 'VALIDATION', field);
    expectDomainError(() => invoiceBalanceSatang(net, paid), 'VALIDATION', field);
  });
});

describe('displayInvoiceStatus', () => {
  it.each<[InvoiceStatus, string | null, string, number, InvoiceDisplayStatus]>([
    ['sent', '2026-11-30', '2026-11-30', 1000, 'sent'], // due today is not overdue yet
    ['sent', '2026-11-30', '2026-12-01', 1000, 'overdue'],
    ['partially_paid', '2026-11-30', '2026-12-01', 1, 'overdue'],
    ['partially_paid', '2026-11-30', '2026-11-29', 1000, 'partially_paid'],
    ['paid', '2026-11-30', '2027-01-01', 0, 'paid'],
    ['void', '2026-11-30', '2027-01-01', 1000, 'void'],
    ['draft', '2026-11-30', '2027-01-01', 1000, 'draft'],
    ['sent', null, '2027-01-01', 1000, 'sent'],
    // Nothing owed, nothing overdue: a 0.00 invoice, or one whose balance reached 0.00.
    ['sent', '2026-11-30', '2027-01-01', 0, 'sent'],
    ['partially_paid', '2026-11-30', '2027-01-01', 0, 'partially_paid'],
  ])('%s due %s on %s, balance %i satang → %s', (status, dueDate, today, balanceSatang, expected) => {
    expect(displayInvoiceStatus(status, dueDate, today, balanceSatang)).toBe(expected);
  });

  it.each([
    ['2026-11-31', '2026-12-01', 'dueDate'],
    ['2026-11-30', 'today', 'today'],
  ])('refuses bad dates (%s, %s)', (dueDate, today, field) => {
    expectDomainError(() => displayInvoiceStatus('sent', dueDate, today, 1000), 'VALIDATION', field);
  });
});
