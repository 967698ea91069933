/**
 * Quiet hours (09:00–20:00 Bangkok) hold for payment reminders at every delivery attempt, not
 * only when the schedule queues them: a retry or a late delivery that would fall outside the
 * window waits for the next 09:00. Driven by the ManualClock; SMTP answers 451 on purpose.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMessagingFixture, createInvoice, type MessagingFixture } from './messaging-fixture.ts';

let f: MessagingFixture;

beforeAll(async () => {
  f = await startMessagingFixture();
});
afterAll(() => f.stop());
beforeEach(async () => {
  f.t.clock.set('2026-11-25T03:00:00.000Z');
  await f.t.messaging.drainOnce();
});

/** An invoice due 10 Dec 2026 with a reminder (on the due day) queued by the schedule at `queuedAt`. */
async function queuedReminder(queuedAt: string) {
  const email = `quiet-${Math.random().toString(36).slice(2)}@example.com`;
  const customerId = await f.customer({ email });
  const invoice = await createInvoice(f.t, customerId, { dueDate: '2026-12-10' });
  await f.t.admin('POST', `/invoices/${invoice.id}/send`, {});
  await f.t.messaging.drainOnce(); // the invoice message itself
  f.t.clock.set(queuedAt);
  await f.t.messaging.runRemindersOnce();
  const reminder = await f.t.ctx.db.outboxMessage.findFirstOrThrow({ where: { customerId, kind: 'payment_reminder' } });
  return { email, reminder, mailsBefore: mailsTo(email).length };
}

const mailsTo = (email: string) => f.smtp.mails.filter((m) => JSON.stringify(m.parsed.to ?? '').includes(email));

describe('payment reminder quiet hours at delivery time', () => {
  it('a reminder queued at 19:59 whose first attempt fails is not sent at 20:01 but at 09:00 the next day', async () => {
    const { email, reminder, mailsBefore } = await queuedReminder('2026-12-10T12:59:00.000Z'); // 19:59 Bangkok
    f.t.clock.set('2026-12-10T12:59:50.000Z'); // 19:59:50: the first attempt fails (451)
    f.smtp.rejectNext(451);
    expect((await f.t.messaging.drainOnce()).retried).toBe(1);
    // The back-off (~22 s) would land at 20:00:12; it is moved to 09:00 Bangkok the next morning.
    expect((await f.outbox(reminder.id)).nextAttemptAt.toISOString()).toBe('2026-12-11T02:00:00.000Z');

    for (const at of ['2026-12-10T13:01:00.000Z', '2026-12-10T18:00:00.000Z', '2026-12-11T01:59:00.000Z']) {
      // 20:01, 01:00, 08:59
      f.t.clock.set(at);
      expect((await f.t.messaging.drainOnce()).sent).toBe(0);
      expect((await f.outbox(reminder.id)).status).toBe('failed');
    }
    f.t.clock.set('2026-12-11T02:00:00.000Z'); // 09:00 Bangkok
    expect((await f.t.messaging.drainOnce()).sent).toBe(1);
    expect(await f.outbox(reminder.id)).toMatchObject({ status: 'sent', attempts: 2, sentAt: new Date('2026-12-11T02:00:00.000Z') });
    expect(mailsTo(email)).toHaveLength(mailsBefore + 1);
  });

  it('a reminder still queued when 20:00 passes (worker late) waits for 09:00', async () => {
    const { email, reminder, mailsBefore } = await queuedReminder('2026-12-10T12:59:30.000Z'); // 19:59:30 Bangkok
    f.t.clock.set('2026-12-10T13:01:00.000Z'); // 20:01: the worker comes round only now
    expect((await f.t.messaging.drainOnce()).claimed).toBe(0);
    expect((await f.outbox(reminder.id)).status).toBe('queued');
    f.t.clock.set('2026-12-11T02:00:00.000Z');
    expect((await f.t.messaging.drainOnce()).sent).toBe(1);
    expect(mailsTo(email)).toHaveLength(mailsBefore + 1);
  });

  it('a reminder staff ask for at 22:00 is queued for 09:00; other messages go out at once', async () => {
    const customerId = await f.customer({ email: 'late-evening@example.com' });
    const invoice = await createInvoice(f.t, customerId, { dueDate: '2026-12-10' });
    await f.t.admin('POST', `/invoices/${invoice.id}/send`, {});
    await f.t.messaging.drainOnce();
    f.t.clock.set('2026-12-10T15:00:00.000Z'); // 22:00 Bangkok
    const res = await f.t.admin('POST', `/invoices/${invoice.id}/remind`, {});
    expect(res.status).toBe(201);
    const reminder = await f.t.ctx.db.outboxMessage.findFirstOrThrow({ where: { customerId, kind: 'payment_reminder' } });
    expect(reminder.nextAttemptAt.toISOString()).toBe('2026-12-11T02:00:00.000Z');
    expect((await f.t.admin('POST', `/customers/${customerId}/send-link`, {})).status).toBe(201);
    expect((await f.t.messaging.drainOnce()).sent).toBe(1); // the portal link, not the reminder
    expect((await f.outbox(reminder.id)).status).toBe('queued');
  });
});
