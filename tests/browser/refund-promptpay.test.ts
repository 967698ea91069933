/**
 * "Refund to my PromptPay" on the deposits screen of a customer link, in a real browser at phone
 * size: a landline gets the server's own Thai message, a mobile number is saved normalised and
 * shown masked. The open form is checked like every screen (WCAG 2.2 AA, no overflow at 320/360 px,
 * 44 px targets). Screenshots land in tests/.tmp/screenshots (refund-promptpay-*.png).
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
import { CLIENT_REASONS } from '../../server/domain/error-messages.ts';

let t: TestApp;
let f: PortalFixture;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  t = await startTestApp({ now: new Date().toISOString(), env: { PUBLIC_URL: '' } });
  f = await createPortalFixture(t);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations;
  }, AXE_WCAG22_AA_TAGS);
  return violations.flatMap((v) => v.nodes.map((n) => `axe ${v.id} at ${n.target.join(' ')}: ${v.help}`));
}

describe('refund to my PromptPay, on a phone', () => {
  it('refuses a landline with the server message, saves a mobile number normalised and shows it masked', async () => {
    const { token } = await issueLink(t, 'customer', f.customerId);
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/c/${token}/deposits`);
    const section = page.locator('section[aria-labelledby="refund-pp-title"]');
    await expect.poll(() => section.getByRole('heading').textContent()).toBe('รับเงินคืนทางพร้อมเพย์');
    await section.getByRole('button', { name: 'ใส่พร้อมเพย์สำหรับรับเงินคืน' }).click();

    const input = section.getByLabel('เบอร์มือถือหรือเลขประจำตัวประชาชนที่ผูกพร้อมเพย์');
    await page.evaluate(() => document.fonts.ready);
    const problems = await axeViolations(page);
    for (const width of [320, 360]) {
      await page.setViewportSize({ width, height: PHONE.height });
      problems.push(...(await findLayoutProblems(page)).map((p) => `${width}px ${p}`), ...(await findTouchTargetProblems(page)).map((p) => `${width}px ${p}`));
    }
    expect(problems).toEqual([]);

    await input.fill('02-123-4567');
    await section.getByRole('button', { name: 'บันทึก' }).click();
    await expect.poll(() => section.getByRole('alert').textContent()).toBe(CLIENT_REASONS.promptpay_id_not_mobile.th);
    expect((await t.ctx.db.customer.findUniqueOrThrow({ where: { id: f.customerId } })).refundPromptPayId).toBeNull();
    await page.evaluate(() => window.scrollTo(0, 0)); // sticky bars drawn where they sit at the top
    await shot(page, 'refund-promptpay-form-th-360');

    await input.fill('+66 81 234 5678');
    await section.getByRole('button', { name: 'บันทึก' }).click();
    await expect.poll(() => section.getByText('เงินประกันจะคืนเข้าพร้อมเพย์ 081-xxx-5678').isVisible()).toBe(true);
    expect((await t.ctx.db.customer.findUniqueOrThrow({ where: { id: f.customerId } })).refundPromptPayId).toBe('0812345678');
    await page.evaluate(() => window.scrollTo(0, 0)); // sticky bars drawn where they sit at the top
    await shot(page, 'refund-promptpay-saved-th-360');
    await context.close();
  });
});
