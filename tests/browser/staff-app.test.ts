/**
 * The staff app inside LINE (LIFF mock; the fake LINE API verifies the ID token): an enrolled
 * staff member signs in, creates a customer, a quote (live totals), an invoice from it, sends
 * the invoice, records a payment and opens the receipt. A LINE user who is not staff, and one
 * who was removed, get 403 and the "not staff" screen. Screenshots at 320/360 px, Thai and
 * English, land in tests/.tmp/screenshots (staff-*.png).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, PHONE, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { enrolNewStaff, startStaffTestApp, type StaffTestApp } from '../helpers/staff-app.ts';
import { fakeLineUserId } from '../fakes/fake-line-api.ts';

let app: StaffTestApp;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  app = await startStaffTestApp({ env: { STAFF_LIFF_ID: '1650000042-StaffApp', PUBLIC_URL: '' } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Opens the staff app the way LINE does (endpoint + liff.state), as this LINE user. */
async function openInLine(lineUserId: string, target: string, opts: { lang?: 'th' | 'en'; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { ...PHONE, width: opts.width ?? PHONE.width },
    deviceScaleFactor: 2,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
  });
  const page = await context.newPage();
  const idToken = app.line.issueIdToken({ sub: lineUserId, name: 'พนักงาน' });
  await page.addInitScript(
    ({ token, lang }) => {
      (window as unknown as { __LIFF_MOCK__: unknown }).__LIFF_MOCK__ = { getIDToken: token };
      if (lang === 'en') localStorage.setItem('staff-lang', 'en');
    },
    { token: idToken, lang: opts.lang ?? 'th' },
  );
  await page.goto(`${app.t.baseUrl}/staff?liff.state=${encodeURIComponent(target)}`);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `staff-${name}.png`), fullPage: true });
const heading = (page: Page) => page.getByRole('heading', { level: 1 });

describe('the staff app: the daily path from a new customer to a receipt', () => {
  it('signs in, creates a customer, a quote and an invoice, sends it, records a payment and opens the receipt', async () => {
    const owner = await enrolNewStaff(app, 'owner', 'สมศรี');
    const page = await openInLine(owner.lineUserId, '/customers/new');
    await expect.poll(() => heading(page).textContent()).toBe('ลูกค้าใหม่');
    expect(new URL(page.url()).pathname).toBe('/staff/customers/new');

    // A bad field: the server's 400 names it, nothing is created.
    await page.getByLabel('ชื่อ', { exact: true }).fill('คุณสมชาย ใจดี');
    await page.getByLabel('อีเมล').fill('not-an-email');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await expect.poll(() => page.getByLabel('อีเมล').getAttribute('aria-invalid')).toBe('true');
    expect(await app.t.ctx.db.customer.count()).toBe(0);

    await page.getByLabel('อีเมล').fill('somchai@example.test');
    await page.getByLabel('โทรศัพท์').fill('081-234-5678');
    // A VAT-registered shop's tax invoices print the buyer's address (s.86/4): sending needs it.
    await page.getByLabel('ที่อยู่').fill('88/8 ถนนพหลโยธิน แขวงสามเสนใน เขตพญาไท กรุงเทพมหานคร 10400');
    await shot(page, 'customer-new-th-360');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('คุณสมชาย ใจดี');
    const customer = await app.t.ctx.db.customer.findFirstOrThrow();
    expect(customer).toMatchObject({ name: 'คุณสมชาย ใจดี', email: 'somchai@example.test' });
    await shot(page, 'customer-th-360');

    // Quote: 2 days × ฿1,500 with 7% VAT added; the totals follow the typing.
    await page.getByRole('link', { name: 'ทำใบเสนอราคา' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('ใบเสนอราคาใหม่');
    await page.getByLabel('รายละเอียด').fill('เช่าเต็นท์ 5x5 เมตร');
    await page.getByLabel('จำนวน', { exact: true }).fill('2');
    await page.getByLabel('หน่วย', { exact: true }).selectOption('days');
    await page.getByLabel('ราคาต่อหน่วย (บาท)').fill('1,500');
    const totals = page.locator('table.totals');
    await expect.poll(() => totals.textContent()).toContain('฿3,210.00');
    await page.getByLabel('หัก ณ ที่จ่าย (%)').fill('3');
    await expect.poll(() => totals.getByRole('row', { name: /ยอดที่ลูกค้าโอน/ }).textContent()).toContain('฿3,120.00');
    await shot(page, 'quote-editor-th-360');
    await page.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await expect.poll(() => heading(page).textContent()).toMatch(/^ใบเสนอราคา QT/);
    const quote = await app.t.ctx.db.quote.findFirstOrThrow({ include: { lines: true } });
    expect(quote).toMatchObject({ customerId: customer.id, totalSatang: 321_000, withholdingSatang: 9_000, netPayableSatang: 312_000 });
    expect(quote.lines.map((l) => l.description)).toEqual(['เช่าเต็นท์ 5x5 เมตร (วัน)']);

    // Invoice from the quote: the lines come along.
    await page.getByRole('link', { name: 'ทำใบแจ้งหนี้จากใบเสนอราคานี้' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('ใบแจ้งหนี้ใหม่');
    expect(await page.getByLabel('รายละเอียด').inputValue()).toBe('เช่าเต็นท์ 5x5 เมตร');
    expect(await page.getByLabel('หน่วย', { exact: true }).inputValue()).toBe('days');
    await expect.poll(() => totals.textContent()).toContain('฿3,210.00');
    await page.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await expect.poll(() => heading(page).textContent()).toMatch(/^ใบแจ้งหนี้ INV/);
    const invoice = await app.t.ctx.db.invoice.findFirstOrThrow();
    expect(invoice).toMatchObject({ quoteId: quote.id, status: 'draft', netPayableSatang: 312_000 });

    // Send (automatic channel: the customer has no LINE, so email).
    await page.getByRole('button', { name: 'ส่งให้ลูกค้า' }).click();
    await expect.poll(() => page.getByText('ส่งแล้วทาง อีเมล (somchai@example.test)').isVisible()).toBe(true);
    expect((await app.t.ctx.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe('sent');
    await shot(page, 'invoice-sent-th-360');

    // Record the payment: the balance is the default amount; then the receipt.
    expect(await page.getByLabel('จำนวนเงิน (บาท)').inputValue()).toBe('3120.00');
    await page.getByLabel('วิธีชำระ').selectOption('bank_transfer');
    await page.getByRole('button', { name: 'บันทึกการรับเงิน' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'บันทึกแล้ว' }).textContent()).toMatch(/บันทึกแล้ว: .+ RC/);
    const payment = await app.t.ctx.db.payment.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    expect(payment).toMatchObject({ amountSatang: 312_000, method: 'bank_transfer', status: 'confirmed' });
    expect((await app.t.ctx.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe('paid');
    await shot(page, 'receipt-th-360');

    // The receipt opens in a new window: its PDF, read with the staff session.
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page
        .locator('.receipt')
        .getByRole('link', { name: /ดูใบเสร็จ/ })
        .click(),
    ]);
    const receipt = await app.t.ctx.db.receipt.findFirstOrThrow({ where: { paymentId: payment.id } });
    await expect.poll(() => popup.url()).toBe(`${app.t.baseUrl}/api/admin/documents/receipt.${receipt.id}`);
    const pdf = await popup.context().request.get(popup.url());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  });
});

describe('who may not use it', () => {
  async function expectNotStaff(lineUserId: string) {
    const page = await openInLine(lineUserId, '/');
    const answer = await page.waitForResponse((r) => r.url().endsWith('/api/staff/session') && r.request().method() === 'POST');
    expect(answer.status()).toBe(403);
    await expect.poll(() => heading(page).textContent()).toBe('บัญชี LINE นี้ไม่ใช่พนักงานของร้าน');
    return page;
  }

  it('a LINE user who is not staff gets 403 and the "not staff" screen', async () => {
    const page = await expectNotStaff(fakeLineUserId());
    await shot(page, 'not-staff-th-360');
    await page.context().close();
  });

  it('a removed staff member gets 403 too', async () => {
    const member = await enrolNewStaff(app, 'staff', 'สมหมาย');
    await app.t.adminOk('removeStaff', { params: { id: member.staffId } });
    const page = await expectNotStaff(member.lineUserId);
    await page.context().close();
  });

  it('a staff member removed while the app is open is signed out at the next step, then refused', async () => {
    const member = await enrolNewStaff(app, 'staff', 'สมปอง');
    const page = await openInLine(member.lineUserId, '/customers/new');
    await expect.poll(() => heading(page).textContent()).toBe('ลูกค้าใหม่');
    await app.t.adminOk('removeStaff', { params: { id: member.staffId } });
    await page.getByLabel('ชื่อ', { exact: true }).fill('คุณทดสอบ ลบแล้ว');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('หมดเวลาการเข้าสู่ระบบแล้ว');
    expect(await app.t.ctx.db.customer.count({ where: { name: 'คุณทดสอบ ลบแล้ว' } })).toBe(0);
    await page.getByRole('button', { name: 'เข้าสู่ระบบอีกครั้ง' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('บัญชี LINE นี้ไม่ใช่พนักงานของร้าน');
    await page.context().close();
  });
});
