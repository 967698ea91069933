/** Small building blocks for bot answers: text messages, quick replies, errors in the staff's language. */
import type { messagingApi } from '@line/bot-sdk';
import { clampText, MAX, pick, type Lang } from '../flex/format.ts';
import { encodePostback, type PostbackPayload } from '../flex/postback.ts';
import { QUICK_REPLY_MAX_ITEMS } from '../flex/staff-messages.ts';
import { isDomainError, type DomainError } from '../../server/domain/errors.ts';
import { STAFF_MESSAGES, staffReason } from '../../server/domain/error-messages.ts';
import type { LineMessage } from '../line-api.ts';

export type Answer = LineMessage[];

/** LINE's limit for a text message. */
const TEXT_MAX = 5000;

export function textMessage(text: string, quickReply?: messagingApi.QuickReplyItem[]): messagingApi.TextMessage {
  return {
    type: 'text',
    text: clampText(text, TEXT_MAX, { multiline: true }),
    ...(quickReply && quickReply.length > 0 ? { quickReply: { items: quickReply.slice(0, QUICK_REPLY_MAX_ITEMS) } } : {}),
  };
}

/** A quick reply that sends `text` as if typed (so it runs the command). */
export function typeItem(label: string, text: string): messagingApi.QuickReplyItem {
  return { type: 'action', action: { type: 'message', label: clampText(label, MAX.quickReplyLabel), text: clampText(text, 300) } };
}

export function postbackItem(label: string, payload: PostbackPayload, displayText?: string): messagingApi.QuickReplyItem {
  return {
    type: 'action',
    action: {
      type: 'postback',
      label: clampText(label, MAX.quickReplyLabel),
      data: encodePostback(payload),
      ...(displayText ? { displayText: clampText(displayText, 300) } : {}),
    },
  };
}

export function uriItem(label: string, uri: string): messagingApi.QuickReplyItem {
  return { type: 'action', action: { type: 'uri', label: clampText(label, MAX.quickReplyLabel), uri } };
}

/** The usual next steps for staff: overdue list and help. */
export function staffMenu(lang: Lang): messagingApi.QuickReplyItem[] {
  return [typeItem(pick(lang, 'ค้างชำระ', 'Overdue'), pick(lang, 'ค้างชำระ', 'overdue')), typeItem(pick(lang, 'ช่วยเหลือ', 'Help'), pick(lang, 'ช่วยเหลือ', 'help'))];
}

/** Puts quick replies on the last message (LINE shows only the last message's quick replies). */
export function withQuickReplies(messages: Answer, items: messagingApi.QuickReplyItem[]): Answer {
  if (messages.length === 0 || items.length === 0) return messages;
  const last = messages[messages.length - 1]!;
  if (last.quickReply) return messages;
  return [...messages.slice(0, -1), { ...last, quickReply: { items: items.slice(0, QUICK_REPLY_MAX_ITEMS) } }];
}

/**
 * Why something was refused, in the staff member's language: the specific reason the use case
 * named (error-messages.ts), else the text for the code — for English staff followed by the use
 * case's own sentence, which is English.
 */
export function staffErrorText(lang: Lang, error: DomainError): string {
  const reason = staffReason(error, lang);
  if (reason) return reason;
  const general = STAFF_MESSAGES[error.code][lang];
  return lang === 'en' && error.message ? `${general}\n${error.message}` : general;
}

/** An expected failure (not found, wrong state, changed meanwhile…) told to staff as an answer. */
export function domainErrorAnswer(lang: Lang, error: unknown): Answer | null {
  if (!isDomainError(error)) return null;
  return [textMessage(staffErrorText(lang, error), staffMenu(lang))];
}
