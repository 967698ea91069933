/**
 * Scheduled payment reminders (schedule rules: domain/reminder-schedule.ts). Runs every minute
 * from the worker loop on every instance. Each invoice's reminder is queued in a transaction that
 * first takes the invoice (on PostgreSQL skipping one another instance holds: the instances split
 * the work instead of queueing for each row) and re-reads its reminders. The last guard: the
 * PaymentReminder row — unique per invoice and offset — is inserted in the same transaction as the
 * outbox message, so a second insert fails and its message is rolled back.
 * Only between 09:00 and 20:00 Bangkok; never for a paid or voided invoice; capped per invoice.
 */
import type { AppContext } from '../context.ts';
import { Prisma } from '../../data/database.ts';
import { addDays, bangkokDate } from '../../domain/dates.ts';
import { invoiceBalanceSatang, type InvoiceStatus } from '../../domain/invoice-status.ts';
import { DEFAULT_REMINDER_OFFSETS, dueReminderOffsets, isRemindable, isWithinSendingWindow } from '../../domain/reminder-schedule.ts';
import { DomainError } from '../../domain/errors.ts';
import { queueInvoiceReminder } from './send-reminder.ts';
import { lockInvoiceForReminder } from '../../data/lock-invoice-for-reminder.ts';

export interface ReminderRunResult {
  /** Invoices looked at. */
  considered: number;
  /** Reminders queued to the outbox. */
  queued: number;
  /** Reminders recorded but not sent (client unreachable), so they are not retried every minute. */
  skipped: number;
  /** Another instance got there first (or holds the invoice right now: the next run looks again). */
  raced: number;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

export async function runRemindersOnce(ctx: AppContext): Promise<ReminderRunResult> {
  const result: ReminderRunResult = { considered: 0, queued: 0, skipped: 0, raced: 0 };
  const now = ctx.clock.now();
  if (!isWithinSendingWindow(now)) return result;
  // The earliest reminder is |min offset| days before the due date: nothing due later can need one.
  const latestDueDate = addDays(bangkokDate(now), -Math.min(...DEFAULT_REMINDER_OFFSETS));
  const invoices = await ctx.db.invoice.findMany({
    where: { status: { in: ['sent', 'partially_paid'] }, dueDate: { lte: latestDueDate } },
    select: { id: true, dueDate: true, reminders: { select: { offsetDays: true } } },
    orderBy: { dueDate: 'asc' },
  });
  for (const candidate of invoices) {
    result.considered += 1;
    const [offset] = dueReminderOffsets({ dueDate: candidate.dueDate, now, alreadySent: candidate.reminders.map((r) => r.offsetDays) });
    if (offset === undefined) continue;
    try {
      const outcome = await ctx.db.$transaction(async (tx) => {
        if (!(await lockInvoiceForReminder(tx, ctx.config.databaseProvider, candidate.id))) return 'raced' as const;
        const invoice = await tx.invoice.findUnique({
          where: { id: candidate.id },
          select: { status: true, netPayableSatang: true, paidSatang: true, reminders: { where: { offsetDays: offset }, select: { id: true } } },
        });
        if (!invoice || !isRemindable(invoice.status as InvoiceStatus, invoiceBalanceSatang(invoice.netPayableSatang, invoice.paidSatang)))
          return 'stopped' as const;
        // Queued by another instance since the candidates were listed.
        if (invoice.reminders.length > 0) return 'raced' as const;
        const reminder = await tx.paymentReminder.create({ data: { invoiceId: candidate.id, offsetDays: offset, createdAt: now } });
        try {
          const { message } = await queueInvoiceReminder(tx, ctx, { invoiceId: candidate.id, idempotencyKey: `payment-reminder:${candidate.id}:${offset}` });
          await tx.paymentReminder.update({ where: { id: reminder.id }, data: { outboxMessageId: message.id } });
          return 'queued' as const;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          ctx.logger.info({ invoiceId: candidate.id, offset, reason: error.message }, 'payment reminder not sent');
          return 'skipped' as const;
        }
      });
      if (outcome === 'queued') result.queued += 1;
      if (outcome === 'skipped') result.skipped += 1;
      if (outcome === 'raced') result.raced += 1;
    } catch (error) {
      if (isUniqueViolation(error)) {
        result.raced += 1;
        continue;
      }
      ctx.logger.error({ invoiceId: candidate.id, err: error instanceof Error ? error.message : String(error) }, 'payment reminder failed');
    }
  }
  return result;
}
