/**
 * The portal's data contract: what `GET /api/portal/:token` returns and what the
 * server embeds in the HTML of `/c/:token` (so the first paint needs no second round trip).
 * The LIFF/web app imports these types only (type-only import), never server code.
 *
 * Money is integer satang. Calendar dates are 'YYYY-MM-DD' (Bangkok). Instants are ISO-8601.
 * A link of a narrower scope simply gets fewer records: a quote link sees only its quote
 * (and, once accepted, its deposit); an invoice link sees only that invoice with its
 * payments and receipts. The app never has to know more than `scope` to decide what to show.
 */
export type Lang = 'th' | 'en';
export type LinkScope = 'customer' | 'quote' | 'invoice';
import type { PrintedTotals } from '../services/document-fields.ts';
import type { DepositStatus, InvoiceDisplayStatus, JobStage, PaymentMethod, PaymentStatus, QuoteStatus, ReceiptType } from '../domain/labels.ts';

export type { DepositStatus, InvoiceDisplayStatus, JobStage, PaymentMethod, PaymentStatus, ReceiptType };
export type QuoteDisplayStatus = QuoteStatus;
export type DocumentKind = 'quote' | 'signed_quote' | 'invoice' | 'tax_invoice' | 'receipt' | 'deposit_request' | 'credit_note' | 'statement';

export interface PortalBusiness {
  name: string;
  nameEn: string;
  phone: string | null;
  email: string | null;
  /** LINE Official Account basic id such as '@avrental', for "add friend" and contact. */
  lineOaId: string | null;
  vatRegistered: boolean;
  /** The logo's cacheable, token-free URL (/business-logo/<sha256>.png); null without a logo. */
  logoUrl: string | null;
}

export interface PortalCustomer {
  name: string;
  /** The contact person's name: prefills the signer's name on Accept & Sign. */
  contactName: string;
  companyName: string | null;
  language: Lang;
  /** The client's own PromptPay for deposit refunds, masked (081-xxx-5678); customer links only, else null. */
  refundPromptPay: string | null;
}

export interface PortalStageChange {
  stage: JobStage;
  at: string;
  note: string | null;
}

export interface PortalJob {
  id: string;
  number: string;
  title: string;
  startDate: string | null;
  endDate: string | null;
  siteAddress: string | null;
  stage: JobStage;
  /** 'active' = started and not closed/cancelled, 'upcoming' = not started yet, 'past' = closed/cancelled. */
  timing: 'active' | 'upcoming' | 'past';
  equipment: { name: string; quantity: number }[];
  history: PortalStageChange[];
  /** Ids of documents (see `documents`) that belong to this job. */
  documentIds: string[];
}

export interface PortalLine {
  description: string;
  /** Display quantity (may be fractional, e.g. 1.5). */
  quantity: number;
  unitPriceSatang: number;
  amountSatang: number;
}

export interface PortalTotals {
  subtotalSatang: number;
  discountSatang: number;
  vatSatang: number;
  vatMode: 'exclusive' | 'inclusive' | 'none';
  totalSatang: number;
  withholdingSatang: number;
  netPayableSatang: number;
}

export interface PortalPayment {
  id: string;
  amountSatang: number;
  method: PaymentMethod;
  status: PaymentStatus;
  reference: string | null;
  receivedAt: string;
  receiptNumber: string | null;
  /** The client's payment notice this payment was confirmed from (null: recorded by staff). */
  noticeId: string | null;
  /** Whether a withholding tax certificate (50 ทวิ) is attached to it. */
  withholdingCertificate: boolean;
}

/** A slip the client sent ("I have paid") that staff have not reviewed yet. */
export interface PortalPendingNotice {
  id: string;
  amountSatang: number;
  sentAt: string;
  /** Whether the 50 ทวิ is attached (with the slip, or sent later). */
  withholdingCertificate: boolean;
}

/** What the client needs to pay by PromptPay: already computed by the server. */
export interface PortalPayTarget {
  amountSatang: number;
  /** EMVCo / Thai QR payload; the app renders it as a QR image. */
  promptPayPayload: string;
  payeeName: string;
  /** PromptPay id as shown to humans, masked where appropriate. */
  promptPayIdDisplay: string;
}

export interface PortalInvoice {
  id: string;
  number: string;
  taxInvoiceNumber: string | null;
  issueDate: string;
  dueDate: string;
  status: InvoiceDisplayStatus;
  lines: PortalLine[];
  totals: PortalTotals;
  paidSatang: number;
  balanceSatang: number;
  payments: PortalPayment[];
  /** Present when something is still to pay. */
  pay: PortalPayTarget | null;
  /** Slips sent for this invoice and waiting for staff, oldest first. */
  pendingNotices: PortalPendingNotice[];
  jobNumber: string | null;
  documentIds: string[];
}

/** A quote exactly as its PDF prints it (the same model: services/document-fields.ts). */
export interface PortalQuoteDocument {
  number: string;
  issueDate: string;
  validUntil: string;
  note: string | null;
  lines: PortalLine[];
  /** The totals exactly as the quote PDF prints them. */
  totals: PrintedTotals;
  /** Refundable security deposit asked on acceptance; null = none. */
  depositSatang: number | null;
}

export interface PortalQuoteSignature {
  name: string;
  /** ISO-8601 with the Bangkok offset, e.g. 2026-11-25T10:15:30+07:00. */
  signedAtIso: string;
  /** Thai local time, Buddhist era, e.g. '25 พ.ย. 2569 10:15 น.'. */
  signedAtThai: string;
}

export interface PortalQuote {
  id: string;
  number: string;
  issueDate: string;
  validUntil: string;
  status: QuoteDisplayStatus;
  lines: PortalLine[];
  totals: PortalTotals;
  depositSatang: number;
  signedBy: string | null;
  signedAt: string | null;
  declineReason: string | null;
  canAccept: boolean;
  /** Sent and its valid-until day (Bangkok) not passed: Accept & Sign and Decline are offered. */
  canRespond: boolean;
  /** Its valid-until day has passed without an answer: offer to contact the business instead. */
  expired: boolean;
  /** Present once the client accepted and signed. */
  signed?: PortalQuoteSignature;
  /** Everything the page renders (the same facts as the PDF). */
  document: PortalQuoteDocument;
  jobNumber: string | null;
  documentIds: string[];
}

export interface PortalDepositEntry {
  kind: 'collection' | 'return';
  at: string;
  amountSatang: number;
  deductedSatang: number;
  method: PaymentMethod | null;
  reason: string | null;
  /** Each amount kept with its reason, when staff itemised them ([] otherwise: `reason` says it). */
  deductions: { amountSatang: number; reason: string }[];
  receiptNumber: string | null;
}

export interface PortalDeposit {
  id: string;
  number: string;
  requiredSatang: number;
  heldSatang: number;
  returnedSatang: number;
  deductedSatang: number;
  status: DepositStatus;
  quoteNumber: string | null;
  jobNumber: string | null;
  entries: PortalDepositEntry[];
  pay: PortalPayTarget | null;
  /** Slips sent for this deposit and waiting for staff, oldest first. */
  pendingNotices: PortalPendingNotice[];
}

export interface PortalReceipt {
  id: string;
  number: string;
  type: ReceiptType;
  amountSatang: number;
  issuedAt: string;
  documentId: string;
  /** Set when its payment was voided: the receipt keeps its number and PDF but no longer counts. */
  cancelledAt: string | null;
}

export interface PortalDocument {
  id: string;
  kind: DocumentKind;
  number: string;
  title: { th: string; en: string };
  issuedAt: string;
  /** Path relative to the portal, e.g. `/api/portal/<token>/documents/<id>.pdf` is built by the app. */
  fileName: string;
  /** A receipt whose payment was voided (a credit note, if any, is its own document). */
  cancelled: boolean;
}

export interface PortalView {
  scope: LinkScope;
  linkId: string;
  expiresAt: string;
  /** Server's current time, so the app computes nothing from the phone's clock. */
  now: string;
  business: PortalBusiness;
  customer: PortalCustomer;
  jobs: PortalJob[];
  quotes: PortalQuote[];
  invoices: PortalInvoice[];
  deposits: PortalDeposit[];
  receipts: PortalReceipt[];
  documents: PortalDocument[];
  /**
   * Buddhist-era years, newest first, whose settled records are not embedded (only what is open
   * or from the last 12 months is): each comes from GET /api/portal/<token>/history/<year>.
   */
  earlierYears: number[];
  liff: { liffId: string | null; bound: boolean };
}

/** One earlier year of a customer's history, as GET /api/portal/<token>/history/<year> answers. */
export type PortalHistoryYear = Pick<PortalView, 'jobs' | 'quotes' | 'invoices' | 'receipts' | 'documents'> & { year: number };
