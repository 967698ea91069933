/**
 * Every staff app screen, in Thai and English, at 320 and 360 px: no WCAG 2.2 AA violation
 * (axe-core, run against the real CSP), nothing overflowing, touch targets ≥ 44 px. Screenshots
 * land in tests/.tmp/screenshots/staff-screens/. Also the first-load budget: the JavaScript the
 * staff page loads before it runs (LIFF SDK excluded, it is a separate chunk loaded on demand)
 * is at most 60 KB gzipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import {
  AXE_WCAG22_AA_TAGS,
  findLayoutProblems,
  findTouchTargetProblems,
  launchChromium,
  PHONE,
  SCREENSHOT_DIR,
  type AxeViolation,
} from '../helpers/browser.ts';
import { enrolNewStaff, startStaffTestApp, type StaffTestApp } from '../helpers/staff-app.ts';
import { createPortalFixture, type PortalFixture } from '../helpers/portal-fixtures.ts';
import { fakeLineUserId } from '../fakes/fake-line-api.ts';
import { PORTAL_DIST } from '../../server/http/portal/portal-html.ts';

const SHOT_DIR = path.join(SCREENSHOT_DIR, 'staff-screens');
const WIDTHS = [320, 360];
const LANGS = ['th', 'en'] as const;
const FIRST_LOAD_BUDGET_BYTES = 60 * 1024;

let app: StaffTestApp;
let f: PortalFixture;
let browser: Browser;
let owner: { lineUserId: string };
let axeSource: string;

beforeAll(async () => {
  mkdirSync(SHOT_DIR, { recursive: true });
  app = await startStaffTestApp({ env: { STAFF_LIFF_ID: '1650000042-StaffApp', PUBLIC_URL: '' } });
  f = await createPortalFixture(app.t);
  owner = await enrolNewStaff(app, 'owner', 'สมศรี ใจดี');
  browser = await launchChromium();
  axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

interface Screen {
  name: string;
  target: () => string;
  /** Text on the finished screen (either language). */
  ready: RegExp;
  lineUserId?: () => string;
}

const SCREENS: Screen[] = [
  { name: 'today', target: () => '/', ready: /แจ้งชำระรอตรวจ|Payment notices waiting/ },
  { name: 'jobs', target: () => '/jobs', ready: /JOB-|Nothing here|ไม่มีรายการ/ },
  { name: 'quote', target: () => `/quotes/${f.quoteId}`, ready: /ทำใบแจ้งหนี้จากใบเสนอราคานี้|Invoice this quotation/ },
  { name: 'invoice', target: () => `/invoices/${f.invoiceId}`, ready: /บันทึกการรับเงิน|Record a payment/ },
  { name: 'deposit', target: () => `/deposits/${f.jobDepositId}`, ready: /คืนเงินประกัน|Return the deposit/ },
  { name: 'customer-new', target: () => '/customers/new', ready: /ลูกค้าใหม่|New customer/ },
  { name: 'customer', target: () => `/customers/${f.customerId}`, ready: /ใบแจ้งหนี้ค้าง|Open invoices/ },
  { name: 'quote-editor', target: () => `/customers/${f.customerId}/quotes/new`, ready: /ยอดรวม|Totals/ },
  { name: 'money', target: () => '/money', ready: /แจ้งชำระรอตรวจ|Payment notices waiting/ },
  { name: 'business', target: () => '/business', ready: /ข้อมูลร้าน|Business profile/ },
  { name: 'not-staff', target: () => '/', ready: /ไม่ใช่พนักงาน|not on the staff/, lineUserId: () => fakeLineUserId() },
];

async function open(screen: Screen, lang: 'th' | 'en'): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const page = await context.newPage();
  const token = app.line.issueIdToken({ sub: screen.lineUserId?.() ?? owner.lineUserId, name: 'สมศรี' });
  await page.addInitScript(
    ({ idToken, language }) => {
      (window as unknown as { __LIFF_MOCK__: unknown }).__LIFF_MOCK__ = { getIDToken: idToken };
      localStorage.setItem('staff-lang', language);
    },
    { idToken: token, language: lang },
  );
  await page.goto(`${app.t.baseUrl}/staff?liff.state=${encodeURIComponent(screen.target())}`);
  await expect
    .poll(() =>
      page
        .getByRole('heading', { level: 1 })
        .or(page.getByRole('heading', { level: 2 }))
        .first()
        .isVisible(),
    )
    .toBe(true);
  await expect.poll(() => page.getByText(screen.ready).first().isVisible()).toBe(true);
  await page.waitForLoadState('networkidle');
  return page;
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, AXE_WCAG22_AA_TAGS);
}

describe.each(LANGS)('every staff screen in %s', (lang) => {
  it.each(SCREENS)('$name: no WCAG 2.2 AA violation, no overflow at 320/360 px, touch targets ≥ 44 px', async (screen) => {
    const page = await open(screen, lang);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    const problems: string[] = [];
    const where = (width?: number) => `[${screen.name} ${lang}${width ? ` ${width}px` : ''}]`;
    for (const v of await runAxe(page)) {
      for (const n of v.nodes) problems.push(`${where()} axe ${v.id} at ${n.target.join(' ')}: ${v.help}`);
    }
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: PHONE.height });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      for (const p of await findLayoutProblems(page)) problems.push(`${where(width)} ${p}`);
      for (const p of await findTouchTargetProblems(page)) problems.push(`${where(width)} ${p}`);
      await page.screenshot({ path: path.join(SHOT_DIR, `${screen.name}-${lang}-${width}.png`) });
    }
    await page.context().close();
    expect(problems).toEqual([]);
  });
});

describe('first load', () => {
  it(`loads at most ${FIRST_LOAD_BUDGET_BYTES / 1024} KB of gzipped JavaScript before it runs (LIFF SDK excluded)`, () => {
    const html = readFileSync(path.join(PORTAL_DIST, 'staff.html'), 'utf8');
    const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/assets-portal\/([^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.some((s) => /\/(sdk|mock)-/.test(s))).toBe(false);
    const bytes = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(PORTAL_DIST, file))).length, 0);
    console.log(`staff app first load: ${(bytes / 1024).toFixed(1)} KB gzipped JS (${scripts.join(', ')}); budget ${FIRST_LOAD_BUDGET_BYTES / 1024} KB`);
    expect(bytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
  });
});
