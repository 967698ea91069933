/**
 * Staff app, the customer page's other work: edit the customer, move a job to a stage with a
 * note, and (owner only) void an unpaid invoice with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, PHONE } from '../helpers/browser.ts';
import { enrolNewStaff, startStaffTestApp, type StaffTestApp } from '../helpers/staff-app.ts';
import { createPortalFixture, type PortalFixture } from '../helpers/portal-fixtures.ts';

let app: StaffTestApp;
let f: PortalFixture;
let browser: Browser;

beforeAll(async () => {
  app = await startStaffTestApp({ env: { STAFF_LIFF_ID: '1650000042-StaffApp', PUBLIC_URL: '' } });
  f = await createPortalFixture(app.t);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function open(lineUserId: string, target: string, lang: 'th' | 'en' = 'th'): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const page = await context.newPage();
  await page.addInitScript(
    ({ idToken, language }) => {
      (window as unknown as { __LIFF_MOCK__: unknown }).__LIFF_MOCK__ = { getIDToken: idToken };
      localStorage.setItem('staff-lang', language);
    },
    { idToken: app.line.issueIdToken({ sub: lineUserId }), language: lang },
  );
  await page.goto(`${app.t.baseUrl}/staff?liff.state=${encodeURIComponent(target)}`);
  return page;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

describe('the customer page', () => {
  it('edits the customer: a cleared field is cleared, a bad phone is refused naming the field', async () => {
    const member = await enrolNewStaff(app, 'staff');
    const page = await open(member.lineUserId, `/customers/${f.customerId}`);
    await expect.poll(() => heading(page).textContent()).toBe('คุณสมชาย ใจดี');
    await page.getByRole('link', { name: 'แก้ไข' }).click();
    await expect.poll(() => page.getByLabel('โทรศัพท์').inputValue()).toBe('0812345678');
    await page.getByLabel('โทรศัพท์').fill('call me');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await expect.poll(() => page.getByLabel('โทรศัพท์').getAttribute('aria-invalid')).toBe('true');
    expect((await app.t.ctx.db.customer.findUniqueOrThrow({ where: { id: f.customerId } })).phone).toBe('0812345678');

    await page.getByLabel('โทรศัพท์').fill('089-999-0000');
    await page.getByLabel('ชื่อบริษัท').fill('');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('คุณสมชาย ใจดี');
    expect(await app.t.ctx.db.customer.findUniqueOrThrow({ where: { id: f.customerId } })).toMatchObject({ phone: '089-999-0000', companyName: null });
    await page.context().close();
  });

  it('moves a job to a stage with a note for the client; only allowed stages are offered', async () => {
    const member = await enrolNewStaff(app, 'staff');
    const page = await open(member.lineUserId, `/customers/${f.customerId}`);
    const job = await app.t.ctx.db.job.findUniqueOrThrow({ where: { id: f.jobId } });
    await page.getByRole('button', { name: `เปลี่ยนขั้นงาน: ${job.number}` }).click();
    const select = page.getByLabel('ย้ายไป', { exact: true });
    const offered = await select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(['picking', 'loaded', 'delivering', 'on_site', 'returning', 'closed', 'cancelled']);
    await select.selectOption('picking');
    await page.getByLabel('บันทึกถึงลูกค้า (ถ้ามี)').fill('กำลังเตรียมกล้องให้ครับ');
    await page.getByRole('button', { name: 'ย้ายไป กำลังจัดเตรียมอุปกรณ์' }).click();
    await expect.poll(() => page.getByText(`ย้ายงาน ${job.number} แล้ว`).isVisible()).toBe(true);
    expect((await app.t.ctx.db.job.findUniqueOrThrow({ where: { id: job.id } })).stage).toBe('picking');
    const change = await app.t.ctx.db.jobStageChange.findFirstOrThrow({ where: { jobId: job.id }, orderBy: { changedAt: 'desc' } });
    expect(change).toMatchObject({ stage: 'picking', note: 'กำลังเตรียมกล้องให้ครับ', changedBy: `staff-app:${member.staffId}` });
    await page.context().close();
  });
});

describe('portal links', () => {
  it('issues a new customer link to copy, and revokes them all', async () => {
    const member = await enrolNewStaff(app, 'staff');
    const page = await open(member.lineUserId, `/customers/${f.otherCustomerId}`);
    await expect.poll(() => heading(page).textContent()).toBe('คุณวิภา อื่น');
    await page.getByRole('button', { name: 'ออกลิงก์ใหม่' }).click();
    const link = page.getByLabel(/^ลิงก์ใหม่/);
    await expect.poll(() => link.inputValue()).toMatch(/\/c\/[A-Za-z0-9_-]+$/);
    const live = () => app.t.ctx.db.portalLink.count({ where: { customerId: f.otherCustomerId, revokedAt: null } });
    expect(await live()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'ยกเลิกลิงก์ทั้งหมด' }).click();
    await expect.poll(() => page.getByText(/^ยกเลิกลิงก์แล้ว \d+ ลิงก์$/).isVisible()).toBe(true);
    expect(await live()).toBe(0);
    await page.context().close();
  });
});

describe('editing a draft', () => {
  it('edits a draft quote (PATCH, priced again); once sent it is no longer offered', async () => {
    const quote = await app.t.adminOk('createQuote', {
      body: { customerId: f.customerId, validUntil: '2026-12-31', lines: [{ description: 'ไฟ LED (วัน)', quantity: 2, unitPriceSatang: 50_000 }] },
    });
    const member = await enrolNewStaff(app, 'staff');
    const page = await open(member.lineUserId, `/quotes/${quote.id}`);
    await expect.poll(() => heading(page).textContent()).toBe(`ใบเสนอราคา ${quote.number}`);
    await page.getByRole('link', { name: 'แก้ไขร่าง' }).click();
    await expect.poll(() => heading(page).textContent()).toBe(`แก้ไขร่าง ${quote.number}`);
    expect(await page.getByLabel('รายละเอียด').inputValue()).toBe('ไฟ LED');
    expect(await page.getByLabel('หน่วย', { exact: true }).inputValue()).toBe('days');
    expect(await page.getByLabel('ยืนราคาถึง').inputValue()).toBe('2026-12-31');
    await page.getByLabel('จำนวน', { exact: true }).fill('3');
    await expect.poll(() => page.locator('table.totals').textContent()).toContain('฿1,605.00');
    await page.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await expect.poll(() => heading(page).textContent()).toBe(`ใบเสนอราคา ${quote.number}`);
    const saved = await app.t.ctx.db.quote.findUniqueOrThrow({ where: { id: quote.id }, include: { lines: true } });
    expect(saved.totalSatang).toBe(160_500);
    expect(saved.lines.map((l) => [l.description, l.quantityMilli])).toEqual([['ไฟ LED (วัน)', 3000]]);

    await page.getByRole('button', { name: 'ส่งให้ลูกค้า' }).click();
    await expect.poll(() => page.getByText(/^ส่งแล้วทาง/).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: 'แก้ไขร่าง' }).count()).toBe(0);
    await page.context().close();
  });
});

describe('voiding an invoice', () => {
  async function newInvoice(page: Page) {
    await page.getByRole('link', { name: 'ทำใบแจ้งหนี้' }).click();
    await page.getByLabel('รายละเอียด').fill('ค่าขนส่ง');
    await page.getByLabel('ราคาต่อหน่วย (บาท)').fill('500');
    await page.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await expect.poll(() => heading(page).textContent()).toMatch(/^ใบแจ้งหนี้ INV/);
  }

  it('the owner voids an unpaid invoice with a reason', async () => {
    const owner = await enrolNewStaff(app, 'owner');
    const page = await open(owner.lineUserId, `/customers/${f.otherCustomerId}`);
    await expect.poll(() => heading(page).textContent()).toBe('คุณวิภา อื่น');
    await newInvoice(page);
    await page.getByRole('button', { name: 'ยกเลิกใบแจ้งหนี้นี้' }).click();
    await page.getByLabel('เหตุผลที่ยกเลิก').fill('ออกซ้ำ');
    await page.getByRole('button', { name: 'ยืนยันการยกเลิก' }).click();
    await expect.poll(() => page.getByText('ออกซ้ำ').isVisible()).toBe(true);
    const voided = await app.t.ctx.db.invoice.findFirstOrThrow({ where: { customerId: f.otherCustomerId, voidReason: 'ออกซ้ำ' } });
    expect(voided.status).toBe('void');
    await page.context().close();
  });

  it('staff are not offered it', async () => {
    const member = await enrolNewStaff(app, 'staff');
    const page = await open(member.lineUserId, `/customers/${f.otherCustomerId}`);
    await expect.poll(() => heading(page).textContent()).toBe('คุณวิภา อื่น');
    await newInvoice(page);
    await expect.poll(() => page.getByRole('button', { name: 'ส่งให้ลูกค้า' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'ยกเลิกใบแจ้งหนี้นี้' }).count()).toBe(0);
    await page.context().close();
  });
});

describe('customer search', () => {
  it('finds customers as one types (the server search), and opens one', async () => {
    const member = await enrolNewStaff(app, 'staff');
    const page = await open(member.lineUserId, '/customers');
    await expect.poll(() => page.getByRole('link', { name: /คุณวิภา อื่น/ }).isVisible()).toBe(true);
    await page.getByLabel('ค้นหาลูกค้า').fill('สมชาย');
    await expect.poll(() => page.getByRole('link', { name: /คุณวิภา อื่น/ }).count()).toBe(0);
    await expect.poll(() => page.getByRole('link', { name: /คุณสมชาย ใจดี/ }).isVisible()).toBe(true);
    expect(new URL(page.url()).search).toBe(`?q=${encodeURIComponent('สมชาย')}`);
    await page.getByLabel('ค้นหาลูกค้า').fill('ไม่มีใครชื่อนี้');
    await expect.poll(() => page.getByText('ไม่พบลูกค้า').isVisible()).toBe(true);
    await page.getByLabel('ค้นหาลูกค้า').fill('สมชาย');
    await page.getByRole('link', { name: /คุณสมชาย ใจดี/ }).click();
    await expect.poll(() => heading(page).textContent()).toBe('คุณสมชาย ใจดี');
    await page.context().close();
  });
});

describe('voiding a payment', () => {
  it('the owner voids a payment with a reason (its receipt is cancelled); staff only see the payment', async () => {
    const invoice = await app.t.adminOk('createInvoice', {
      body: { customerId: f.otherCustomerId, dueDate: '2026-12-31', lines: [{ description: 'ค่าติดตั้ง', quantity: 1, unitPriceSatang: 100_000 }] },
    });
    await app.t.adminOk('sendInvoice', { params: { id: invoice.id }, body: {} });
    const recorded = await app.t.adminOk('recordPayment', { params: { id: invoice.id }, body: { amountSatang: 50_000, method: 'cash' } });

    const member = await enrolNewStaff(app, 'staff');
    const staffPage = await open(member.lineUserId, `/invoices/${invoice.id}`);
    await expect.poll(() => staffPage.getByText(recorded.receipt.number, { exact: false }).isVisible()).toBe(true);
    expect(await staffPage.getByRole('button', { name: 'ยกเลิกการรับเงินนี้' }).count()).toBe(0);
    await staffPage.context().close();

    const owner = await enrolNewStaff(app, 'owner');
    const page = await open(owner.lineUserId, `/invoices/${invoice.id}`);
    await page.getByRole('button', { name: 'ยกเลิกการรับเงินนี้' }).click();
    await page.getByRole('button', { name: 'ยืนยันการยกเลิกการรับเงิน' }).click();
    await expect.poll(() => page.getByLabel('เหตุผลที่ยกเลิก').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('เหตุผลที่ยกเลิก').fill('บันทึกผิดใบ');
    await page.getByRole('button', { name: 'ยืนยันการยกเลิกการรับเงิน' }).click();
    await expect.poll(() => page.getByText('เหตุผลที่ยกเลิก: บันทึกผิดใบ').isVisible()).toBe(true);
    const payment = await app.t.ctx.db.payment.findUniqueOrThrow({ where: { id: recorded.payment.id } });
    expect(payment).toMatchObject({ status: 'void', voidReason: 'บันทึกผิดใบ' });
    expect((await app.t.ctx.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).paidSatang).toBe(0);
    await page.context().close();
  });
});
