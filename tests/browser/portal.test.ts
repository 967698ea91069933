/**
 * The portal in a real browser at phone size: what a client sees, live updates, the QR read back
 * from a screenshot, the language toggle, the unavailable page, and the inside-LINE path (LIFF mock).
 * Screenshots land in tests/.tmp/screenshots for people to look at.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../helpers/portal-fixtures.ts';
import { launchChromium, PHONE, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { decodeQrPng } from '../helpers/decode-qr.ts';
import { parsePromptPayPayload } from '../helpers/promptpay-payload.ts';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../fakes/fake-line-api.ts';

let t: TestApp;
let f: PortalFixture;
let browser: Browser;
let line: FakeLineApi;
const LIFF_ID = '1650000001-AbCdEfGh';

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  line = await startFakeLineApi({ channelAccessToken: 'unused', loginChannelId: '1650000001' });
  // The browser uses the real clock for nothing that matters; the server clock is "now".
  t = await startTestApp({
    now: new Date().toISOString(),
    env: { LIFF_ID, LINE_LOGIN_CHANNEL_ID: '1650000001', LINE_VERIFY_URL: `${line.baseUrl}/oauth2/v2.1/verify`, PUBLIC_URL: '' },
  });
  f = await createPortalFixture(t);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
  await line?.close();
});

async function phonePage(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  return context.newPage();
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

describe('the client portal on a phone', () => {
  it('opens a customer link and shows jobs and invoices without a second data request', async () => {
    const link = await issueLink(t, 'customer', f.customerId);
    const page = await phonePage();
    const apiCalls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/portal/') && !r.url().includes('/events')) apiCalls.push(r.url());
    });
    await page.goto(`${t.baseUrl}/c/${link.token}`);
    await expect.poll(() => page.getByText('คุณสมชาย', { exact: false }).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('ถ่ายโฆษณา').first().isVisible()).toBe(true);
    expect(apiCalls).toEqual([]);
    await shot(page, 'home-th');
    await page.goto(`${t.baseUrl}/c/${link.token}/invoices`);
    const invoiceNumber = (await t.ctx.db.invoice.findUniqueOrThrow({ where: { id: f.invoiceId } })).number;
    await expect.poll(() => page.getByText(invoiceNumber).first().isVisible()).toBe(true);
    await shot(page, 'invoices-th');
    await page.context().close();
  });

  it('shows a stage change live, without reloading', async () => {
    const link = await issueLink(t, 'customer', f.customerId);
    const page = await phonePage();
    await page.goto(`${t.baseUrl}/c/${link.token}/jobs/${f.jobId}`);
    await expect.poll(() => page.getByText('ถ่ายโฆษณา').first().isVisible()).toBe(true);
    const navigations: string[] = [];
    page.on('framenavigated', (fr) => navigations.push(fr.url()));
    const current = (await t.ctx.db.job.findUniqueOrThrow({ where: { id: f.jobId } })).stage;
    const target = current === 'loaded' ? 'delivering' : 'loaded';
    const label = target === 'loaded' ? 'ขึ้นรถแล้ว' : 'กำลังจัดส่ง';
    // The timeline lists the stages still to come too, so look at the current step, not any text.
    const currentStep = page.locator('li[aria-current="step"]');
    await expect.poll(() => currentStep.textContent()).not.toContain(label);
    await t.adminOk('moveJobStage', { params: { id: f.jobId }, body: { stage: target } });
    // Live means without a reload; how fast is for the benchmarks, so the wait here is generous.
    await currentStep.filter({ hasText: label }).waitFor({ state: 'visible', timeout: 15_000 });
    expect(navigations).toEqual([]);
    await shot(page, 'job-live-th');
    await page.context().close();
  });

  it('shows a PromptPay QR that decodes to the exact balance', async () => {
    const link = await issueLink(t, 'invoice', f.invoiceId);
    const page = await phonePage();
    await page.goto(`${t.baseUrl}/c/${link.token}`);
    const img = page.locator('img[src*="/qr/invoice/"]').first();
    await img.waitFor({ state: 'visible' });
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    await img.scrollIntoViewIfNeeded();
    const decoded = decodeQrPng(await img.screenshot());
    expect(decoded).not.toBeNull();
    const payload = parsePromptPayPayload(decoded!);
    const view = await (await fetch(`${t.baseUrl}/api/portal/${link.token}`)).json();
    expect(payload.crcValid).toBe(true);
    expect(payload.amount).toBe((view.invoices[0].balanceSatang / 100).toFixed(2));
    await expect.poll(() => page.getByText('8,360.00').first().isVisible()).toBe(true);
    await shot(page, 'invoice-pay-th');
    await page.context().close();
  });

  it('switches to English and remembers it on this device', async () => {
    const link = await issueLink(t, 'customer', f.customerId);
    const page = await phonePage();
    await page.goto(`${t.baseUrl}/c/${link.token}`);
    await page.locator('button.lang').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect
      .poll(() =>
        page
          .getByText(/Invoices|Jobs/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await shot(page, 'home-en');
    await page.context().close();
  });

  it('shows one friendly unavailable page for a bad link, with a neutral "send me a new link"', async () => {
    const page = await phonePage();
    const res = await page.goto(`${t.baseUrl}/c/${'Q'.repeat(32)}`);
    expect(res?.status()).toBe(410);
    await expect.poll(() => page.getByText('ไม่สามารถเปิดลิงก์นี้ได้').isVisible()).toBe(true);
    await shot(page, 'unavailable-th');
    const button = page.getByRole('button', { name: 'ส่งลิงก์ใหม่ให้ฉัน' });
    await button.click();
    await expect.poll(() => page.getByText('หากเรามีข้อมูลติดต่อของคุณอยู่แล้ว', { exact: false }).isVisible()).toBe(true);
    await page.context().close();
  });

  it('inside LINE (LIFF mock): reads liff.state, binds the verified LINE user after "Yes", offers add-friend', async () => {
    const link = await issueLink(t, 'customer', f.otherCustomerId);
    const userId = fakeLineUserId();
    const idToken = line.issueIdToken({ sub: userId, name: 'วิภา' });
    const page = await phonePage();
    await page.addInitScript((token) => {
      (window as unknown as { __LIFF_MOCK__: unknown }).__LIFF_MOCK__ = { getIDToken: token, getFriendship: { friendFlag: false } };
    }, idToken);
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await page.goto(`${t.baseUrl}/liff?liff.state=${encodeURIComponent(`/c/${link.token}`)}`);
    await expect.poll(() => page.getByText('คุณวิภา', { exact: false }).first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'ใช่', exact: true }).click();
    await expect.poll(async () => (await t.ctx.db.lineUser.findUnique({ where: { lineUserId: userId } }))?.customerId ?? null).toBe(f.otherCustomerId);
    await expect.poll(() => page.getByRole('link', { name: 'เพิ่มเพื่อน' }).isVisible()).toBe(true);
    expect(scripts.some((s) => /sdk-/.test(s))).toBe(true);
    await shot(page, 'liff-home-th');
    await page.context().close();
  });

  it('after many failed lookups from this network: the busy page for unknown links, working links still open', async () => {
    for (let i = 0; i < 30; i++) await fetch(`${t.baseUrl}/api/portal/${String(i).padStart(32, 'W')}`);
    const page = await phonePage();
    const res = await page.goto(`${t.baseUrl}/c/${'W'.repeat(32)}`);
    expect(res?.status()).toBe(429);
    await expect.poll(() => page.getByText('มีการใช้งานถี่เกินไป').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'ส่งลิงก์ใหม่ให้ฉัน' }).count()).toBe(0);
    await shot(page, 'busy-th');
    const link = await issueLink(t, 'customer', f.customerId);
    expect((await page.goto(`${t.baseUrl}/c/${link.token}`))?.status()).toBe(200);
    await expect.poll(() => page.getByText('คุณสมชาย', { exact: false }).first().isVisible()).toBe(true);
    await page.context().close();
    t.clock.advance(15 * 60_000); // the failure window ends: later tests start clean
  });

  it('the web path never downloads the LIFF SDK', async () => {
    const link = await issueLink(t, 'customer', f.customerId);
    const page = await phonePage();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await page.goto(`${t.baseUrl}/c/${link.token}`);
    await page.waitForLoadState('networkidle');
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.some((s) => /sdk-|mock-/.test(s))).toBe(false);
    await page.context().close();
  });
});
