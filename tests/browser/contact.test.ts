/**
 * The contact card on every screen of every link scope, at phone width: the business's LINE,
 * phone and email buttons, each a comfortable touch target. Screenshots in tests/.tmp/screenshots.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../helpers/portal-fixtures.ts';
import { launchChromium, PHONE, SCREENSHOT_DIR } from '../helpers/browser.ts';

let t: TestApp;
let f: PortalFixture;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  t = await startTestApp({ now: new Date().toISOString(), env: { PUBLIC_URL: '' } });
  f = await createPortalFixture(t);
  expect((await t.admin('PUT', '/business', { ...VAT_BUSINESS, phone: '02-123-4567', email: 'hello@shop.example', lineOaId: '@testshop' })).status).toBe(200);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function open(url: string, locale: 'th-TH' | 'en-US' = 'th-TH'): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale, timezoneId: 'Asia/Bangkok' });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** The three buttons, visible, pointing at the business (not the customer), each at least 44×44 px. */
async function expectContactButtons(page: Page, title: RegExp) {
  const card = page.locator('.contact-footer');
  await card.getByRole('heading', { name: title }).waitFor({ state: 'visible', timeout: 5000 });
  const hrefs = { line: 'https://line.me/R/ti/p/%40testshop', phone: 'tel:021234567', email: 'mailto:hello@shop.example' };
  for (const [kind, href] of Object.entries(hrefs)) {
    const button = card.locator(`a[data-contact="${kind}"]`);
    expect(await button.getAttribute('href'), kind).toBe(href);
    await button.scrollIntoViewIfNeeded();
    expect(await button.isVisible(), kind).toBe(true);
    const box = (await button.boundingBox())!;
    expect(box.height, `${kind} height`).toBeGreaterThanOrEqual(44);
    expect(box.width, `${kind} width`).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width, `${kind} fits the screen`).toBeLessThanOrEqual(PHONE.width);
  }
  expect(await card.innerHTML()).not.toMatch(/0812345678|somchai@example\.com/);
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

describe('contact the business from every page', () => {
  it('a quote-only link shows LINE, phone and email buttons (Thai and English)', async () => {
    const { token } = await issueLink(t, 'quote', f.quoteId);
    const page = await open(`${t.baseUrl}/c/${token}`);
    await expectContactButtons(page, /ติดต่อเรา/);
    expect(await page.locator('a[data-contact="phone"]').innerText()).toContain('โทร 02-123-4567');
    await shot(page, 'contact-quote-link-th');
    await page
      .getByRole('button', { name: /English|EN/i })
      .first()
      .click();
    await expectContactButtons(page, /Contact us/);
    expect(await page.locator('a[data-contact="line"]').innerText()).toBe('Chat on LINE');
    await page.context().close();
  });

  it('an invoice-only link shows LINE, phone and email buttons', async () => {
    const { token } = await issueLink(t, 'invoice', f.invoiceId);
    const page = await open(`${t.baseUrl}/c/${token}`);
    await expectContactButtons(page, /ติดต่อเรา/);
    await shot(page, 'contact-invoice-link-th');
    await page.context().close();
  });

  it('every screen of a customer link shows them: home, jobs, a job, invoices, deposits, documents', async () => {
    const { token } = await issueLink(t, 'customer', f.customerId);
    for (const sub of ['', '/jobs', `/jobs/${f.jobId}`, '/invoices', `/invoices/${f.invoiceId}`, '/deposits', '/documents', '/quotes']) {
      const page = await open(`${t.baseUrl}/c/${token}${sub}`);
      await expectContactButtons(page, /ติดต่อเรา/);
      if (sub === `/jobs/${f.jobId}`) await shot(page, 'contact-job-page-th');
      await page.context().close();
    }
  });
});
