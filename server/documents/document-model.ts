/**
 * Input of the PDF renderer: a plain, already-computed description of one document.
 * No database ids, no lookups: everything printed is here, amounts in integer satang.
 * The renderer never recomputes money; it prints what the domain computed.
 */

export type DocumentLang = 'th' | 'en';
/** 'YYYY-MM-DD' (a calendar date in Bangkok). */
export type IsoDate = string;
export type VatMode = 'exclusive' | 'inclusive' | 'none';

export interface DocumentSeller {
  /** Legal name as registered (usually Thai). */
  name: string;
  nameEn?: string | null;
  address: string;
  /** 13 digits. */
  taxId: string;
  /** '00000' = head office, otherwise the 5-digit branch number. */
  branch: string;
  phone?: string | null;
  email?: string | null;
  vatRegistered: boolean;
  /** Optional logo (PNG or JPEG bytes), drawn in the header's logo slot. */
  logo?: Buffer | null;
  /** The business's own words that a line never breaks inside (on top of the built-in list). */
  keepWholeWords?: readonly string[];
}

export interface DocumentBuyer {
  /** Contact person or individual customer. */
  name: string;
  companyName?: string | null;
  address?: string | null;
  /** 13 digits; required on tax invoices for a VAT-registered buyer. */
  taxId?: string | null;
  /** '00000' = head office. */
  branch?: string | null;
}

export interface DocumentLine {
  description: string;
  /** Units, may be fractional (1.5 days). */
  quantity: number;
  unitPriceSatang: number;
  amountSatang: number;
}

export interface DocumentTotals {
  /** Sum of line amounts (VAT-inclusive when vatMode is 'inclusive'). */
  grossSatang: number;
  discountSatang: number;
  /** Amount before VAT (the VAT base). */
  subtotalSatang: number;
  vatSatang: number;
  vatMode: VatMode;
  /** 700 = 7% (default). */
  vatRateBasisPoints?: number;
  totalSatang: number;
  withholdingSatang: number;
  /** 300 = 3%; only used for the label. */
  withholdingBasisPoints?: number;
  /** Total minus withholding: what the customer transfers. */
  netPayableSatang: number;
}

/**
 * The current state a request for payment (or a draft) is stamped with at download
 * (domain/request-stamp.ts). Never set on legal records: those are stored as issued.
 */
export interface DocumentStamp {
  kind: 'draft' | 'void' | 'paid' | 'partially_paid' | 'collected';
  /** Still due, printed with a partial payment. */
  balanceSatang?: number;
  /** Why the document was voided, as recorded. */
  reason?: string | null;
}

interface DocumentBase {
  /** The customer's language: printed first in every bilingual label. */
  lang: DocumentLang;
  seller: DocumentSeller;
  buyer: DocumentBuyer;
  number: string;
  issueDate: IsoDate;
  /** Free text printed under the totals (terms, bank account…). */
  note?: string | null;
  /** Current state (requests for payment and drafts only); absent = nothing to stamp. */
  stamp?: DocumentStamp | null;
}

interface LinesDocument extends DocumentBase {
  lines: DocumentLine[];
  totals: DocumentTotals;
}

export interface QuoteDocument extends LinesDocument {
  kind: 'quote';
  validUntil: IsoDate | null;
  /** Security deposit asked with the quote, if any. */
  depositSatang: number | null;
}

export interface SignatureEvidence {
  /** PNG of the drawn signature. */
  pngBytes: Buffer;
  signerName: string;
  /** ISO-8601 instant with offset, e.g. 2026-03-04T10:15:30+07:00. */
  signedAtIso: string;
  /** Human Thai local time, e.g. '4 มีนาคม 2569 10:15 น.'. */
  signedAtThai: string;
  ip: string;
  userAgent: string;
  linkId: string;
  /** SHA-256 (hex) of the quote content the customer saw and signed. */
  contentSha256: string;
}

export interface SignedQuoteDocument extends Omit<QuoteDocument, 'kind'> {
  kind: 'signed_quote';
  signature: SignatureEvidence;
}

export interface InvoiceDocument extends LinesDocument {
  kind: 'invoice';
  dueDate: IsoDate | null;
  paidSatang: number;
  /** What is due now: 0 when paid, void or draft. */
  balanceSatang: number;
  /** PromptPay payload for the balance; null when nothing is due or PromptPay is not set up. */
  promptPayPayload: string | null;
}

export interface PaymentInfo {
  amountSatang: number;
  /** Already-translated method label, e.g. 'โอนเงิน / Bank transfer'. */
  methodLabel: string;
  reference: string | null;
  /** 'YYYY-MM-DD' or an ISO instant. */
  paidAt: string;
}

export interface TaxInvoiceDocument extends LinesDocument {
  kind: 'tax_invoice';
  /** The invoice this tax invoice is issued for. */
  invoiceNumber: string | null;
}

/** Combined receipt / tax invoice (ใบเสร็จรับเงิน/ใบกำกับภาษี), issued on payment. */
export interface ReceiptTaxInvoiceDocument extends LinesDocument {
  kind: 'receipt_tax_invoice';
  invoiceNumber: string | null;
  payment: PaymentInfo;
}

interface ReceiptBase extends DocumentBase, PaymentInfo {
  kind: 'receipt';
  /** What was paid for, one line of text (optional). */
  description?: string | null;
}

/** Payment against an invoice. */
export interface PaymentReceiptDocument extends ReceiptBase {
  receiptType: 'RC';
  invoiceNumber: string | null;
}

/** Pre-payment before the job starts. */
export interface PrepaymentReceiptDocument extends ReceiptBase {
  receiptType: 'PREREC';
  quoteNumber?: string | null;
  jobNumber?: string | null;
}

/** Security deposit received (not subject to VAT). */
export interface DepositReceiptDocument extends ReceiptBase {
  receiptType: 'DEPR';
  depositNumber: string;
}

export interface DepositDeduction {
  amountSatang: number;
  reason: string;
}

/** Security deposit returned; amountSatang is what was returned. */
export interface DepositReturnReceiptDocument extends ReceiptBase {
  receiptType: 'DEPRR';
  depositNumber: string;
  originalHeldSatang: number;
  returnedSatang: number;
  deductions: DepositDeduction[];
}

export type ReceiptDocument = PaymentReceiptDocument | PrepaymentReceiptDocument | DepositReceiptDocument | DepositReturnReceiptDocument;

export type ReceiptType = ReceiptDocument['receiptType'];

export interface DepositRequestDocument extends DocumentBase {
  kind: 'deposit_request';
  depositNumber: string;
  /** The deposit asked for, as issued. */
  amountSatang: number;
  /** Collected so far. */
  collectedSatang?: number;
  /** Still due now (0 once the deposit is settled); defaults to the amount less what was collected. */
  balanceSatang?: number;
  dueDate?: IsoDate | null;
  quoteNumber?: string | null;
  jobNumber?: string | null;
  promptPayPayload: string | null;
}

/**
 * ใบลดหนี้ / Credit Note (Revenue Code s.86/10): reverses (part of) a tax invoice. Carries what the
 * section asks for besides the seller/buyer/number/date every tax document has: the original tax
 * invoice's number and date, the reason, the original value, the correct value, the difference and
 * the VAT on the difference.
 */
export interface CreditNoteDocument extends DocumentBase {
  kind: 'credit_note';
  taxInvoiceNumber: string;
  taxInvoiceDate: IsoDate;
  invoiceNumber: string | null;
  reason: string;
  /** Value (before VAT) of the services on the original tax invoice. */
  originalValueSatang: number;
  /** What that value should have been. */
  correctValueSatang: number;
  /** originalValueSatang − correctValueSatang. */
  differenceSatang: number;
  vatRateBasisPoints: number;
  /** VAT on the difference: the VAT the original tax invoice charged on it. */
  vatOnDifferenceSatang: number;
  /** differenceSatang + vatOnDifferenceSatang. */
  totalSatang: number;
}

export interface StatementRowModel {
  date: IsoDate;
  /** The invoice number, or the receipt number of a payment. */
  documentNumber: string;
  /** Already worded in both languages. */
  description: string;
  debitSatang: number;
  creditSatang: number;
  balanceSatang: number;
}

/**
 * ใบแจ้งยอดบัญชี / Statement of account (domain/account-statement.ts): not a legal record,
 * rendered on demand for a period; `number` only names the file.
 */
export interface StatementDocument extends DocumentBase {
  kind: 'statement';
  period: { from: IsoDate; to: IsoDate };
  openingBalanceSatang: number;
  /** 'YYYY-MM' months in order, each with its rows. */
  months: Array<{ month: string; rows: StatementRowModel[] }>;
  totalDebitSatang: number;
  totalCreditSatang: number;
  closingBalanceSatang: number;
}

export type DocumentModel =
  | StatementDocument
  | CreditNoteDocument
  | QuoteDocument
  | SignedQuoteDocument
  | InvoiceDocument
  | TaxInvoiceDocument
  | ReceiptTaxInvoiceDocument
  | ReceiptDocument
  | DepositRequestDocument;

export type DocumentKind = DocumentModel['kind'];

/** Printed on every deposit receipt (DEPR, DEPRR) and deposit request, customer's language first. */
export const DEPOSIT_NOT_VAT_NOTE_TH = 'เงินประกันคืนได้ — ไม่อยู่ในบังคับภาษีมูลค่าเพิ่ม';
export const DEPOSIT_NOT_VAT_NOTE_EN = 'Refundable security deposit — not subject to VAT';
export const DEPOSIT_NOT_VAT_NOTE = `${DEPOSIT_NOT_VAT_NOTE_TH} / ${DEPOSIT_NOT_VAT_NOTE_EN}`;

export const HEAD_OFFICE_BRANCH = '00000';
