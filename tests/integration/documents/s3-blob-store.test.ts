/**
 * BLOB_STORE_URL=s3://… : issued PDFs and uploads live in an S3-compatible bucket, here the fake
 * S3 server on loopback (tests/fakes/fake-s3.ts), which checks the SigV4 signature with an
 * independent implementation, the payload hash and the bucket. Issued documents keep their rule
 * there too: an object that is gone or altered is an operator alarm and a 503, never a re-render.
 * A wrong secret is refused by S3 at first use, and the operator sees S3's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';
import { slipPayload, slipPng } from '../../helpers/slip-image.ts';
import { startFakeS3, type FakeS3 } from '../../fakes/fake-s3.ts';
import { documentLocation } from '../../helpers/stored-blobs.ts';
import { parseLocator } from '../../../server/data/blob-store.ts';
import { CLIENT_REASONS } from '../../../server/domain/error-messages.ts';

const BUCKET = 'portal-docs';
const PREFIX = 'shop-a';
const REGION = 'ap-southeast-1';
const KEY_ID = 'AKIAPORTALTEST01';
const SECRET = 'portal-test-secret-0123456789abcdef';

let s3: FakeS3;
let t: TestApp;
let f: PortalFixture;
let token: string;
let seq = 0;

const s3Env = (secret: string) => ({
  BLOB_STORE_URL: `s3://${BUCKET}/${PREFIX}?endpoint=${encodeURIComponent(s3.url)}&region=${REGION}`,
  S3_ACCESS_KEY_ID: KEY_ID,
  S3_SECRET_ACCESS_KEY: secret,
});

beforeAll(async () => {
  s3 = await startFakeS3({ accessKeyId: KEY_ID, secretAccessKey: SECRET, region: REGION, buckets: [BUCKET] });
  t = await startTestApp({ env: s3Env(SECRET) });
  f = await createPortalFixture(t);
  token = (await issueLink(t, 'customer', f.customerId)).token;
});
afterAll(async () => {
  await t?.stop();
  await s3?.close();
});

const objects = () => s3.buckets.get(BUCKET)!;
const objectAt = (locator: string) => {
  const { scheme, key } = parseLocator(locator);
  expect(scheme).toBe('s3');
  return `${PREFIX}/${key}`;
};
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const alarmsFor = (app: TestApp, subject: string) => app.ctx.db.operatorAlarm.findMany({ where: { subject } });
const operatorPage = async (app: TestApp) =>
  (await fetch(`${app.baseUrl}/admin/outbox`, { headers: { authorization: `Basic ${Buffer.from(`op:${TEST_ADMIN_KEY}`).toString('base64')}` } })).text();

async function paidInvoice(app: TestApp, name: string) {
  const c = await app.adminOk('createCustomer', { body: { name, address: '10 ถนนสีลม กรุงเทพฯ 10500' } });
  const inv = await app.adminOk('createInvoice', {
    body: { customerId: c.id, dueDate: '2026-12-31', lines: [{ description: 'ค่าเช่าโปรเจกเตอร์', quantity: 1, unitPriceSatang: 300_000 }] },
  });
  const paid = await app.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: inv.netPayableSatang, method: 'bank_transfer' } });
  return { customerId: c.id, taxInvoiceId: `tax_invoice.${paid.payment.id}`, receiptId: `receipt.${paid.receipt.id}` };
}

async function sendSlip(app: TestApp, linkToken: string, invoiceId: string, png: Buffer) {
  const form = new FormData();
  form.set('target', `invoice.${invoiceId}`);
  form.set('amountSatang', '5000');
  form.set('slip', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'slip.png');
  const res = await fetch(`${app.baseUrl}/api/portal/${linkToken}/payment-notices`, { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as any };
}

const newSlip = () => slipPng(slipPayload(`0199${String(++seq).padStart(4, '0')}S3STORE0001`));

describe('documents and uploads in an S3-compatible bucket', () => {
  it('a tax invoice is stored in the bucket when issued (nothing in the database store) and downloads as those bytes', async () => {
    const { customerId, taxInvoiceId } = await paidInvoice(t, 'คุณเอสสาม');
    const [, paymentId] = taxInvoiceId.split('.') as [string, string];
    const location = await documentLocation(t, taxInvoiceId);
    expect(location).toMatch(new RegExp(`^s3:documents/tax_invoice/${paymentId}\\.[\\w-]+\\.pdf$`));
    const object = objects().get(objectAt(location))!;
    expect(object.subarray(0, 5).toString()).toBe('%PDF-');
    const record = await t.ctx.db.issuedDocument.findFirstOrThrow({ where: { documentType: 'tax_invoice', documentId: paymentId } });
    expect(record.sha256).toBe(sha256(object));
    expect(await t.ctx.db.blob.count()).toBe(0);

    const link = await issueLink(t, 'customer', customerId);
    const res = await fetch(`${t.baseUrl}/api/portal/${link.token}/documents/${taxInvoiceId}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(object)).toBe(true);
    expect(s3.requests.filter((r) => r.status >= 400 && r.code !== 'NoSuchKey')).toEqual([]);
  });

  it('a slip goes to the bucket and staff see it; a slip refused in the transaction leaves no object behind', async () => {
    const png = await newSlip();
    const sent = await sendSlip(t, token, f.secondInvoiceId, png);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const notice = await t.ctx.db.paymentNotice.findUniqueOrThrow({ where: { id: sent.body.id }, include: { slipFile: true } });
    expect(notice.slipFile!.storagePath).toMatch(/^s3:uploads\/[\w-]+$/);
    expect(objects().get(objectAt(notice.slipFile!.storagePath))?.equals(png)).toBe(true);
    const shown = await fetch(`${t.baseUrl}/api/admin/payment-notices/${sent.body.id}/slip`, { headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } });
    expect(shown.status).toBe(200);
    expect(Buffer.from(await shown.arrayBuffer()).equals(png)).toBe(true);

    // The same transfer for another invoice: uploaded before the transaction, refused inside it, deleted after.
    const before = [...objects().keys()];
    const deletes = s3.requests.filter((r) => r.method === 'DELETE').length;
    const again = await sendSlip(t, token, f.invoiceId, png);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DUPLICATE_SLIP');
    expect([...objects().keys()]).toEqual(before);
    expect(s3.requests.filter((r) => r.method === 'DELETE' && r.status === 204).length).toBe(deletes + 1);
  });

  it('an altered object is an alarm and a 503, and so is a deleted one; nothing is re-rendered', async () => {
    const { customerId, taxInvoiceId, receiptId } = await paidInvoice(t, 'คุณวัตถุถูกแก้');
    const link = await issueLink(t, 'customer', customerId);
    const altered = objectAt(await documentLocation(t, taxInvoiceId));
    const bytes = Buffer.from(objects().get(altered)!);
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0x01;
    objects().set(altered, bytes);
    const res = await fetch(`${t.baseUrl}/api/portal/${link.token}/documents/${taxInvoiceId}`);
    expect(res.status).toBe(503);
    expect((await res.json()).error.messages).toEqual(CLIENT_REASONS.document_unavailable);
    expect((await alarmsFor(t, taxInvoiceId)).map((a) => a.kind)).toEqual(['document_altered']);

    const gone = objectAt(await documentLocation(t, receiptId));
    objects().delete(gone);
    expect((await fetch(`${t.baseUrl}/api/portal/${link.token}/documents/${receiptId}`)).status).toBe(503);
    expect((await alarmsFor(t, receiptId)).map((a) => a.kind)).toEqual(['document_missing']);
    expect(objects().has(gone)).toBe(false);
    expect(objects().get(altered)?.equals(bytes)).toBe(true);
  });
});

describe('a store that stops answering', () => {
  it('refuses uploads with a 503 and an operator alarm naming S3’s answer, and the alarm closes itself once the store answers again', async () => {
    const bucket = objects();
    s3.buckets.delete(BUCKET);
    try {
      const refused = await sendSlip(t, token, f.secondInvoiceId, await newSlip());
      expect(refused.status).toBe(503);
      expect(refused.body.error).toMatchObject({ code: 'UNAVAILABLE', reason: 'storage_unavailable', messages: CLIENT_REASONS.storage_unavailable });
      const [alarm] = await alarmsFor(t, 'blob store');
      expect(alarm).toMatchObject({ kind: 'blob_store_failed', resolvedAt: null });
      expect(alarm?.detail).toMatch(
        /^writing s3:uploads\/[\w-]+: S3 PUT s3:\/\/portal-docs\/shop-a\/uploads\/[\w-]+ at http:\/\/127\.0\.0\.1:\d+: 404 NoSuchBucket/,
      );
      expect(await operatorPage(t)).toContain('NoSuchBucket');
    } finally {
      s3.buckets.set(BUCKET, bucket);
    }
    const accepted = await sendSlip(t, token, f.secondInvoiceId, await newSlip());
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect((await alarmsFor(t, 'blob store'))[0]?.resolvedAt).not.toBeNull();
  });
});

describe('a wrong secret', () => {
  let wrong: TestApp;
  beforeAll(async () => {
    wrong = await startTestApp({ env: s3Env('not-the-secret-0123456789abcdef') });
  });
  afterAll(() => wrong?.stop());

  it('starts (S3 is not asked at start), and is refused at first use: the operator sees S3’s answer, the client a 503, nothing half-stored', async () => {
    const wf = await createPortalFixture(wrong);
    // The fixture's payment was recorded; its documents could not be stored and stay as open render jobs.
    const pending = await wrong.ctx.db.documentSnapshot.findMany({ where: { renderPending: true } });
    expect(pending.length).toBeGreaterThan(0);
    expect(await wrong.ctx.db.issuedDocument.count()).toBe(0);
    const [storeAlarm] = await alarmsFor(wrong, 'blob store');
    expect(storeAlarm?.kind).toBe('blob_store_failed');
    expect(storeAlarm?.detail).toMatch(/403 SignatureDoesNotMatch .*check S3_ACCESS_KEY_ID \/ S3_SECRET_ACCESS_KEY/);
    expect(s3.requests.some((r) => r.status === 403 && r.code === 'SignatureDoesNotMatch')).toBe(true);
    const page = await operatorPage(wrong);
    expect(page).toContain('blob_store_failed');
    expect(page).toContain('SignatureDoesNotMatch');

    const link = await issueLink(wrong, 'customer', wf.customerId);
    const files = await wrong.ctx.db.storedFile.count();
    const sent = await sendSlip(wrong, link.token, wf.secondInvoiceId, await newSlip());
    expect(sent.status).toBe(503);
    expect(sent.body.error.messages).toEqual(CLIENT_REASONS.storage_unavailable);
    expect(await wrong.ctx.db.storedFile.count()).toBe(files);
    expect(await wrong.ctx.db.paymentNotice.count()).toBe(0);

    const job = pending[0]!;
    const download = await fetch(`${wrong.baseUrl}/api/portal/${link.token}/documents/${job.documentType}.${job.documentId}`);
    expect(download.status).toBe(503);
    expect((await download.json()).error.messages).toEqual(CLIENT_REASONS.document_unavailable);
  });
});
