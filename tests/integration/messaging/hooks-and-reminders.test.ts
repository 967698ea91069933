/**
 * Messages written by other use cases inside their transactions (payment received, deposit
 * returned, job stage) and the payment-reminder schedule (window, offsets, once per offset even
 * with two instances, stops when paid).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/data/database.ts';
import { runRemindersOnce } from '../../../server/services/messages/reminder-job.ts';
import { startMessagingFixture, createInvoice, type MessagingFixture } from './messaging-fixture.ts';

let f: MessagingFixture;

beforeAll(async () => {
  f = await startMessagingFixture();
});
afterAll(() => f.stop());
beforeEach(async () => {
  f.t.clock.set('2026-11-25T03:00:00.000Z');
  await f.t.messaging.drainOnce();
  f.line.reset();
});

const messagesOf = (customerId: string) => f.t.ctx.db.outboxMessage.findMany({ where: { customerId }, orderBy: { createdAt: 'asc' } });

describe('payment received', () => {
  it('queues the receipt message in the payment transaction, keyed by the payment', async () => {
    const customerId = await f.customer({ email: 'payer@example.com' });
    const invoice = await createInvoice(f.t, customerId);
    await f.t.admin('POST', `/invoices/${invoice.id}/send`, {});
    const paid = await f.t.admin('POST', `/invoices/${invoice.id}/payments`, { amountSatang: 50000, method: 'promptpay', reference: 'SCB 1' });
    expect(paid.status).toBe(201);
    const received = (await messagesOf(customerId)).find((m) => m.kind === 'payment_received')!;
    expect(received.idempotencyKey).toBe(`payment-received:${paid.body.payment.id}`);
    expect(received.channel).toBe('email');
    const payload = JSON.parse(received.payload);
    expect(payload).toMatchObject({
      receiptNumber: paid.body.receipt.number,
      amountSatang: 50000,
      balanceRemainingSatang: invoice.netPayableSatang - 50000,
      attachDocumentId: `receipt.${paid.body.receipt.id}`,
    });
    expect(payload.link.path).toBe('/receipts');
    const before = f.smtp.mails.length;
    await f.t.messaging.drainOnce();
    const [mail] = (await f.smtp.waitForMails(before + 2)).slice(before).filter((m) => m.parsed.subject?.includes(paid.body.receipt.number));
    expect(mail!.parsed.subject).toBe(`บริษัท ทดสอบ จำกัด: ได้รับชำระเงิน ฿500.00 ใบเสร็จ ${paid.body.receipt.number}`);
    expect(mail!.parsed.text).toMatch(/\/c\/[A-Za-z0-9_-]{32}\/receipts/);
  });

  it('never fails a payment because the client cannot be reached', async () => {
    const customerId = await f.customer(); // no LINE, email or phone
    const invoice = await createInvoice(f.t, customerId);
    const paid = await f.t.admin('POST', `/invoices/${invoice.id}/payments`, { amountSatang: invoice.netPayableSatang, method: 'cash' });
    expect(paid.status).toBe(201);
    expect(paid.body.invoice.status).toBe('paid');
    expect(await messagesOf(customerId)).toEqual([]);
    expect(f.t.logLines.some((l) => l.includes('client not notified') && l.includes(customerId))).toBe(true);
    // And no stray link was issued for nobody.
    expect(await f.t.ctx.db.portalLink.count({ where: { customerId } })).toBe(0);
  });
});

describe('deposit returned', () => {
  it('tells the client what came back and what was deducted', async () => {
    const customerId = await f.customer({ phone: '0861234567' });
    const deposit = await f.t.admin('POST', '/deposits', { customerId, requiredSatang: 1_000_000 });
    await f.t.admin('POST', `/deposits/${deposit.body.id}/collections`, { amountSatang: 1_000_000, method: 'bank_transfer' });
    const ret = await f.t.admin('POST', `/deposits/${deposit.body.id}/returns`, { amountSatang: 850_000, reason: 'สายไมค์ชำรุด', method: 'bank_transfer' });
    expect(ret.status).toBe(201);
    // The collection was announced first (deposit_received); the return is the second message.
    expect((await messagesOf(customerId)).map((m) => m.kind)).toEqual(['deposit_received', 'deposit_returned']);
    const message = (await messagesOf(customerId)).find((m) => m.kind === 'deposit_returned');
    expect(message).toMatchObject({
      kind: 'deposit_returned',
      channel: 'sms',
      recipient: '+66861234567',
      idempotencyKey: `deposit-returned:${ret.body.return.id}`,
    });
    const before = f.twilio.messages.length;
    await f.t.messaging.drainOnce();
    const bodies = f.twilio.messages.slice(before).map((m) => m.body);
    expect(bodies).toHaveLength(2);
    expect(bodies).toContainEqual(
      expect.stringMatching(/^https:\/\/portal\.example\.test\/c\/[A-Za-z0-9_-]{32} ทดสอบ: ได้รับเงินประกัน ฿10,000\.00 แล้ว ใบเสร็จ DEPR-\d{4}-\d{4}$/),
    );
    expect(bodies).toContainEqual(expect.stringMatching(/^https:\/\/portal\.example\.test\/c\/[A-Za-z0-9_-]{32} ทดสอบ: คืนเงินประกัน ฿8,500\.00 แล้ว$/));
  });
});

describe('job stage updates', () => {
  it('go to LINE for the announced stages only, and never to email or SMS', async () => {
    const lineCustomer = await f.customer({ email: 'also@example.com' });
    await f.bindLine(lineCustomer);
    const emailCustomer = await f.customer({ email: 'email-only@example.com', phone: '0812345670' });
    const jobs = [];
    for (const customerId of [lineCustomer, emailCustomer]) {
      const job = await f.t.admin('POST', '/jobs', { customerId, title: 'งานอีเวนต์ <สยาม>' });
      jobs.push(job.body.id as string);
      expect((await f.t.admin('POST', `/jobs/${job.body.id}/stage`, { stage: 'picking' })).status).toBe(200); // not announced
      expect((await f.t.admin('POST', `/jobs/${job.body.id}/stage`, { stage: 'delivering', note: 'ถึงประมาณ 14:00' })).status).toBe(200);
    }
    expect(await messagesOf(emailCustomer)).toEqual([]);
    const [update] = await messagesOf(lineCustomer);
    expect(update).toMatchObject({ kind: 'job_stage', channel: 'line' });
    expect(JSON.parse(update!.payload)).toMatchObject({
      stage: 'delivering',
      stageLabel: 'กำลังจัดส่ง',
      note: 'ถึงประมาณ 14:00',
      link: { path: `/jobs/${jobs[0]}` },
    });
    await f.t.messaging.drainOnce();
    const push = f.line.pushes.at(-1)!;
    const json = JSON.stringify(push.messages);
    expect(json).toContain('กำลังจัดส่ง');
    expect(json).toContain(`/jobs/${jobs[0]}`);
  });

  it('are skipped when the stage is not in notifyStages', async () => {
    const customerId = await f.customer();
    await f.bindLine(customerId);
    await f.t.ctx.db.business.update({ where: { id: 'default' }, data: { notifyStages: 'closed' } });
    try {
      const job = await f.t.admin('POST', '/jobs', { customerId, title: 'x' });
      await f.t.admin('POST', `/jobs/${job.body.id}/stage`, { stage: 'delivering' });
      expect(await messagesOf(customerId)).toEqual([]);
      await f.t.admin('POST', `/jobs/${job.body.id}/stage`, { stage: 'closed' });
      expect((await messagesOf(customerId)).map((m) => m.kind)).toEqual(['job_stage']);
    } finally {
      await f.t.ctx.db.business.update({ where: { id: 'default' }, data: { notifyStages: 'delivering,on_site,returning,closed' } });
    }
  });
});

describe('payment reminders', () => {
  // Due 2026-12-10; offsets -3, 0, 3, 7, 14 days. 03:00Z = 10:00 Bangkok.
  it('sends each due offset once, only between 09:00 and 20:00 Bangkok, and stops when paid', async () => {
    const customerId = await f.customer({ email: 'remind@example.com' });
    const invoice = await createInvoice(f.t, customerId, { dueDate: '2026-12-10' });
    await f.t.admin('POST', `/invoices/${invoice.id}/send`, {});
    const reminders = async () => (await messagesOf(customerId)).filter((m) => m.kind === 'payment_reminder');

    f.t.clock.set('2026-12-06T03:00:00.000Z'); // 4 days before: nothing due
    await f.t.messaging.runRemindersOnce();
    expect(await reminders()).toHaveLength(0);

    f.t.clock.set('2026-12-07T01:30:00.000Z'); // 08:30 Bangkok, 3 days before: too early
    expect((await f.t.messaging.runRemindersOnce()).queued).toBe(0);
    f.t.clock.set('2026-12-07T02:00:00.000Z'); // 09:00 Bangkok
    await f.t.messaging.runRemindersOnce();
    await f.t.messaging.runRemindersOnce(); // the next minute: already queued
    expect((await reminders()).map((m) => m.idempotencyKey)).toEqual([`payment-reminder:${invoice.id}:-3`]);
    expect(JSON.parse((await reminders())[0]!.payload)).toMatchObject({ daysOverdue: -3, amountDueSatang: invoice.netPayableSatang });
    await f.t.messaging.drainOnce();

    f.t.clock.set('2026-12-10T13:00:00.000Z'); // 20:00 Bangkok on the due date: too late
    await f.t.messaging.runRemindersOnce();
    expect(await reminders()).toHaveLength(1);
    f.t.clock.set('2026-12-11T02:30:00.000Z'); // next morning
    await f.t.messaging.runRemindersOnce();
    expect((await reminders()).map((m) => m.idempotencyKey).at(-1)).toBe(`payment-reminder:${invoice.id}:0`);
    await f.t.messaging.drainOnce();

    // Paid before the 3-days-late reminder: the queued one is withdrawn, no further ones come.
    f.t.clock.set('2026-12-13T03:00:00.000Z');
    await f.t.messaging.runRemindersOnce();
    expect(await reminders()).toHaveLength(3);
    await f.t.admin('POST', `/invoices/${invoice.id}/payments`, { amountSatang: invoice.netPayableSatang, method: 'promptpay' });
    const result = await f.t.messaging.drainOnce();
    expect(result.cancelled).toBeGreaterThanOrEqual(1);
    expect((await reminders()).map((m) => m.status)).toEqual(['sent', 'sent', 'cancelled']);
    f.t.clock.set('2026-12-17T03:00:00.000Z'); // 7 days late, but paid
    await f.t.messaging.runRemindersOnce();
    expect(await reminders()).toHaveLength(3);
    expect(await f.t.ctx.db.paymentReminder.count({ where: { invoiceId: invoice.id } })).toBe(3);
  });

  it('queues each reminder at most once when two instances run at the same time', async () => {
    const customers = await Promise.all(Array.from({ length: 5 }, (_, i) => f.customer({ email: `race${i}@example.com` })));
    const invoices = [];
    for (const customerId of customers) {
      const invoice = await createInvoice(f.t, customerId, { dueDate: '2026-12-01' });
      await f.t.admin('POST', `/invoices/${invoice.id}/send`, {});
      invoices.push(invoice.id);
    }
    f.t.clock.set('2026-12-04T04:00:00.000Z'); // 3 days late, 11:00 Bangkok
    const otherDb = await openDatabase({ databaseUrl: f.t.ctx.config.databaseUrl, migrate: false });
    try {
      const [a, b] = await Promise.all([runRemindersOnce(f.t.ctx), runRemindersOnce({ ...f.t.ctx, db: otherDb })]);
      expect(a.queued + b.queued).toBeGreaterThanOrEqual(invoices.length);
      const rows = await f.t.ctx.db.outboxMessage.findMany({ where: { kind: 'payment_reminder', customerId: { in: customers } } });
      expect(rows).toHaveLength(invoices.length);
      expect(new Set(rows.map((r) => r.idempotencyKey))).toEqual(new Set(invoices.map((id) => `payment-reminder:${id}:3`)));
      expect(await f.t.ctx.db.paymentReminder.count({ where: { invoiceId: { in: invoices } } })).toBe(invoices.length);
    } finally {
      await otherDb.$disconnect();
    }
  });

  it("records an unreachable client's reminder as skipped instead of retrying it every minute", async () => {
    const customerId = await f.customer();
    const invoice = await createInvoice(f.t, customerId, { dueDate: '2026-11-25' });
    await f.t.ctx.db.invoice.update({ where: { id: invoice.id }, data: { status: 'sent' } });
    const first = await runRemindersOnce(f.t.ctx);
    expect(first.skipped).toBeGreaterThanOrEqual(1);
    const rows = await f.t.ctx.db.paymentReminder.findMany({ where: { invoiceId: invoice.id } });
    expect(rows).toMatchObject([{ offsetDays: 0, outboxMessageId: null }]);
    expect((await runRemindersOnce(f.t.ctx)).skipped).toBe(0);
  });

  it('lets staff remind now (admin API), refusing drafts', async () => {
    const customerId = await f.customer({ email: 'now@example.com' });
    const invoice = await createInvoice(f.t, customerId);
    const draft = await f.t.admin('POST', `/invoices/${invoice.id}/remind`, {});
    expect(draft.status).toBe(409);
    await f.t.admin('POST', `/invoices/${invoice.id}/send`, {});
    const res = await f.t.admin('POST', `/invoices/${invoice.id}/remind`, {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ channel: 'email', duplicate: false, invoice: { id: invoice.id } });
  });
});
