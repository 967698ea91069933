/**
 * "I have paid" in a real browser at phone size: the client uploads a generated slip carrying a
 * valid mini QR through the pay screen, sees "waiting for confirmation", staff confirm through
 * the admin API, and the page shows the invoice paid with its receipt, without a reload. The open
 * form is checked like every other screen (WCAG 2.2 AA, no overflow at 320/360 px, 44 px targets),
 * and a forged slip gets the server's own Thai message.
 * Screenshots land in tests/.tmp/screenshots (pay-slip-*.png).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../helpers/portal-fixtures.ts';
import {
  AXE_WCAG22_AA_TAGS,
  launchChromium,
  PHONE,
  SCREENSHOT_DIR,
  findLayoutProblems,
  findTouchTargetProblems,
  type AxeViolation,
} from '../helpers/browser.ts';
import { slipPayload, slipPng } from '../helpers/slip-image.ts';
import { CLIENT_REASONS } from '../../server/domain/error-messages.ts';

let t: TestApp;
let f: PortalFixture;
let browser: Browser;
let token: string;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  t = await startTestApp({ now: new Date().toISOString(), env: { PUBLIC_URL: '' } });
  f = await createPortalFixture(t);
  token = (await issueLink(t, 'customer', f.customerId)).token;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function phonePage(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  return context.newPage();
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations;
  }, AXE_WCAG22_AA_TAGS);
  return violations.flatMap((v) => v.nodes.map((n) => `axe ${v.id} at ${n.target.join(' ')}: ${v.help}`));
}

describe('paying an invoice with a slip, on a phone', () => {
  it('uploads the slip, shows it waiting, and shows paid with the receipt once staff confirm — no reload', async () => {
    const page = await phonePage();
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await page.goto(`${t.baseUrl}/c/${token}/invoices/${f.secondInvoiceId}#pay`);
    const pay = page.locator('#pay');
    await pay.getByRole('button', { name: 'ฉันชำระแล้ว' }).click();

    // Amount prefilled with the balance, in baht.
    const inv = await t.ctx.db.invoice.findUniqueOrThrow({ where: { id: f.secondInvoiceId } });
    const balance = inv.netPayableSatang - inv.paidSatang;
    await expect.poll(() => pay.getByLabel('จำนวนเงินที่โอน (บาท)').inputValue()).toBe((balance / 100).toFixed(2));
    // Camera or gallery: images only, and the camera is not forced.
    const slipInput = pay.locator('input[name="slip"]');
    expect(await slipInput.getAttribute('accept')).toBe('image/jpeg,image/png,image/webp');
    expect(await slipInput.getAttribute('capture')).toBeNull();

    // The open form meets the same bar as every screen, at 320 and 360 px.
    await page.evaluate(() => document.fonts.ready);
    const problems = await axeViolations(page);
    for (const width of [320, 360]) {
      await page.setViewportSize({ width, height: PHONE.height });
      problems.push(...(await findLayoutProblems(page)).map((p) => `${width}px ${p}`), ...(await findTouchTargetProblems(page)).map((p) => `${width}px ${p}`));
    }
    expect(problems).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0)); // sticky bars drawn where they sit at the top
    await shot(page, 'pay-slip-form-th-360');

    // A forged "slip.png" that is really HTML: the server's own message, in Thai, and nothing sent.
    await slipInput.setInputFiles({ name: 'slip.png', mimeType: 'image/png', buffer: Buffer.from('<html><body>not a slip</body></html>') });
    await pay.getByRole('button', { name: 'ส่งแจ้งชำระ' }).click();
    await expect.poll(() => pay.getByRole('alert').textContent()).toBe(CLIENT_REASONS.slip_type.th);
    expect(await t.ctx.db.paymentNotice.count()).toBe(0);

    // The real slip, with the mini QR a Thai bank prints.
    const transRef = '016333123456BROWSER1';
    await slipInput.setInputFiles({ name: 'IMG_2041.png', mimeType: 'image/png', buffer: await slipPng(slipPayload(transRef)) });
    await pay.getByRole('button', { name: 'ส่งแจ้งชำระ' }).click();

    const pending = pay.locator('.pending');
    await expect.poll(() => pending.isVisible()).toBe(true);
    expect(await pending.textContent()).toContain('รอตรวจสอบ');
    // The balance card says what is pending.
    await expect.poll(() => page.getByText('แจ้งชำระแล้ว รอตรวจสอบ').first().isVisible()).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'pay-slip-pending-th-360');

    const notice = await t.ctx.db.paymentNotice.findFirstOrThrow({ where: { invoiceId: f.secondInvoiceId } });
    expect(notice).toMatchObject({ status: 'pending_review', amountSatang: balance, slipTransRef: transRef, slipSendingBank: '004', channel: 'web' });

    // Staff confirm through the admin API; the open page follows live.
    const confirmed = await t.adminOk('confirmPaymentNotice', { params: { id: notice.id }, body: {} });
    expect(confirmed.invoice?.status).toBe('paid');
    await expect.poll(() => page.locator('#pay').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.locator('.badge').first().textContent()).toBe('ชำระแล้ว');
    await expect.poll(() => page.getByText(confirmed.receipt.number).first().isVisible()).toBe(true);
    expect(navigations).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'pay-slip-paid-th-360');
    await page.context().close();
  });

  it('attaches the 50 ทวิ later from the pending box, then sees it attached — on the pending notice and on the confirmed payment', async () => {
    const page = await phonePage();
    await page.goto(`${t.baseUrl}/c/${token}/invoices/${f.invoiceId}#pay`);
    const pay = page.locator('#pay');
    await pay.getByRole('button', { name: 'ฉันชำระแล้ว' }).click();
    await pay.getByLabel('จำนวนเงินที่โอน (บาท)').fill('100');
    await pay
      .locator('input[name="slip"]')
      .setInputFiles({ name: 'slip.png', mimeType: 'image/png', buffer: await slipPng(slipPayload('016333123456LATERWHT1')) });
    await pay.getByRole('button', { name: 'ส่งแจ้งชำระ' }).click();
    const pending = pay.locator('.pending');
    await expect.poll(() => pending.isVisible()).toBe(true);

    // Days later the accounts department sends the certificate: attached from the pending box.
    await pending.getByRole('button', { name: 'แนบหนังสือรับรองหัก ณ ที่จ่าย (50 ทวิ)' }).click();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await pending.locator('input[name="withholdingCertificate"]').setInputFiles({ name: '50tawi.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.evaluate(() => document.fonts.ready);
    const problems: string[] = [];
    for (const width of [320, 360]) {
      await page.setViewportSize({ width, height: PHONE.height });
      problems.push(...(await findLayoutProblems(page)).map((p) => `${width}px ${p}`), ...(await findTouchTargetProblems(page)).map((p) => `${width}px ${p}`));
    }
    expect(problems).toEqual([]);
    await pending.screenshot({ path: path.join(SCREENSHOT_DIR, 'pay-slip-certificate-form-th-360.png') });
    await pending.getByRole('button', { name: 'ส่ง 50 ทวิ' }).click();
    await expect.poll(() => pending.getByText('50 ทวิ แนบแล้ว').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await pending.screenshot({ path: path.join(SCREENSHOT_DIR, 'pay-slip-certificate-later-th-360.png') });

    const notice = await t.ctx.db.paymentNotice.findFirstOrThrow({ where: { invoiceId: f.invoiceId }, include: { withholdingCertFile: true } });
    expect(notice.withholdingCertFile?.mimeType).toBe('application/pdf');
    // Confirmed: the payments list says the certificate is there, and offers nothing more.
    await t.adminOk('confirmPaymentNotice', { params: { id: notice.id }, body: {} });
    await expect.poll(() => page.locator('.list-item .cert-attached').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('button', { name: 'แนบหนังสือรับรองหัก ณ ที่จ่าย (50 ทวิ)' }).count()).toBe(0);
    await page.context().close();
  });
});
