/**
 * Every customer-facing name of a stage, status, payment method, receipt or document, in Thai
 * and English, and the order of the job stages: written once here and used by the bot's Flex
 * messages, the portal (liff/), email, SMS and the PDFs, so they cannot disagree.
 *
 * This module imports nothing, on purpose: liff/ may import it as plain data (ENGINEERING's
 * dependency rule), and the domain files that own each lifecycle take their keys from here.
 * tests/unit/labels.test.ts fails when one of these Thai strings is written again elsewhere.
 *
 * Wording choices: a refundable security deposit is เงินประกัน (มัดจำ is a down payment, which
 * is taxable; mixing the words on a "not subject to VAT" document invites questions). Statuses
 * are short past-tense states a customer reads at a glance.
 */

export type Lang = 'th' | 'en';

export interface Wording {
  th: string;
  en: string;
}

/** The Thai or the English one of two values: every renderer's one way to choose. */
export function pick<T>(lang: Lang, th: T, en: T): T {
  return lang === 'th' ? th : en;
}

/** The normal path of a job, in order; 'cancelled' can end it at any open stage. */
export const JOB_STAGE_FLOW = ['new', 'picking', 'loaded', 'delivering', 'on_site', 'returning', 'closed'] as const;
export const JOB_STAGES = [...JOB_STAGE_FLOW, 'cancelled'] as const;
export type JobStage = (typeof JOB_STAGES)[number];

/** Worded for the customer watching the timeline, not for the warehouse. */
export const STAGE_LABELS: Record<JobStage, Wording> = {
  new: { th: 'รับงานแล้ว', en: 'Booked' },
  picking: { th: 'กำลังจัดเตรียมอุปกรณ์', en: 'Preparing your equipment' },
  loaded: { th: 'อุปกรณ์ขึ้นรถแล้ว', en: 'Loaded and ready to go' },
  delivering: { th: 'กำลังจัดส่ง', en: 'On the way' },
  on_site: { th: 'ถึงหน้างานแล้ว', en: 'On site' },
  returning: { th: 'กำลังรับอุปกรณ์คืน', en: 'Collecting equipment' },
  closed: { th: 'เสร็จสิ้น', en: 'Completed' },
  cancelled: { th: 'ยกเลิกแล้ว', en: 'Cancelled' },
};

/**
 * The same stages on a button (LINE quick replies allow 20 characters): whole words that
 * still say which stage, instead of a label cut mid-word.
 */
export const STAGE_BUTTON_LABELS: Record<JobStage, Wording> = {
  new: { th: 'รับงานแล้ว', en: 'Booked' },
  picking: { th: 'จัดเตรียมอุปกรณ์', en: 'Preparing' },
  loaded: { th: 'ขึ้นรถแล้ว', en: 'Loaded' },
  delivering: { th: 'กำลังจัดส่ง', en: 'On the way' },
  on_site: { th: 'ถึงหน้างาน', en: 'On site' },
  returning: { th: 'รับอุปกรณ์คืน', en: 'Collecting' },
  closed: { th: 'ปิดงาน', en: 'Completed' },
  cancelled: { th: 'ยกเลิกงาน', en: 'Cancel job' },
};

export type InvoiceStatus = 'draft' | 'sent' | 'partially_paid' | 'paid' | 'void';
/** 'overdue' is derived from the due date for display, never stored. */
export type InvoiceDisplayStatus = InvoiceStatus | 'overdue';

export const INVOICE_STATUS_LABELS: Record<InvoiceDisplayStatus, Wording> = {
  draft: { th: 'ฉบับร่าง', en: 'Draft' },
  sent: { th: 'รอชำระ', en: 'Unpaid' },
  partially_paid: { th: 'ชำระบางส่วน', en: 'Partly paid' },
  paid: { th: 'ชำระแล้ว', en: 'Paid' },
  void: { th: 'ยกเลิกแล้ว', en: 'Void' },
  overdue: { th: 'เกินกำหนดชำระ', en: 'Overdue' },
};

export type QuoteStatus = 'draft' | 'sent' | 'accepted' | 'declined' | 'expired';

export const QUOTE_STATUS_LABELS: Record<QuoteStatus, Wording> = {
  draft: { th: 'ฉบับร่าง', en: 'Draft' },
  sent: { th: 'รอการตอบรับ', en: 'Awaiting reply' },
  accepted: { th: 'ตอบรับแล้ว', en: 'Accepted' },
  declined: { th: 'ปฏิเสธแล้ว', en: 'Declined' },
  expired: { th: 'หมดอายุแล้ว', en: 'Expired' },
};

export type DepositStatus = 'pending' | 'partially_held' | 'held' | 'returned' | 'partially_returned' | 'forfeited';

export const DEPOSIT_STATUS_LABELS: Record<DepositStatus, Wording> = {
  pending: { th: 'รอชำระเงินประกัน', en: 'Awaiting payment' },
  partially_held: { th: 'ชำระเงินประกันบางส่วน', en: 'Partly paid' },
  held: { th: 'รับเงินประกันแล้ว', en: 'Held' },
  returned: { th: 'คืนเงินประกันแล้ว', en: 'Returned' },
  partially_returned: { th: 'คืนเงินประกันบางส่วน', en: 'Partly returned' },
  // "Deducted in full" rather than "forfeited": the same fact, said without blame.
  forfeited: { th: 'หักเต็มจำนวน', en: 'Fully deducted' },
};

/** 'void': a confirmed payment recorded in error, reversed by the owner (never deleted). */
export type PaymentStatus = 'pending_review' | 'confirmed' | 'rejected' | 'void';

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, Wording> = {
  pending_review: { th: 'รอตรวจสอบ', en: 'Pending review' },
  confirmed: { th: 'ยืนยันแล้ว', en: 'Confirmed' },
  rejected: { th: 'ไม่ผ่านการตรวจสอบ', en: 'Rejected' },
  void: { th: 'ยกเลิกรายการแล้ว', en: 'Voided' },
};

export const PAYMENT_METHODS = ['promptpay', 'bank_transfer', 'cash', 'card', 'cheque', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, Wording> = {
  promptpay: { th: 'พร้อมเพย์', en: 'PromptPay' },
  bank_transfer: { th: 'โอนผ่านธนาคาร', en: 'Bank transfer' },
  cash: { th: 'เงินสด', en: 'Cash' },
  card: { th: 'บัตรเครดิต/เดบิต', en: 'Card' },
  cheque: { th: 'เช็ค', en: 'Cheque' },
  other: { th: 'อื่น ๆ', en: 'Other' },
};

export type ReceiptType = 'RC' | 'PREREC' | 'DEPR' | 'DEPRR';

/** The receipt's title: the PDF prints it, the portal lists it, messages name it. */
export const RECEIPT_TYPE_LABELS: Record<ReceiptType, Wording> = {
  RC: { th: 'ใบเสร็จรับเงิน', en: 'Receipt' },
  PREREC: { th: 'ใบรับเงินล่วงหน้า', en: 'Advance Payment Receipt' },
  DEPR: { th: 'ใบรับเงินประกัน', en: 'Security Deposit Receipt' },
  DEPRR: { th: 'ใบคืนเงินประกัน', en: 'Security Deposit Refund' },
};

/** A receipt whose payment was voided: kept with its number, shown as cancelled. */
export const RECEIPT_CANCELLED: Wording = { th: 'ยกเลิกแล้ว', en: 'Cancelled' };

export type DocumentKind =
  | 'quote'
  | 'signed_quote'
  | 'invoice'
  | 'tax_invoice'
  | 'receipt_tax_invoice'
  | 'deposit_request'
  | 'receipt'
  | 'credit_note'
  | 'statement';

/** Titles of the documents other than receipts (whose title depends on RECEIPT_TYPE_LABELS). */
export const DOCUMENT_KIND_LABELS: Record<Exclude<DocumentKind, 'receipt'>, Wording> = {
  quote: { th: 'ใบเสนอราคา', en: 'Quotation' },
  signed_quote: { th: 'ใบเสนอราคา (ลงนามแล้ว)', en: 'Signed Quotation' },
  invoice: { th: 'ใบแจ้งหนี้', en: 'Invoice' },
  tax_invoice: { th: 'ใบกำกับภาษี', en: 'Tax Invoice' },
  receipt_tax_invoice: { th: 'ใบเสร็จรับเงิน/ใบกำกับภาษี', en: 'Receipt/Tax Invoice' },
  deposit_request: { th: 'ใบแจ้งชำระเงินประกัน', en: 'Security Deposit Request' },
  // Revenue Code s.86/10: reverses (part of) a tax invoice.
  credit_note: { th: 'ใบลดหนี้', en: 'Credit Note' },
  // Not a tax or legal document: what the customer owes, rendered on demand for a period.
  statement: { th: 'ใบแจ้งยอดบัญชี', en: 'Statement of Account' },
};

/** The money itself, wherever it is named (quote line, portal, messages, PDFs). */
export const SECURITY_DEPOSIT: Wording = { th: 'เงินประกัน', en: 'Security deposit' };

/**
 * The state stamped across a request for payment (invoice, deposit request) or a draft, each
 * time it is downloaded: the printed request never claims money is owed that is not.
 */
export type RequestStamp = 'draft' | 'void' | 'paid' | 'partially_paid' | 'collected';

export const REQUEST_STAMP_LABELS: Record<RequestStamp, Wording> = {
  draft: { th: INVOICE_STATUS_LABELS.draft.th, en: 'DRAFT' },
  void: { th: 'ยกเลิก', en: 'VOID' },
  paid: { th: INVOICE_STATUS_LABELS.paid.th, en: 'PAID' },
  partially_paid: { th: INVOICE_STATUS_LABELS.partially_paid.th, en: 'PARTIALLY PAID' },
  collected: { th: DEPOSIT_STATUS_LABELS.held.th, en: 'COLLECTED' },
};
