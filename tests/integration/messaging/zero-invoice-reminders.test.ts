/**
 * An invoice that asks for 0.00 (or whose balance is 0.00) owes nothing: it is never shown as
 * overdue, the reminder schedule passes it by, and staff's "remind now" is refused with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffReason } from '../../../server/domain/error-messages.ts';
import { DomainError } from '../../../server/domain/errors.ts';
import { listOverdueInvoices } from '../../../server/services/staff-queries.ts';
import { startMessagingFixture, createInvoice, type MessagingFixture } from './messaging-fixture.ts';

let f: MessagingFixture;

beforeAll(async () => {
  f = await startMessagingFixture();
  f.t.clock.set('2026-11-25T03:00:00.000Z');
});
afterAll(() => f.stop());

const remindersOf = (customerId: string) => f.t.ctx.db.outboxMessage.findMany({ where: { customerId, kind: 'payment_reminder' } });

describe('a 0.00 invoice', () => {
  it('is never overdue, never reminded by the schedule, and a manual reminder answers 409 with the reason', async () => {
    const customerId = await f.customer({ email: 'zero@example.com' });
    const zero = await createInvoice(f.t, customerId, { dueDate: '2026-12-01', unitPriceSatang: 0 });
    expect(zero.netPayableSatang).toBe(0);
    expect((await f.t.admin('POST', `/invoices/${zero.id}/send`, {})).status).toBeLessThan(300);
    // An owing invoice of the same customer, as the control.
    const owing = await createInvoice(f.t, customerId, { dueDate: '2026-12-01' });
    expect((await f.t.admin('POST', `/invoices/${owing.id}/send`, {})).status).toBeLessThan(300);

    f.t.clock.set('2026-12-04T04:00:00.000Z'); // 3 days past due, 11:00 Bangkok
    await f.t.messaging.runRemindersOnce();
    const queued = await remindersOf(customerId);
    expect(queued.map((m) => m.idempotencyKey)).toEqual([`payment-reminder:${owing.id}:3`]);
    expect(await f.t.ctx.db.paymentReminder.count({ where: { invoiceId: zero.id } })).toBe(0);

    const manual = await f.t.admin('POST', `/invoices/${zero.id}/remind`, {});
    expect(manual.status).toBe(409);
    expect(JSON.stringify(manual.body)).toMatch(/0\.00/);
    expect(await remindersOf(customerId)).toHaveLength(1);
    expect((await f.t.admin('POST', `/invoices/${owing.id}/remind`, {})).status).toBe(201);

    // Staff read why, in Thai and English.
    const reason = new DomainError('CONFLICT', 'x', { reason: 'invoice_nothing_due', number: 'INV-2026-0015', status: 'sent' });
    expect(staffReason(reason, 'th')).toBe('ใบแจ้งหนี้ INV-2026-0015 ไม่มียอดค้างชำระ (0.00 บาท) จึงไม่ส่งการแจ้งเตือนชำระเงิน');
    expect(staffReason(reason, 'en')).toBe('Invoice INV-2026-0015 has nothing due (balance 0.00); no payment reminder was sent.');

    // The admin customer summary and the portal do not call it overdue.
    const customer = await f.t.admin('GET', `/customers/${customerId}`);
    const statuses = Object.fromEntries(customer.body.openInvoices.map((i: any) => [i.id, i.status]));
    expect(statuses).toMatchObject({ [zero.id]: 'sent', [owing.id]: 'overdue' });
    expect(customer.body.overdueCount).toBe(1);
    // Staff's overdue list in LINE leaves it out too.
    const overdue = await listOverdueInvoices(f.t.ctx, { customerId });
    expect(overdue.items.map((i) => i.invoiceId)).toEqual([owing.id]);
    expect(overdue.totalCount).toBe(1);
    const link = await f.t.admin('POST', '/links', { scope: 'customer', id: customerId });
    const view = await (await fetch(`${f.t.baseUrl}/api/portal/${String(link.body.url).split('/c/')[1]}`)).json();
    expect(view.invoices.find((i: any) => i.id === zero.id)).toMatchObject({ status: 'sent', balanceSatang: 0, pay: null });
  });
});
