/** What every "send to client" use case answers: the queued message and the link it carries. */
import type { IssuedLink } from '../links.ts';
import type { EnqueuedMessage } from '../../messaging/enqueue.ts';
import type { Channel } from '../../messaging/message-content.ts';

export interface SentMessageView {
  messageId: string;
  channel: Channel;
  recipient: string;
  /** True when the same request was already queued moments ago (a double click). */
  duplicate: boolean;
  link: { id: string; url: string; liffUrl: string | null; expiresAt: string; reused: boolean };
}

export function sentMessageView(message: EnqueuedMessage, link: IssuedLink): SentMessageView {
  return {
    messageId: message.id,
    channel: message.channel,
    recipient: message.recipient,
    duplicate: message.duplicate,
    link: { id: link.id, url: link.url, liffUrl: link.liffUrl, expiresAt: link.expiresAt.toISOString(), reused: link.reused },
  };
}
