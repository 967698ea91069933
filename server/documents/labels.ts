/**
 * Bilingual wording of the documents. Every label is a Thai/English pair; the customer's
 * language is printed first.
 */
import type { DocumentLang, DocumentModel } from './document-model.ts';
import { HEAD_OFFICE_BRANCH } from './document-model.ts';
import { DOCUMENT_KIND_LABELS, RECEIPT_TYPE_LABELS, SECURITY_DEPOSIT } from '../domain/labels.ts';

export interface Bilingual {
  th: string;
  en: string;
}

export const bi = (th: string, en: string): Bilingual => ({ th, en });

export function primary(label: Bilingual, lang: DocumentLang): string {
  return lang === 'th' ? label.th : label.en;
}

export function secondary(label: Bilingual, lang: DocumentLang): string {
  return lang === 'th' ? label.en : label.th;
}

/** 'ใบแจ้งหนี้ / Invoice' (th) or 'Invoice / ใบแจ้งหนี้' (en). */
export function both(label: Bilingual, lang: DocumentLang, separator = ' / '): string {
  return `${primary(label, lang)}${separator}${secondary(label, lang)}`;
}

/** The printed title: the same names the portal and messages use (domain/labels.ts). */
export function documentTitle(model: DocumentModel): Bilingual {
  switch (model.kind) {
    case 'receipt':
      return RECEIPT_TYPE_LABELS[model.receiptType];
    case 'signed_quote':
      // The PDF is still a quotation; its signature block says it was signed.
      return DOCUMENT_KIND_LABELS.quote;
    default:
      return DOCUMENT_KIND_LABELS[model.kind];
  }
}

export function branchLabel(branch: string | null | undefined): Bilingual | null {
  if (!branch) return null;
  if (branch === HEAD_OFFICE_BRANCH) return bi('สำนักงานใหญ่', 'Head office');
  return bi(`สาขาที่ ${branch}`, `Branch ${branch}`);
}

export const L = {
  original: bi('ต้นฉบับ', 'Original'),
  copy: bi('สำเนา', 'Copy'),
  taxId: bi('เลขประจำตัวผู้เสียภาษี', 'Tax ID'),
  phone: bi('โทร', 'Tel'),
  email: bi('อีเมล', 'Email'),
  customer: bi('ลูกค้า', 'Customer'),
  attention: bi('ผู้ติดต่อ', 'Attn'),
  number: bi('เลขที่', 'No.'),
  date: bi('วันที่', 'Date'),
  dueDate: bi('ครบกำหนด', 'Due date'),
  validUntil: bi('ยืนราคาถึง', 'Valid until'),
  invoiceRef: bi('อ้างอิงใบแจ้งหนี้', 'Invoice ref.'),
  quoteRef: bi('อ้างอิงใบเสนอราคา', 'Quote ref.'),
  jobRef: bi('อ้างอิงงาน', 'Job ref.'),
  depositRef: bi('เลขที่เงินประกัน', 'Deposit no.'),
  page: bi('หน้า', 'Page'),
  colNo: bi('ลำดับ', 'No.'),
  colDescription: bi('รายการ', 'Description'),
  colQuantity: bi('จำนวน', 'Qty'),
  colUnitPrice: bi('ราคาต่อหน่วย', 'Unit price'),
  colAmount: bi('จำนวนเงิน', 'Amount'),
  gross: bi('รวมเป็นเงิน', 'Total'),
  grossInclusive: bi('รวมเป็นเงิน (รวม VAT)', 'Total incl. VAT'),
  discount: bi('ส่วนลด', 'Discount'),
  afterDiscount: bi('ยอดหลังหักส่วนลด', 'After discount'),
  beforeVat: bi('มูลค่าก่อนภาษี', 'Amount before VAT'),
  total: bi('จำนวนเงินรวมทั้งสิ้น', 'Grand total'),
  withholding: bi('หักภาษี ณ ที่จ่าย', 'Withholding tax'),
  netPayable: bi('ยอดชำระสุทธิ', 'Net payable'),
  paid: bi('ยอดที่ชำระแล้ว', 'Paid'),
  balance: bi('ยอดค้างชำระ', 'Balance due'),
  paidInFull: bi('ชำระครบแล้ว', 'Paid in full'),
  stampPaid: bi('ชำระครบแล้ว ไม่มียอดค้างชำระ', 'Paid in full — nothing is due'),
  stampVoid: bi('เอกสารนี้ถูกยกเลิกแล้ว ไม่ต้องชำระเงิน', 'This document is void — do not pay'),
  stampDraft: bi('ฉบับร่าง ยังไม่ได้ออกเอกสาร ไม่ต้องชำระเงิน', 'Draft, not issued — do not pay'),
  stampCollected: bi('ได้รับเงินประกันครบแล้ว ไม่มียอดค้างชำระ', 'Deposit received in full — nothing is due'),
  voidReason: bi('เหตุผล', 'Reason'),
  period: bi('งวด', 'Period'),
  colDate: bi('วันที่', 'Date'),
  colDocument: bi('เอกสาร', 'Document'),
  colDebit: bi('ยอดหนี้', 'Debit'),
  colCredit: bi('ชำระ', 'Credit'),
  colBalance: bi('คงเหลือ', 'Balance'),
  openingBalance: bi('ยอดยกมา', 'Opening balance'),
  closingBalance: bi('ยอดคงเหลือ', 'Closing balance'),
  totalDebits: bi('รวมยอดหนี้ในงวด', 'Invoiced in period'),
  totalCredits: bi('รวมรับชำระในงวด', 'Paid in period'),
  statementPayment: bi('รับชำระ', 'Payment'),
  statementNotes: bi(
    'เงินประกันเป็นเงินที่รับฝากไว้และคืนได้ จึงไม่รวมในยอดนี้ · ยอดใบแจ้งหนี้เป็นยอดชำระสุทธิหลังหักภาษี ณ ที่จ่าย · ไม่รวมใบแจ้งหนี้ฉบับร่าง ใบแจ้งหนี้และรายการชำระที่ยกเลิก',
    'Security deposits are held money, refundable, and not part of this balance · Invoices count at their net payable after withholding tax · Draft and void invoices and voided payments are not included',
  ),
  inWords: bi('ตัวอักษร', 'In words'),
  amountReceived: bi('จำนวนเงินที่ได้รับ', 'Amount received'),
  amountReturned: bi('จำนวนเงินที่คืน', 'Amount refunded'),
  depositAmount: bi('จำนวนเงินประกัน', 'Deposit amount'),
  paymentMethod: bi('วิธีชำระ', 'Method'),
  paymentReference: bi('เลขอ้างอิง', 'Reference'),
  paidAt: bi('วันที่ชำระ', 'Paid on'),
  paymentDetails: bi('รายละเอียดการชำระเงิน', 'Payment details'),
  securityDeposit: SECURITY_DEPOSIT,
  depositHeld: bi('เงินประกันที่ได้รับไว้', 'Deposit held'),
  deduction: bi('หัก', 'Less'),
  note: bi('หมายเหตุ', 'Note'),
  promptPay: bi('ชำระผ่านพร้อมเพย์', 'Pay with PromptPay'),
  scanToPay: bi('สแกน QR ด้วยแอปธนาคารเพื่อชำระ', 'Scan with any Thai banking app'),
  baht: bi('บาท', 'THB'),
  receivedBy: bi('ผู้รับเงิน', 'Collector'),
  authorized: bi('ผู้มีอำนาจลงนาม', 'Authorized signature'),
  customerAcceptance: bi('ผู้อนุมัติสั่งซื้อ (ลูกค้า)', 'Accepted by (customer)'),
  billReceivedBy: bi('ผู้รับวางบิล', 'Bill received by'),
  goodsReceivedBy: bi('ผู้รับสินค้า/บริการ', 'Goods/services received by'),
  refundReceivedBy: bi('ผู้รับเงินคืน', 'Refund received by'),
  onBehalfOf: bi('ในนาม', 'For'),
  signed: bi('ลงนามอิเล็กทรอนิกส์แล้ว', 'Signed electronically'),
  signatureRecord: bi('หลักฐานการลงนามอิเล็กทรอนิกส์', 'Electronic signature record'),
  signer: bi('ผู้ลงนาม', 'Signer'),
  signedAt: bi('เวลาที่ลงนาม', 'Signed at'),
  ipAddress: bi('ที่อยู่ IP', 'IP address'),
  userAgent: bi('อุปกรณ์/เบราว์เซอร์', 'User agent'),
  linkId: bi('รหัสลิงก์', 'Link ID'),
  contentHash: bi('SHA-256 เนื้อหา', 'Content SHA-256'),
} as const;
