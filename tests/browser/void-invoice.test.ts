/**
 * A voided invoice at phone size (360 px): its state in words, no balance due, no PromptPay QR,
 * no pay or "I have paid" button. Screenshot: tests/.tmp/screenshots/void-invoice.png.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../helpers/portal-fixtures.ts';
import { launchChromium, PHONE, SCREENSHOT_DIR, findLayoutProblems } from '../helpers/browser.ts';

let t: TestApp;
let f: PortalFixture;
let browser: Browser;
let token: string;
let voidId: string;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  t = await startTestApp({ now: new Date().toISOString(), env: { PUBLIC_URL: '' } });
  f = await createPortalFixture(t);
  const created = await t.admin('POST', '/invoices', {
    customerId: f.customerId,
    dueDate: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
    lines: [{ description: 'เช่าไฟ', quantity: 1, unitPriceSatang: 321000 }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  voidId = created.body.id;
  expect((await t.admin('POST', `/invoices/${voidId}/send`, {})).status).toBeLessThan(300);
  await t.adminOk('voidInvoice', { params: { id: voidId }, body: { reason: 'ลูกค้ายกเลิกงาน' } });
  token = (await issueLink(t, 'customer', f.customerId)).token;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('a void invoice on a phone', () => {
  it('reads void with nothing due: no balance, no QR, no pay button', async () => {
    expect(PHONE.width).toBe(360);
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/c/${token}/invoices/${voidId}`);
    const main = page.locator('main');
    await expect.poll(() => main.innerText()).toContain('ใบแจ้งหนี้นี้ถูกยกเลิก ไม่ต้องชำระเงิน');
    const text = await main.innerText();
    expect(text).toContain('ยกเลิกแล้ว');
    expect(text).not.toContain('ยอดค้างชำระ');
    expect(await page.locator('#pay').count()).toBe(0);
    expect(await page.locator('img.qr').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'ฉันชำระแล้ว' }).count()).toBe(0);
    expect(await findLayoutProblems(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'void-invoice.png'), fullPage: true });

    // Home offers to pay the owing invoice, never the void one.
    await page.goto(`${t.baseUrl}/c/${token}`);
    await expect.poll(() => page.locator(`main a[href*="${f.secondInvoiceId}"]`).count()).toBeGreaterThan(0);
    expect(await page.locator(`main a[href*="${voidId}"]`).count()).toBe(0);
    await context.close();
  });
});
