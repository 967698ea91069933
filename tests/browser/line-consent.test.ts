/**
 * Inside LINE (LIFF mock) the portal asks before binding: "Receive updates for <customer> in this
 * LINE account?" with Yes / Not now. Only Yes binds; Not now is remembered; staff, other scopes and
 * a customer with 3 accounts are not asked. Screenshots at 360 px land in tests/.tmp/screenshots.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../helpers/portal-fixtures.ts';
import { launchChromium, PHONE, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../fakes/fake-line-api.ts';

let t: TestApp;
let f: PortalFixture;
let browser: Browser;
let line: FakeLineApi;
const LIFF_ID = '1650000002-AbCdEfGh';
const LOGIN_CHANNEL = '1650000002';

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  line = await startFakeLineApi({ channelAccessToken: 'unused', loginChannelId: LOGIN_CHANNEL });
  t = await startTestApp({
    now: new Date().toISOString(),
    env: { LIFF_ID, LINE_LOGIN_CHANNEL_ID: LOGIN_CHANNEL, LINE_VERIFY_URL: `${line.baseUrl}/oauth2/v2.1/verify`, PUBLIC_URL: '' },
  });
  f = await createPortalFixture(t);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
  await line?.close();
});

async function openInLine(token: string, lineUserId: string, locale = 'th-TH'): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale, timezoneId: 'Asia/Bangkok' });
  const page = await context.newPage();
  const idToken = line.issueIdToken({ sub: lineUserId, name: 'ลูกค้า LINE' });
  await page.addInitScript((token) => {
    (window as unknown as { __LIFF_MOCK__: unknown }).__LIFF_MOCK__ = { getIDToken: token, getFriendship: { friendFlag: false } };
  }, idToken);
  await page.goto(`${t.baseUrl}/liff?liff.state=${encodeURIComponent(`/c/${token}`)}`);
  await expect.poll(() => page.getByText('คุณสมชาย', { exact: false }).first().isVisible()).toBe(true);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
const boundTo = async (lineUserId: string) => (await t.ctx.db.lineUser.findUnique({ where: { lineUserId } }))?.customerId ?? null;
const question = 'รับการแจ้งเตือนของ คุณสมชาย ใจดี ใน LINE บัญชีนี้ไหม?';

describe('binding a LINE account asks the client first', () => {
  it('shows the question; nothing is bound until "Yes"; then confirms and offers add-friend', async () => {
    const link = await issueLink(t, 'customer', f.customerId);
    const user = fakeLineUserId();
    const page = await openInLine(link.token, user);
    await expect.poll(() => page.getByText(question).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'ไว้ทีหลัง' }).isVisible()).toBe(true);
    await shot(page, 'liff-line-consent-th');
    expect(await boundTo(user)).toBeNull();
    await page.getByRole('button', { name: 'ใช่', exact: true }).click();
    await expect.poll(() => page.getByText('บัญชี LINE นี้จะได้รับการแจ้งเตือนของ คุณสมชาย ใจดี แล้ว').isVisible()).toBe(true);
    expect(await boundTo(user)).toBe(f.customerId);
    // Not following (no follow event, no profile): the add-friend link to the business's OA.
    expect(await page.getByRole('link', { name: 'เพิ่มเพื่อน' }).getAttribute('href')).toBe('https://line.me/R/ti/p/%40testshop');
    await shot(page, 'liff-line-consent-done-th');
    await page.context().close();
  });

  it('"Not now" binds nothing and is not asked again on this link', async () => {
    const link = await issueLink(t, 'customer', f.customerId);
    const user = fakeLineUserId();
    const page = await openInLine(link.token, user);
    await page.getByRole('button', { name: 'ไว้ทีหลัง' }).click();
    await expect.poll(() => page.getByText(question).isVisible()).toBe(false);
    await page.reload();
    await expect.poll(() => page.getByText('คุณสมชาย', { exact: false }).first().isVisible()).toBe(true);
    await page.waitForLoadState('networkidle');
    expect(await page.getByText(question).isVisible()).toBe(false);
    expect(await boundTo(user)).toBeNull();
    await page.context().close();
  });

  it('in English: "Receive updates for … in this LINE account?" with Yes / Not now', async () => {
    const link = await issueLink(t, 'customer', f.customerId);
    const page = await openInLine(link.token, fakeLineUserId(), 'en-US');
    await page.getByRole('button', { name: 'EN' }).click();
    await expect.poll(() => page.getByText('Receive updates for คุณสมชาย ใจดี in this LINE account?').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Not now' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Yes', exact: true }).isVisible()).toBe(true);
    await shot(page, 'liff-line-consent-en');
    await page.context().close();
  });

  it('an enrolled staff member opening a client link is not asked (and the server would refuse)', async () => {
    const link = await issueLink(t, 'customer', f.customerId);
    const staff = fakeLineUserId();
    await t.ctx.db.staff.create({ data: { lineUserId: staff, role: 'staff' } });
    const page = await openInLine(link.token, staff);
    await page.waitForLoadState('networkidle');
    expect(await page.getByText(question).isVisible()).toBe(false);
    expect(await boundTo(staff)).toBeNull();
    await page.context().close();
  });
});
