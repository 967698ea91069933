/**
 * "Send to client": issues (or reuses) a portal link for a customer, quote or invoice and queues
 * it to the client on the best channel (or the one staff chose), in one transaction.
 */
import type { AppContext } from '../context.ts';
import type { LinkScope } from '../../domain/link-rules.ts';
import { issuePortalLink } from '../links.ts';
import { enqueueMessage } from '../../messaging/enqueue.ts';
import { expiresOn, linkRef, loadAudience, requestBucket } from './compose.ts';
import type { Channel } from '../../messaging/message-content.ts';
import { sentMessageView, type SentMessageView } from './sent-message-view.ts';

export interface SendPortalLinkInput {
  scope: LinkScope;
  /** Customer id, quote id or invoice id, by scope. */
  id: string;
  channel?: Channel | null;
  requestedBy?: string | null;
}

export async function sendPortalLink(ctx: AppContext, input: SendPortalLinkInput): Promise<SentMessageView> {
  return ctx.db.$transaction(async (tx) => {
    const link = await issuePortalLink(ctx, { scope: input.scope, id: input.id, createdBy: input.requestedBy ?? null }, tx);
    let documentNumber: string | null = null;
    if (input.scope === 'quote') documentNumber = (await tx.quote.findUniqueOrThrow({ where: { id: input.id }, select: { number: true } })).number;
    if (input.scope === 'invoice') documentNumber = (await tx.invoice.findUniqueOrThrow({ where: { id: input.id }, select: { number: true } })).number;
    const audience = await loadAudience(tx, link.customerId);
    const message = await enqueueMessage(tx, ctx, {
      idempotencyKey: `portal-link:${link.id}:${input.channel ?? 'auto'}:${requestBucket(ctx.clock.now())}`,
      customerId: link.customerId,
      channel: input.channel ?? null,
      content: { kind: 'portal_link', ...audience, ...linkRef(link), scope: input.scope, documentNumber, expiresOn: expiresOn(link) },
    });
    return sentMessageView(message, link);
  });
}
