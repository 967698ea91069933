/**
 * "Send me a new link" from the unavailable page. The client learns nothing: the answer is the
 * same whether the token was known or not, and the work happens after the answer is sent (no
 * timing difference). A fresh customer-wide link goes only to contact details already on file,
 * on the usual channel; repeated requests inside the outbox's request window queue one message.
 */
import type { AppContext } from './context.ts';
import type { AccessMeta } from './activity.ts';
import { customerBehindToken } from './links.ts';
import { sendPortalLink } from './messages/send-portal-link.ts';
import { isDomainError } from '../domain/errors.ts';

export async function requestFreshLink(ctx: AppContext, token: string, meta: AccessMeta): Promise<void> {
  const customerId = await customerBehindToken(ctx, token);
  if (!customerId) return;
  ctx.activity.record({
    customerId,
    linkId: null,
    action: 'recover_request',
    channel: meta.channel,
    ip: meta.ip,
    userAgent: meta.userAgent,
    at: ctx.clock.now(),
  });
  try {
    await sendPortalLink(ctx, { scope: 'customer', id: customerId, requestedBy: 'client:recover' });
  } catch (error) {
    if (isDomainError(error)) ctx.logger.info({ customerId, reason: error.message }, 'fresh link not sent');
    else ctx.logger.error({ customerId, err: (error as Error).message }, 'fresh link request failed');
  }
}
