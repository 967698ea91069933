/**
 * Requests for payment (invoice, deposit request) state their current truth at each download: a
 * stamp (paid, partly paid with the balance, void, draft, collected) and a PromptPay QR — read back
 * from the rendered page as a phone would — for exactly what is due to the current payee, or none.
 */
import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';
import { decodeQrPng } from '../../helpers/decode-qr.ts';
import { blobKeys } from '../../helpers/stored-blobs.ts';
import { parsePromptPayPayload } from '../../helpers/promptpay-payload.ts';
import { flat, pdfPageGrey, pdfText } from '../../unit/documents/pdf-tools.ts';

let t: TestApp;
let f: PortalFixture;
let customerToken: string;

beforeAll(async () => {
  t = await startTestApp();
  f = await createPortalFixture(t);
  customerToken = (await issueLink(t, 'customer', f.customerId)).token;
});
afterAll(() => t.stop());

async function portalPdf(id: string): Promise<Buffer> {
  const res = await fetch(`${t.baseUrl}/api/portal/${customerToken}/documents/${id}`);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

async function adminPdf(id: string): Promise<Buffer> {
  const res = await fetch(`${t.baseUrl}/api/admin/documents/${id}`, { headers: { authorization: `Bearer ${t.adminApiKey}` } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** The QR printed on page 1, read from a rendering of the page (null when there is none). */
function printedQr(pdf: Buffer) {
  const grey = pdfPageGrey(pdf, 1, 200);
  const png = new PNG({ width: grey.width, height: grey.height });
  for (let i = 0; i < grey.pixels.length; i += 1) {
    const v = grey.pixels[i]!;
    png.data[4 * i] = v;
    png.data[4 * i + 1] = v;
    png.data[4 * i + 2] = v;
    png.data[4 * i + 3] = 255;
  }
  const payload = decodeQrPng(PNG.sync.write(png));
  return payload === null ? null : parsePromptPayPayload(payload);
}

const text = (pdf: Buffer) => flat(pdfText(pdf, 'raw'));
const PAY_BLOCK = flat('ชำระผ่านพร้อมเพย์');

describe('an invoice PDF states its current state', () => {
  it('partly paid: PARTIALLY PAID with the balance, and the QR asks for exactly the balance (net of withholding)', async () => {
    // 9,360.00 net payable (3% withheld from 9,630.00), 1,000.00 paid → 8,360.00 due.
    const pdf = await portalPdf(`invoice.${f.invoiceId}`);
    const qr = printedQr(pdf);
    expect(qr?.crcValid).toBe(true);
    expect(qr?.amount).toBe('8360.00');
    expect(qr?.proxy).toBe(VAT_BUSINESS.promptPayId);
    const words = text(pdf);
    expect(words).toContain(flat('ชำระบางส่วน / PARTIALLY PAID'));
    expect(words).toContain('8,360.00');
    expect(words).toContain('-1,000.00');
    // The portal asks for the same amount.
    const view = await (await fetch(`${t.baseUrl}/api/portal/${customerToken}`)).json();
    const inv = view.invoices.find((i: any) => i.id === f.invoiceId);
    expect(inv.balanceSatang).toBe(836000);
    expect(parsePromptPayPayload(inv.pay.promptPayPayload).amount).toBe('8360.00');
  });

  it('is rendered at each download and never stored: same state, same bytes; a new PromptPay ID is paid at once', async () => {
    const first = await portalPdf(`invoice.${f.invoiceId}`);
    expect((await portalPdf(`invoice.${f.invoiceId}`)).equals(first)).toBe(true);
    expect(await t.ctx.db.issuedDocument.count({ where: { documentType: 'invoice' } })).toBe(0);
    expect(await blobKeys(t, 'documents/invoice/')).toEqual([]);

    await t.admin('PUT', '/business', { ...VAT_BUSINESS, promptPayId: '0812345678' });
    try {
      const res = await fetch(`${t.baseUrl}/api/portal/${customerToken}/documents/invoice.${f.invoiceId}`);
      const after = Buffer.from(await res.arrayBuffer());
      expect(after.equals(first)).toBe(false);
      const qr = printedQr(after);
      expect(qr?.proxyType).toBe('phone');
      expect(qr?.proxy).toBe('0066812345678');
      expect(qr?.amount).toBe('8360.00');
      // The bytes changed, so does the validator a cache would keep.
      expect(res.headers.get('etag')).toBe(`"${createHash('sha256').update(after).digest('hex')}"`);
      expect(res.headers.get('etag')).not.toBe(`"${createHash('sha256').update(first).digest('hex')}"`);
    } finally {
      await t.admin('PUT', '/business', VAT_BUSINESS);
    }
  });

  it('paid in full: PAID, no QR and no "Pay with PromptPay"', async () => {
    const inv = await t.ctx.db.invoice.findUniqueOrThrow({ where: { id: f.secondInvoiceId } });
    expect(printedQr(await portalPdf(`invoice.${inv.id}`))?.amount).toBe('107.00'); // 100.00 + 7% VAT, unpaid
    const paid = await t.admin('POST', `/invoices/${inv.id}/payments`, { amountSatang: inv.netPayableSatang, method: 'bank_transfer' });
    expect(paid.status).toBe(201);
    const pdf = await portalPdf(`invoice.${inv.id}`);
    expect(printedQr(pdf)).toBeNull();
    const words = text(pdf);
    expect(words).toContain(flat('ชำระแล้ว / PAID'));
    expect(words).not.toContain(PAY_BLOCK);
    expect(words).not.toContain('Pay with PromptPay');
  });

  it('void: VOID with the reason, no QR, no balance — and the portal shows no balance either', async () => {
    const created = await t.admin('POST', '/invoices', {
      customerId: f.customerId,
      dueDate: '2026-12-30',
      lines: [{ description: 'งานที่ยกเลิก', quantity: 1, unitPriceSatang: 300000 }],
    });
    await t.ctx.db.invoice.update({ where: { id: created.body.id }, data: { status: 'sent' } });
    expect(printedQr(await portalPdf(`invoice.${created.body.id}`))?.amount).toBe('3210.00');
    expect((await t.admin('POST', `/invoices/${created.body.id}/void`, { reason: 'ลูกค้ายกเลิกงาน' })).status).toBe(200);
    const pdf = await portalPdf(`invoice.${created.body.id}`);
    expect(printedQr(pdf)).toBeNull();
    const words = text(pdf);
    expect(words).toContain(flat('ยกเลิก / VOID'));
    expect(words).toContain(flat('ลูกค้ายกเลิกงาน'));
    expect(words).not.toContain(PAY_BLOCK);
    expect(words).not.toContain(flat('ยอดค้างชำระ'));
    const view = await (await fetch(`${t.baseUrl}/api/portal/${customerToken}`)).json();
    const inv = view.invoices.find((i: any) => i.id === created.body.id);
    expect(inv.balanceSatang).toBe(0);
    expect(inv.pay).toBeNull();
  });

  it('draft: DRAFT, no QR (admin preview); a draft quote is marked DRAFT too', async () => {
    const created = await t.admin('POST', '/invoices', {
      customerId: f.customerId,
      dueDate: '2026-12-30',
      lines: [{ description: 'ร่างใบแจ้งหนี้', quantity: 1, unitPriceSatang: 100000 }],
    });
    const pdf = await adminPdf(`invoice.${created.body.id}`);
    expect(printedQr(pdf)).toBeNull();
    expect(text(pdf)).toContain(flat('ฉบับร่าง / DRAFT'));
    expect(text(pdf)).toContain('DRAFT ฉบับร่าง'.normalize('NFKC')); // the word across the page

    const quote = await t.admin('POST', '/quotes', {
      customerId: f.customerId,
      validUntil: '2026-12-10',
      lines: [{ description: 'ร่าง', quantity: 1, unitPriceSatang: 1000 }],
    });
    expect(text(await adminPdf(`quote.${quote.body.id}`))).toContain(flat('ฉบับร่าง / DRAFT'));
    expect(text(await adminPdf(`quote.${f.quoteId}`))).not.toContain('DRAFT');
  });
});

describe('a deposit request PDF states its current state', () => {
  it('fully collected: COLLECTED and no QR; still pending: a QR for the deposit', async () => {
    const collected = await portalPdf(`deposit_request.${f.jobDepositId}`);
    expect(printedQr(collected)).toBeNull();
    expect(text(collected)).toContain(flat('รับเงินประกันแล้ว / COLLECTED'));
    expect(text(collected)).not.toContain(PAY_BLOCK);

    const pending = await adminPdf(`deposit_request.${f.quoteDepositId}`);
    expect(printedQr(pending)?.amount).toBe('5000.00');
    expect(text(pending)).not.toContain('COLLECTED');
  });
});
