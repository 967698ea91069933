/**
 * Staff app, money and the business profile: payment notices wait with their slip image, Confirm
 * records the payment (receipt number shown), Reject keeps the reason; the owner edits the
 * business profile, a staff member only reads it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import path from 'node:path';
import { launchChromium, PHONE, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { enrolNewStaff, startStaffTestApp, type StaffTestApp } from '../helpers/staff-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../helpers/portal-fixtures.ts';
import { slipPayload, slipPng } from '../helpers/slip-image.ts';

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

async function open(lineUserId: string, target: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const page = await context.newPage();
  const token = app.line.issueIdToken({ sub: lineUserId });
  await page.addInitScript((idToken) => {
    (window as unknown as { __LIFF_MOCK__: unknown }).__LIFF_MOCK__ = { getIDToken: idToken };
  }, token);
  await page.goto(`${app.t.baseUrl}/staff?liff.state=${encodeURIComponent(target)}`);
  return page;
}

let slipSeq = 0;
async function clientSendsSlip(invoiceId: string, amountSatang: number): Promise<string> {
  const { token } = await issueLink(app.t, 'customer', f.customerId);
  const form = new FormData();
  form.set('target', `invoice.${invoiceId}`);
  form.set('amountSatang', String(amountSatang));
  const slip = await slipPng(slipPayload(`0153${String(++slipSeq).padStart(4, '0')}STAFFAPP1`, '014'));
  form.set('slip', new Blob([new Uint8Array(slip)], { type: 'image/png' }), 'slip.png');
  const res = await fetch(`${app.t.baseUrl}/api/portal/${token}/payment-notices`, { method: 'POST', body: form });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('payment notices', () => {
  it('shows each waiting notice with its slip; Confirm records the payment, Reject keeps the reason', async () => {
    await app.t.adminOk('sendInvoice', { params: { id: f.secondInvoiceId }, body: {} });
    const second = await app.t.ctx.db.invoice.findUniqueOrThrow({ where: { id: f.secondInvoiceId } });
    await clientSendsSlip(second.id, second.netPayableSatang);
    const first = await app.t.ctx.db.invoice.findUniqueOrThrow({ where: { id: f.invoiceId } });
    await clientSendsSlip(first.id, 5_000);

    const owner = await enrolNewStaff(app, 'owner');
    const page = await open(owner.lineUserId, '/money');
    const card = (number: string) => page.getByRole('article', { name: number });
    await expect.poll(() => card(second.number).isVisible()).toBe(true);
    // The slip image loads with the session cookie alone.
    const slip = card(second.number).getByRole('img', { name: `สลิปของ ${second.number}` });
    await expect.poll(() => slip.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'staff-money-th-360.png'), fullPage: true });

    await card(second.number).getByRole('button', { name: 'ยืนยัน' }).click();
    await expect.poll(() => card(second.number).getByRole('status').textContent()).toMatch(/^บันทึกแล้ว: RC/);
    expect((await app.t.ctx.db.invoice.findUniqueOrThrow({ where: { id: second.id } })).status).toBe('paid');

    await card(first.number).getByRole('button', { name: 'ปฏิเสธ' }).click();
    await card(first.number).getByLabel('เหตุผลที่ปฏิเสธ').fill('ยอดเงินไม่ตรงกับสลิป');
    await card(first.number).getByRole('button', { name: 'ปฏิเสธ' }).click();
    await expect.poll(() => card(first.number).getByRole('status').textContent()).toBe('ไม่ผ่านการตรวจสอบ');
    const rejected = await app.t.ctx.db.paymentNotice.findFirstOrThrow({ where: { invoiceId: first.id } });
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'ยอดเงินไม่ตรงกับสลิป' });
    await page.context().close();
  });
});

describe('business profile', () => {
  it('the owner edits it; a bad tax ID is refused naming the field', async () => {
    const owner = await enrolNewStaff(app, 'owner');
    const page = await open(owner.lineUserId, '/business');
    await expect.poll(() => page.getByLabel('โทรศัพท์').inputValue()).toBe('021234567');
    await page.getByLabel('เลขประจำตัวผู้เสียภาษี').fill('0105561234561');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await expect.poll(() => page.getByLabel('เลขประจำตัวผู้เสียภาษี').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('เลขประจำตัวผู้เสียภาษี').fill('0105561234560');
    await page.getByLabel('โทรศัพท์').fill('029998888');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('บันทึกข้อมูลร้านแล้ว');
    expect(await app.t.ctx.db.business.findFirstOrThrow()).toMatchObject({ phone: '029998888', taxId: '0105561234560', vatRegistered: true });
    await page.context().close();
  });

  it('a staff member reads it and is told only the owner edits it', async () => {
    const member = await enrolNewStaff(app, 'staff');
    const page = await open(member.lineUserId, '/business');
    await expect.poll(() => page.getByText('เฉพาะเจ้าของร้านแก้ไขข้อมูลร้านได้').isVisible()).toBe(true);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await page.context().close();
  });
});
