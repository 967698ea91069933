/**
 * Payment reminders for one invoice: queued by staff on demand (`sendPaymentReminder`, admin API
 * and bot) or by the schedule (reminder-job.ts). Both build the message here.
 */
import type { Tx } from '../../data/database.ts';
import type { AppContext } from '../context.ts';
import { issuePortalLink } from '../links.ts';
import { bangkokDate, daysBetween } from '../../domain/dates.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { invoiceBalanceSatang, type InvoiceStatus } from '../../domain/invoice-status.ts';
import { isRemindable } from '../../domain/reminder-schedule.ts';
import { enqueueMessage, type EnqueuedMessage } from '../../messaging/enqueue.ts';
import { linkRef, loadAudience, requestBucket } from './compose.ts';
import type { Channel } from '../../messaging/message-content.ts';
import { sentMessageView } from './sent-message-view.ts';

/** Queues a reminder for an invoice that is still owed; throws CONFLICT when it is not. */
export async function queueInvoiceReminder(
  tx: Tx,
  ctx: AppContext,
  input: { invoiceId: string; idempotencyKey: string; channel?: Channel | null; requestedBy?: string | null },
) {
  const invoice = await tx.invoice.findUnique({ where: { id: input.invoiceId } });
  if (!invoice) throw notFound('Invoice');
  const status = invoice.status as InvoiceStatus;
  const balanceSatang = invoiceBalanceSatang(invoice.netPayableSatang, invoice.paidSatang);
  if (!isRemindable(status, balanceSatang))
    throw balanceSatang === 0 && (status === 'sent' || status === 'partially_paid')
      ? conflict(`Invoice ${invoice.number} has a balance of 0.00; there is nothing to remind about`, {
          status,
          reason: 'invoice_nothing_due',
          number: invoice.number,
        })
      : conflict(`Invoice ${invoice.number} is ${status}; there is nothing to remind about`, {
          status,
          reason: 'invoice_not_remindable',
          number: invoice.number,
        });
  const link = await issuePortalLink(ctx, { scope: 'invoice', id: invoice.id, createdBy: input.requestedBy ?? 'reminders' }, tx);
  const audience = await loadAudience(tx, invoice.customerId);
  const message: EnqueuedMessage = await enqueueMessage(tx, ctx, {
    idempotencyKey: input.idempotencyKey,
    customerId: invoice.customerId,
    channel: input.channel ?? null,
    content: {
      kind: 'payment_reminder',
      ...audience,
      ...linkRef(link),
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      amountDueSatang: balanceSatang,
      dueDate: invoice.dueDate,
      daysOverdue: daysBetween(invoice.dueDate, bangkokDate(ctx.clock.now())),
      attachDocumentId: `invoice.${invoice.id}`,
    },
  });
  return { message, link, invoice };
}

export interface SendPaymentReminderInput {
  invoiceId: string;
  channel?: Channel | null;
  requestedBy?: string | null;
}

/** Staff's "remind now" (admin API, bot). Not counted against the schedule's cap. */
export async function sendPaymentReminder(ctx: AppContext, input: SendPaymentReminderInput) {
  return ctx.db.$transaction(async (tx) => {
    const { message, link, invoice } = await queueInvoiceReminder(tx, ctx, {
      invoiceId: input.invoiceId,
      idempotencyKey: `payment-reminder:${input.invoiceId}:manual:${input.channel ?? 'auto'}:${requestBucket(ctx.clock.now())}`,
      channel: input.channel ?? null,
      requestedBy: input.requestedBy ?? null,
    });
    return { ...sentMessageView(message, link), invoice: { id: invoice.id, number: invoice.number, status: invoice.status } };
  });
}
