/**
 * "I have paid" end to end over HTTP: the client's notice with its slip (portal API, multipart),
 * every refusal changing nothing, and staff review through the admin API (confirm → payment,
 * receipt, tax invoice, message; reject; races).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { dataUrl, signaturePng } from '../../helpers/signature-png.ts';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';
import { slipPayload, slipPng, slipVariant } from '../../helpers/slip-image.ts';
import { readStreamUntil } from '../../helpers/sse.ts';
import type { AdminResponse } from '../../helpers/admin-client.ts';
import { blobKeys } from '../../helpers/stored-blobs.ts';

let t: TestApp;
let f: PortalFixture;
let customerToken: string;
let seq = 0;

beforeAll(async () => {
  t = await startTestApp();
  f = await createPortalFixture(t);
  customerToken = (await issueLink(t, 'customer', f.customerId)).token;
  // A quote's deposit is payable once the client has accepted the quote (before that it is hidden).
  const quoteLink = await issueLink(t, 'quote', f.quoteId);
  const accepted = await fetch(`${t.baseUrl}/api/portal/${quoteLink.token}/quotes/${f.quoteId}/accept`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'คุณสมชาย', signature: dataUrl(signaturePng()), consent: true }),
  });
  expect(accepted.status).toBe(200);
});
afterAll(async () => {
  await t?.stop();
});

/** A new slip with its own bank reference (each test pays with its own transfer). */
async function newSlip() {
  const transRef = `0153${String(++seq).padStart(4, '0')}ABCDEF0123`;
  return { transRef, png: await slipPng(slipPayload(transRef)) };
}

async function sendNotice(
  token: string,
  fields: {
    target: string;
    amountSatang: string | number;
    slip?: Uint8Array | null;
    slipName?: string;
    slipType?: string;
    cert?: Uint8Array;
    certName?: string;
  },
) {
  const form = new FormData();
  form.set('target', fields.target);
  form.set('amountSatang', String(fields.amountSatang));
  if (fields.slip) form.set('slip', new Blob([new Uint8Array(fields.slip)], { type: fields.slipType ?? 'image/png' }), fields.slipName ?? 'slip.png');
  if (fields.cert) form.set('withholdingCertificate', new Blob([new Uint8Array(fields.cert)], { type: 'application/pdf' }), fields.certName ?? '50tawi.pdf');
  const res = await fetch(`${t.baseUrl}/api/portal/${token}/payment-notices`, { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as any };
}

async function balanceOf(invoiceId: string) {
  const inv = await t.ctx.db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
  return inv.netPayableSatang - inv.paidSatang;
}

const uploads = () => blobKeys(t, 'uploads/');

/** Everything a refused notice must leave untouched. */
async function snapshot() {
  const db = t.ctx.db;
  return {
    notices: await db.paymentNotice.count(),
    files: await db.storedFile.count(),
    payments: await db.payment.count(),
    receipts: await db.receipt.count(),
    stored: (await uploads()).length,
  };
}

describe('the client sends a slip ("I have paid")', () => {
  it('stores a pending notice with the slip read, privately, and shows it on the portal', async () => {
    const { transRef, png } = await newSlip();
    const balance = await balanceOf(f.secondInvoiceId);
    const res = await sendNotice(customerToken, { target: `invoice.${f.secondInvoiceId}`, amountSatang: balance, slip: png });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), status: 'pending_review', slip: { readable: true, sendingBank: '004', transRef } });

    const notice = await t.ctx.db.paymentNotice.findUniqueOrThrow({ where: { id: res.body.id }, include: { slipFile: true } });
    expect(notice).toMatchObject({ invoiceId: f.secondInvoiceId, customerId: f.customerId, amountSatang: balance, channel: 'web' });
    expect(notice.slipFile!.mimeType).toBe('image/png');
    // In the database store, where every instance reads it.
    expect(notice.slipFile!.storagePath).toMatch(/^db:uploads\/[\w-]+$/);
    expect((await t.ctx.blobs.get(notice.slipFile!.storagePath))?.equals(png)).toBe(true);

    await t.ctx.activity.flush();
    expect(await t.ctx.db.activityLog.count({ where: { action: 'payment_notice', documentId: f.secondInvoiceId } })).toBe(1);

    const view = (await (await fetch(`${t.baseUrl}/api/portal/${customerToken}`)).json()) as any;
    const inv = view.invoices.find((i: any) => i.id === f.secondInvoiceId);
    expect(inv.pendingNotices).toEqual([{ id: res.body.id, amountSatang: balance, sentAt: expect.any(String), withholdingCertificate: false }]);

    // The same file again (a double tap): the first notice, not a second one.
    const before = await snapshot();
    const again = await sendNotice(customerToken, { target: `invoice.${f.secondInvoiceId}`, amountSatang: balance, slip: png });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(res.body.id);
    expect(await snapshot()).toEqual(before);

    // Staff see it, and its slip.
    const list = await t.adminOk('listPaymentNotices', { query: { status: 'pending_review' } });
    expect(list.notices.map((n) => n.id)).toContain(res.body.id);
    const slip = await fetch(`${t.baseUrl}/api/admin/payment-notices/${res.body.id}/slip`, {
      headers: { authorization: `Bearer ${'test-admin-key-0123456789abcdef'}` },
    });
    expect(slip.status).toBe(200);
    expect(slip.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await slip.arrayBuffer()).equals(png)).toBe(true);
    await t.adminOk('rejectPaymentNotice', { params: { id: res.body.id }, body: { reason: 'ทดสอบ' } });
  });

  it('takes a slip whose QR cannot be read, marked unreadable ("no QR")', async () => {
    const res = await sendNotice(customerToken, { target: `invoice.${f.secondInvoiceId}`, amountSatang: 500, slip: await slipPng(null) });
    expect(res.status).toBe(201);
    expect(res.body.slip).toEqual({ readable: false });
    const dto = await t.adminOk('getPaymentNotice', { params: { id: res.body.id } });
    expect(dto.slip).toMatchObject({ readable: false, sendingBank: null, transRef: null });
    await t.adminOk('rejectPaymentNotice', { params: { id: res.body.id }, body: { reason: 'no slip' } });
  });

  describe('refuses bad input with a clear 4xx and changes nothing', () => {
    const cases: Array<[string, () => Promise<{ fields: Parameters<typeof sendNotice>[1]; token?: string }>, number, string, string?]> = [
      [
        'HTML bytes named slip.png',
        async () => ({
          fields: {
            target: `invoice.${f.secondInvoiceId}`,
            amountSatang: 100,
            slip: Buffer.from('<!doctype html><script>alert(1)</script>'),
            slipName: 'slip.png',
            slipType: 'image/png',
          },
        }),
        400,
        'slip',
        'JPEG',
      ],
      [
        'a PDF as the slip',
        async () => ({
          fields: {
            target: `invoice.${f.secondInvoiceId}`,
            amountSatang: 100,
            slip: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'),
            slipName: 'slip.jpg',
            slipType: 'image/jpeg',
          },
        }),
        400,
        'slip',
      ],
      ['no slip at all', async () => ({ fields: { target: `invoice.${f.secondInvoiceId}`, amountSatang: 100, slip: null } }), 400, 'slip'],
      [
        'a slip over 5 MB',
        async () => ({
          fields: { target: `invoice.${f.secondInvoiceId}`, amountSatang: 100, slip: Buffer.concat([await slipPng(null), Buffer.alloc(5 * 1024 * 1024)]) },
        }),
        413,
        'slip',
        '5 MB',
      ],
      [
        'HTML as the 50 ทวิ',
        async () => ({
          fields: {
            target: `invoice.${f.invoiceId}`,
            amountSatang: 100,
            slip: (await newSlip()).png,
            cert: Buffer.from('<html>not a pdf</html>'),
            certName: 'cert.pdf',
          },
        }),
        400,
        'withholdingCertificate',
      ],
      [
        "another customer's invoice",
        async () => ({ fields: { target: `invoice.${f.otherInvoiceId}`, amountSatang: 100, slip: (await newSlip()).png } }),
        404,
        '',
      ],
      [
        'an invoice link paying another invoice of the same customer',
        async () => ({
          token: (await issueLink(t, 'invoice', f.invoiceId)).token,
          fields: { target: `invoice.${f.secondInvoiceId}`, amountSatang: 100, slip: (await newSlip()).png },
        }),
        404,
        '',
      ],
      [
        'a quote link paying an invoice',
        async () => ({
          token: (await issueLink(t, 'quote', f.otherQuoteId)).token,
          fields: { target: `invoice.${f.secondInvoiceId}`, amountSatang: 100, slip: (await newSlip()).png },
        }),
        404,
        '',
      ],
      [
        'a deposit already held in full',
        async () => ({ fields: { target: `deposit.${f.jobDepositId}`, amountSatang: 100, slip: (await newSlip()).png } }),
        409,
        '',
      ],
      ['amount 0', async () => ({ fields: { target: `invoice.${f.secondInvoiceId}`, amountSatang: 0, slip: (await newSlip()).png } }), 400, 'amountSatang'],
      [
        'a negative amount',
        async () => ({ fields: { target: `invoice.${f.secondInvoiceId}`, amountSatang: -100, slip: (await newSlip()).png } }),
        400,
        'amountSatang',
      ],
      [
        'an amount in baht with a decimal point',
        async () => ({ fields: { target: `invoice.${f.secondInvoiceId}`, amountSatang: '107.00', slip: (await newSlip()).png } }),
        400,
        'amountSatang',
      ],
      [
        'more than the balance',
        async () => ({
          fields: { target: `invoice.${f.secondInvoiceId}`, amountSatang: (await balanceOf(f.secondInvoiceId)) + 1, slip: (await newSlip()).png },
        }),
        400,
        'amountSatang',
        'balance',
      ],
      ['a malformed target', async () => ({ fields: { target: `quote.${f.quoteId}`, amountSatang: 100, slip: (await newSlip()).png } }), 400, 'target'],
    ];
    for (const [name, make, status, field, text] of cases) {
      it(name, async () => {
        const { fields, token } = await make();
        const before = await snapshot();
        const res = await sendNotice(token ?? customerToken, fields);
        expect(res.status, JSON.stringify(res.body)).toBe(status);
        if (field) expect(res.body.error.field).toBe(field);
        if (text) expect(JSON.stringify(res.body.error.messages)).toContain(text);
        expect(res.body.error.messages.th).toMatch(/[\u0E00-\u0E7F]/);
        expect(await snapshot()).toEqual(before);
      });
    }

    it('a slip whose bank reference was already used: 409 DUPLICATE_SLIP, nothing stored', async () => {
      const { transRef, png } = await newSlip();
      const first = await sendNotice(customerToken, { target: `invoice.${f.secondInvoiceId}`, amountSatang: 100, slip: png });
      expect(first.status).toBe(201);
      const before = await snapshot();
      // The same transfer, photographed instead of screenshotted (other bytes), for another target.
      const photo = await slipVariant(png, 'rot7-jpeg70');
      const res = await sendNotice(customerToken, {
        target: `deposit.${f.quoteDepositId}`,
        amountSatang: 100,
        slip: photo,
        slipName: 'IMG_0001.jpg',
        slipType: 'image/jpeg',
      });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'DUPLICATE_SLIP', field: 'slip', transRef, sendingBank: '004' });
      expect(res.body.error.messages.en).toMatch(/already used/);
      expect(await snapshot()).toEqual(before);
      await t.adminOk('rejectPaymentNotice', { params: { id: first.body.id }, body: { reason: 'wrong invoice' } });
    });
  });
});

describe('staff review', () => {
  it('confirming records the payment on its paid date, with receipt, tax invoice and message; the invoice link ends when paid', async () => {
    const invoiceLink = await issueLink(t, 'invoice', f.invoiceId);
    const balance = await balanceOf(f.invoiceId);
    const inv = await t.ctx.db.invoice.findUniqueOrThrow({ where: { id: f.invoiceId } });
    expect(inv.withholdingSatang).toBeGreaterThan(0);
    const { transRef, png } = await newSlip();
    const cert = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    // The client typed a little less than the balance; staff see the full amount arrive.
    const sent = await sendNotice(invoiceLink.token, { target: `invoice.${f.invoiceId}`, amountSatang: balance - 100, slip: png, cert });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);

    // Live: an open portal of the customer hears that money changed (the invoice link itself ends).
    const events = await fetch(`${t.baseUrl}/api/portal/${customerToken}/events`);
    const heard = readStreamUntil(events.body!, 'event: refresh', 5000);

    // paidAt as a calendar day (Bangkok), as staff type it: untyped call (the typed client wants the parsed Date).
    const reply = await t.admin('POST', `/payment-notices/${sent.body.id}/confirm`, { amountSatang: balance, paidAt: '2026-11-23' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const confirmed = reply.body as AdminResponse<'confirmPaymentNotice'>;
    expect(confirmed.invoice).toMatchObject({ id: f.invoiceId, status: 'paid', balanceSatang: 0 });
    // Paid before the job started (2026-11-24): a pre-payment receipt.
    expect(confirmed.receipt.type).toBe('PREREC');
    expect(confirmed.notice).toMatchObject({
      status: 'confirmed',
      confirmedSatang: balance,
      amountSatang: balance - 100,
      reviewedBy: 'admin-api',
      slip: { transRef },
    });
    expect(confirmed.notice.taxInvoiceNumber).toMatch(/^TAX-/);
    expect(await heard).toContain('event: refresh');

    const payment = await t.ctx.db.payment.findUniqueOrThrow({ where: { id: confirmed.notice.paymentId! } });
    expect(payment).toMatchObject({
      status: 'confirmed',
      method: 'promptpay',
      amountSatang: balance,
      slipTransRef: transRef,
      slipSendingBank: '004',
      reviewedBy: 'admin-api',
    });
    expect(payment.receivedAt.toISOString()).toBe('2026-11-22T17:00:00.000Z');
    expect(payment.withholdingCertFileId).not.toBeNull();
    // The withheld part is settled with the transfer: the net payable is paid, nothing remains.
    const after = await t.ctx.db.invoice.findUniqueOrThrow({ where: { id: f.invoiceId } });
    expect(after).toMatchObject({ status: 'paid', paidSatang: after.netPayableSatang });
    expect(
      await t.ctx.db.outboxMessage.count({ where: { customerId: f.customerId, kind: 'payment_received', idempotencyKey: `payment-received:${payment.id}` } }),
    ).toBe(1);
    // The invoice link ends with the invoice paid.
    expect((await fetch(`${t.baseUrl}/api/portal/${invoiceLink.token}`)).status).toBe(410);

    // The certificate is there for staff.
    const certRes = await fetch(`${t.baseUrl}/api/admin/payment-notices/${sent.body.id}/withholding-certificate`, {
      headers: { authorization: 'Bearer test-admin-key-0123456789abcdef' },
    });
    expect(certRes.headers.get('content-type')).toBe('application/pdf');
  });

  it('two confirms at once make one payment and one receipt; the loser gets 409', async () => {
    const { png } = await newSlip();
    const balance = await balanceOf(f.secondInvoiceId);
    const sent = await sendNotice(customerToken, { target: `invoice.${f.secondInvoiceId}`, amountSatang: balance, slip: png });
    const before = await snapshot();
    const [a, b] = await Promise.all([
      t.adminOp('confirmPaymentNotice', { params: { id: sent.body.id }, body: {} }),
      t.adminOp('confirmPaymentNotice', { params: { id: sent.body.id }, body: {} }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const after = await snapshot();
    expect(after.payments - before.payments).toBe(1);
    expect(after.receipts - before.receipts).toBe(1);
    // Reject after confirm: 409, nothing changes.
    const reject = await t.adminOp('rejectPaymentNotice', { params: { id: sent.body.id }, body: { reason: 'late' } });
    expect(reject.status).toBe(409);
    expect(await snapshot()).toEqual(after);
    expect((await t.ctx.db.paymentNotice.findUniqueOrThrow({ where: { id: sent.body.id } })).status).toBe('confirmed');
  });

  it('confirm after reject is 409 and changes nothing; a reject needs a reason', async () => {
    const { png } = await newSlip();
    const sent = await sendNotice(customerToken, { target: `deposit.${f.quoteDepositId}`, amountSatang: 1000, slip: png });
    expect(sent.status).toBe(201);
    const noReason = await t.admin('POST', `/payment-notices/${sent.body.id}/reject`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('reason');
    await t.adminOk('rejectPaymentNotice', { params: { id: sent.body.id }, body: { reason: 'ยอดเงินไม่ตรง' } });
    const before = await snapshot();
    const deposit = await t.ctx.db.deposit.findUniqueOrThrow({ where: { id: f.quoteDepositId } });
    const res = await t.adminOp('confirmPaymentNotice', { params: { id: sent.body.id }, body: {} });
    expect(res.status).toBe(409);
    expect(await snapshot()).toEqual(before);
    expect(await t.ctx.db.deposit.findUniqueOrThrow({ where: { id: f.quoteDepositId } })).toEqual(deposit);
    expect((await t.adminOp('confirmPaymentNotice', { params: { id: 'nope' }, body: {} })).status).toBe(404);
    expect((await t.admin('POST', `/payment-notices/${sent.body.id}/confirm`, { paidAt: '2099-01-01' })).status).toBe(400);
  });

  it('a deposit notice, once confirmed, is a deposit collection with a DEPR receipt', async () => {
    const { png } = await newSlip();
    const sent = await sendNotice(customerToken, { target: `deposit.${f.quoteDepositId}`, amountSatang: 200000, slip: png });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const confirmed = await t.adminOk('confirmPaymentNotice', { params: { id: sent.body.id }, body: {} });
    expect(confirmed.receipt.type).toBe('DEPR');
    expect(confirmed.deposit).toMatchObject({ id: f.quoteDepositId, heldSatang: 200000, status: 'partially_held' });
    expect(confirmed.invoice).toBeNull();
    const collection = await t.ctx.db.depositCollection.findFirstOrThrow({ where: { depositId: f.quoteDepositId } });
    expect(collection).toMatchObject({ amountSatang: 200000, method: 'promptpay', recordedBy: 'admin-api' });
    const view = (await (await fetch(`${t.baseUrl}/api/portal/${customerToken}`)).json()) as any;
    expect(view.deposits.find((d: any) => d.id === f.quoteDepositId)).toMatchObject({ heldSatang: 200000, pendingNotices: [] });
  });
});
