/**
 * What the bot asks of the messaging outbox: queue a portal link or a payment reminder to a
 * client on their channel. The bot only names the record and who asked; channel choice,
 * idempotency and the message itself are the messaging use cases' business.
 */
export type ClientChannel = 'line' | 'email' | 'sms';

export interface SendOutcome {
  channel: ClientChannel;
  /** True when an identical message was already queued (a button pressed twice): nothing new was sent. */
  alreadyQueued: boolean;
}

export interface ClientMessaging {
  sendPortalLink(input: { linkId: string; requestedBy: string }): Promise<SendOutcome>;
  sendPaymentReminder(input: { invoiceId: string; requestedBy: string }): Promise<SendOutcome>;
  /** Where a message to the customer would go now; null when they cannot be reached. */
  channelFor(customerId: string): Promise<ClientChannel | null>;
}
