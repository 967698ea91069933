/**
 * The 50 ทวิ sent after the slip (issue 11, "here or later"): over HTTP through the portal API,
 * to a notice waiting for staff and to one already confirmed (then it is on the Payment too),
 * and every refusal changing nothing.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';
import { slipPayload, slipPng } from '../../helpers/slip-image.ts';
import { CLIENT_REASONS } from '../../../server/domain/error-messages.ts';
import { blobKeys } from '../../helpers/stored-blobs.ts';

const ADMIN = { authorization: 'Bearer test-admin-key-0123456789abcdef' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let t: TestApp;
let f: PortalFixture;
let token: string;
let seq = 0;

beforeAll(async () => {
  t = await startTestApp();
  f = await createPortalFixture(t);
  token = (await issueLink(t, 'customer', f.customerId)).token;
});
afterAll(async () => {
  await t?.stop();
});

/** A pending notice of 1,000 baht with its own slip, without a certificate. */
async function notice(linkToken: string, invoiceId: string): Promise<string> {
  const transRef = `0177${String(++seq).padStart(4, '0')}LATERCERT01`;
  const form = new FormData();
  form.set('target', `invoice.${invoiceId}`);
  form.set('amountSatang', '10000');
  form.set('slip', new Blob([new Uint8Array(await slipPng(slipPayload(transRef)))], { type: 'image/png' }), 'slip.png');
  const res = await fetch(`${t.baseUrl}/api/portal/${linkToken}/payment-notices`, { method: 'POST', body: form });
  const body = (await res.json()) as { id: string };
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body.id;
}

async function attach(linkToken: string, noticeId: string, bytes: Uint8Array, name = '50tawi.pdf', type = 'application/pdf') {
  const form = new FormData();
  form.set('withholdingCertificate', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${t.baseUrl}/api/portal/${linkToken}/payment-notices/${noticeId}/withholding-certificate`, { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as any };
}

const uploads = async () => (await blobKeys(t, 'uploads/')).length;

async function snapshot() {
  const db = t.ctx.db;
  return {
    files: await db.storedFile.count(),
    certs: await db.paymentNotice.count({ where: { withholdingCertFileId: { not: null } } }),
    paymentCerts: await db.payment.count({ where: { withholdingCertFileId: { not: null } } }),
    stored: await uploads(),
  };
}

async function adminCertificate(noticeId: string) {
  const res = await fetch(`${t.baseUrl}/api/admin/payment-notices/${noticeId}/withholding-certificate`, { headers: ADMIN });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('the 50 ทวิ sent later', () => {
  it('attaches to a pending notice: stored privately, logged, shown on the portal, and staff get the same bytes; a second one is refused', async () => {
    const id = await notice(token, f.invoiceId);
    const res = await attach(token, id, PDF);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ id, withholdingCertificate: true });

    const stored = await t.ctx.db.paymentNotice.findUniqueOrThrow({ where: { id }, include: { withholdingCertFile: true } });
    expect(stored.status).toBe('pending_review');
    expect(stored.withholdingCertFile).toMatchObject({ kind: 'withholding_certificate', mimeType: 'application/pdf' });
    expect(stored.withholdingCertFile!.storagePath).toMatch(/^db:uploads\//);
    const download = await adminCertificate(id);
    expect(download.status).toBe(200);
    expect(download.type).toBe('application/pdf');
    expect(download.bytes.equals(PDF)).toBe(true);

    await t.ctx.activity.flush();
    expect(await t.ctx.db.activityLog.count({ where: { action: 'withholding_certificate', documentId: f.invoiceId } })).toBe(1);
    const view = (await (await fetch(`${t.baseUrl}/api/portal/${token}`)).json()) as any;
    const pending = view.invoices.find((i: any) => i.id === f.invoiceId).pendingNotices;
    expect(pending.find((n: any) => n.id === id).withholdingCertificate).toBe(true);

    // Replacing is refused: staff already may have looked at this one (they reject or ask instead).
    const before = await snapshot();
    const second = await attach(token, id, Buffer.concat([PDF, Buffer.from('% another\n')]));
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ reason: 'certificate_already_attached', messages: CLIENT_REASONS.certificate_already_attached });
    expect(await snapshot()).toEqual(before);
    expect((await adminCertificate(id)).bytes.equals(PDF)).toBe(true);
    await t.adminOk('rejectPaymentNotice', { params: { id }, body: { reason: 'ทดสอบ' } });
  });

  it('attaches to a confirmed notice, and then it is on the Payment too', async () => {
    const id = await notice(token, f.invoiceId);
    await t.adminOk('confirmPaymentNotice', { params: { id }, body: {} });
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
    ]);
    const before = (await (await fetch(`${t.baseUrl}/api/portal/${token}`)).json()) as any;
    const paymentBefore = before.invoices.find((i: any) => i.id === f.invoiceId).payments.find((p: any) => p.noticeId === id);
    expect(paymentBefore).toMatchObject({ noticeId: id, withholdingCertificate: false });

    const res = await attach(token, id, PDF);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const stored = await t.ctx.db.paymentNotice.findUniqueOrThrow({ where: { id }, include: { payment: true } });
    expect(stored.status).toBe('confirmed');
    expect(stored.withholdingCertFileId).not.toBeNull();
    expect(stored.payment!.withholdingCertFileId).toBe(stored.withholdingCertFileId);
    expect((await adminCertificate(id)).bytes.equals(PDF)).toBe(true);
    const after = (await (await fetch(`${t.baseUrl}/api/portal/${token}`)).json()) as any;
    const payment = after.invoices.find((i: any) => i.id === f.invoiceId).payments.find((p: any) => p.noticeId === id);
    expect(payment.withholdingCertificate).toBe(true);
    // Nor can a confirmed payment's certificate be swapped from the portal.
    expect((await attach(token, id, jpeg, 'photo.jpg', 'image/jpeg')).status).toBe(409);
  });

  it('refuses a forged type, a file over 5 MB and an empty form, naming the field, storing nothing', async () => {
    const id = await notice(token, f.invoiceId);
    const before = await snapshot();
    const forged = await attach(token, id, Buffer.from('<!doctype html><html><body>not a certificate</body></html>'), '50tawi.pdf', 'application/pdf');
    expect(forged.status).toBe(400);
    expect(forged.body.error).toMatchObject({ field: 'withholdingCertificate', reason: 'certificate_type', messages: CLIENT_REASONS.certificate_type });
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await attach(token, id, big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toMatchObject({ field: 'withholdingCertificate' });
    const empty = await fetch(`${t.baseUrl}/api/portal/${token}/payment-notices/${id}/withholding-certificate`, { method: 'POST', body: new FormData() });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as any).error).toMatchObject({ field: 'withholdingCertificate', reason: 'certificate_missing' });
    expect(await snapshot()).toEqual(before);
    await t.adminOk('rejectPaymentNotice', { params: { id }, body: { reason: 'ทดสอบ' } });
  });

  it('404 for a notice the link cannot see; 409 without withholding and on a rejected notice; nothing stored', async () => {
    const otherToken = (await issueLink(t, 'customer', f.otherCustomerId)).token;
    const othersNotice = await notice(otherToken, f.otherInvoiceId);
    const mine = await notice(token, f.invoiceId);
    const noWithholding = await notice(token, f.secondInvoiceId);
    const rejected = await notice(token, f.invoiceId);
    await t.adminOk('rejectPaymentNotice', { params: { id: rejected }, body: { reason: 'ยอดไม่ตรง' } });
    const secondInvoiceLink = (await issueLink(t, 'invoice', f.secondInvoiceId)).token;
    const before = await snapshot();

    expect((await attach(token, othersNotice, PDF)).status).toBe(404);
    // An invoice link sees only its own invoice's notices.
    expect((await attach(secondInvoiceLink, mine, PDF)).status).toBe(404);
    expect((await attach(token, 'no-such-notice', PDF)).status).toBe(404);
    const none = await attach(token, noWithholding, PDF);
    expect(none.status).toBe(409);
    expect(none.body.error).toMatchObject({ reason: 'no_withholding', messages: CLIENT_REASONS.no_withholding });
    const refused = await attach(token, rejected, PDF);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ reason: 'notice_rejected' });
    expect(await snapshot()).toEqual(before);
  });
});
