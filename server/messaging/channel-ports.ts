/**
 * Channel ports: how the outbox worker hands one message to LINE, email or SMS. Real adapters
 * (bot/line-push-channel.ts, server/channels/smtp-email.ts, server/channels/twilio-sms.ts) and
 * the local adapter for the no-credentials demo (local-channel.ts) implement the same interface.
 * Adapters translate provider answers into ChannelError kinds; the worker owns the policy
 * (retry, back-off, dead-letter, re-route).
 */
import type { Channel, MessageContent, StoredContent } from './message-content.ts';

export interface OutgoingMessage {
  id: string;
  /** Stable per message (X-Line-Retry-Key): a re-send after a crash is accepted once. */
  retryKey: string;
  recipient: string;
  content: MessageContent;
  /** 1 for the first try. */
  attempt: number;
}

export interface SendResult {
  providerMessageId: string;
  /** Initial delivery status when the provider reports one ('queued' for Twilio; 'local' for the demo). */
  deliveryStatus?: string | null;
  /** LINE answered 409: the retry key was already accepted earlier (counts as sent). */
  alreadyAccepted?: boolean;
}

export interface ChannelPort {
  readonly channel: Channel;
  /** 'live': a real provider; 'local': kept in the local outbox for the operator to read. */
  readonly mode: 'live' | 'local';
  send(message: OutgoingMessage): Promise<SendResult>;
  /** LINE only: ask the quota endpoints whether this month's pushes are used up. */
  quotaExhausted?(): Promise<boolean>;
  /** Releases pooled connections on shutdown. */
  close?(): void | Promise<void>;
}

export type ChannelErrorKind =
  /** Worth trying again later (network, 5xx, rate limit). */
  | 'retryable'
  /** Will fail the same way every time (bad recipient, refused payload): dead at once. */
  | 'permanent'
  /** The channel cannot take more messages this period (LINE monthly quota): re-route. */
  | 'quota';

export class ChannelError extends Error {
  readonly kind: ChannelErrorKind;
  readonly status: number | null;
  /** Minimum wait before the next try, when the provider said so (Retry-After). */
  readonly retryAfterMs: number | null;

  constructor(kind: ChannelErrorKind, message: string, options: { status?: number | null; retryAfterMs?: number | null } = {}) {
    super(message);
    this.name = 'ChannelError';
    this.kind = kind;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/** A rendered PDF to attach to an email. Provided by the documents module once it exists. */
export interface DocumentAttachments {
  /** The PDF for a portal document id ('receipt.<id>', 'quote.<id>', …), or null if there is none. */
  pdfFor(documentId: string): Promise<{ fileName: string; content: Buffer } | null>;
}

export type ChannelPorts = Record<Channel, ChannelPort>;

/** Puts URLs into stored content (which names its link by id); services/messages/link-resolver.ts. */
export interface LinkResolver {
  /**
   * Same order as `stored`. With `requireUsable`, a message whose link no longer opens (revoked,
   * expired, its quote answered or its invoice settled) resolves to null: it is obsolete.
   */
  resolve(stored: readonly StoredContent[], options: { requireUsable: boolean }): Promise<(MessageContent | null)[]>;
}

/** Classifies an HTTP status the same way for every provider. */
export function errorKindForStatus(status: number): ChannelErrorKind {
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retryable';
  return 'permanent';
}
