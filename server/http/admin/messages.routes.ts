/**
 * Messages to clients (the outbox): list and retry, and "send to client" for a portal link, a
 * quote, an invoice and a payment reminder. Each send answers with the queued message's id, the
 * channel chosen and the link it carries.
 */
import { z } from 'zod';
import { adminRoute } from './admin-route.ts';
import { idParams } from './schemas.ts';
import { toInvoiceDto, toQuoteDto } from './dto/document.dto.ts';
import { invoiceSentDto, messageDto, messageListDto, quoteSentDto, reminderSentDto, sentMessageDto, toMessageDto } from './dto/message.dto.ts';
import { CHANNELS, MESSAGE_STATUSES } from '../../messaging/message-content.ts';
import { listMessages } from '../../services/messages/list-messages.ts';
import { retryDeadMessage } from '../../services/messages/retry-message.ts';
import { sendPortalLink } from '../../services/messages/send-portal-link.ts';
import { sendQuote } from '../../services/messages/send-quote.ts';
import { sendInvoice } from '../../services/messages/send-invoice.ts';
import { sendPaymentReminder } from '../../services/messages/send-reminder.ts';

const channelBody = z.object({
  channel: z.enum(CHANNELS).nullish().describe('Force a channel (line, email, sms); default: LINE if bound and following, else email, else SMS'),
});
const SEND_ERRORS = [404, 409];

export const messageRoutes = [
  adminRoute({
    operationId: 'listMessages',
    method: 'get',
    path: '/messages',
    tag: 'Messages',
    summary: 'Messages to clients, newest first (filter by customer, status, channel)',
    query: z.object({
      customerId: z.string().min(1).max(64).optional(),
      status: z.enum(MESSAGE_STATUSES).optional(),
      channel: z.enum(CHANNELS).optional(),
      limit: z.coerce.number().int().min(1).max(200).optional(),
      cursor: z.string().min(1).max(64).optional(),
    }),
    response: messageListDto,
    handler: async ({ ctx, query }) => {
      const page = await listMessages(ctx, query);
      return { messages: page.messages.map(toMessageDto), nextCursor: page.nextCursor };
    },
  }),
  adminRoute({
    operationId: 'retryMessage',
    method: 'post',
    path: '/messages/:id/retry',
    tag: 'Messages',
    summary: 'Queue a dead message again (to the customer’s current best channel, or the one given)',
    params: idParams,
    body: channelBody,
    errors: [404, 409],
    response: messageDto,
    handler: async ({ ctx, params, body }) => toMessageDto(await retryDeadMessage(ctx, { messageId: params.id, channel: body.channel ?? null })),
  }),
  adminRoute({
    operationId: 'sendPortalLink',
    method: 'post',
    path: '/customers/:id/send-link',
    tag: 'Customers',
    summary: 'Send the customer a portal link (issued or reused) on their channel',
    params: idParams,
    body: channelBody,
    successStatus: 201,
    errors: SEND_ERRORS,
    response: sentMessageDto,
    handler: async ({ ctx, params, body, actor }) =>
      sendPortalLink(ctx, { scope: 'customer', id: params.id, channel: body.channel ?? null, requestedBy: actor }),
  }),
  adminRoute({
    operationId: 'sendQuote',
    method: 'post',
    path: '/quotes/:id/send',
    tag: 'Quotes',
    summary: 'Mark the quote sent and send the client its link (quote ready to sign)',
    params: idParams,
    body: channelBody,
    errors: SEND_ERRORS,
    response: quoteSentDto,
    handler: async ({ ctx, params, body, actor }) => {
      const { quote, ...sent } = await sendQuote(ctx, { quoteId: params.id, channel: body.channel ?? null, requestedBy: actor });
      return { ...sent, quote: toQuoteDto(quote) };
    },
  }),
  adminRoute({
    operationId: 'sendInvoice',
    method: 'post',
    path: '/invoices/:id/send',
    tag: 'Invoices',
    summary: 'Mark the invoice sent and send the client its link (payment request)',
    params: idParams,
    body: channelBody,
    errors: SEND_ERRORS,
    response: invoiceSentDto,
    handler: async ({ ctx, params, body, actor }) => {
      const { invoice, ...sent } = await sendInvoice(ctx, { invoiceId: params.id, channel: body.channel ?? null, requestedBy: actor });
      return { ...sent, invoice: toInvoiceDto(invoice) };
    },
  }),
  adminRoute({
    operationId: 'sendPaymentReminder',
    method: 'post',
    path: '/invoices/:id/remind',
    tag: 'Invoices',
    summary: 'Send the client a payment reminder for an unpaid invoice now',
    params: idParams,
    body: channelBody,
    successStatus: 201,
    errors: SEND_ERRORS,
    response: reminderSentDto,
    handler: async ({ ctx, params, body, actor }) => sendPaymentReminder(ctx, { invoiceId: params.id, channel: body.channel ?? null, requestedBy: actor }),
  }),
];
