/** Opens the staff app in Chromium at phone size, signed in through the LIFF mock as one staff member. */
import type { Browser, Page } from 'playwright-core';
import { PHONE } from './browser.ts';
import type { StaffTestApp } from './staff-app.ts';

export async function openStaffApp(browser: Browser, app: StaffTestApp, lineUserId: string, target: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const page = await context.newPage();
  await page.addInitScript(
    (idToken) => {
      (window as unknown as { __LIFF_MOCK__: unknown }).__LIFF_MOCK__ = { getIDToken: idToken };
    },
    app.line.issueIdToken({ sub: lineUserId }),
  );
  await page.goto(`${app.t.baseUrl}/staff?liff.state=${encodeURIComponent(target)}`);
  return page;
}
