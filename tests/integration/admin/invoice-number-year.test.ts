/**
 * Invoice numbers run per year, so an invoice is numbered in the year of its issue date: a
 * December invoice typed in January is INV-<December's year>-…, never dated outside its number.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
let customerId: string;
beforeAll(async () => {
  t = await startTestApp({ now: '2027-01-04T03:00:00.000Z' });
  await t.adminOk('saveBusiness', { body: VAT_BUSINESS });
  customerId = (await t.adminOk('createCustomer', { body: { name: 'คุณปีใหม่', phone: '0833333333' } })).id;
});
afterAll(() => t.stop());

const invoice = (issueDate?: string) =>
  t.adminOk('createInvoice', {
    body: { customerId, ...(issueDate ? { issueDate } : {}), dueDate: '2027-01-31', lines: [{ description: 'ค่าเช่าไฟ', quantity: 1, unitPriceSatang: 100000 }] },
  });

describe('invoice number and issue date', () => {
  it('numbers each invoice in the year of its issue date', async () => {
    const december = await invoice('2026-12-30');
    expect(december.number).toBe('INV-2026-0001');
    expect(december.issueDate).toBe('2026-12-30');
    const today = await invoice();
    expect(today.number).toBe('INV-2027-0001');
    const later = await invoice('2027-01-20');
    expect(later.number).toBe('INV-2027-0002');
    const anotherDecember = await invoice('2026-12-31');
    expect(anotherDecember.number).toBe('INV-2026-0002');
    for (const inv of [december, today, later, anotherDecember]) expect(inv.number.slice(4, 8)).toBe(inv.issueDate.slice(0, 4));
  });
});
