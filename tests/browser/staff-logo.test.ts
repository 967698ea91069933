/**
 * Staff app, the business logo: the owner uploads a JPEG on the business screen (shown at once,
 * stored as PNG), a file over 500 KB is refused before upload, the portal header shows the logo,
 * and the owner removes it again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import path from 'node:path';
import sharp from 'sharp';
import { findTouchTargetProblems, launchChromium, PHONE, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { enrolNewStaff, startStaffTestApp, type StaffTestApp } from '../helpers/staff-app.ts';
import { issueLink } from '../helpers/portal-fixtures.ts';

let app: StaffTestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startStaffTestApp({ env: { STAFF_LIFF_ID: '1650000042-StaffApp', PUBLIC_URL: '' } });
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

const loaded = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)
    .catch(() => false);

describe('business logo in the staff app', () => {
  it('the owner uploads a logo, it shows on the portal header, then removes it', async () => {
    const owner = await enrolNewStaff(app, 'owner');
    const page = await open(owner.lineUserId, '/business');
    await expect.poll(() => page.getByText('ยังไม่มีโลโก้').isVisible()).toBe(true);

    // Too big: refused in the app, nothing sent.
    await page.getByLabel('อัปโหลดโลโก้').setInputFiles({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(600 * 1024, 1) });
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('ไฟล์ใหญ่เกิน 500 KB');
    expect(await app.t.ctx.db.businessLogo.count()).toBe(0);

    const jpeg = await sharp({ create: { width: 900, height: 300, channels: 3, background: '#0f766e' } })
      .jpeg()
      .toBuffer();
    await page.getByLabel('อัปโหลดโลโก้').setInputFiles({ name: 'logo.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await expect.poll(() => page.getByRole('status').textContent()).toBe('บันทึกโลโก้แล้ว');
    await expect.poll(() => loaded(page, 'img.logo-preview')).toBe(true);
    const stored = await app.t.ctx.db.businessLogo.findUniqueOrThrow({ where: { id: 'default' } });
    expect(await page.locator('img.logo-preview').getAttribute('src')).toBe(`/business-logo/${stored.sha256}.png`);
    expect(await findTouchTargetProblems(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'staff-logo-th-360.png'), fullPage: true });

    const customer = await app.t.adminOk('createCustomer', { body: { name: 'คุณพอร์ทัล' } });
    const link = await issueLink(app.t, 'customer', customer.id);
    const portal = await page.context().newPage();
    await portal.goto(`${app.t.baseUrl}/c/${link.token}`);
    await expect.poll(() => loaded(portal, 'header img.brand-logo')).toBe(true);
    await portal.screenshot({ path: path.join(SCREENSHOT_DIR, 'portal-logo-th-360.png') });
    await portal.close();

    await page.getByRole('button', { name: 'ลบโลโก้' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('ลบโลโก้แล้ว');
    expect(await app.t.ctx.db.businessLogo.count()).toBe(0);
    expect(await page.getByText('ยังไม่มีโลโก้').isVisible()).toBe(true);
    await page.context().close();
  });

  it('a staff member sees the logo section without upload or remove', async () => {
    const member = await enrolNewStaff(app, 'staff');
    const page = await open(member.lineUserId, '/business');
    await expect.poll(() => page.getByText('ยังไม่มีโลโก้').isVisible()).toBe(true);
    expect(await page.getByLabel('อัปโหลดโลโก้').count()).toBe(0);
    await page.context().close();
  });
});
