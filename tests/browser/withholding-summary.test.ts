/**
 * The invoice summary card adds up when tax is withheld (360 px): total, withholding, net payable,
 * paid and balance due — net − paid = balance. Screenshot: tests/.tmp/screenshots/withholding-summary.png.
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
let invoiceId: string;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  t = await startTestApp({ now: new Date().toISOString(), env: { PUBLIC_URL: '' } });
  f = await createPortalFixture(t);
  const created = await t.admin('POST', '/invoices', {
    customerId: f.customerId,
    dueDate: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
    withholdingPercent: 3,
    lines: [
      { description: 'ค่าบริการตัดต่อวิดีโอ', quantity: 2, unitPriceSatang: 100000 },
      { description: 'ค่าบริการถ่ายภาพ', quantity: 3, unitPriceSatang: 33333 },
    ],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  invoiceId = created.body.id;
  expect((await t.admin('POST', `/invoices/${invoiceId}/send`, {})).status).toBeLessThan(300);
  await t.adminOk('recordPayment', { params: { id: invoiceId }, body: { amountSatang: 100000, method: 'bank_transfer' } });
  token = (await issueLink(t, 'customer', f.customerId)).token;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('invoice summary with withholding tax', () => {
  it('shows total, withholding, net payable, paid and balance, which add up', async () => {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/c/${token}/invoices/${invoiceId}`);
    const card = page.locator('main .card').first();
    await expect.poll(() => card.innerText()).toContain('หักภาษี ณ ที่จ่าย');
    const text = (await card.innerText()).replace(/\s+/g, ' ');
    // 3,209.99 − 90.00 = 3,119.99; 3,119.99 − 1,000.00 paid = 2,119.99 due.
    expect(text).toMatch(/ยอดรวม ฿3,209\.99/);
    expect(text).toMatch(/หักภาษี ณ ที่จ่าย -฿90\.00/);
    expect(text).toMatch(/ยอดชำระสุทธิ ฿3,119\.99/);
    expect(text).toMatch(/ยอดที่ชำระแล้ว ฿1,000\.00/);
    expect(text).toMatch(/ยอดค้างชำระ ฿2,119\.99/);
    expect(await findLayoutProblems(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'withholding-summary.png'), fullPage: true });
    await context.close();
  });
});
