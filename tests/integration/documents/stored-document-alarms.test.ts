/**
 * Issued documents in the default blob store (the database), on SQLite and on PostgreSQL: bytes
 * lost or altered in the store are an operator alarm and a 503, never a re-render; bytes put back
 * as issued are served again and close the alarm; "download all" leaves the missing one out with
 * a note. (The PDF suite checks the same on SQLite with the documents' text; this runs on both.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, VAT_BUSINESS, TEST_ADMIN_KEY, type TestApp } from '../../helpers/test-app.ts';
import { issueLink } from '../../helpers/portal-fixtures.ts';
import { readZip } from '../../helpers/read-zip.ts';
import { blobKeys, loseDocument, storedDocument, writeDocumentBytes } from '../../helpers/stored-blobs.ts';
import { CLIENT_REASONS } from '../../../server/domain/error-messages.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.adminOk('saveBusiness', { body: VAT_BUSINESS });
});
afterAll(() => t.stop());

const alarmsFor = (subject: string) => t.ctx.db.operatorAlarm.findMany({ where: { subject } });

async function paidInvoice(name: string) {
  const c = await t.adminOk('createCustomer', { body: { name, address: '20 ถนนพระราม 4 กรุงเทพฯ 10330' } });
  const inv = await t.adminOk('createInvoice', {
    body: { customerId: c.id, dueDate: '2026-12-31', lines: [{ description: 'ค่าเช่าไฟเวที', quantity: 1, unitPriceSatang: 250_000 }] },
  });
  const paid = await t.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: inv.netPayableSatang, method: 'bank_transfer' } });
  const link = await issueLink(t, 'customer', c.id);
  return { token: link.token, receiptId: `receipt.${paid.receipt.id}`, taxInvoiceId: `tax_invoice.${paid.payment.id}` };
}

const portalGet = (token: string, documentId: string) => fetch(`${t.baseUrl}/api/portal/${token}/documents/${documentId}`);

describe('issued documents in the database store', () => {
  it('lost bytes: alarm and 503 in Thai and English, nothing re-rendered; put back as issued: served, alarm closed', async () => {
    const { token, taxInvoiceId } = await paidInvoice('คุณไบต์หาย');
    const [kind, id] = taxInvoiceId.split('.') as [string, string];
    const issued = await loseDocument(t, taxInvoiceId);
    for (let i = 0; i < 2; i++) {
      const res = await portalGet(token, taxInvoiceId);
      expect(res.status).toBe(503);
      expect((await res.json()).error.messages).toEqual(CLIENT_REASONS.document_unavailable);
    }
    expect(await blobKeys(t, `documents/${kind}/${id}.`)).toEqual([]);
    expect(await alarmsFor(taxInvoiceId)).toMatchObject([{ kind: 'document_missing', count: 2, resolvedAt: null }]);
    const page = await fetch(`${t.baseUrl}/admin/outbox`, { headers: { authorization: `Basic ${Buffer.from(`op:${TEST_ADMIN_KEY}`).toString('base64')}` } });
    expect(await page.text()).toContain(taxInvoiceId);

    await writeDocumentBytes(t, taxInvoiceId, issued);
    const back = await portalGet(token, taxInvoiceId);
    expect(back.status).toBe(200);
    expect(Buffer.from(await back.arrayBuffer()).equals(issued)).toBe(true);
    expect((await alarmsFor(taxInvoiceId))[0]?.resolvedAt).not.toBeNull();
  });

  it('altered bytes: alarm and 503, the altered bytes are not served', async () => {
    const { token, receiptId } = await paidInvoice('คุณไบต์ถูกแก้');
    const bytes = (await storedDocument(t, receiptId))!;
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0x01;
    await writeDocumentBytes(t, receiptId, bytes);
    const res = await portalGet(token, receiptId);
    expect(res.status).toBe(503);
    expect((await alarmsFor(receiptId)).map((a) => a.kind)).toEqual(['document_altered']);
  });

  it('"download all" with lost bytes is a valid ZIP: the others plus a note naming the missing one', async () => {
    const { token, taxInvoiceId } = await paidInvoice('คุณ ZIP ไบต์หาย');
    const number = (await t.ctx.db.payment.findUniqueOrThrow({ where: { id: taxInvoiceId.split('.')[1]! } })).taxInvoiceNumber!;
    await loseDocument(t, taxInvoiceId);
    const view = await (await fetch(`${t.baseUrl}/api/portal/${token}`)).json();
    const res = await fetch(`${t.baseUrl}/api/portal/${token}/documents.zip`);
    expect(res.status).toBe(200);
    const entries = readZip(Buffer.from(await res.arrayBuffer()));
    expect(entries.size).toBe(view.documents.length);
    expect(entries.get('documents-not-included.txt')!.toString('utf8')).toContain(number);
    for (const [name, bytes] of entries) if (name.endsWith('.pdf')) expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
