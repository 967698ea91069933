/**
 * The statement of account in the portal's Documents screen: a card for customer-wide links only,
 * with the last 12 months and Buddhist-era years, each opening the PDF. Screenshot at 360 px in
 * tests/.tmp/screenshots/documents-statement.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, PHONE, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../helpers/portal-fixtures.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let f: PortalFixture;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  t = await startTestApp({ now: '2026-11-25T03:00:00.000Z', env: { PUBLIC_URL: '' } });
  f = await createPortalFixture(t);
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

describe('the statement of account in Documents', () => {
  it('a customer link shows it first, with the last 12 months and Buddhist-era years that open the PDF', async () => {
    const link = await issueLink(t, 'customer', f.customerId);
    const page = await phonePage();
    await page.goto(`${t.baseUrl}/c/${link.token}/documents`);
    const card = page.locator('section.statement');
    await card.waitFor();
    expect(await card.locator('h2').textContent()).toBe('ใบแจ้งยอดบัญชี');
    // Above the other documents, not repeated in their list.
    const [cardBox, listBox] = await Promise.all([card.boundingBox(), page.locator('ul.docs').boundingBox()]);
    expect(cardBox!.y).toBeLessThan(listBox!.y);
    expect(await page.locator('ul.docs li', { hasText: 'ใบแจ้งยอดบัญชี' }).count()).toBe(0);

    const years = await card.locator('.statement-years a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(years.map(([text]) => text)).toEqual(['ปี 2569', 'ปี 2568', 'ปี 2567']);
    expect(years[1]![1]).toBe(`/api/portal/${link.token}/documents/statement.${f.customerId}?year=2568`);
    for (const href of [await card.locator('.doc-actions a').first().getAttribute('href'), years[0]![1]]) {
      const res = await page.request.get(`${t.baseUrl}${href}`);
      expect(res.status(), href!).toBe(200);
      expect(res.headers()['content-type']).toBe('application/pdf');
    }
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'documents-statement.png'), fullPage: true });
    await page.context().close();
  });

  it('an invoice link has no statement', async () => {
    const link = await issueLink(t, 'invoice', f.invoiceId);
    const page = await phonePage();
    await page.goto(`${t.baseUrl}/c/${link.token}/documents`);
    await page.locator('ul.docs').first().waitFor();
    expect(await page.locator('section.statement').count()).toBe(0);
    await page.context().close();
  });
});
