/**
 * Staff app: Today (overdue invoices and what else waits), the jobs board by stage with a move,
 * and a security deposit collected and returned with an itemised deduction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import path from 'node:path';
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { enrolNewStaff, startStaffTestApp, type StaffTestApp } from '../helpers/staff-app.ts';
import { openStaffApp } from '../helpers/staff-browser.ts';
import { createPortalFixture, type PortalFixture } from '../helpers/portal-fixtures.ts';

let app: StaffTestApp;
let f: PortalFixture;
let browser: Browser;
let staff: { lineUserId: string };

beforeAll(async () => {
  app = await startStaffTestApp({ env: { STAFF_LIFF_ID: '1650000042-StaffApp', PUBLIC_URL: '' } });
  f = await createPortalFixture(app.t);
  staff = await enrolNewStaff(app, 'staff', 'สมหมาย');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const open = (target: string): Promise<Page> => openStaffApp(browser, app, staff.lineUserId, target);

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `staff-${name}.png`), fullPage: true });

describe('Today', () => {
  it('lists an overdue invoice (days overdue, amount due) and opens it', async () => {
    const late = await app.t.adminOk('createInvoice', {
      body: {
        customerId: f.otherCustomerId,
        issueDate: '2026-11-10',
        dueDate: '2026-11-20',
        lines: [{ description: 'ค่าเช่าไฟ', quantity: 1, unitPriceSatang: 200_000 }],
      },
    });
    await app.t.adminOk('sendInvoice', { params: { id: late.id }, body: {} });
    const page = await open('/');
    await expect.poll(() => heading(page).textContent()).toBe('วันนี้ · 25 พ.ย. 2569');
    const row = page.getByRole('link', { name: new RegExp(`${late.number} · คุณวิภา อื่น`) });
    await expect.poll(() => row.textContent()).toContain('เกินกำหนด 5 วัน');
    expect(await row.textContent()).toContain('฿2,140.00');
    await shot(page, 'today-th-360');
    await row.click();
    await expect.poll(() => heading(page).textContent()).toBe(`ใบแจ้งหนี้ ${late.number}`);
    await page.context().close();
  });
});

describe('the jobs board', () => {
  it('shows the jobs of a stage and moves one on', async () => {
    const job = await app.t.ctx.db.job.findUniqueOrThrow({ where: { id: f.jobId } });
    const page = await open('/jobs?stage=new');
    await expect.poll(() => page.getByText(`${job.number} · ${job.title}`).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'รับงานแล้ว' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: `เปลี่ยนขั้นงาน: ${job.number}` }).click();
    await page.getByLabel('ย้ายไป', { exact: true }).selectOption('loaded');
    await page.getByRole('button', { name: 'ย้ายไป อุปกรณ์ขึ้นรถแล้ว' }).click();
    await expect.poll(() => page.getByText(`${job.number} · ${job.title}`).isVisible()).toBe(false);
    expect((await app.t.ctx.db.job.findUniqueOrThrow({ where: { id: job.id } })).stage).toBe('loaded');
    await page.getByRole('button', { name: 'อุปกรณ์ขึ้นรถแล้ว' }).click();
    await expect.poll(() => page.getByText(`${job.number} · ${job.title}`).isVisible()).toBe(true);
    await shot(page, 'jobs-th-360');
    await page.context().close();
  });
});

describe('security deposits', () => {
  it('collects a deposit, then returns it keeping an itemised deduction; each gives a receipt', async () => {
    const deposit = await app.t.ctx.db.deposit.findUniqueOrThrow({ where: { id: f.quoteDepositId } });
    const page = await open(`/deposits/${deposit.id}`);
    await expect.poll(() => heading(page).textContent()).toBe(`เงินประกัน ${deposit.number}`);
    expect(await page.getByLabel('จำนวนเงิน (บาท)').inputValue()).toBe('5000.00');
    await page.getByRole('button', { name: 'รับเงินประกัน' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^บันทึกแล้ว: .+DEP/);
    expect((await app.t.ctx.db.deposit.findUniqueOrThrow({ where: { id: deposit.id } })).heldSatang).toBe(500_000);

    await page.getByRole('button', { name: 'เพิ่มรายการหัก' }).click();
    await page.getByLabel('เหตุผลที่หัก').fill('เลนส์มีรอยขีดข่วน');
    await page.getByLabel('จำนวนเงิน (บาท)').fill('1,200');
    await expect.poll(() => page.getByRole('row', { name: /คืนให้ลูกค้า/ }).textContent()).toContain('฿3,800.00');
    await shot(page, 'deposit-return-th-360');
    await page.getByRole('button', { name: 'คืนเงินประกัน' }).click();
    await expect.poll(() => app.t.ctx.db.depositReturn.count({ where: { depositId: deposit.id } })).toBe(1);
    const ret = await app.t.ctx.db.depositReturn.findFirstOrThrow({ where: { depositId: deposit.id }, include: { deductions: true, receipt: true } });
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain(ret.receipt!.number);
    expect(ret.receipt!.type).toBe('DEPRR');
    expect(ret.deductions.map((d) => [d.amountSatang, d.reason])).toEqual([[120_000, 'เลนส์มีรอยขีดข่วน']]);
    const after = await app.t.ctx.db.deposit.findUniqueOrThrow({ where: { id: deposit.id } });
    expect(after).toMatchObject({ returnedSatang: 380_000, deductedSatang: 120_000 });
    await page.context().close();
  });
});
