/**
 * "Send invoice to client": marks the invoice sent, issues (or reuses) its invoice link and queues
 * the invoice / payment request message (amount due, due date, Pay button) in one transaction.
 */
import type { AppContext } from '../context.ts';
import { markInvoiceSent } from '../invoices.ts';
import { issuePortalLink } from '../links.ts';
import { invoiceBalanceSatang } from '../../domain/invoice-status.ts';
import { enqueueMessage } from '../../messaging/enqueue.ts';
import { linkRef, loadAudience, requestBucket } from './compose.ts';
import type { Channel } from '../../messaging/message-content.ts';
import { sentMessageView } from './sent-message-view.ts';

export interface SendInvoiceInput {
  invoiceId: string;
  channel?: Channel | null;
  requestedBy?: string | null;
}

export async function sendInvoice(ctx: AppContext, input: SendInvoiceInput) {
  return ctx.db.$transaction(async (tx) => {
    const invoice = await markInvoiceSent(ctx, input.invoiceId, tx);
    const link = await issuePortalLink(ctx, { scope: 'invoice', id: invoice.id, createdBy: input.requestedBy ?? null }, tx);
    const job = invoice.jobId ? await tx.job.findUnique({ where: { id: invoice.jobId }, select: { title: true } }) : null;
    const audience = await loadAudience(tx, invoice.customerId);
    const message = await enqueueMessage(tx, ctx, {
      idempotencyKey: `invoice:${invoice.id}:${link.id}:${input.channel ?? 'auto'}:${requestBucket(ctx.clock.now())}`,
      customerId: invoice.customerId,
      channel: input.channel ?? null,
      content: {
        kind: 'invoice',
        ...audience,
        ...linkRef(link),
        invoiceNumber: invoice.number,
        title: job?.title ?? null,
        amountDueSatang: invoiceBalanceSatang(invoice.netPayableSatang, invoice.paidSatang),
        dueDate: invoice.dueDate,
        attachDocumentId: `invoice.${invoice.id}`,
      },
    });
    return { ...sentMessageView(message, link), invoice };
  });
}
