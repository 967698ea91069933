/**
 * Messages to clients as the admin API answers them. The use cases already return plain views
 * (MessageView, SentMessageView); these schemas describe them, and the send answers embed the
 * quote or invoice DTO.
 */
import { z } from 'zod';
import { CHANNELS, MESSAGE_STATUSES } from '../../../messaging/message-content.ts';
import type { MessageView } from '../../../services/messages/list-messages.ts';
import { INVOICE_STATUSES } from '../../../domain/invoice-status.ts';
import { id, instant } from './common.ts';
import { invoiceDto, quoteDto } from './document.dto.ts';

export const messageDto = z.strictObject({
  id,
  customerId: id.nullable(),
  kind: z.string(),
  channel: z.enum(CHANNELS),
  recipient: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: instant.nullable(),
  lastError: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  deliveryStatus: z.string().nullable(),
  createdAt: instant,
  sentAt: instant.nullable(),
});

export type MessageDto = z.infer<typeof messageDto>;

/** The view's statuses and channels are plain strings from the table; the schema pins them. */
export function toMessageDto(view: MessageView): MessageDto {
  return { ...view, channel: view.channel as MessageDto['channel'], status: view.status as MessageDto['status'] };
}

export const messageListDto = z.strictObject({ messages: z.array(messageDto), nextCursor: id.nullable() });

const sentShape = {
  messageId: id,
  channel: z.enum(CHANNELS),
  recipient: z.string(),
  /** True when the same request was already queued moments ago (a double click). */
  duplicate: z.boolean(),
  link: z.strictObject({ id, url: z.url(), liffUrl: z.url().nullable(), expiresAt: instant, reused: z.boolean() }),
};

export const sentMessageDto = z.strictObject(sentShape);
export const quoteSentDto = z.strictObject({ ...sentShape, quote: quoteDto });
export const invoiceSentDto = z.strictObject({ ...sentShape, invoice: invoiceDto });
export const reminderSentDto = z.strictObject({ ...sentShape, invoice: z.strictObject({ id, number: z.string(), status: z.enum(INVOICE_STATUSES) }) });
