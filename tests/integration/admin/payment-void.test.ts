/**
 * Voiding a payment recorded in error: receipt cancelled (kept, never renumbered), a credit note
 * (ใบลดหนี้) reversing its tax invoice for a VAT-registered seller, the balance back on the invoice.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';
import { issueLink } from '../../helpers/portal-fixtures.ts';
import { readStreamUntil } from '../../helpers/sse.ts';
import { runIdempotent } from '../../../server/services/idempotent-request.ts';
import { voidPayment } from '../../../server/services/payment-void.ts';
import type { PortalEvent } from '../../../server/services/portal-events.ts';

async function setUp(business: Record<string, unknown>) {
  const t = await startTestApp();
  await t.adminOk('saveBusiness', { body: business as typeof VAT_BUSINESS });
  const c = await t.adminOk('createCustomer', {
    body: { name: 'คุณสมชาย ใจดี', address: '88/8 ถนนพหลโยธิน แขวงสามเสนใน เขตพญาไท กรุงเทพมหานคร 10400', email: 'somchai@example.com', phone: '0812345678' },
  });
  return { t, customerId: c.id };
}

async function sentInvoice(t: TestApp, customerId: string, unitPriceSatang = 1_000_000) {
  const inv = await t.adminOk('createInvoice', {
    body: { customerId, dueDate: '2026-12-31', lines: [{ description: 'เช่าเครื่องเสียง', quantity: 1, unitPriceSatang }] },
  });
  await t.ctx.db.invoice.update({ where: { id: inv.id }, data: { status: 'sent', sentAt: t.clock.now() } });
  return inv;
}

/** Everything a void can touch. */
async function snapshot(t: TestApp) {
  const db = t.ctx.db;
  return {
    invoices: await db.invoice.findMany({ orderBy: { id: 'asc' } }),
    payments: await db.payment.findMany({ orderBy: { id: 'asc' } }),
    receipts: await db.receipt.findMany({ orderBy: { id: 'asc' } }),
    sequences: await db.documentSequence.findMany({ orderBy: [{ prefix: 'asc' }, { year: 'asc' }] }),
    links: await db.portalLink.findMany({ orderBy: { id: 'asc' } }),
    outbox: await db.outboxMessage.count(),
  };
}

describe('VAT-registered business', () => {
  let t: TestApp;
  let customerId: string;
  beforeAll(async () => ({ t, customerId } = await setUp(VAT_BUSINESS)));
  afterAll(() => t.stop());

  it('voids a full payment: balance back, invoice sent again, receipt cancelled, credit note CN-2026-0001, client told', async () => {
    const inv = await sentInvoice(t, customerId);
    const invoiceLink = await issueLink(t, 'invoice', inv.id);
    const customerLink = await issueLink(t, 'customer', customerId);
    const paid = await t.adminOk('recordPayment', {
      params: { id: inv.id },
      body: { amountSatang: 1_070_000, method: 'bank_transfer', reference: 'KBANK-REF-777' },
    });
    expect(paid.invoice.status).toBe('paid');
    t.clock.advance(60 * 60 * 1000);

    const reply = await t.adminOp('voidPayment', { params: { id: paid.payment.id }, body: { reason: 'บันทึกซ้ำ: ลูกค้าโอนครั้งเดียว' } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      payment: {
        id: paid.payment.id,
        amountSatang: 1_070_000,
        status: 'void',
        voidedAt: t.clock.now().toISOString(),
        voidReason: 'บันทึกซ้ำ: ลูกค้าโอนครั้งเดียว',
        taxInvoiceNumber: paid.payment.taxInvoiceNumber,
        creditNote: { number: 'CN-2026-0001', documentId: `credit_note.${paid.payment.id}` },
      },
      receipt: { id: paid.receipt.id, number: paid.receipt.number, type: 'RC', cancelledAt: t.clock.now().toISOString() },
      invoice: { id: inv.id, number: inv.number, status: 'sent', paidSatang: 0, balanceSatang: 1_070_000 },
    });

    // The admin view of the payment.
    const payment = await t.adminOk('getPayment', { params: { id: paid.payment.id } });
    expect(payment).toMatchObject({
      status: 'void',
      creditNoteNumber: 'CN-2026-0001',
      voidReason: 'บันทึกซ้ำ: ลูกค้าโอนครั้งเดียว',
      receipt: { number: paid.receipt.number, cancelled: true, cancelReason: 'บันทึกซ้ำ: ลูกค้าโอนครั้งเดียว' },
    });
    // Kept, with its number: nothing deleted or renumbered.
    const receipt = await t.ctx.db.receipt.findUniqueOrThrow({ where: { id: paid.receipt.id } });
    expect(receipt.number).toBe(paid.receipt.number);

    // The portal: the receipt is listed as cancelled, the credit note is a new document, the balance is due again.
    const view = await (await fetch(`${t.baseUrl}/api/portal/${customerLink.token}`)).json();
    const invoiceView = view.invoices.find((i: { id: string }) => i.id === inv.id);
    expect(invoiceView).toMatchObject({ status: 'sent', paidSatang: 0, balanceSatang: 1_070_000, taxInvoiceNumber: null });
    expect(invoiceView.pay.amountSatang).toBe(1_070_000);
    expect(invoiceView.payments).toEqual([expect.objectContaining({ id: paid.payment.id, status: 'void', receiptNumber: paid.receipt.number })]);
    expect(view.receipts).toEqual([expect.objectContaining({ number: paid.receipt.number, cancelledAt: t.clock.now().toISOString() })]);
    expect(view.documents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'receipt', number: paid.receipt.number, cancelled: true }),
        expect.objectContaining({ kind: 'credit_note', number: 'CN-2026-0001', title: { th: 'ใบลดหนี้', en: 'Credit Note' }, cancelled: false }),
        expect.objectContaining({ kind: 'tax_invoice', number: paid.payment.taxInvoiceNumber }),
      ]),
    );
    const creditPdf = await fetch(`${t.baseUrl}/api/portal/${customerLink.token}/documents/credit_note.${paid.payment.id}`);
    expect(creditPdf.status).toBe(200);
    expect(creditPdf.headers.get('content-type')).toBe('application/pdf');

    // The invoice link ended when the invoice was paid and stays ended: the client needs a new one.
    expect((await fetch(`${t.baseUrl}/api/portal/${invoiceLink.token}`)).status).not.toBe(200);
    expect(await t.ctx.db.portalLink.findUniqueOrThrow({ where: { id: invoiceLink.id } })).toMatchObject({ revokedAt: t.clock.now() });
    const fresh = await issueLink(t, 'invoice', inv.id);
    expect((await fetch(`${t.baseUrl}/api/portal/${fresh.token}`)).status).toBe(200);

    // The client is told, with the credit note attached.
    const message = await t.ctx.db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: `payment-voided:${paid.payment.id}` } });
    expect(JSON.parse(message.payload)).toMatchObject({
      kind: 'payment_voided',
      invoiceNumber: inv.number,
      receiptNumber: paid.receipt.number,
      creditNoteNumber: 'CN-2026-0001',
      balanceDueSatang: 1_070_000,
      attachDocumentId: `credit_note.${paid.payment.id}`,
    });

    // The invoice can be paid again; the next credit note takes the next number.
    const again = await t.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: 1_070_000, method: 'bank_transfer' } });
    const second = await t.adminOk('voidPayment', { params: { id: again.payment.id }, body: { reason: 'ผิดใบแจ้งหนี้' } });
    expect(second.payment.creditNote?.number).toBe('CN-2026-0002');
  });

  it('voiding one of two payments leaves the invoice partly paid', async () => {
    const inv = await sentInvoice(t, customerId);
    const first = await t.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: 500_000, method: 'cash' } });
    await t.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: 570_000, method: 'cash' } });
    const voided = await t.adminOk('voidPayment', { params: { id: first.payment.id }, body: { reason: 'ยอดผิด' } });
    expect(voided.invoice).toMatchObject({ status: 'partially_paid', paidSatang: 570_000, balanceSatang: 500_000 });
  });

  it('void twice is 409, a missing reason is 400, an unknown payment is 404 — and nothing changes', async () => {
    const inv = await sentInvoice(t, customerId);
    const paid = await t.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: 1_070_000, method: 'cash' } });
    const noReason = await t.adminOp('voidPayment', { params: { id: paid.payment.id }, body: {} });
    expect(noReason.status).toBe(400);
    expect(!noReason.ok && noReason.body.error.field).toBe('reason');
    await t.adminOk('voidPayment', { params: { id: paid.payment.id }, body: { reason: 'ผิดพลาด' } });
    const before = await snapshot(t);
    const twice = await t.adminOp('voidPayment', { params: { id: paid.payment.id }, body: { reason: 'ผิดพลาด' } });
    expect(twice.status).toBe(409);
    expect(!twice.ok && twice.body.error.code).toBe('CONFLICT');
    expect((await t.adminOp('voidPayment', { params: { id: 'no-such-payment' }, body: { reason: 'x' } })).status).toBe(404);
    expect(await snapshot(t)).toEqual(before);
  });

  it('with an Idempotency-Key a retried void replays the first answer; without one it is 409', async () => {
    const inv = await sentInvoice(t, customerId);
    const paid = await t.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: 1_070_000, method: 'cash' } });
    const send = (headers?: Record<string, string>) =>
      t.adminOp('voidPayment', { params: { id: paid.payment.id }, body: { reason: 'โอนซ้ำ' }, ...(headers ? { headers } : {}) });
    const first = await send({ 'Idempotency-Key': 'void-1' });
    const before = await snapshot(t);
    const retry = await send({ 'Idempotency-Key': 'void-1' });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await snapshot(t)).toEqual(before);
    expect((await send()).status).toBe(409);
  });

  it('an open customer portal hears the void live (after the commit), and nothing of a void that rolled back', async () => {
    const inv = await sentInvoice(t, customerId);
    const customerLink = await issueLink(t, 'customer', customerId);
    const paid = await t.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: 1_070_000, method: 'cash' } });
    const heardInProcess: PortalEvent[] = [];
    const unsubscribe = t.ctx.events.subscribe(customerId, (event) => heardInProcess.push(event));
    try {
      // Run inside an idempotent request whose outer transaction then fails: the void rolls back
      // and no portal may hear of it (held events are dropped, never released).
      const rolledBack = runIdempotent(t.ctx, { scope: 'test', key: 'void-rollback', requestHash: 'h' }, async (joined) => {
        await voidPayment(joined, { paymentId: paid.payment.id, reason: 'ผิดพลาด' });
        expect(heardInProcess).toEqual([]);
        throw new Error('the outer transaction fails after the void');
      });
      await expect(rolledBack).rejects.toThrow('the outer transaction fails');
      expect(heardInProcess).toEqual([]);
      expect((await t.ctx.db.payment.findUniqueOrThrow({ where: { id: paid.payment.id } })).status).toBe('confirmed');

      const events = await fetch(`${t.baseUrl}/api/portal/${customerLink.token}/events`);
      const heard = readStreamUntil(events.body!, 'event: refresh', 5000);
      const reply = await t.adminOp('voidPayment', { params: { id: paid.payment.id }, body: { reason: 'โอนซ้ำ' }, headers: { 'Idempotency-Key': 'void-live' } });
      expect(reply.status).toBe(200);
      expect(await heard).toContain('event: refresh');
      expect(heardInProcess).toEqual([{ type: 'payments.changed', changeId: `payment:${paid.payment.id}:void`, customerId }]);
      await events.body!.cancel();
    } finally {
      unsubscribe();
    }
  });
});

describe('business not registered for VAT', () => {
  let t: TestApp;
  let customerId: string;
  beforeAll(async () => ({ t, customerId } = await setUp({ ...VAT_BUSINESS, vatRegistered: false })));
  afterAll(() => t.stop());

  it('voids the payment and cancels the receipt, but issues no credit note (there was no tax invoice)', async () => {
    const inv = await sentInvoice(t, customerId);
    const paid = await t.adminOk('recordPayment', { params: { id: inv.id }, body: { amountSatang: inv.netPayableSatang, method: 'promptpay' } });
    expect(paid.payment.taxInvoiceNumber).toBeNull();
    const voided = await t.adminOk('voidPayment', { params: { id: paid.payment.id }, body: { reason: 'ลูกค้าโอนผิดบัญชี' } });
    expect(voided.payment.creditNote).toBeNull();
    expect(voided.receipt?.cancelledAt).toBe(t.clock.now().toISOString());
    expect(voided.invoice).toMatchObject({ status: 'sent', paidSatang: 0, balanceSatang: inv.netPayableSatang });
    expect(await t.ctx.db.documentSequence.count({ where: { prefix: 'CN' } })).toBe(0);
    expect((await t.admin('GET', `/documents/credit_note.${paid.payment.id}`)).status).toBe(404);
  });
});
