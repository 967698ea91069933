/**
 * What a message to a client says, independent of the channel that carries it. The outbox stores
 * this (as JSON) rather than a rendered LINE/email/SMS body, so a message can be re-routed to the
 * next channel (LINE quota used up, client unfollowed) and still be rendered for it.
 * Amounts are integer satang; calendar dates are 'YYYY-MM-DD' (Bangkok).
 */
import type { Lang } from '../domain/dates.ts';
import type { JobStage } from '../domain/job-stages.ts';
import type { LinkScope } from '../domain/link-rules.ts';

export const CHANNELS = ['line', 'email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

export const MESSAGE_KINDS = [
  'portal_link',
  'quote_ready',
  'quote_signed',
  'invoice',
  'payment_reminder',
  'payment_received',
  'job_stage',
  'deposit_returned',
  'deposit_received',
  'line_connected',
  'payment_voided',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * Kinds that carry no portal link: a notice about the client's account rather than an invitation
 * to open the portal. It must reach the client even after staff revoke every link.
 */
export const LINKLESS_KINDS = ['line_connected'] as const;
export type LinklessKind = (typeof LINKLESS_KINDS)[number];
export function isLinkless(kind: MessageKind): kind is LinklessKind {
  return (LINKLESS_KINDS as readonly string[]).includes(kind);
}

/** queued → sending → sent; sending → failed (retry later) → … → dead; cancelled = withdrawn before sending. */
export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'failed', 'dead', 'cancelled'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Who writes to whom, in the customer's language. */
export interface Audience {
  lang: Lang;
  businessName: string;
  customerName: string;
  /** Opens an SMS (≤ 11 characters); absent in messages queued before it existed: a shortened name is used. */
  smsSenderName?: string | null;
  /** Portal document id ('receipt.<id>', 'quote.<id>', …) to attach as PDF to an email, when available. */
  attachDocumentId?: string | null;
}

/** Where the button goes, resolved just before sending (the token itself is never stored). */
export interface MessageUrls {
  /** The portal on the web: https://<host>/c/<token>[/…]. Email uses it. */
  webUrl: string;
  /** The same page inside LINE (https://liff.line.me/<id>/c/<token>[/…]); null without a LIFF app. */
  liffUrl: string | null;
  /** The bare link for SMS (no deep path): https://<host>/c/<token>. */
  shortUrl: string;
}

/**
 * What the outbox stores instead of URLs: the portal link's id and a deep path after
 * /c/<token> ('/receipts', '/jobs/<id>'). A database dump must not reveal working links, so the
 * token is unsealed (with the server's link key) only when the message is rendered.
 */
export interface LinkRef {
  link: { id: string; path: string };
}

/** What a linkless kind has in place of URLs. */
export interface NoUrls {
  webUrl: null;
  liffUrl: null;
  shortUrl: null;
}
type LinkRefFor<K extends MessageKind> = K extends LinklessKind ? { link: null } : LinkRef;
type UrlsFor<K extends MessageKind> = K extends LinklessKind ? NoUrls : MessageUrls;

/** The facts each kind of message carries (amounts in satang, dates 'YYYY-MM-DD'). */
export interface KindFields {
  portal_link: {
    scope: LinkScope;
    documentNumber: string | null;
    /** Last day the link opens. */
    expiresOn: string;
  };
  quote_ready: { quoteNumber: string; title: string | null; totalSatang: number; validUntil: string; depositSatang: number };
  /** The client's copy of a quote they accepted and signed (the sealed PDF goes with the email). */
  quote_signed: {
    quoteNumber: string;
    signerName: string;
    /** Bangkok calendar day of the signature. */
    signedOn: string;
    totalSatang: number;
    /** The deposit to pay next, when the quote asks for one. */
    depositNumber: string | null;
    depositSatang: number;
  };
  invoice: { invoiceNumber: string; title: string | null; amountDueSatang: number; dueDate: string };
  payment_reminder: {
    invoiceId: string;
    invoiceNumber: string;
    amountDueSatang: number;
    dueDate: string;
    /** > 0 overdue by N days, 0 due today, < 0 due in N days (when queued). */
    daysOverdue: number;
  };
  payment_received: { receiptNumber: string; amountSatang: number; invoiceNumber: string; paidOn: string; balanceRemainingSatang: number };
  job_stage: {
    jobNumber: string;
    jobTitle: string;
    stage: JobStage;
    /** STAGE_LABELS[stage][lang] when queued; renderers name `stage` from the label table (today's wording). */
    stageLabel: string;
    note: string | null;
  };
  deposit_returned: {
    depositNumber: string;
    returnedSatang: number;
    deductedSatang: number;
    reason: string | null;
    receiptNumber: string | null;
    jobNumber: string | null;
  };
  /** Money received towards a security deposit (its DEPR receipt goes with the email). */
  deposit_received: {
    depositNumber: string;
    receiptNumber: string;
    amountSatang: number;
    /** Bangkok calendar day the money arrived. */
    paidOn: string;
    /** Held after this payment, and what the deposit asks for in all. */
    heldSatang: number;
    requiredSatang: number;
    jobNumber: string | null;
  };
  /** Told on the customer's other channel when a LINE account is bound to them. */
  line_connected: {
    /** The LINE display name of the account, as LINE gave it; null when LINE did not say. */
    lineDisplayName: string | null;
    /** ISO instant the account was connected. */
    connectedAt: string;
    /** How to reach the business if it was not the client (from the business profile when queued). */
    businessPhone: string | null;
    businessLineOaId: string | null;
  };
  /** A payment recorded in error was voided: its receipt is cancelled, the amount is due again. */
  payment_voided: {
    amountSatang: number;
    invoiceNumber: string;
    receiptNumber: string | null;
    creditNoteNumber: string | null;
    reason: string;
    balanceDueSatang: number;
  };
}

/** A message ready to render: what templates and Flex builders take. */
export type MessageContent = { [K in MessageKind]: { kind: K } & Audience & UrlsFor<K> & KindFields[K] }[MessageKind];
/** A message that has a portal button. */
export type LinkedContent = Exclude<MessageContent, { kind: LinklessKind }>;
/** A message as stored in the outbox (payload JSON). */
export type StoredContent = { [K in MessageKind]: { kind: K } & Audience & LinkRefFor<K> & KindFields[K] }[MessageKind];
export type ContentOf<K extends MessageKind> = Extract<MessageContent, { kind: K }>;

/** Channels a kind may use. Stage updates are a LINE nicety: never worth an email or an SMS. */
export function channelsForKind(kind: MessageKind): readonly Channel[] {
  if (kind === 'job_stage') return ['line'];
  // Telling the client about a new LINE account on that same account would defeat the point.
  if (kind === 'line_connected') return ['email', 'sms'];
  return CHANNELS;
}

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/** Where the message's button goes on a channel: the LIFF app inside LINE, the web elsewhere. */
export function buttonUrl(content: LinkedContent, channel: Channel): string {
  if (channel === 'line') return content.liffUrl ?? content.webUrl;
  if (channel === 'sms') return content.shortUrl;
  return content.webUrl;
}

/** Reads a stored payload back; throws on something that is not one of ours (a corrupt row). */
export function parseStoredContent(payload: string): StoredContent {
  const value = JSON.parse(payload) as Partial<StoredContent> | null;
  if (!value || typeof value !== 'object' || !(MESSAGE_KINDS as readonly string[]).includes(value.kind as string)) {
    throw new Error('outbox payload is not a message content');
  }
  if (value.lang !== 'th' && value.lang !== 'en') throw new Error('outbox payload has no language');
  if (isLinkless(value.kind as MessageKind)) {
    if (value.link !== null) throw new Error('outbox payload of a linkless kind has a link');
  } else if (!value.link || typeof value.link.id !== 'string' || typeof value.link.path !== 'string') throw new Error('outbox payload has no link');
  return value as StoredContent;
}

/** The renderable message: the stored content with the link's URLs filled in (none for a linkless kind). */
export function withUrls(stored: StoredContent, urls: MessageUrls | null): MessageContent {
  const { link: _link, ...rest } = stored;
  const none: NoUrls = { webUrl: null, liffUrl: null, shortUrl: null };
  return { ...rest, ...(stored.link && urls ? urls : none) } as MessageContent;
}
