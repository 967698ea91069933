import { describe, expect, it } from 'vitest';
import { invoiceAmountDueSatang, type InvoiceStatus } from '../../server/domain/invoice-status.ts';
import { depositRequestStamp, invoiceStamp, type RequestStamp } from '../../server/domain/request-stamp.ts';

describe('what an invoice asks to be paid, and its stamp', () => {
  it.each<[InvoiceStatus, number, number, number, RequestStamp | null]>([
    ['draft', 10_000, 0, 0, 'draft'],
    ['sent', 10_000, 0, 10_000, null],
    ['sent', 0, 0, 0, null], // a 0.00 invoice asks for nothing and is not "paid" either
    ['partially_paid', 10_000, 3_000, 7_000, 'partially_paid'],
    ['paid', 10_000, 10_000, 0, 'paid'],
    ['void', 10_000, 0, 0, 'void'],
  ])('%s, net %i, paid %i → due %i, stamp %s', (status, netPayableSatang, paidSatang, due, stamp) => {
    expect(invoiceAmountDueSatang({ status, netPayableSatang, paidSatang })).toBe(due);
    expect(invoiceStamp({ status, paidSatang }, due)).toBe(stamp);
  });
});

describe('a deposit request stamp', () => {
  it.each<[number, number, number, number, RequestStamp | null]>([
    [5_000, 0, 0, 0, null],
    [5_000, 2_000, 0, 0, 'partially_paid'],
    [5_000, 5_000, 0, 0, 'collected'],
    [5_000, 5_000, 4_000, 1_000, 'collected'], // later returned: it was still collected
    [5_000, 2_000, 2_000, 0, 'collected'], // settled after a part collection: nothing more is asked
  ])('required %i, held %i, returned %i, deducted %i → %s', (requiredSatang, heldSatang, returnedSatang, deductedSatang, stamp) => {
    expect(depositRequestStamp({ requiredSatang, heldSatang, returnedSatang, deductedSatang })).toBe(stamp);
  });
});
