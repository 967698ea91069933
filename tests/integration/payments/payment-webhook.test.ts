/**
 * POST /api/webhooks/payments over real HTTP, SQLite and SMTP: a signed bank report that matches
 * an open invoice or deposit exactly is confirmed like a staff confirmation (payment, receipt,
 * client told); every mismatch waits for staff; a replay or a reference already used counts
 * nothing twice; a bad signature, a stale or future timestamp or a bad body changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMessagingFixture, createInvoice, type MessagingFixture } from '../messaging/messaging-fixture.ts';
import { startTestApp, VAT_BUSINESS } from '../../helpers/test-app.ts';
import { issueLink } from '../../helpers/portal-fixtures.ts';
import { slipPayload, slipPng } from '../../helpers/slip-image.ts';
import { decodeQrPng } from '../../helpers/decode-qr.ts';
import { readStreamUntil } from '../../helpers/sse.ts';
import { parsePromptPayPayload } from '../../helpers/promptpay-payload.ts';

const SECRET = 'payment-webhook-secret-0123456789abcdef';
const BILLER_ID = '010556123456000';

let f: MessagingFixture;
let seq = 0;

beforeAll(async () => {
  f = await startMessagingFixture({ env: { PAYMENT_WEBHOOK_SECRET: SECRET } });
  await f.t.adminOk('saveBusiness', { body: { ...VAT_BUSINESS, promptPayBillerId: '0-1055-61234-56-0 00' } });
});
afterAll(() => f.stop());

const nowSeconds = () => Math.floor(f.t.clock.now().getTime() / 1000);
const newRef = () => `2026112509${String(++seq).padStart(4, '0')}BANK`;

function sign(timestamp: number | string, body: string, secret = SECRET) {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

async function post(body: string, headers: Record<string, string> = {}, baseUrl = f.t.baseUrl) {
  const timestamp = nowSeconds();
  const res = await fetch(`${baseUrl}/api/webhooks/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-timestamp': String(timestamp), 'x-signature': sign(timestamp, body), ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const report = (fields: Record<string, unknown>) =>
  JSON.stringify({ transRef: newRef(), sendingBank: '014', paidAt: '2026-11-25T02:55:00+00:00', billerId: BILLER_ID, ...fields });

/** Every row a report could add or change. */
async function snapshot() {
  const db = f.t.ctx.db;
  return {
    notices: await db.paymentNotice.findMany({ orderBy: { id: 'asc' } }),
    payments: await db.payment.count(),
    receipts: await db.receipt.count(),
    collections: await db.depositCollection.count(),
    invoices: await db.invoice.findMany({ orderBy: { id: 'asc' } }),
    outbox: await db.outboxMessage.count(),
    keys: await db.idempotencyKey.count(),
  };
}

async function openInvoice(email: string) {
  const customerId = await f.customer({ email });
  const invoice = await createInvoice(f.t, customerId);
  await f.t.adminOk('sendInvoice', { params: { id: invoice.id }, body: {} });
  return { customerId, invoice };
}

describe('an exact match is confirmed without staff', () => {
  it('pays the invoice, issues the receipt and tells the client; a second delivery replays the answer', async () => {
    const { customerId, invoice } = await openInvoice('bank-payer@example.com');
    const { token } = await issueLink(f.t, 'customer', customerId);
    const transRef = newRef();
    const body = report({ transRef, amountSatang: invoice.netPayableSatang, reference1: invoice.number.replaceAll('-', '') });
    // An open portal of the customer hears of it live, once the payment has committed.
    const events = await fetch(`${f.t.baseUrl}/api/portal/${token}/events`);
    const heard = readStreamUntil(events.body!, 'event: refresh', 5000);
    const res = await post(body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      status: 'confirmed',
      transRef,
      noticeId: expect.any(String),
      receiptNumber: expect.stringMatching(/^RC-2026-\d{4}$/),
      documentNumber: invoice.number,
    });

    const paid = await f.t.ctx.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(paid).toMatchObject({ status: 'paid', paidSatang: invoice.netPayableSatang });
    const payment = await f.t.ctx.db.payment.findFirstOrThrow({ where: { invoiceId: invoice.id }, include: { receipt: true } });
    expect(payment).toMatchObject({ method: 'promptpay', slipTransRef: transRef, slipSendingBank: '014', reviewedBy: 'bank webhook', slipFileId: null });
    expect(payment.receivedAt.toISOString()).toBe('2026-11-25T02:55:00.000Z');
    expect(payment.receipt?.number).toBe(res.body.receiptNumber);
    expect(await heard).toContain('event: refresh');
    const notice = await f.t.adminOk('getPaymentNotice', { params: { id: res.body.noticeId } });
    expect(notice).toMatchObject({ status: 'confirmed', channel: 'bank', reviewedBy: 'bank webhook', bankReference1: invoice.number.replaceAll('-', '') });
    expect(notice.slip.url).toBeNull();

    // The client hears of it, with the receipt, exactly as after a staff confirmation.
    const before = f.smtp.mails.length;
    await f.t.messaging.drainOnce();
    const mails = (await f.smtp.waitForMails(before + 1)).slice(before);
    const mail = mails.find((m) => m.parsed.subject?.includes(res.body.receiptNumber));
    expect(mail?.to).toEqual(['bank-payer@example.com']);
    expect(mail?.parsed.attachments.some((a) => a.contentType === 'application/pdf')).toBe(true);
    const view = (await (await fetch(`${f.t.baseUrl}/api/portal/${token}`)).json()) as any;
    expect(view.invoices.find((i: any) => i.id === invoice.id).status).toBe('paid');

    // The bank delivers again: the first answer, nothing new.
    const after = await snapshot();
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    expect(await snapshot()).toEqual(after);
  });

  it('collects a payable deposit by its number, with its DEPR receipt', async () => {
    const customerId = await f.customer({ email: 'bank-deposit@example.com' });
    const deposit = await f.t.adminOk('createDeposit', { body: { customerId, requiredSatang: 300_000 } });
    const res = await post(report({ amountSatang: 300_000, reference1: deposit.number }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'confirmed', receiptNumber: expect.stringMatching(/^DEPR-/), documentNumber: deposit.number });
    expect(await f.t.ctx.db.deposit.findUniqueOrThrow({ where: { id: deposit.id } })).toMatchObject({ heldSatang: 300_000, status: 'held' });
    expect(await f.t.ctx.db.outboxMessage.count({ where: { customerId, kind: 'deposit_received' } })).toBe(1);
  });
});

describe('anything else waits for staff', () => {
  it.each([
    [
      'a different amount',
      'amount_mismatch',
      (inv: { number: string; netPayableSatang: number }) => ({ amountSatang: inv.netPayableSatang - 1, reference1: inv.number }),
    ],
    ['an unknown reference', 'unknown_reference', () => ({ amountSatang: 5000, reference1: 'INV20269999' })],
    [
      'another biller',
      'other_biller',
      (inv: { number: string; netPayableSatang: number }) => ({ amountSatang: inv.netPayableSatang, reference1: inv.number, billerId: '099400016550100' }),
    ],
  ])('%s: 202 pending_review, a notice without a slip, the invoice untouched', async (_name, reason, fields) => {
    const { invoice } = await openInvoice(`review-${reason}@example.com`);
    const before = await snapshot();
    const res = await post(report(fields(invoice)));
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ status: 'pending_review', reason, noticeId: expect.any(String) });
    const after = await snapshot();
    expect(after.payments).toBe(before.payments);
    expect(after.receipts).toBe(before.receipts);
    expect(after.invoices).toEqual(before.invoices);
    expect(after.notices.length - before.notices.length).toBe(1);
    const notice = await f.t.adminOk('getPaymentNotice', { params: { id: res.body.noticeId } });
    expect(notice).toMatchObject({ status: 'pending_review', channel: 'bank', reviewReason: reason, slip: { url: null } });
    const pending = await f.t.adminOk('listPaymentNotices', { query: { status: 'pending_review' } });
    expect(pending.notices.map((n) => n.id)).toContain(res.body.noticeId);
    if (reason === 'unknown_reference') {
      expect(notice.customer).toBeNull();
      expect(notice.target).toBeNull();
      // Staff cannot confirm what names nothing: 409, they record it by hand and reject this one.
      expect((await f.t.adminOp('confirmPaymentNotice', { params: { id: res.body.noticeId }, body: {} })).status).toBe(409);
    }
  });

  it('a buyer whose address was removed after the invoice was sent: 202 buyer_no_address, nothing paid; staff add it and confirm', async () => {
    const { customerId, invoice } = await openInvoice('address-removed@example.com');
    await f.t.adminOk('updateCustomer', { params: { id: customerId }, body: { address: null } });
    const before = await snapshot();
    const res = await post(report({ amountSatang: invoice.netPayableSatang, reference1: invoice.number }));
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ status: 'pending_review', reason: 'buyer_no_address' });
    const after = await snapshot();
    expect(after.payments).toBe(before.payments);
    expect(after.receipts).toBe(before.receipts);
    expect(after.invoices).toEqual(before.invoices);
    const notice = await f.t.adminOk('getPaymentNotice', { params: { id: res.body.noticeId } });
    expect(notice).toMatchObject({ status: 'pending_review', reviewReason: 'buyer_no_address' });
    // Confirming before the address is back is refused naming the field; afterwards it goes through.
    const refused = await f.t.adminOp('confirmPaymentNotice', { params: { id: res.body.noticeId }, body: {} });
    expect(refused.status).toBe(409);
    expect(refused.ok ? null : refused.body.error.field).toBe('customer.address');
    await f.t.adminOk('updateCustomer', { params: { id: customerId }, body: { address: '9 ถนนสีลม แขวงสุริยวงศ์ เขตบางรัก กรุงเทพมหานคร 10500' } });
    const confirmed = await f.t.adminOk('confirmPaymentNotice', { params: { id: res.body.noticeId }, body: {} });
    expect(confirmed.invoice).toMatchObject({ id: invoice.id, status: 'paid' });
  });

  it('an invoice already paid is nothing_to_pay', async () => {
    const { invoice } = await openInvoice('already@example.com');
    await f.t.adminOk('recordPayment', { params: { id: invoice.id }, body: { amountSatang: invoice.netPayableSatang, method: 'cash' } });
    const res = await post(report({ amountSatang: invoice.netPayableSatang, reference1: invoice.number }));
    expect(res.status).toBe(202);
    expect(res.body.reason).toBe('nothing_to_pay');
  });

  it('staff confirm a mismatched one on the amount that really arrived', async () => {
    const { invoice } = await openInvoice('staff-confirms@example.com');
    const res = await post(report({ amountSatang: 40_000, reference1: invoice.number }));
    expect(res.status).toBe(202);
    const confirmed = await f.t.adminOk('confirmPaymentNotice', { params: { id: res.body.noticeId }, body: {} });
    expect(confirmed.invoice).toMatchObject({ id: invoice.id, status: 'partially_paid', paidSatang: 40_000 });
    expect(confirmed.notice.paidAt).toBe('2026-11-25T02:55:00.000Z');
  });
});

describe('never counted twice', () => {
  it('a reference already used by a client slip answers 200 duplicate, tells staff in the log, records nothing', async () => {
    const { customerId, invoice } = await openInvoice('slip-first@example.com');
    const { token } = await issueLink(f.t, 'customer', customerId);
    const transRef = `0153${String(++seq).padStart(4, '0')}SLIPREF01`;
    const form = new FormData();
    form.set('target', `invoice.${invoice.id}`);
    form.set('amountSatang', String(invoice.netPayableSatang));
    form.set('slip', new Blob([new Uint8Array(await slipPng(slipPayload(transRef, '014')))], { type: 'image/png' }), 'slip.png');
    expect((await fetch(`${f.t.baseUrl}/api/portal/${token}/payment-notices`, { method: 'POST', body: form })).status).toBe(201);
    const before = await snapshot();
    const res = await post(report({ transRef, amountSatang: invoice.netPayableSatang, reference1: invoice.number }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'duplicate', transRef });
    const after = await snapshot();
    expect({ ...after, keys: before.keys }).toEqual(before);
    expect(f.t.logLines.some((l) => l.includes('already recorded') && l.includes(transRef))).toBe(true);
  });
});

describe('refused requests change nothing', () => {
  const cases: [string, () => { body: string; headers: Record<string, string> }, number, string][] = [
    [
      'a bad signature',
      () => ({ body: report({ amountSatang: 1000, reference1: 'INV20260001' }), headers: { 'x-signature': `sha256=${'0'.repeat(64)}` } }),
      401,
      'X-Signature',
    ],
    [
      'a signature made with another secret',
      () => {
        const body = report({ amountSatang: 1000, reference1: 'INV20260001' });
        return { body, headers: { 'x-signature': sign(nowSeconds(), body, 'not-the-secret-0123456789abcdef0123') } };
      },
      401,
      'X-Signature',
    ],
    ['no signature', () => ({ body: report({ amountSatang: 1000, reference1: 'INV20260001' }), headers: { 'x-signature': '' } }), 401, 'X-Signature'],
    [
      'a timestamp 6 minutes old',
      () => {
        const body = report({ amountSatang: 1000, reference1: 'INV20260001' });
        const old = nowSeconds() - 360;
        return { body, headers: { 'x-timestamp': String(old), 'x-signature': sign(old, body) } };
      },
      401,
      'X-Timestamp',
    ],
    [
      'a timestamp 6 minutes ahead',
      () => {
        const body = report({ amountSatang: 1000, reference1: 'INV20260001' });
        const ahead = nowSeconds() + 360;
        return { body, headers: { 'x-timestamp': String(ahead), 'x-signature': sign(ahead, body) } };
      },
      401,
      'X-Timestamp',
    ],
    ['malformed JSON (signed)', () => ({ body: '{"transRef": ', headers: {} }), 400, 'body'],
    [
      'a missing amount (signed)',
      () => ({ body: JSON.stringify({ transRef: newRef(), paidAt: '2026-11-25T02:55:00Z', billerId: BILLER_ID, reference1: 'X' }), headers: {} }),
      400,
      'amountSatang',
    ],
    ['an amount of zero (signed)', () => ({ body: report({ amountSatang: 0, reference1: 'INV20260001' }), headers: {} }), 400, 'amountSatang'],
    ['a short biller id (signed)', () => ({ body: report({ amountSatang: 100, reference1: 'INV20260001', billerId: '12345' }), headers: {} }), 400, 'billerId'],
    ['a body over 64 kB', () => ({ body: report({ amountSatang: 100, reference1: 'INV20260001', pad: 'x'.repeat(70_000) }), headers: {} }), 413, 'body'],
  ];
  it.each(cases)('%s → %i naming %s', async (_name, build, status, field) => {
    const before = await snapshot();
    const { body, headers } = build();
    const res = await post(body, headers);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error.field).toBe(field);
    expect(await snapshot()).toEqual(before);
  });

  it('is off (404) without PAYMENT_WEBHOOK_SECRET', async () => {
    const t = await startTestApp();
    try {
      const res = await post(report({ amountSatang: 100, reference1: 'INV20260001' }), {}, t.baseUrl);
      expect(res.status).toBe(404);
    } finally {
      await t.stop();
    }
  });
});

describe('the biller ID in the business profile', () => {
  it.each([
    ['12345', 'must be 15 digits'],
    ['010556123456100', 'does not start with a valid Thai tax ID'],
  ])('%s is refused naming promptPayBillerId, the profile unchanged', async (value, message) => {
    const before = await f.t.adminOk('getBusiness');
    const res = await f.t.admin('PUT', '/business', { ...VAT_BUSINESS, promptPayBillerId: value });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('promptPayBillerId');
    expect(res.body.error.message).toContain(message);
    expect(await f.t.adminOk('getBusiness')).toEqual(before);
    expect(before.promptPayBillerId).toBe(BILLER_ID);
  });
});

describe('bill-payment QRs (tag 30) with a biller ID', () => {
  async function pdfQrPayload(documentId: string): Promise<string | null> {
    const res = await fetch(`${f.t.baseUrl}/api/admin/documents/${documentId}`, { headers: { authorization: `Bearer ${f.t.adminApiKey}` } });
    expect(res.status).toBe(200);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qr-pdf-'));
    writeFileSync(path.join(dir, 'doc.pdf'), Buffer.from(await res.arrayBuffer()));
    execFileSync('pdfimages', ['-png', path.join(dir, 'doc.pdf'), path.join(dir, 'img')]);
    for (const file of readdirSync(dir).filter((n) => n.endsWith('.png'))) {
      const decoded = decodeQrPng(readFileSync(path.join(dir, file)));
      if (decoded) return decoded;
    }
    return null;
  }

  it('the portal QR PNG is a bill payment naming the document for the exact balance, and paying it is confirmed by the webhook', async () => {
    const { customerId, invoice } = await openInvoice('tag30@example.com');
    const { token } = await issueLink(f.t, 'customer', customerId);
    const png = await fetch(`${f.t.baseUrl}/api/portal/${token}/qr/invoice/${invoice.id}.png`);
    expect(png.status).toBe(200);
    const payload = decodeQrPng(Buffer.from(await png.arrayBuffer()));
    const parsed = parsePromptPayPayload(payload!);
    expect(parsed).toMatchObject({
      tag: '30',
      crcValid: true,
      currency: '764',
      country: 'TH',
      amount: (invoice.netPayableSatang / 100).toFixed(2),
      billPayment: { aid: 'A000000677010112', billerId: BILLER_ID, reference1: invoice.number.replaceAll('-', ''), reference2: null },
    });
    // The portal view carries the same payload.
    const view = (await (await fetch(`${f.t.baseUrl}/api/portal/${token}`)).json()) as any;
    expect(view.invoices.find((i: any) => i.id === invoice.id).pay.promptPayPayload).toBe(payload);
    // The invoice PDF embeds the same bill-payment QR.
    expect(await pdfQrPayload(`invoice.${invoice.id}`)).toBe(payload);

    // What the bank reports for that QR is matched without staff.
    const res = await post(
      report({ amountSatang: Math.round(Number(parsed.amount) * 100), billerId: parsed.billPayment!.billerId, reference1: parsed.billPayment!.reference1 }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'confirmed', documentNumber: invoice.number });
  });

  it('a deposit QR and its deposit-request PDF name the deposit', async () => {
    const customerId = await f.customer({ email: 'tag30-deposit@example.com' });
    const deposit = await f.t.adminOk('createDeposit', { body: { customerId, requiredSatang: 250_000 } });
    const { token } = await issueLink(f.t, 'customer', customerId);
    const payload = decodeQrPng(Buffer.from(await (await fetch(`${f.t.baseUrl}/api/portal/${token}/qr/deposit/${deposit.id}.png`)).arrayBuffer()));
    expect(parsePromptPayPayload(payload!)).toMatchObject({
      tag: '30',
      crcValid: true,
      amount: '2500.00',
      billPayment: { billerId: BILLER_ID, reference1: deposit.number.replaceAll('-', '') },
    });
    expect(await pdfQrPayload(`deposit_request.${deposit.id}`)).toBe(payload);
  });

  it('without a biller ID the same QR is a plain PromptPay transfer (tag 29)', async () => {
    const { customerId, invoice } = await openInvoice('tag29@example.com');
    const { token } = await issueLink(f.t, 'customer', customerId);
    await f.t.adminOk('saveBusiness', { body: { ...VAT_BUSINESS, promptPayBillerId: null } });
    try {
      const png = await fetch(`${f.t.baseUrl}/api/portal/${token}/qr/invoice/${invoice.id}.png`);
      const parsed = parsePromptPayPayload(decodeQrPng(Buffer.from(await png.arrayBuffer()))!);
      expect(parsed).toMatchObject({ tag: '29', billPayment: null, crcValid: true, proxyType: 'taxId', proxy: VAT_BUSINESS.promptPayId });
    } finally {
      await f.t.adminOk('saveBusiness', { body: { ...VAT_BUSINESS, promptPayBillerId: BILLER_ID } });
    }
  });
});
