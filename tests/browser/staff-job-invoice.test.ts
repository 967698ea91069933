/**
 * Staff app: an invoice from a job in one tap — from the jobs board, the customer page or Today —
 * opens the invoice editor for the job's customer, linked to the job, with the lines of the job's
 * accepted quotation when it has one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import path from 'node:path';
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { enrolNewStaff, startStaffTestApp, type StaffTestApp } from '../helpers/staff-app.ts';
import { openStaffApp } from '../helpers/staff-browser.ts';

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

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

describe('invoice from a job', () => {
  it('from the jobs board: the accepted quotation of the job gives the lines; the invoice is linked to both', async () => {
    const customer = await app.t.adminOk('createCustomer', { body: { name: 'คุณงานเลี้ยง' } });
    const job = await app.t.adminOk('createJob', { body: { customerId: customer.id, title: 'งานเลี้ยงบริษัท', startDate: '2026-12-05' } });
    // Another quotation of the same customer, accepted but for no job: not the one to copy.
    const unrelated = await app.t.adminOk('createQuote', {
      body: { customerId: customer.id, validUntil: '2026-12-20', lines: [{ description: 'งานอื่น', quantity: 1, unitPriceSatang: 5_000_00 }] },
    });
    const quote = await app.t.adminOk('createQuote', {
      body: {
        customerId: customer.id,
        jobId: job.id,
        validUntil: '2026-12-20',
        lines: [{ description: 'เช่าเวทีพร้อมไฟ', quantity: 2, unitPriceSatang: 1_000_00 }],
      },
    });
    await app.t.ctx.db.quote.updateMany({ where: { id: { in: [quote.id, unrelated.id] } }, data: { status: 'accepted' } });

    const page = await open('/jobs');
    await page.getByRole('link', { name: `ออกใบแจ้งหนี้งาน ${job.number}` }).click();
    await expect.poll(() => heading(page).textContent()).toBe('ใบแจ้งหนี้ใหม่');
    const sub = page.locator('p.sub');
    await expect.poll(() => sub.textContent()).toBe(`ลูกค้า: คุณงานเลี้ยง · งาน ${job.number} · จากใบเสนอราคา ${quote.number}`);
    expect(await page.getByLabel('รายละเอียด').inputValue()).toBe('เช่าเวทีพร้อมไฟ');
    await expect.poll(() => page.locator('table.totals').textContent()).toContain('฿2,140.00');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'staff-job-invoice-th-360.png'), fullPage: true });
    await page.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await expect.poll(() => heading(page).textContent()).toMatch(/^ใบแจ้งหนี้ INV/);
    const invoice = await app.t.ctx.db.invoice.findFirstOrThrow({ where: { customerId: customer.id }, include: { lines: true } });
    expect(invoice).toMatchObject({ jobId: job.id, quoteId: quote.id, status: 'draft', totalSatang: 2_140_00 });
    expect(invoice.lines.map((l) => l.description)).toEqual(['เช่าเวทีพร้อมไฟ']);
    await page.context().close();
  });

  it('from the customer page, for a job without a quotation: empty lines, the invoice is linked to the job', async () => {
    const customer = await app.t.adminOk('createCustomer', { body: { name: 'คุณไม่มีใบเสนอ' } });
    const job = await app.t.adminOk('createJob', { body: { customerId: customer.id, title: 'ติดตั้งจอ' } });
    const page = await open(`/customers/${customer.id}`);
    await page.getByRole('link', { name: `ออกใบแจ้งหนี้งาน ${job.number}` }).click();
    await expect.poll(() => page.locator('p.sub').textContent()).toBe(`ลูกค้า: คุณไม่มีใบเสนอ · งาน ${job.number}`);
    expect(await page.getByLabel('รายละเอียด').inputValue()).toBe('');
    await page.getByLabel('รายละเอียด').fill('ค่าติดตั้งจอ LED');
    await page.getByLabel('ราคาต่อหน่วย (บาท)').fill('3,000');
    await page.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await expect.poll(() => heading(page).textContent()).toMatch(/^ใบแจ้งหนี้ INV/);
    const invoice = await app.t.ctx.db.invoice.findFirstOrThrow({ where: { customerId: customer.id } });
    expect(invoice).toMatchObject({ jobId: job.id, quoteId: null, status: 'draft' });
    await page.context().close();
  });

  it('from Today: a job moving today has the same link', async () => {
    const customer = await app.t.adminOk('createCustomer', { body: { name: 'คุณวันนี้' } });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(app.t.ctx.clock.now());
    const job = await app.t.adminOk('createJob', { body: { customerId: customer.id, title: 'ส่งของวันนี้', startDate: today } });
    const page = await open('/');
    const link = page.getByRole('link', { name: `ออกใบแจ้งหนี้งาน ${job.number}` });
    await expect.poll(() => link.getAttribute('href')).toBe(`/staff/customers/${customer.id}/invoices/new?job=${job.id}`);
    await page.context().close();
  });
});
