/**
 * "Send quote to client": marks the quote sent, issues (or reuses) its quote link and queues the
 * 'quote ready to sign' message — one transaction, so the quote is never marked sent without the
 * message, nor the message queued for a quote that did not change.
 */
import type { AppContext } from '../context.ts';
import { markQuoteSent } from '../quotes.ts';
import { issuePortalLink } from '../links.ts';
import { enqueueMessage } from '../../messaging/enqueue.ts';
import { linkRef, loadAudience, requestBucket } from './compose.ts';
import type { Channel } from '../../messaging/message-content.ts';
import { sentMessageView } from './sent-message-view.ts';

export interface SendQuoteInput {
  quoteId: string;
  channel?: Channel | null;
  requestedBy?: string | null;
}

export async function sendQuote(ctx: AppContext, input: SendQuoteInput) {
  return ctx.db.$transaction(async (tx) => {
    const quote = await markQuoteSent(ctx, input.quoteId, tx);
    const link = await issuePortalLink(ctx, { scope: 'quote', id: quote.id, createdBy: input.requestedBy ?? null }, tx);
    const job = quote.jobId ? await tx.job.findUnique({ where: { id: quote.jobId }, select: { title: true } }) : null;
    const audience = await loadAudience(tx, quote.customerId);
    const message = await enqueueMessage(tx, ctx, {
      idempotencyKey: `quote-ready:${quote.id}:${link.id}:${input.channel ?? 'auto'}:${requestBucket(ctx.clock.now())}`,
      customerId: quote.customerId,
      channel: input.channel ?? null,
      content: {
        kind: 'quote_ready',
        ...audience,
        ...linkRef(link),
        quoteNumber: quote.number,
        title: job?.title ?? null,
        totalSatang: quote.totalSatang,
        validUntil: quote.validUntil,
        depositSatang: quote.depositSatang,
        attachDocumentId: `quote.${quote.id}`,
      },
    });
    return { ...sentMessageView(message, link), quote };
  });
}
