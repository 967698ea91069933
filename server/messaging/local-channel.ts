/**
 * The demo's channel when credentials are absent: nothing leaves the machine and nothing is
 * dropped. The message is marked sent with provider id 'local-<id>' and delivery status 'local',
 * and stays in the outbox where the operator reads it, rendered, at GET /admin/outbox.
 */
import type { Channel } from './message-content.ts';
import type { ChannelPort } from './channel-ports.ts';

export const LOCAL_DELIVERY_STATUS = 'local';

export function localChannel(channel: Channel): ChannelPort {
  return {
    channel,
    mode: 'local',
    send: async (message) => ({ providerMessageId: `local-${message.id}`, deliveryStatus: LOCAL_DELIVERY_STATUS }),
  };
}
