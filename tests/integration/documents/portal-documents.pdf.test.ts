import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';
import { readZip } from '../../helpers/read-zip.ts';
import { errorBody } from '../../../server/http/errors.ts';
import { notFound } from '../../../server/domain/errors.ts';

let t: TestApp;
let f: PortalFixture;
let tokens: { customer: string; quote: string; invoice: string };

beforeAll(async () => {
  t = await startTestApp();
  f = await createPortalFixture(t);
  tokens = {
    customer: (await issueLink(t, 'customer', f.customerId)).token,
    quote: (await issueLink(t, 'quote', f.quoteId)).token,
    invoice: (await issueLink(t, 'invoice', f.invoiceId)).token,
  };
});
afterAll(() => t.stop());

const doc = (token: string, id: string, download = false) => fetch(`${t.baseUrl}/api/portal/${token}/documents/${id}${download ? '?download=1' : ''}`);

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
  const file = path.join(dir, 'doc.pdf');
  writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).normalize('NFKC');
  } catch (error) {
    throw new Error(`pdftotext failed (install poppler-utils, as .ci/run does): ${(error as Error).message}`);
  }
}

describe('portal document downloads', () => {
  it('serves the invoice PDF inline and as a download with Thai/English file names, and logs both', async () => {
    const number = (await t.ctx.db.invoice.findUniqueOrThrow({ where: { id: f.invoiceId } })).number;
    const inline = await doc(tokens.customer, `invoice.${f.invoiceId}`);
    expect(inline.status).toBe(200);
    expect(inline.headers.get('content-type')).toBe('application/pdf');
    expect(inline.headers.get('content-disposition')).toBe(`inline; filename="${number}.pdf"; filename*=UTF-8''${encodeURIComponent(`ใบแจ้งหนี้ ${number}.pdf`)}`);
    const bytes = Buffer.from(await inline.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain(number);
    expect(text).toContain('ค่าเช่ากล้อง');
    expect(text).toContain('9,360.00'); // net payable after 3% withholding
    const download = await doc(tokens.customer, `invoice.${f.invoiceId}`, true);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; /);
    await t.ctx.activity.flush();
    const activity = (await t.admin('GET', `/customers/${f.customerId}/activity`)).body;
    expect(activity.viewedDocuments).toEqual(expect.arrayContaining([expect.objectContaining({ documentType: 'invoice', documentId: f.invoiceId, count: 2 })]));
    expect(activity.entries.some((e: any) => e.action === 'download' && e.documentId === f.invoiceId && e.channel === 'web')).toBe(true);
  });

  it('re-downloading a receipt gives identical bytes, recorded by SHA-256, even after the business profile changes', async () => {
    // Legal records are stored; requests for payment are not (payment-request-state.pdf.test.ts).
    const receipt = await t.ctx.db.receipt.findFirstOrThrow({ where: { customerId: f.customerId, type: 'RC' } });
    const first = Buffer.from(await (await doc(tokens.customer, `receipt.${receipt.id}`)).arrayBuffer());
    await t.admin('PUT', '/business', { ...VAT_BUSINESS, address: '999 ที่อยู่ใหม่ เชียงใหม่' });
    const second = Buffer.from(await (await doc(tokens.customer, `receipt.${receipt.id}`)).arrayBuffer());
    expect(second.equals(first)).toBe(true);
    const record = await t.ctx.db.issuedDocument.findFirstOrThrow({ where: { documentType: 'receipt', documentId: receipt.id } });
    expect(record.sha256).toBe(createHash('sha256').update(first).digest('hex'));
    await t.admin('PUT', '/business', VAT_BUSINESS);
  });

  it.each([
    ['customer', 'invoice', 'otherInvoiceId', 404],
    ['invoice', 'invoice', 'secondInvoiceId', 404],
    ['invoice', 'quote', 'quoteId', 404],
    ['quote', 'invoice', 'invoiceId', 404],
    ['quote', 'quote', 'otherQuoteId', 404],
    ['quote', 'quote', 'quoteId', 200],
    ['quote', 'deposit_request', 'quoteDepositId', 404], // asked with a quote not yet accepted: hidden
    ['invoice', 'invoice', 'invoiceId', 200],
    ['customer', 'deposit_request', 'jobDepositId', 200],
  ] as const)('%s link, %s of %s → %i', async (scope, kind, key, status) => {
    const res = await doc(tokens[scope], `${kind}.${f[key]}`);
    expect(res.status).toBe(status);
    // "Not yours" answers exactly like "no such document", through the one error mapper.
    if (status === 404) expect(await res.json()).toEqual(errorBody(notFound('Document')));
  });

  it('refuses malformed document ids without touching anything', async () => {
    for (const id of ['../../etc/passwd', 'invoice', 'nonsense.abc', `receipt.${'x'.repeat(80)}`]) {
      const res = await doc(tokens.customer, encodeURIComponent(id));
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual(errorBody(notFound('Document')));
    }
  });

  it('receipts carry the amount in Thai words; the deposit receipt says not subject to VAT', async () => {
    const view = await (await fetch(`${t.baseUrl}/api/portal/${tokens.customer}`)).json();
    const depr = view.receipts.find((r: any) => r.type === 'DEPR');
    const text = pdfText(Buffer.from(await (await doc(tokens.customer, depr.documentId)).arrayBuffer()));
    expect(text).toContain(depr.number);
    expect(text).toContain('สามพันบาทถ้วน');
    expect(text).toMatch(/ไม่อยู่ในบังคับภาษีมูลค่าเพิ่ม|not subject to VAT/);
  });

  it('each payment has its own tax invoice for the part it settled (VAT shown separately)', async () => {
    const view = await (await fetch(`${t.baseUrl}/api/portal/${tokens.invoice}`)).json();
    const taxDoc = view.documents.find((d: any) => d.kind === 'tax_invoice');
    expect(taxDoc).toBeDefined();
    expect(view.invoices[0].taxInvoiceNumber).toBe(taxDoc.number);
    const text = pdfText(Buffer.from(await (await doc(tokens.invoice, taxDoc.id)).arrayBuffer()));
    expect(text).toContain('ใบกำกับภาษี'.normalize('NFKC')); // Sarabun draws ำ as two glyphs
    expect(text).toContain(taxDoc.number);
    expect(text).toContain(view.invoices[0].number);
    // 1,000.00 paid of a net payable of 9,360.00 settles 961.54 of the pre-VAT 9,000.00 and 67.31 of the VAT 630.00.
    expect(text).toContain('961.54');
    expect(text).toContain('67.31');
    expect(text).toContain('1,028.85');
    // Not visible to a link of another invoice.
    expect((await doc(tokens.quote, taxDoc.id)).status).toBe(404);
  });

  it('"download all" streams a ZIP of exactly the documents the link may see', async () => {
    for (const scope of ['customer', 'quote', 'invoice'] as const) {
      const view = await (await fetch(`${t.baseUrl}/api/portal/${tokens[scope]}`)).json();
      const res = await fetch(`${t.baseUrl}/api/portal/${tokens[scope]}/documents.zip`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      const entries = readZip(Buffer.from(await res.arrayBuffer()));
      expect(entries.size).toBe(view.documents.length);
      for (const pdf of entries.values()) expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const names = [...entries.keys()].join('\n');
      for (const d of view.documents) expect(names).toContain(d.number);
    }
  });

  it('the admin API fetches any document with the key', async () => {
    const res = await fetch(`${t.baseUrl}/api/admin/documents/invoice.${f.otherInvoiceId}`, { headers: { authorization: `Bearer ${t.adminApiKey}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect((await fetch(`${t.baseUrl}/api/admin/documents/invoice.${f.otherInvoiceId}`)).status).toBe(401);
  });
});
