/**
 * Ports: what the use cases need from the outside world. Real adapters and fakes are wired in
 * the composition root (server/main.ts) and in tests; use cases only see these interfaces.
 */
import type { Clock } from '../domain/clock.ts';

export type { Clock };

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move by hand: no sleeping for timing. */
export class ManualClock implements Clock {
  #now: Date;
  constructor(start: Date | string) {
    this.#now = new Date(start);
  }
  now(): Date {
    return new Date(this.#now);
  }
  set(to: Date | string): void {
    this.#now = new Date(to);
  }
  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
}

/** Verifies a LIFF ID token with LINE and returns the LINE user it belongs to. */
export interface LineIdentityVerifier {
  verify(idToken: string): Promise<{ ok: true; userId: string; displayName: string | null } | { ok: false; reason: string }>;
}

/**
 * Whether a LINE user has added the Official Account as a friend. LINE's profile endpoint
 * (GET /v2/bot/profile/{userId}) answers only for friends, 404 for everyone else.
 */
export interface LineFriendship {
  /** true: a friend; false: not a friend; null: LINE could not tell right now. */
  isFriend(lineUserId: string): Promise<boolean | null>;
}

/**
 * What a LINE user sent (a slip photo): GET /v2/bot/message/{messageId}/content. null when LINE
 * no longer has it (unknown id, or content LINE has already deleted).
 */
export interface LineMessageContent {
  fetch(messageId: string): Promise<{ bytes: Uint8Array; contentType: string | null } | null>;
}

/**
 * Per-user rich menus (LINE Messaging API): the staff menu is linked to a staff member's LINE
 * user at enrolment and unlinked at removal, so they see it and clients keep the default one.
 */
export interface RichMenuLinks {
  link(lineUserId: string, richMenuId: string): Promise<void>;
  unlink(lineUserId: string): Promise<void>;
}

/** The address of a portal path (`/c/<token>…`) opened inside LINE; LINE's URL format is bot/'s business. */
export type LiffUrlBuilder = (portalPath: string) => string;

/** What staff are told at once in LINE (bot/ renders and pushes it). */
export type StaffNotice = QuoteAnsweredNotice | PaymentNoticeToReview | DuplicateSlipNotice;

/** A client answered a quote. */
export interface QuoteAnsweredNotice {
  /** Stable per event, so a repeated push is accepted once. */
  id: string;
  kind: 'quote_accepted' | 'quote_declined';
  quoteNumber: string;
  customerName: string;
  totalSatang: number;
  signerName: string | null;
  reason: string | null;
  depositNumber: string | null;
  jobNumber: string | null;
  at: Date;
}

/** A client's payment notice ("I have paid" + slip) as staff review it in LINE. */
export interface NoticeForStaff {
  noticeId: string;
  customerName: string;
  amountSatang: number;
  /** What is still due on the target, to spot a mismatch; null when it could not be read. */
  balanceSatang: number | null;
  target: { kind: 'invoice' | 'deposit'; number: string };
  /** Bank code from the slip's mini QR; null when the QR could not be read ("no QR"). */
  sendingBank: string | null;
  transRef: string | null;
  /** The slip at a short-lived signed URL (services/slip-urls.ts); https or not, as PUBLIC_URL is. */
  /** Null for a notice without a slip (a bank payment that did not match: webhook). */
  slipUrl: string | null;
  sentAt: Date;
}

/** A new payment notice waits for review: pushed with Confirm / Reject. */
export interface PaymentNoticeToReview {
  /** Stable per notice, so a repeated push is accepted once. */
  id: string;
  kind: 'payment_notice';
  notice: NoticeForStaff;
}

/**
 * A client sent a slip whose bank reference another notice or payment already used; the client
 * was refused (409 DUPLICATE_SLIP) and nothing was stored. Staff hear of it once per customer and
 * slip, so a client retrying the same slip does not page them again.
 */
export interface DuplicateSlipNotice {
  /** 'duplicate-slip:<customer>:<bank>:<transRef>': the same slip sent again is the same notice. */
  id: string;
  kind: 'duplicate_slip';
  customerName: string;
  target: { kind: 'invoice' | 'deposit'; number: string };
  amountSatang: number;
  sendingBank: string | null;
  transRef: string;
  /** What already used the reference: a notice (named by what it paid) or a payment (its receipt, else its invoice). */
  usedBy: { kind: 'notice' | 'payment'; number: string; at: Date };
  sentAt: Date;
}

export interface StaffRecipient {
  lineUserId: string;
  lang: 'th' | 'en';
}

export interface StaffNotifier {
  /** 'live' pushes through LINE; 'local' only logs (no LINE credentials). */
  readonly mode: 'live' | 'local';
  notify(recipients: readonly StaffRecipient[], notice: StaffNotice): Promise<void>;
}

/** Renders, seals and stores issued documents (documents/ implements it). */
export interface DocumentIssuer {
  /**
   * Runs the fresh render jobs (legal documents issued but not yet stored, recorded by
   * services/document-snapshots.ts), newest first, each claimed once across instances. Called by
   * use cases right after their commit; never throws (a failure stays pending, is logged and
   * alarmed, and is retried by the worker).
   */
  storePending(): Promise<void>;
}

/** Puts the business's PAdES seal on a finished PDF (documents/seal-pdf.ts). */
export interface PdfSealer {
  /** `signingTime`: the client's signature time, so sealing the same PDF again gives the same bytes. */
  seal(pdf: Buffer, options: { businessName: string; signingTime: Date }): Promise<Buffer>;
}
