/**
 * Staff app, customer page: "viewed" per document (from the portal's activity log: the client
 * opened the PDF) and the LINE accounts bound to the customer, each with Unbind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import path from 'node:path';
import { findTouchTargetProblems, launchChromium, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { enrolNewStaff, startStaffTestApp, type StaffTestApp } from '../helpers/staff-app.ts';
import { openStaffApp } from '../helpers/staff-browser.ts';
import { issueLink } from '../helpers/portal-fixtures.ts';

let app: StaffTestApp;
let browser: Browser;
let staff: { lineUserId: string };

beforeAll(async () => {
  app = await startStaffTestApp({ env: { STAFF_LIFF_ID: '1650000042-StaffApp', PUBLIC_URL: '' } });
  staff = await enrolNewStaff(app, 'staff', 'สมหมาย');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const open = (target: string): Promise<Page> => openStaffApp(browser, app, staff.lineUserId, target);

async function sentInvoice(customerId: string, description: string) {
  const invoice = await app.t.adminOk('createInvoice', {
    body: { customerId, dueDate: '2026-12-31', lines: [{ description, quantity: 1, unitPriceSatang: 1_000_00 }] },
  });
  await app.t.ctx.db.invoice.update({ where: { id: invoice.id }, data: { status: 'sent' } });
  return invoice;
}

describe('customer page: viewed documents and LINE accounts', () => {
  it('shows which documents the client opened, and unbinds a LINE account', async () => {
    const customer = await app.t.adminOk('createCustomer', { body: { name: 'คุณดูเอกสาร' } });
    const seen = await sentInvoice(customer.id, 'ค่าเช่าเครื่องเสียง');
    const unseen = await sentInvoice(customer.id, 'ค่าเช่าไฟ');
    // The client opens the first invoice's PDF twice in the portal.
    const { token } = await issueLink(app.t, 'customer', customer.id);
    for (let i = 0; i < 2; i++) expect((await fetch(`${app.t.baseUrl}/api/portal/${token}/documents/invoice.${seen.id}`)).status).toBe(200);
    await app.t.ctx.activity.flush();
    const lineUserId = `U${'ab12'.repeat(8)}`;
    await app.t.ctx.db.lineUser.create({
      data: { lineUserId, customerId: customer.id, displayName: 'Somchai LINE', boundAt: new Date('2026-11-20T03:00:00Z') },
    });

    const page = await open(`/customers/${customer.id}`);
    const row = (number: string) => page.getByRole('link', { name: new RegExp(number) });
    await expect.poll(() => row(seen.number).textContent()).toContain('ลูกค้าเปิดดูแล้ว 2 ครั้ง');
    expect(await row(unseen.number).textContent()).toContain('ลูกค้ายังไม่เปิดดู');
    const accounts = page.getByRole('region', { name: 'บัญชี LINE ที่ผูกไว้' });
    await expect.poll(() => accounts.textContent()).toContain('Somchai LINE');
    expect(await findTouchTargetProblems(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'staff-customer-activity-th-360.png'), fullPage: true });

    await accounts.getByRole('button', { name: 'เลิกผูก Somchai LINE' }).click();
    await expect.poll(() => accounts.getByRole('status').textContent()).toBe('เลิกผูกบัญชี LINE Somchai LINE แล้ว');
    expect((await app.t.ctx.db.lineUser.findUniqueOrThrow({ where: { lineUserId } })).customerId).toBeNull();
    await expect.poll(() => accounts.textContent()).toContain('ยังไม่มีบัญชี LINE ที่ผูกกับลูกค้ารายนี้');
    await page.context().close();
  });
});
