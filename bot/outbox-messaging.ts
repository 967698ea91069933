/**
 * The bot's "send to client" and "remind" go through the messaging use cases
 * (server/services/messages/), which write to the durable outbox (server/messaging/) in the same
 * transaction. The outbox worker delivers after commit; the bot only reports what was queued and
 * on which channel.
 */
import type { AppContext } from '../server/services/context.ts';
import { sendPortalLink } from '../server/services/messages/send-portal-link.ts';
import { sendPaymentReminder } from '../server/services/messages/send-reminder.ts';
import { planDelivery } from '../server/messaging/enqueue.ts';
import { isUnreachable } from '../server/messaging/choose-channel.ts';
import { getLinkTarget } from '../server/services/staff-queries.ts';
import type { ClientMessaging } from './commands/client-messaging.ts';

export function outboxMessaging(ctx: AppContext): ClientMessaging {
  return {
    async sendPortalLink({ linkId, requestedBy }) {
      const target = await getLinkTarget(ctx, linkId);
      const sent = await sendPortalLink(ctx, { scope: target.scope, id: target.id, requestedBy });
      return { channel: sent.channel, alreadyQueued: sent.duplicate };
    },
    async sendPaymentReminder({ invoiceId, requestedBy }) {
      const sent = await sendPaymentReminder(ctx, { invoiceId, requestedBy });
      return { channel: sent.channel, alreadyQueued: sent.duplicate };
    },
    async channelFor(customerId) {
      try {
        return (await planDelivery(ctx.db, ctx, { customerId, kind: 'portal_link' })).channel;
      } catch (error) {
        if (isUnreachable(error)) return null;
        throw error;
      }
    },
  };
}
