/**
 * DATA_DIRs from before the blob store: issued PDFs under documents/<type>/<id>.pdf (IssuedDocument
 * without a location) and uploads under uploads/ (StoredFile.storagePath a bare path). They stay
 * readable in place, and an instance starting on that DATA_DIR moves them into the store, verified
 * by SHA-256 and only once (conditional updates), leaving the files where they were. An altered or
 * missing file is not moved: reading it is the usual alarm.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';
import { slipPayload, slipPng } from '../../helpers/slip-image.ts';
import { loseDocument } from '../../helpers/stored-blobs.ts';
import { moveLegacyFiles } from '../../../server/data/legacy-files.ts';
import { startFakeS3 } from '../../fakes/fake-s3.ts';

let t: TestApp;
let f: PortalFixture;
let token: string;

beforeAll(async () => {
  t = await startTestApp();
  f = await createPortalFixture(t);
  token = (await issueLink(t, 'customer', f.customerId)).token;
});
afterAll(() => t.stop());

const admin = { authorization: `Bearer ${TEST_ADMIN_KEY}` };
const legacyFile = (documentId: string) => {
  const [kind, id] = documentId.split('.') as [string, string];
  return path.join(t.dataDir, 'documents', kind, `${id}.pdf`);
};

async function paidInvoice(name: string) {
  const c = await t.adminOk('createCustomer', { body: { name, address: '5 ถนนเจริญกรุง กรุงเทพฯ 10500' } });
  const inv = await t.adminOk('createInvoice', {
    body: { customerId: c.id, dueDate: '2026-12-31', lines: [{ description: 'ค่าเช่าเครื่องเสียง', quantity: 1, unitPriceSatang: 150_000 }] },
  });
  const paid = await t.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: inv.netPayableSatang, method: 'cash' } });
  return { taxInvoiceId: `tax_invoice.${paid.payment.id}`, receiptId: `receipt.${paid.receipt.id}` };
}

/** The document as an earlier version left it: a file in DATA_DIR, a row without a location. */
async function asBeforeTheStore(documentId: string): Promise<Buffer> {
  const [kind, id] = documentId.split('.') as [string, string];
  const bytes = await loseDocument(t, documentId);
  mkdirSync(path.dirname(legacyFile(documentId)), { recursive: true });
  writeFileSync(legacyFile(documentId), bytes);
  await t.ctx.db.issuedDocument.updateMany({ where: { documentType: kind, documentId: id }, data: { location: null } });
  return bytes;
}

async function legacySlip(): Promise<{ noticeId: string; fileId: string; png: Buffer; file: string }> {
  const png = await slipPng(slipPayload('0166LEGACYSLIP0001'));
  const form = new FormData();
  form.set('target', `invoice.${f.secondInvoiceId}`);
  form.set('amountSatang', '1000');
  form.set('slip', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'slip.png');
  const res = await fetch(`${t.baseUrl}/api/portal/${token}/payment-notices`, { method: 'POST', body: form });
  const noticeId = ((await res.json()) as { id: string }).id;
  const notice = await t.ctx.db.paymentNotice.findUniqueOrThrow({ where: { id: noticeId }, include: { slipFile: true } });
  await t.ctx.blobs.delete(notice.slipFile!.storagePath);
  const relative = 'uploads/Zq0legacyslipname0001';
  mkdirSync(path.join(t.dataDir, 'uploads'), { recursive: true });
  writeFileSync(path.join(t.dataDir, relative), png);
  await t.ctx.db.storedFile.update({ where: { id: notice.slipFileId! }, data: { storagePath: relative } });
  return { noticeId, fileId: notice.slipFileId!, png, file: path.join(t.dataDir, relative) };
}

const download = (documentId: string) => fetch(`${t.baseUrl}/api/admin/documents/${documentId}`, { headers: admin });
const slipOf = (noticeId: string) => fetch(`${t.baseUrl}/api/admin/payment-notices/${noticeId}/slip`, { headers: admin });
const locationOf = async (documentId: string) => {
  const [documentType, documentId_] = documentId.split('.') as [string, string];
  return (await t.ctx.db.issuedDocument.findFirstOrThrow({ where: { documentType, documentId: documentId_ } })).location;
};

describe('files an earlier version kept in DATA_DIR', () => {
  it('are read in place, then moved into the store by the next instance starting there, verified and only once', async () => {
    const kept = await paidInvoice('คุณไฟล์เก่า');
    const damaged = await paidInvoice('คุณไฟล์เก่าเสีย');
    const taxInvoice = await asBeforeTheStore(kept.taxInvoiceId);
    const slip = await legacySlip();
    const altered = await asBeforeTheStore(damaged.taxInvoiceId);
    altered[altered.length - 10] = (altered[altered.length - 10] ?? 0) ^ 0x01;
    writeFileSync(legacyFile(damaged.taxInvoiceId), altered);
    await asBeforeTheStore(damaged.receiptId);
    rmSync(legacyFile(damaged.receiptId));

    // Read in place, as before.
    const inPlace = await download(kept.taxInvoiceId);
    expect(inPlace.status).toBe(200);
    expect(Buffer.from(await inPlace.arrayBuffer()).equals(taxInvoice)).toBe(true);
    expect(Buffer.from(await (await slipOf(slip.noticeId)).arrayBuffer()).equals(slip.png)).toBe(true);

    // Another instance starts on this DATA_DIR and database.
    const next = await startTestApp({ env: { DATA_DIR: t.dataDir, DATABASE_URL: t.ctx.config.databaseUrl } });
    try {
      const moved = next.logLines.map((l) => JSON.parse(l)).find((l) => l.msg.startsWith('files from DATA_DIR moved into the blob store'));
      expect(moved).toMatchObject({ moved: 2, left: 2, store: 'db' });
    } finally {
      await next.stop();
    }
    expect(await locationOf(kept.taxInvoiceId)).toMatch(/^db:documents\/tax_invoice\//);
    expect((await t.ctx.db.storedFile.findUniqueOrThrow({ where: { id: slip.fileId } })).storagePath).toMatch(/^db:uploads\/Zq0legacyslipname0001\./);
    // Not moved: what is not as recorded, and what is not here.
    expect(await locationOf(damaged.taxInvoiceId)).toBeNull();
    expect(await locationOf(damaged.receiptId)).toBeNull();
    // The files stay where they were; the store serves without them.
    expect(existsSync(legacyFile(kept.taxInvoiceId))).toBe(true);
    rmSync(legacyFile(kept.taxInvoiceId));
    rmSync(slip.file);
    const fromStore = await download(kept.taxInvoiceId);
    expect(fromStore.status).toBe(200);
    expect(Buffer.from(await fromStore.arrayBuffer()).equals(taxInvoice)).toBe(true);
    expect(Buffer.from(await (await slipOf(slip.noticeId)).arrayBuffer()).equals(slip.png)).toBe(true);
    // The damaged ones are the usual alarms.
    expect((await download(damaged.taxInvoiceId)).status).toBe(503);
    expect((await download(damaged.receiptId)).status).toBe(503);
    const alarms = await t.ctx.db.operatorAlarm.findMany({ where: { subject: { in: [damaged.taxInvoiceId, damaged.receiptId] } }, orderBy: { kind: 'asc' } });
    expect(alarms.map((a) => [a.subject, a.kind])).toEqual([
      [damaged.taxInvoiceId, 'document_altered'],
      [damaged.receiptId, 'document_missing'],
    ]);

    // Again (every start runs it): nothing moves twice.
    const blobs = await t.ctx.db.blob.count();
    expect(await moveLegacyFiles(t.ctx.db, t.ctx.blobs, t.dataDir, t.logger)).toEqual({ moved: 0, left: 2 });
    expect(await t.ctx.db.blob.count()).toBe(blobs);
  });

  it('go to S3 when BLOB_STORE_URL says so; while S3 refuses, start-up goes on and they stay where they are', async () => {
    const { taxInvoiceId, receiptId } = await paidInvoice('คุณไฟล์เก่าไปเอสสาม');
    const issued = await asBeforeTheStore(taxInvoiceId);
    await asBeforeTheStore(receiptId);
    const s3 = await startFakeS3({ accessKeyId: 'AKIAMOVE', secretAccessKey: 'move-secret-0123456789', region: 'ap-southeast-1', buckets: ['moved'] });
    const env = (secret: string) => ({
      DATA_DIR: t.dataDir,
      DATABASE_URL: t.ctx.config.databaseUrl,
      BLOB_STORE_URL: `s3://moved?endpoint=${encodeURIComponent(s3.url)}&region=ap-southeast-1`,
      S3_ACCESS_KEY_ID: 'AKIAMOVE',
      S3_SECRET_ACCESS_KEY: secret,
    });
    try {
      const refused = await startTestApp({ env: env('wrong-secret-0123456789') });
      try {
        expect(refused.logLines.some((l) => l.includes('the blob store is not answering'))).toBe(true);
        expect(await locationOf(taxInvoiceId)).toBeNull();
        expect(await locationOf(receiptId)).toBeNull();
        expect((await refused.ctx.db.operatorAlarm.findFirstOrThrow({ where: { subject: 'blob store' } })).detail).toContain('SignatureDoesNotMatch');
        // One refused request, not one per file.
        expect(s3.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
      } finally {
        await refused.stop();
      }
      const accepted = await startTestApp({ env: env('move-secret-0123456789') });
      try {
        const location = (await locationOf(taxInvoiceId))!;
        expect(location).toMatch(/^s3:documents\/tax_invoice\//);
        expect(await locationOf(receiptId)).toMatch(/^s3:documents\/receipt\//);
        expect(s3.buckets.get('moved')!.get(location.slice('s3:'.length))?.equals(issued)).toBe(true);
        rmSync(legacyFile(taxInvoiceId));
        const res = await fetch(`${accepted.baseUrl}/api/admin/documents/${taxInvoiceId}`, { headers: admin });
        expect(res.status).toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).equals(issued)).toBe(true);
      } finally {
        await accepted.stop();
      }
    } finally {
      await s3.close();
    }
  });
});
