/**
 * Portal downloads that must not hurt: another customer's document id renders and stores nothing,
 * a ZIP whose PDF fails gets an error status (never a truncated 200 that hangs), and the ZIP's
 * file name is sanitised like PDF names.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';
import { readZip } from '../../helpers/read-zip.ts';
import { blobKeys, refuseBlobWrites } from '../../helpers/stored-blobs.ts';

let t: TestApp;
let f: PortalFixture;

beforeAll(async () => {
  t = await startTestApp();
  f = await createPortalFixture(t);
});
afterAll(() => t.stop());

const storedFiles = () => blobKeys(t, 'documents/');

describe('probing another customer’s document ids', () => {
  it('answers 404 like an unknown id and renders and stores nothing', async () => {
    const foreign = await issueLink(t, 'customer', f.otherCustomerId);
    const receipts = await t.ctx.db.receipt.findMany({ where: { customerId: f.customerId }, select: { id: true } });
    const payments = await t.ctx.db.payment.findMany({ where: { invoice: { customerId: f.customerId } }, select: { id: true } });
    const ids = [
      `invoice.${f.invoiceId}`,
      `quote.${f.quoteId}`,
      `deposit_request.${f.quoteDepositId}`,
      `deposit_request.${f.jobDepositId}`,
      ...receipts.map((r) => `receipt.${r.id}`),
      ...payments.map((p) => `tax_invoice.${p.id}`),
    ];
    expect(ids.length).toBeGreaterThan(4);
    const unknown = await fetch(`${t.baseUrl}/api/portal/${foreign.token}/documents/invoice.doesnotexist`);
    const unknownBody = await unknown.text();
    const rowsBefore = await t.ctx.db.issuedDocument.count();
    const filesBefore = await storedFiles();
    for (const id of ids) {
      const res = await fetch(`${t.baseUrl}/api/portal/${foreign.token}/documents/${id}`);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe(unknownBody);
    }
    expect(await t.ctx.db.issuedDocument.count()).toBe(rowsBefore);
    expect(await storedFiles()).toEqual(filesBefore);
    // The owner's own link still gets the document: the receipt stored when it was issued, nothing new.
    const own = await issueLink(t, 'customer', f.customerId);
    expect((await fetch(`${t.baseUrl}/api/portal/${own.token}/documents/receipt.${receipts[0]!.id}`)).status).toBe(200);
    expect(await t.ctx.db.issuedDocument.count()).toBe(rowsBefore);
  });
});

describe('a ZIP whose PDF fails', () => {
  it('answers an error status before any byte (never a corrupt 200, no hang), logged, and the server keeps serving', async () => {
    // A customer with two documents: an invoice and a quote, both stored at first download.
    const c = await t.admin('POST', '/customers', {
      name: 'ลูกค้า ZIP',
      address: '10 ถนนศรีนครินทร์ แขวงหนองบอน เขตประเวศ กรุงเทพมหานคร 10250',
      email: 'zip@example.com',
    });
    const quote = await t.admin('POST', '/quotes', {
      customerId: c.body.id,
      validUntil: '2026-12-20',
      lines: [{ description: 'งาน', quantity: 1, unitPriceSatang: 100000 }],
    });
    expect((await t.admin('POST', `/quotes/${quote.body.id}/send`)).status).toBe(200);
    t.clock.advance(60_000);
    const invoice = await t.admin('POST', '/invoices', {
      customerId: c.body.id,
      dueDate: '2026-12-20',
      lines: [{ description: 'งาน', quantity: 1, unitPriceSatang: 100000 }],
    });
    expect((await t.admin('POST', `/invoices/${invoice.body.id}/send`)).status).toBe(200);
    const link = await issueLink(t, 'customer', c.body.id);
    const zipUrl = `${t.baseUrl}/api/portal/${link.token}/documents.zip`;

    // A failed write stands in for any failure while the ZIP is prepared: the store refuses the quote.
    const allowWrites = await refuseBlobWrites(t, 'documents/quote/', 'the store refused the quote');
    const logged = t.logLines.length;
    try {
      const res = await Promise.race([fetch(zipUrl), new Promise<'hung'>((r) => setTimeout(() => r('hung'), 5000))]);
      if (res === 'hung') throw new Error('the ZIP request hung');
      // Every PDF is read before the headers go out, so the failure has a proper status.
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('content-disposition')).toBeNull();
      expect((await res.json()).error.code).toBe('INTERNAL');
      const errors = t.logLines
        .slice(logged)
        .map((l) => JSON.parse(l))
        .filter((l) => l.level === 'error');
      expect(errors.some((l) => l.msg === 'unhandled error' && /quote/.test(l.err.message))).toBe(true);
    } finally {
      await allowWrites();
    }

    const again = await fetch(zipUrl);
    expect(again.status).toBe(200);
    expect(readZip(Buffer.from(await again.arrayBuffer())).size).toBe(3);
  });
});

describe('the ZIP file name', () => {
  it('drops control, bidi and zero-width characters and replaces / < " like PDF names do', async () => {
    const c = await t.admin('POST', '/customers', { name: 'placeholder' });
    // Stored directly: names saved before input checks existed can still hold anything.
    // PostgreSQL text cannot hold NUL at all, so there the legacy name carries every other kind.
    const nul = t.ctx.config.databaseProvider === 'sqlite' ? '\u0000' : '';
    await t.ctx.db.customer.update({ where: { id: c.body.id }, data: { name: `คุณ\u202Eเอ\u200Bบี/<x>"y\u0007${nul}z` } });
    const link = await issueLink(t, 'customer', c.body.id);
    const res = await fetch(`${t.baseUrl}/api/portal/${link.token}/documents.zip`);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    const header = res.headers.get('content-disposition')!;
    expect(header).toMatch(/^attachment; filename="documents\.zip"; filename\*=UTF-8''/);
    const name = decodeURIComponent(header.split("filename*=UTF-8''")[1]!);
    expect(name).toBe('คุณเอบี-x-y-z-documents.zip');
    expect(name).not.toMatch(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069/<>"]/);
  });
});
