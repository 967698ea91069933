/**
 * Legal documents are rendered and stored when issued, from a snapshot of the parties at that
 * moment; afterwards only those bytes are ever served. A stored file that is missing or altered
 * (or a legal document the store has never heard of) is an operator alarm and a 503, never a
 * silent re-render; "download all" never answers 200 with a broken ZIP.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, VAT_BUSINESS, TEST_ADMIN_KEY, type TestApp } from '../../helpers/test-app.ts';
import { issueLink } from '../../helpers/portal-fixtures.ts';
import { readZip } from '../../helpers/read-zip.ts';
import { CLIENT_REASONS } from '../../../server/domain/error-messages.ts';
import { documentIssuer } from '../../../server/documents/document-pdfs.ts';
import { blobKeys, isStored, loseDocument, refuseBlobWrites, storedDocument, writeDocumentBytes } from '../../helpers/stored-blobs.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.adminOk('saveBusiness', { body: VAT_BUSINESS });
});
afterAll(() => t.stop());

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
  const file = path.join(dir, 'doc.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).normalize('NFKC');
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const adminPdf = (documentId: string) => fetch(`${t.baseUrl}/api/admin/documents/${documentId}`, { headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } });
const alarmsFor = (subject: string) => t.ctx.db.operatorAlarm.findMany({ where: { subject } });

/** A customer with a sent invoice paid in full: returns the receipt and tax invoice document ids. */
async function paidInvoice(name: string, address = '10 ถนนเดิม เขตบางรัก กรุงเทพฯ 10500') {
  const c = await t.adminOk('createCustomer', { body: { name, companyName: `บริษัท ${name} จำกัด`, taxId: '0105558123451', branchCode: '00000', address } });
  const inv = await t.adminOk('createInvoice', {
    body: { customerId: c.id, dueDate: '2026-12-31', lines: [{ description: 'ค่าเช่าไมโครโฟน', quantity: 1, unitPriceSatang: 200_000 }] },
  });
  const paid = await t.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: inv.netPayableSatang, method: 'bank_transfer' } });
  return { customerId: c.id, invoiceId: inv.id, receiptId: `receipt.${paid.receipt.id}`, taxInvoiceId: `tax_invoice.${paid.payment.id}` };
}

describe('issuing stores the legal documents at once', () => {
  it('a payment leaves its receipt and tax invoice in the store (the database), recorded by SHA-256, before anyone downloads them', async () => {
    const { receiptId, taxInvoiceId } = await paidInvoice('คุณเก็บทันที');
    for (const documentId of [receiptId, taxInvoiceId]) {
      const [kind, id] = documentId.split('.') as [string, string];
      expect(await isStored(t, documentId), documentId).toBe(true);
      const record = await t.ctx.db.issuedDocument.findUniqueOrThrow({
        where: { documentType_documentId_variant: { documentType: kind, documentId: id, variant: 'original' } },
      });
      expect(record.location).toMatch(new RegExp(`^db:documents/${kind}/${id}\\.[\\w-]+\\.pdf$`));
      expect(record.sha256).toBe(sha256((await storedDocument(t, documentId))!));
      const snapshot = await t.ctx.db.documentSnapshot.findUniqueOrThrow({ where: { documentType_documentId: { documentType: kind, documentId: id } } });
      expect(snapshot.renderPending).toBe(false);
      expect(JSON.parse(snapshot.parties!).seller.address).toBe(VAT_BUSINESS.address);
    }
  });

  it('a render job left open (the process stopped after the commit) is done by the retry, from the snapshot', async () => {
    const { receiptId } = await paidInvoice('คุณงานค้าง');
    const [kind, id] = receiptId.split('.') as [string, string];
    // As if the process had stopped between the commit and the render.
    const original = await loseDocument(t, receiptId);
    await t.ctx.db.issuedDocument.deleteMany({ where: { documentType: kind, documentId: id } });
    await t.ctx.db.documentSnapshot.updateMany({ where: { documentType: kind, documentId: id }, data: { renderPending: true } });
    await t.adminOk('saveBusiness', { body: { ...VAT_BUSINESS, address: '77 ถนนที่ย้ายไป เชียงใหม่ 50000' } });
    await t.ctx.documents.storePending();
    expect((await storedDocument(t, receiptId))?.equals(original)).toBe(true);
    await t.adminOk('saveBusiness', { body: VAT_BUSINESS });
  });
});

describe('a snapshot of the parties at issue', () => {
  it('a tax invoice issued before the seller and buyer moved keeps the old names and addresses', async () => {
    const { customerId, taxInvoiceId, receiptId } = await paidInvoice('คุณที่อยู่เดิม', '10 ถนนเดิม เขตบางรัก กรุงเทพฯ 10500');
    await t.adminOk('saveBusiness', { body: { ...VAT_BUSINESS, name: 'บริษัท ชื่อใหม่ จำกัด', address: '999 ถนนใหม่ เชียงใหม่ 50000' } });
    await t.adminOk('updateCustomer', { params: { id: customerId }, body: { address: '55 ถนนย้ายแล้ว ภูเก็ต 83000' } });
    // Neither was ever downloaded; nor is anything re-rendered now.
    for (const documentId of [taxInvoiceId, receiptId]) {
      const res = await adminPdf(documentId);
      expect(res.status).toBe(200);
      const text = pdfText(Buffer.from(await res.arrayBuffer()));
      expect(text).toContain('1 ถนนสุขุมวิท'.normalize('NFKC'));
      expect(text).toContain(VAT_BUSINESS.name.normalize('NFKC'));
      expect(text).toContain('10 ถนนเดิม'.normalize('NFKC'));
      expect(text).not.toContain('ถนนใหม่'.normalize('NFKC'));
      expect(text).not.toContain('ย้ายแล้ว'.normalize('NFKC'));
      expect(text).not.toContain('ชื่อใหม่'.normalize('NFKC'));
    }
    await t.adminOk('saveBusiness', { body: VAT_BUSINESS });
  });

  it('an invoice sent before the buyer moved prints the address it was sent with, even on its first download', async () => {
    const c = await t.adminOk('createCustomer', { body: { name: 'คุณใบแจ้งหนี้', email: 'invoice-snapshot@example.com', address: '1 ซอยเดิม นนทบุรี 11000' } });
    const inv = await t.adminOk('createInvoice', {
      body: { customerId: c.id, dueDate: '2026-12-31', lines: [{ description: 'ค่าเช่าลำโพง', quantity: 1, unitPriceSatang: 100_000 }] },
    });
    expect((await t.admin('POST', `/invoices/${inv.id}/send`)).status).toBe(200);
    await t.adminOk('updateCustomer', { params: { id: c.id }, body: { address: '2 ซอยใหม่ ขอนแก่น 40000' } });
    const text = pdfText(Buffer.from(await (await adminPdf(`invoice.${inv.id}`)).arrayBuffer()));
    expect(text).toContain('ซอยเดิม'.normalize('NFKC'));
    expect(text).not.toContain('ซอยใหม่'.normalize('NFKC'));
  });

  it('a quote sent before the buyer moved keeps the address it was sent with', async () => {
    const c = await t.adminOk('createCustomer', { body: { name: 'คุณใบเสนอราคา', email: 'quote-snapshot@example.com', address: '3 ซอยก่อนส่ง ปทุมธานี 12000' } });
    const quote = await t.admin('POST', '/quotes', {
      customerId: c.id,
      validUntil: '2026-12-20',
      lines: [{ description: 'ค่าเช่าไฟ', quantity: 1, unitPriceSatang: 100_000 }],
    });
    expect((await t.admin('POST', `/quotes/${quote.body.id}/send`)).status).toBe(200);
    await t.adminOk('updateCustomer', { params: { id: c.id }, body: { address: '4 ซอยหลังส่ง ระยอง 21000' } });
    const text = pdfText(Buffer.from(await (await adminPdf(`quote.${quote.body.id}`)).arrayBuffer()));
    expect(text).toContain('ซอยก่อนส่ง'.normalize('NFKC'));
    expect(text).not.toContain('ซอยหลังส่ง'.normalize('NFKC'));
  });

  it('after the business stops being VAT-registered, its tax invoices still download and "download all" is a valid ZIP', async () => {
    const { customerId, taxInvoiceId, invoiceId } = await paidInvoice('คุณเลิกจดภาษี');
    await t.adminOk('saveBusiness', { body: { ...VAT_BUSINESS, vatRegistered: false } });
    try {
      const link = await issueLink(t, 'customer', customerId);
      const single = await fetch(`${t.baseUrl}/api/portal/${link.token}/documents/${taxInvoiceId}`);
      expect(single.status).toBe(200);
      expect(pdfText(Buffer.from(await single.arrayBuffer()))).toContain('ใบกำกับภาษี'.normalize('NFKC'));
      // The invoice itself was issued with VAT: it still renders from its snapshot.
      expect((await adminPdf(`invoice.${invoiceId}`)).status).toBe(200);
      const zip = await fetch(`${t.baseUrl}/api/portal/${link.token}/documents.zip`);
      expect(zip.status).toBe(200);
      const entries = readZip(Buffer.from(await zip.arrayBuffer()));
      const view = await (await fetch(`${t.baseUrl}/api/portal/${link.token}`)).json();
      expect(entries.size).toBe(view.documents.length);
      for (const bytes of entries.values()) expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await t.adminOk('saveBusiness', { body: VAT_BUSINESS });
    }
  });
});

describe('a stored document that is not as issued is an operator alarm, never re-rendered', () => {
  it('a deleted file: alarm recorded, 503 in Thai and English, and the file stays absent', async () => {
    const { customerId, taxInvoiceId } = await paidInvoice('คุณไฟล์หาย');
    const backup = await loseDocument(t, taxInvoiceId);
    const link = await issueLink(t, 'customer', customerId);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${t.baseUrl}/api/portal/${link.token}/documents/${taxInvoiceId}`);
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body.error.code).toBe('UNAVAILABLE');
      expect(body.error.messages).toEqual(CLIENT_REASONS.document_unavailable);
      expect(await isStored(t, taxInvoiceId)).toBe(false);
    }
    const [alarm] = await alarmsFor(taxInvoiceId);
    expect(alarm).toMatchObject({ kind: 'document_missing', count: 2, resolvedAt: null });
    expect(t.logLines.some((l) => l.includes('"msg":"operator alarm"') && l.includes(taxInvoiceId))).toBe(true);
    // The operator sees it on the operator page.
    const page = await fetch(`${t.baseUrl}/admin/outbox`, { headers: { authorization: `Basic ${Buffer.from(`op:${TEST_ADMIN_KEY}`).toString('base64')}` } });
    const html = await page.text();
    expect(html).toContain('Operator alarms');
    expect(html).toContain(taxInvoiceId);
    expect(html).toContain('document_missing');
    // Restored from a backup: served again, and the alarm closes itself.
    await writeDocumentBytes(t, taxInvoiceId, backup);
    expect((await fetch(`${t.baseUrl}/api/portal/${link.token}/documents/${taxInvoiceId}`)).status).toBe(200);
    expect((await alarmsFor(taxInvoiceId))[0]?.resolvedAt).not.toBeNull();
  });

  it('an altered file: alarm recorded and 503; the altered bytes are not served', async () => {
    const { receiptId } = await paidInvoice('คุณไฟล์ถูกแก้');
    const bytes = (await storedDocument(t, receiptId))!;
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0x01;
    await writeDocumentBytes(t, receiptId, bytes);
    const res = await adminPdf(receiptId);
    expect(res.status).toBe(503);
    expect((await alarmsFor(receiptId)).map((a) => a.kind)).toEqual(['document_altered']);
  });

  it('an issued legal document with no stored record and no render job is unknown: alarm and 503, nothing rendered', async () => {
    const { receiptId } = await paidInvoice('คุณไม่มีบันทึก');
    const [kind, id] = receiptId.split('.') as [string, string];
    await loseDocument(t, receiptId);
    await t.ctx.db.issuedDocument.deleteMany({ where: { documentType: kind, documentId: id } });
    const res = await adminPdf(receiptId);
    expect(res.status).toBe(503);
    expect((await alarmsFor(receiptId)).map((a) => a.kind)).toEqual(['document_unknown']);
    expect(await blobKeys(t, `documents/${kind}/${id}.`)).toEqual([]);
  });

  it('"download all" with a missing file is still a valid ZIP: the others plus a note naming the missing one', async () => {
    const { customerId, taxInvoiceId } = await paidInvoice('คุณ ZIP ขาดไฟล์');
    const taxNumber = (await t.ctx.db.payment.findUniqueOrThrow({ where: { id: taxInvoiceId.split('.')[1]! } })).taxInvoiceNumber!;
    await loseDocument(t, taxInvoiceId);
    const link = await issueLink(t, 'customer', customerId);
    const view = await (await fetch(`${t.baseUrl}/api/portal/${link.token}`)).json();
    const res = await fetch(`${t.baseUrl}/api/portal/${link.token}/documents.zip`);
    expect(res.status).toBe(200);
    const entries = readZip(Buffer.from(await res.arrayBuffer()));
    expect(entries.size).toBe(view.documents.length); // one PDF fewer, one note more
    const note = entries.get('documents-not-included.txt')!.toString('utf8');
    expect(note).toContain(taxNumber);
    expect(note).toContain(CLIENT_REASONS.document_unavailable.th);
    for (const [name, bytes] of entries) if (name.endsWith('.pdf')) expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await isStored(t, taxInvoiceId)).toBe(false);
  });
});

describe('documents issued before snapshots existed (the migration backfill)', () => {
  it('become render jobs filled from the data of that moment; one already stored stays as stored', async () => {
    const fresh = await paidInvoice('คุณก่อนย้ายระบบ');
    const stored = await paidInvoice('คุณเก็บไว้แล้ว');
    const [, freshReceipt] = fresh.receiptId.split('.') as [string, string];
    const [, freshPayment] = fresh.taxInvoiceId.split('.') as [string, string];
    const [, storedReceipt] = stored.receiptId.split('.') as [string, string];
    // The state before the migration: no snapshots at all; the first customer's documents never downloaded.
    await t.ctx.db.documentSnapshot.deleteMany({ where: { documentId: { in: [freshReceipt, freshPayment, storedReceipt] } } });
    await loseDocument(t, fresh.receiptId);
    await loseDocument(t, fresh.taxInvoiceId);
    await t.ctx.db.issuedDocument.deleteMany({ where: { documentId: { in: [freshReceipt, freshPayment] } } });
    const sql = readFileSync(path.join(import.meta.dirname, '../../../prisma/migrations/20261129222135_issued_document_snapshots/migration.sql'), 'utf8');
    const backfill = sql.slice(sql.indexOf('-- Backfill'));
    for (const statement of backfill
      .split(';')
      .map((x) => x.replace(/^--.*$/gm, '').trim())
      .filter(Boolean)) {
      // Rows already present (documents of other tests) are skipped by the unique key.
      await t.ctx.db.$executeRawUnsafe(statement.replace('INSERT INTO', 'INSERT OR IGNORE INTO'));
    }
    const rows = await t.ctx.db.documentSnapshot.findMany({ where: { documentId: { in: [freshReceipt, freshPayment, storedReceipt] } } });
    expect(rows.map((r) => [r.documentType, r.documentId, r.parties, r.renderPending]).sort()).toEqual(
      [
        ['receipt', freshReceipt, null, true],
        ['tax_invoice', freshPayment, null, true],
        ['receipt', storedReceipt, null, false],
      ].sort(),
    );
    await t.ctx.documents.storePending();
    expect(await isStored(t, fresh.receiptId)).toBe(true);
    expect(await isStored(t, fresh.taxInvoiceId)).toBe(true);
    const filled = await t.ctx.db.documentSnapshot.findFirstOrThrow({ where: { documentType: 'receipt', documentId: freshReceipt } });
    expect(JSON.parse(filled.parties!).buyer.name).toBe('คุณก่อนย้ายระบบ');
    expect((await adminPdf(stored.receiptId)).status).toBe(200);
  });
});

describe('the worker runs render jobs at start and retries failed ones', () => {
  it('a job that fails stays open with an alarm, and is done at the next start', async () => {
    const { receiptId } = await paidInvoice('คุณเรนเดอร์ไม่ผ่าน');
    const [kind, id] = receiptId.split('.') as [string, string];
    await loseDocument(t, receiptId);
    await t.ctx.db.issuedDocument.deleteMany({ where: { documentType: kind, documentId: id } });
    await t.ctx.db.documentSnapshot.updateMany({ where: { documentType: kind, documentId: id }, data: { renderPending: true } });
    // A failed write: the store refuses the receipt's bytes.
    const allowWrites = await refuseBlobWrites(t, `documents/${kind}/${id}.`, 'the store refused the receipt');
    try {
      await t.ctx.documents.storePending();
      const [alarm] = await alarmsFor(receiptId);
      expect(alarm?.kind).toBe('document_render_failed');
      const job = await t.ctx.db.documentSnapshot.findFirstOrThrow({ where: { documentType: kind, documentId: id } });
      expect(job.renderPending).toBe(true);
    } finally {
      await allowWrites();
    }
    // A worker starting up runs the open jobs first.
    const worker = documentIssuer(t.ctx);
    worker.startRetries(60_000);
    await worker.stop();
    expect(await isStored(t, receiptId)).toBe(true);
    expect((await t.ctx.db.documentSnapshot.findFirstOrThrow({ where: { documentType: kind, documentId: id } })).renderPending).toBe(false);
    expect((await alarmsFor(receiptId))[0]?.resolvedAt).not.toBeNull();
    expect((await adminPdf(receiptId)).status).toBe(200);
  });
});
