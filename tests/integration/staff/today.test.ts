import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { signInNewStaff, startStaffTestApp, type StaffTestApp } from '../../helpers/staff-app.ts';
import { issueLink } from '../../helpers/portal-fixtures.ts';
import { slipPayload, slipPng } from '../../helpers/slip-image.ts';
import { markInvoiceSent } from '../../../server/services/invoices.ts';

let app: StaffTestApp;

beforeAll(async () => {
  app = await startStaffTestApp();
});
afterAll(() => app.stop());

describe('GET /api/admin/today', () => {
  it('gathers overdue invoices, notices waiting, deposits to return and jobs moving today', async () => {
    const { t } = app;
    const lines = [{ description: 'เช่าโต๊ะ', quantity: 10, unitPriceSatang: 50_00 }];
    const customerId = (await t.adminOk('createCustomer', { body: { name: 'คุณประยุทธ', address: '45 หมู่ 3 ตำบลบางพระ อำเภอศรีราชา จังหวัดชลบุรี 20110' } })).id;
    // Due today (2026-11-25): overdue from tomorrow.
    const late = await t.adminOk('createInvoice', { body: { customerId, lines, dueDate: '2026-11-25' } });
    await markInvoiceSent(t.ctx, late.id);
    const open = await t.adminOk('createInvoice', { body: { customerId, lines, dueDate: '2026-12-25' } });
    await markInvoiceSent(t.ctx, open.id);
    const goingOut = await t.adminOk('createJob', { body: { customerId, title: 'งานเลี้ยง', startDate: '2026-11-26', endDate: '2026-11-28' } });
    const comingBack = await t.adminOk('createJob', { body: { customerId, title: 'งานวัด', startDate: '2026-11-24', endDate: '2026-11-26' } });
    await t.adminOk('createJob', { body: { customerId, title: 'งานหน้า', startDate: '2026-11-30' } });
    const deposit = await t.adminOk('createDeposit', { body: { customerId, requiredSatang: 300_00, jobId: comingBack.id } });
    await t.adminOk('collectDeposit', { params: { id: deposit.id }, body: { amountSatang: 300_00, method: 'cash' } });
    await t.adminOk('moveJobStage', { params: { id: comingBack.id }, body: { stage: 'returning' } });
    const { token } = await issueLink(t, 'customer', customerId);
    const form = new FormData();
    form.set('target', `invoice.${open.id}`);
    form.set('amountSatang', String(open.netPayableSatang));
    form.set('slip', new Blob([new Uint8Array(await slipPng(slipPayload('015300000001TODAY01', '014')))], { type: 'image/png' }), 'slip.png');
    expect((await fetch(`${t.baseUrl}/api/portal/${token}/payment-notices`, { method: 'POST', body: form })).status).toBe(201);

    t.clock.set('2026-11-26T03:00:00.000Z');
    const staff = await signInNewStaff(app, 'staff');
    const today = await staff.api.adminOk('getToday');
    expect(today.today).toBe('2026-11-26');
    expect(today.overdueInvoices).toMatchObject({ totalCount: 1, totalDueSatang: late.netPayableSatang });
    expect(today.overdueInvoices.items).toEqual([
      expect.objectContaining({ invoiceId: late.id, customerName: 'คุณประยุทธ', daysOverdue: 1, amountDueSatang: late.netPayableSatang }),
    ]);
    expect(today.paymentNotices.totalCount).toBe(1);
    expect(today.paymentNotices.items[0]).toMatchObject({ amountSatang: open.netPayableSatang, target: { kind: 'invoice', number: open.number } });
    expect(today.paymentNotices.items[0]!.slipUrl).toMatch(/^https:\/\/portal\.example\.test\/s\//);
    expect(today.depositsToReturn).toEqual({
      totalCount: 1,
      items: [
        {
          depositId: deposit.id,
          depositNumber: deposit.number,
          customerId,
          customerName: 'คุณประยุทธ',
          heldSatang: 300_00,
          job: { id: comingBack.id, number: comingBack.number, stage: 'returning' },
        },
      ],
    });
    expect(today.jobsToday.map((j) => [j.jobId, j.moving])).toEqual([
      [goingOut.id, 'out'],
      [comingBack.id, 'back'],
    ]);
  });
});
