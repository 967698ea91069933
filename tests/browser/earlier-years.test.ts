/**
 * A customer with years of history at phone size (360 px): the documents screen lists this
 * year's documents and offers earlier Buddhist-era years; opening one loads that year only, a
 * page of documents at a time. Screenshot: tests/.tmp/screenshots/earlier-years.png.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../helpers/test-app.ts';
import { issueLink } from '../helpers/portal-fixtures.ts';
import { seedLongHistory } from '../helpers/long-history.ts';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import {
  AXE_WCAG22_AA_TAGS,
  launchChromium,
  PHONE,
  SCREENSHOT_DIR,
  findLayoutProblems,
  findTouchTargetProblems,
  type AxeViolation,
} from '../helpers/browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** As tests/browser/screens-checked.test.ts: evaluated through DevTools, so the page's CSP stays as it is. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  }, AXE_WCAG22_AA_TAGS);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}: ${v.help}`));
}

let t: TestApp;
let browser: Browser;
let token: string;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const now = new Date();
  t = await startTestApp({ now: now.toISOString(), env: { PUBLIC_URL: '' } });
  const customer = await t.ctx.db.customer.create({ data: { name: 'คุณลูกค้า ประจำ' } });
  await seedLongHistory(t.ctx.db, customer.id, now.toISOString().slice(0, 10), { jobs: 20, invoices: 400, openInvoices: 2 });
  await t.adminOk('saveBusiness', { body: VAT_BUSINESS });
  token = (await issueLink(t, 'customer', customer.id)).token;
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('earlier years on a phone', () => {
  it('loads one earlier year on demand and shows more on request', async () => {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
    const page = await context.newPage();
    const historyCalls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/history/')) historyCalls.push(r.url());
    });
    await page.goto(`${t.baseUrl}/c/${token}/documents`);
    const main = page.locator('main');
    await expect.poll(() => main.innerText()).toContain('ปีก่อน ๆ');
    const thisYear = new Date().getFullYear() + 543;
    const earlier = page.getByRole('button', { name: `พ.ศ. ${thisYear - 2}` });
    expect(historyCalls).toEqual([]);
    await earlier.click();
    await expect.poll(() => main.innerText()).toContain('แสดงเพิ่มอีก 30 ฉบับ');
    expect(historyCalls).toHaveLength(1);
    expect(historyCalls[0]).toContain(`/history/${thisYear - 2}`);
    expect(await earlier.getAttribute('aria-pressed')).toBe('true');
    const rows = () => page.locator('section:has(h2:text("ปีก่อน ๆ")) li.doc').count();
    expect(await rows()).toBe(30);
    await page.getByRole('button', { name: 'แสดงเพิ่มอีก 30 ฉบับ' }).click();
    await expect.poll(rows).toBe(60);
    expect(await findLayoutProblems(page)).toEqual([]);
    expect(await findTouchTargetProblems(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'earlier-years.png'), fullPage: false, clip: { x: 0, y: 0, width: 360, height: 740 } });
    await earlier.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'earlier-years-open.png') });
    await context.close();
  });
});
