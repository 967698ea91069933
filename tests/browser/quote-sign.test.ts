/**
 * Accept & Sign in a real browser at phone size: draw a signature with the mouse on the pad,
 * agree, confirm, land on the deposit's PromptPay QR (read back from the screen), and find the
 * signed quote among the customer's documents. Also: an empty or tiny signature is refused on
 * the page and nothing is sent; a double tap sends once; decline; an expired quote offers no
 * buttons. Screenshots (Thai and English, 320 and 360 px) land in tests/.tmp/screenshots/quote-*.
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

type Lang = 'th' | 'en';
const NOW = '2026-11-25T03:00:00.000Z';

let t: TestApp;
let f: PortalFixture;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // A LIFF id so the /liff path runs (with the LIFF mock) for the inside-LINE case.
  t = await startTestApp({ now: NOW, env: { PUBLIC_URL: '', LIFF_ID: '1650000001-AbCdEfGh', LINE_LOGIN_CHANNEL_ID: '1650000001' } });
  f = await createPortalFixture(t);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function created<T = any>(p: Promise<{ status: number; body: any }>, status = 201): Promise<T> {
  const res = await p;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body as T;
}

/** A sent quote of the fixture's customer, with a discount, VAT and a deposit like a real one. */
async function sentQuote(opts: { depositSatang?: number; validUntil?: string } = {}) {
  const quote = await created<{ id: string; number: string }>(
    t.admin('POST', '/quotes', {
      customerId: f.customerId,
      validUntil: opts.validUntil ?? '2026-12-10',
      lines: [
        { description: 'ชุดไฟสตูดิโอ LED 3 ดวง', quantity: 2, unitPriceSatang: 450_000 },
        { description: 'ช่างไฟประจำกอง', quantity: 1, unitPriceSatang: 300_000 },
      ],
      depositSatang: opts.depositSatang ?? 0,
    }),
  );
  await created(t.admin('POST', `/quotes/${quote.id}/send`), 200);
  return quote;
}

async function phonePage(lang: Lang, width = PHONE.width): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: PHONE.height }, deviceScaleFactor: 2, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  await context.addInitScript((l) => localStorage.setItem('portal.lang', l), lang);
  return context.newPage();
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

/**
 * Both widths. A page is taken whole from the top (the sticky bar where it sits); an open dialog
 * as the screen shows it, since a modal sits in the viewport, not in the page.
 */
async function shotsAtWidths(page: Page, name: string, opts: { dialog?: boolean } = {}) {
  for (const width of [360, 320]) {
    await page.setViewportSize({ width, height: PHONE.height });
    if (!opts.dialog) await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: !opts.dialog });
  }
  await page.setViewportSize(PHONE);
}

/** Accept requests the page sent, counted at the network. */
function countAccepts(page: Page): { n: number } {
  const seen = { n: 0 };
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/quotes\/[^/]+\/accept$/.test(new URL(r.url()).pathname)) seen.n++;
  });
  return seen;
}

/** A signature-like scribble with the mouse (pointer events, as a finger or stylus would send). */
async function drawSignature(page: Page, scale = 1) {
  const canvas = page.locator('canvas[data-pad]');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const x0 = box.x + box.width * 0.12;
  const y0 = box.y + box.height * 0.55;
  const w = box.width * 0.7 * scale;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= 40; i++) {
    const x = x0 + (w * i) / 40;
    const y = y0 + Math.sin(i / 3) * box.height * 0.25 * scale;
    await page.mouse.move(x, y, { steps: 2 });
  }
  await page.mouse.up();
  // A second stroke, as most signatures have.
  await page.mouse.move(x0 + w * 0.2, y0 - box.height * 0.2 * scale);
  await page.mouse.down();
  await page.mouse.move(x0 + w * 0.5, y0 + box.height * 0.2 * scale, { steps: 8 });
  await page.mouse.up();
}

async function openSignDialog(page: Page) {
  await page.locator('button[data-action="accept"]').click();
  await page.locator('dialog[open] canvas[data-pad]').waitFor({ state: 'visible' });
}

/** How many inked pixels the pad's canvas holds, and its size in device pixels. */
function padInk(page: Page) {
  return page.locator('canvas[data-pad]').evaluate((c: HTMLCanvasElement) => {
    const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! >= 32) ink++;
    return { ink, width: c.width, cssWidth: c.getBoundingClientRect().width };
  });
}

describe.each<Lang>(['th', 'en'])('Accept & Sign on a quote link (%s)', (lang) => {
  it('draws, agrees, confirms once, and lands on the deposit QR; the signed PDF is in Documents', async () => {
    const quote = await sentQuote({ depositSatang: 300_000 });
    const link = await issueLink(t, 'quote', quote.id);
    const page = await phonePage(lang);
    const accepts = countAccepts(page);
    await page.goto(`${t.baseUrl}/c/${link.token}`);
    await page.locator('#page-title').waitFor();

    // Before acceptance: the deposit is information only — no QR, no pay button.
    await expect
      .poll(() =>
        page
          .getByText(lang === 'th' ? 'ยอมรับและลงนาม' : 'Accept & sign')
          .first()
          .isVisible(),
      )
      .toBe(true);
    expect(await page.locator('img.qr, #pay').count()).toBe(0);
    await expect.poll(() => page.getByText('3,000.00').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('ชุดไฟสตูดิโอ LED 3 ดวง').isVisible()).toBe(true);
    await shotsAtWidths(page, `quote-page-${lang}`);

    await openSignDialog(page);
    // The name comes prefilled with the customer's contact, and can be changed.
    const name = page.locator('dialog input[type="text"]');
    expect(await name.inputValue()).toBe('คุณสมชาย ใจดี');
    await name.fill('สมชาย ใจดี');
    // The consent sentence is on screen before anything is confirmed.
    const consentText = lang === 'th' ? `ข้าพเจ้ายอมรับใบเสนอราคาเลขที่ ${quote.number}` : `I accept quotation ${quote.number}`;
    expect(await page.locator('dialog .consent label').textContent()).toContain(consentText);

    await drawSignature(page);
    const drawn = await padInk(page);
    expect(drawn.ink).toBeGreaterThan(200);
    expect(drawn.width).toBe(Math.round(drawn.cssWidth * 2)); // device pixels at DPR 2
    // Narrowing the screen refits the canvas and keeps the signature.
    await page.setViewportSize({ width: 320, height: PHONE.height });
    await expect.poll(async () => (await padInk(page)).cssWidth).toBeLessThan(drawn.cssWidth);
    const narrow = await padInk(page);
    expect(narrow.width).toBe(Math.round(narrow.cssWidth * 2));
    expect(narrow.ink).toBeGreaterThan(200);
    await page.setViewportSize(PHONE);
    await page.locator('dialog .consent input[type="checkbox"]').check();
    await shotsAtWidths(page, `quote-sign-dialog-${lang}`, { dialog: true });

    // A double tap sends once.
    await page.locator('button[data-action="confirm-sign"]').dblclick();
    const qr = page.locator('img[data-qr="deposit"]');
    await qr.waitFor({ state: 'visible' });
    expect(accepts.n).toBe(1);
    expect(await page.locator('dialog[open]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-signed-by]').textContent()).toContain('สมชาย ใจดี');
    await expect.poll(() => qr.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    await qr.scrollIntoViewIfNeeded();
    const payload = parsePromptPayPayload(decodeQrPng(await qr.screenshot())!);
    expect(payload.crcValid).toBe(true);
    expect(payload.amount).toBe('3000.00');
    expect(await page.locator('button[data-action="accept"], button[data-action="decline"]').count()).toBe(0);
    await shotsAtWidths(page, `quote-accepted-deposit-${lang}`);
    await page.context().close();

    const stored = await t.ctx.db.quote.findUniqueOrThrow({ where: { id: quote.id }, include: { signature: true } });
    expect(stored.status).toBe('accepted');
    expect(stored.signature?.signerName).toBe('สมชาย ใจดี');

    // The customer-wide link lists the signed quote among the documents.
    const customer = await issueLink(t, 'customer', f.customerId);
    const docs = await phonePage(lang);
    await docs.goto(`${t.baseUrl}/c/${customer.token}/documents`);
    const signedTitle = lang === 'th' ? 'ใบเสนอราคา (ลงนามแล้ว)' : 'Signed Quotation';
    const row = docs.locator('li.doc', { hasText: quote.number }).filter({ hasText: signedTitle });
    await row.waitFor({ state: 'visible' });
    const href = await row.locator('a').first().getAttribute('href');
    const pdf = await fetch(`${t.baseUrl}${href}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    await docs.context().close();
  });
});

describe('Accept & Sign refusals and the other answers', () => {
  it('refuses an empty and a tiny signature on the page and sends nothing', async () => {
    const quote = await sentQuote();
    const link = await issueLink(t, 'quote', quote.id);
    const page = await phonePage('en');
    const accepts = countAccepts(page);
    await page.goto(`${t.baseUrl}/c/${link.token}`);
    await openSignDialog(page);
    await page.locator('dialog .consent input[type="checkbox"]').check();
    await page.locator('button[data-action="confirm-sign"]').click();
    const alert = page.locator('dialog [role="alert"]');
    await expect.poll(() => alert.textContent()).toContain('There is no signature yet');
    // A dot is ink, but not a signature.
    const box = (await page.locator('canvas[data-pad]').boundingBox())!;
    await page.mouse.click(box.x + 60, box.y + 60);
    await page.locator('button[data-action="confirm-sign"]').click();
    await expect.poll(() => alert.textContent()).toContain('too small');
    // Clear, then no name: the name is asked for.
    await page.getByRole('button', { name: 'Clear signature' }).click();
    await drawSignature(page);
    await page.locator('dialog input[type="text"]').fill('   ');
    await page.locator('button[data-action="confirm-sign"]').click();
    await expect.poll(() => alert.textContent()).toContain('Please type your name');
    expect(accepts.n).toBe(0);
    expect((await t.ctx.db.quote.findUniqueOrThrow({ where: { id: quote.id } })).status).toBe('sent');
    await page.context().close();
  });

  it('inside LINE (LIFF mock): signs on a quote link and keeps the QR on screen to save by holding it', async () => {
    const quote = await sentQuote({ depositSatang: 250_000 });
    const link = await issueLink(t, 'quote', quote.id);
    const page = await phonePage('th');
    await page.addInitScript(() => {
      (window as unknown as { __LIFF_MOCK__: unknown }).__LIFF_MOCK__ = { getIDToken: null, getFriendship: { friendFlag: true } };
    });
    const accepts = countAccepts(page);
    await page.goto(`${t.baseUrl}/liff?liff.state=${encodeURIComponent(`/c/${link.token}`)}`);
    await openSignDialog(page);
    await drawSignature(page);
    await page.locator('dialog .consent input[type="checkbox"]').check();
    await page.locator('button[data-action="confirm-sign"]').click();
    const qr = page.locator('img[data-qr="deposit"]');
    await qr.waitFor({ state: 'visible' });
    await expect.poll(() => qr.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    await qr.scrollIntoViewIfNeeded();
    expect(parsePromptPayPayload(decodeQrPng(await qr.screenshot())!).amount).toBe('2500.00');
    // LINE's browser cannot download, and the answered quote link no longer opens elsewhere.
    await expect.poll(() => page.getByText('กดค้างที่รูป QR เพื่อบันทึกรูป').isVisible()).toBe(true);
    expect(accepts.n).toBe(1);
    await shot(page, 'quote-accepted-liff-th-360');
    await page.context().close();
  });

  it('on a customer link, without a deposit: thanks, next steps, the signed PDF and the signing time', async () => {
    const quote = await sentQuote();
    const link = await issueLink(t, 'customer', f.customerId);
    const page = await phonePage('en');
    await page.goto(`${t.baseUrl}/c/${link.token}/quotes/${quote.id}`);
    await openSignDialog(page);
    await drawSignature(page);
    await page.locator('dialog .consent input[type="checkbox"]').check();
    await page.locator('button[data-action="confirm-sign"]').click();
    await expect.poll(() => page.getByText('Accepted — thank you', { exact: false }).isVisible()).toBe(true);
    expect(await page.locator('img.qr').count()).toBe(0);
    // The view is fetched again: the signing time as the server recorded it (10:00 in Bangkok).
    await expect.poll(() => page.locator('[data-signed-by]').textContent()).toBe('Signed by คุณสมชาย ใจดี on 25 Nov 2026 10:00');
    const href = await page.getByRole('link', { name: /Open the signed quote/ }).getAttribute('href');
    const pdf = await fetch(`${t.baseUrl}${href}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    await shotsAtWidths(page, 'quote-accepted-thanks-en');
    await page.context().close();
  });

  it('declines with a reason and shows the declined state', async () => {
    const quote = await sentQuote({ depositSatang: 100_000 });
    const link = await issueLink(t, 'quote', quote.id);
    const page = await phonePage('th');
    await page.goto(`${t.baseUrl}/c/${link.token}`);
    await page.locator('button[data-action="decline"]').click();
    await page.locator('dialog[open] textarea').fill('งบประมาณไม่พอ');
    await page.locator('button[data-action="confirm-decline"]').click();
    await expect.poll(() => page.getByText('คุณปฏิเสธใบเสนอราคานี้แล้ว').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('งบประมาณไม่พอ').isVisible()).toBe(true);
    expect(await page.locator('button[data-action="accept"], button[data-action="decline"], img.qr').count()).toBe(0);
    await shot(page, 'quote-declined-th-360');
    const stored = await t.ctx.db.quote.findUniqueOrThrow({ where: { id: quote.id } });
    expect(stored.status).toBe('declined');
    expect(stored.declineReason).toBe('งบประมาณไม่พอ');
    await page.context().close();
  });

  // Last: it moves the server's clock past the quote's valid-until day.
  it('says an expired quote expired, with no buttons, and offers contact', async () => {
    const quote = await sentQuote({ validUntil: '2026-11-26', depositSatang: 100_000 });
    const customer = await issueLink(t, 'customer', f.customerId);
    t.clock.set('2026-11-28T03:00:00.000Z');
    try {
      for (const lang of ['th', 'en'] as const) {
        const page = await phonePage(lang);
        await page.goto(`${t.baseUrl}/c/${customer.token}/quotes/${quote.id}`);
        const expiredText = lang === 'th' ? 'ใบเสนอราคานี้หมดอายุเมื่อ 26 พ.ย. 2569' : 'This quote expired on 26 Nov 2026';
        await expect.poll(() => page.getByText(expiredText).isVisible()).toBe(true);
        expect(await page.locator('button[data-action="accept"], button[data-action="decline"], img.qr').count()).toBe(0);
        expect(await page.locator('footer.contact-footer a[data-contact]').count()).toBeGreaterThan(0);
        await shotsAtWidths(page, `quote-expired-${lang}`);
        await page.context().close();
      }
    } finally {
      t.clock.set(NOW);
    }
  });
});
