/**
 * What people are told when something is refused, in Thai and English — written once, for every
 * transport: the HTTP error body (clients), the LINE bot (staff). Import-free on purpose, so the
 * bot, the server and the portal app can all share it.
 *
 * A DomainError carries a `code` (errors.ts) and, where the reason matters to the reader, a
 * `details.reason` key from STAFF_REASONS with the values its sentence needs (`number`, `status`).
 * Indexing these tables with an ErrorCode fails to compile when a code has no text.
 * Its only imports are the import-free labels and money-text modules, so names and amounts are written once.
 */
import { DOCUMENT_KIND_LABELS, QUOTE_STATUS_LABELS, SECURITY_DEPOSIT } from './labels.ts';
import { moneyText } from './money-text.ts';

export interface Bilingual {
  th: string;
  en: string;
}

/** Short messages a client (not staff) may see, per error code. */
export const CLIENT_MESSAGES = {
  VALIDATION: { th: 'ข้อมูลไม่ถูกต้อง', en: 'Some information is not valid' },
  UNAUTHORIZED: { th: 'ไม่ได้รับอนุญาต', en: 'Not authorised' },
  FORBIDDEN: { th: 'ไม่มีสิทธิ์เข้าถึง', en: 'Not allowed' },
  NOT_FOUND: { th: 'ไม่พบข้อมูล', en: 'Not found' },
  CONFLICT: { th: 'รายการนี้มีการเปลี่ยนแปลงแล้ว กรุณาโหลดหน้าใหม่', en: 'This has already changed; please reload' },
  GONE: { th: 'ลิงก์นี้ใช้ไม่ได้แล้ว', en: 'This link is no longer available' },
  EXPIRED: { th: 'รายการนี้หมดอายุแล้ว', en: 'This has expired' },
  UNPROCESSABLE: { th: 'ไม่สามารถดำเนินการกับรายการนี้ได้', en: 'This item cannot be processed' },
  RATE_LIMITED: { th: 'มีการใช้งานถี่เกินไป กรุณารอสักครู่', en: 'Too many requests; please wait a moment' },
  PAYLOAD_TOO_LARGE: { th: 'ข้อมูลที่ส่งมามีขนาดใหญ่เกินไป', en: 'What was sent is too large' },
  DUPLICATE_SLIP: {
    th: 'สลิปนี้เคยใช้แจ้งชำระเงินแล้ว กรุณาส่งสลิปของรายการโอนนี้',
    en: 'This slip was already used for a payment; please send the slip of this transfer',
  },
  UNAVAILABLE: { th: 'ระบบยังไม่พร้อมใช้งาน', en: 'Not available right now' },
} as const satisfies Record<string, Bilingual>;

/**
 * What a client is told when the reason is more precise than the code (`details.reason`): the
 * payment form shows these next to the field they concern.
 */
export const CLIENT_REASONS = {
  slip_type: { th: 'สลิปต้องเป็นรูปภาพ JPEG, PNG หรือ WebP', en: 'The slip must be a JPEG, PNG or WebP image' },
  slip_missing: { th: 'กรุณาแนบรูปสลิปการโอนเงิน', en: 'Please attach the transfer slip' },
  certificate_type: {
    th: 'หนังสือรับรองการหักภาษี ณ ที่จ่าย (50 ทวิ) ต้องเป็นรูปภาพหรือไฟล์ PDF',
    en: 'The withholding tax certificate (50 Tawi) must be an image or a PDF',
  },
  file_too_large: { th: 'ไฟล์ใหญ่เกิน 5 MB กรุณาส่งรูปที่เล็กลง', en: 'The file is larger than 5 MB; please send a smaller picture' },
  amount_not_positive: { th: 'กรุณาระบุจำนวนเงินที่โอน (มากกว่า 0)', en: 'Please enter the amount you transferred (more than 0)' },
  amount_above_balance: { th: 'จำนวนเงินมากกว่ายอดค้างชำระ', en: 'The amount is more than the balance due' },
  nothing_to_pay: { th: 'รายการนี้ไม่มียอดค้างชำระแล้ว', en: 'Nothing is left to pay here' },
  statement_year: { th: 'กรุณาเลือกปี พ.ศ. ของใบแจ้งยอดบัญชีให้ถูกต้อง', en: 'Please choose a valid Buddhist-era year for the statement' },
  certificate_missing: { th: 'กรุณาแนบหนังสือรับรองการหักภาษี ณ ที่จ่าย (50 ทวิ)', en: 'Please attach the withholding tax certificate (50 Tawi)' },
  no_withholding: { th: 'รายการนี้ไม่มีการหักภาษี ณ ที่จ่าย จึงไม่ต้องแนบ 50 ทวิ', en: 'No tax is withheld here, so no 50 Tawi is needed' },
  notice_rejected: { th: 'การแจ้งชำระนี้ไม่ผ่านการตรวจสอบ กรุณาแจ้งชำระใหม่พร้อม 50 ทวิ', en: 'This payment notice was not accepted; send a new one with the 50 Tawi' },
  certificate_already_attached: {
    th: 'แนบ 50 ทวิ ของการชำระนี้แล้ว หากต้องการเปลี่ยน กรุณาติดต่อเรา',
    en: 'A 50 Tawi is already attached to this payment; contact us to replace it',
  },
  notice_changed: { th: 'ข้อมูลการชำระเปลี่ยนไป กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง', en: 'This payment changed meanwhile; reload and try again' },
  promptpay_id_format: {
    th: 'พร้อมเพย์ต้องเป็นเบอร์มือถือ (เช่น 081-234-5678) เลขประจำตัวประชาชน/เลขผู้เสียภาษี 13 หลัก หรือ e-Wallet 15 หลัก',
    en: 'PromptPay must be a mobile number (e.g. 081-234-5678), a 13-digit ID or tax number, or a 15-digit e-wallet ID',
  },
  promptpay_id_not_mobile: {
    th: 'เบอร์พร้อมเพย์ต้องเป็นเบอร์มือถือ (ขึ้นต้นด้วย 06, 08 หรือ 09)',
    en: 'A PromptPay phone number must be a mobile number (starting 06, 08 or 09)',
  },
  promptpay_id_tax_id_check_digit: {
    th: 'เลข 13 หลักไม่ถูกต้อง (หลักสุดท้ายไม่ตรง) กรุณาตรวจอีกครั้ง',
    en: 'The 13-digit number is not valid (its last digit does not match); please check it',
  },
  document_unavailable: {
    th: 'เอกสารนี้เปิดไม่ได้ชั่วคราว เราแจ้งผู้ดูแลระบบแล้ว กรุณาลองใหม่ภายหลัง',
    en: 'This document is temporarily unavailable; our team has been told. Please try again later.',
  },
  storage_unavailable: {
    th: 'ตอนนี้รับหรือเปิดไฟล์ไม่ได้ชั่วคราว เราแจ้งผู้ดูแลระบบแล้ว กรุณาลองใหม่ภายหลัง',
    en: 'Files cannot be stored or opened right now; our team has been told. Please try again later.',
  },
  not_staff: { th: 'บัญชี LINE นี้ไม่ใช่พนักงานของร้าน', en: 'This LINE account is not staff of this business' },
  owner_only: {
    th: 'เฉพาะเจ้าของร้านเท่านั้นที่ทำรายการนี้ได้ (จัดการพนักงาน ข้อมูลร้าน และการยกเลิกเอกสาร)',
    en: 'Only the owner can do this (managing staff, the business profile and voids)',
  },
} as const satisfies Record<string, Bilingual>;

export type ClientReason = keyof typeof CLIENT_REASONS;

/** The client's message for an error: its specific reason where it names one, else its code's. */
export function clientMessages(error: { code: keyof typeof CLIENT_MESSAGES; details?: Record<string, unknown> | undefined }): Bilingual {
  const reason = error.details?.['reason'];
  if (typeof reason === 'string' && Object.hasOwn(CLIENT_REASONS, reason)) return CLIENT_REASONS[reason as ClientReason];
  return CLIENT_MESSAGES[error.code];
}

/** Staff in a chat: a reason that stands on its own when no more specific one is known. */
export const STAFF_MESSAGES = {
  VALIDATION: { th: 'ข้อมูลที่พิมพ์มาไม่ถูกต้อง ลองตรวจแล้วพิมพ์ใหม่อีกครั้ง', en: 'That input is not valid; check it and try again.' },
  UNAUTHORIZED: { th: 'ยังไม่ได้ยืนยันตัวตน จึงทำรายการนี้ไม่ได้', en: 'You are not signed in for this.' },
  FORBIDDEN: { th: 'คุณไม่มีสิทธิ์ทำรายการนี้', en: 'You are not allowed to do this.' },
  NOT_FOUND: { th: 'ไม่พบรายการนี้ในระบบ', en: 'That record was not found.' },
  CONFLICT: { th: 'ทำรายการนี้ไม่ได้ เพราะสถานะของรายการตอนนี้ไม่อนุญาต', en: 'Not possible in the record’s current state.' },
  GONE: { th: 'รายการนี้ใช้ไม่ได้แล้ว', en: 'This is no longer available.' },
  EXPIRED: { th: 'รายการนี้หมดอายุแล้ว', en: 'This has expired.' },
  UNPROCESSABLE: { th: 'ระบบดำเนินการกับรายการนี้ไม่ได้', en: 'This item cannot be processed.' },
  RATE_LIMITED: { th: 'ทำรายการถี่เกินไป รอสักครู่แล้วลองใหม่', en: 'Too many tries; wait a moment and try again.' },
  PAYLOAD_TOO_LARGE: { th: 'ข้อมูลที่ส่งมามีขนาดใหญ่เกินไป', en: 'What was sent is too large.' },
  DUPLICATE_SLIP: { th: 'สลิปนี้เคยใช้กับการชำระเงินรายการอื่นแล้ว', en: 'This slip was already used for another payment.' },
  UNAVAILABLE: { th: 'ตอนนี้ยังทำรายการนี้ไม่ได้ ลองใหม่ภายหลัง', en: 'Not available right now; try again later.' },
} as const satisfies Record<string, Bilingual>;

/** Specific refusals, by `details.reason`. `{number}` and `{status}` come from the error's details. */
export const STAFF_REASONS = {
  quote_not_linkable: {
    th: 'ใบเสนอราคา {number} {status} ลิงก์ใบเสนอราคาจะเปิดไม่ได้ จึงไม่ได้สร้างลิงก์',
    en: 'Quote {number} is {status}; a quote link would not open, so none was made.',
  },
  invoice_not_linkable: {
    th: 'ใบแจ้งหนี้ {number} {status} ลิงก์ใบแจ้งหนี้จะเปิดไม่ได้ ส่งลิงก์ของลูกค้า (ลิงก์ <ชื่อลูกค้า>) แทนได้',
    en: 'Invoice {number} is {status}; an invoice link would not open. Send the customer link (link <name>) instead.',
  },
  invoice_not_remindable: {
    th: 'ใบแจ้งหนี้ {number} {status} ไม่มีอะไรต้องแจ้งเตือน',
    en: 'Invoice {number} is {status}; there is nothing to remind about.',
  },
  invoice_nothing_due: {
    th: 'ใบแจ้งหนี้ {number} ไม่มียอดค้างชำระ (0.00 บาท) จึงไม่ส่งการแจ้งเตือนชำระเงิน',
    en: 'Invoice {number} has nothing due (balance 0.00); no payment reminder was sent.',
  },
  unreachable: {
    th: 'ส่งถึงลูกค้ารายนี้ไม่ได้ตอนนี้: ไม่มีช่องทางที่ใช้ได้ (LINE อีเมล หรือ SMS) ตรวจว่ามีอีเมลหรือเบอร์มือถือในข้อมูลลูกค้า',
    en: 'This customer cannot be reached now: no usable LINE, email or SMS. Check the customer has an email or mobile number.',
  },
  stage_final: {
    th: 'งานนี้เสร็จสิ้นหรือยกเลิกแล้ว เปลี่ยนสถานะอีกไม่ได้',
    en: 'The job is completed or cancelled; its stage can no longer change.',
  },
  stage_one_step_back: {
    th: 'ย้อนสถานะได้ทีละหนึ่งขั้นเท่านั้น',
    en: 'A job can go back only one step at a time.',
  },
  invoice_not_payable: {
    th: 'ใบแจ้งหนี้ {number} {status} รับชำระเงินเพิ่มไม่ได้ จึงไม่ได้บันทึก',
    en: 'Invoice {number} is {status}; it cannot take a payment, so nothing was recorded.',
  },
  overpayment: {
    th: 'ยอด {amount} มากกว่ายอดค้างชำระของ {number} ({balance}) จึงไม่ได้บันทึก',
    en: '{amount} is more than the balance due on {number} ({balance}); nothing was recorded.',
  },
  deposit_settled: {
    th: 'เงินประกัน {number} คืนหรือหักไปแล้ว จึงไม่ได้บันทึก',
    en: 'Deposit {number} has already been returned; nothing was recorded.',
  },
  deposit_fully_held: {
    th: 'เงินประกัน {number} เก็บครบแล้ว ไม่มียอดต้องรับเพิ่ม',
    en: 'Deposit {number} is already fully held; there is nothing more to collect.',
  },
  deposit_overcollect: {
    th: 'ยอด {amount} มากกว่าเงินประกัน {number} ที่ยังต้องเก็บ ({balance}) จึงไม่ได้บันทึก',
    en: '{amount} is more than is still to collect on deposit {number} ({balance}); nothing was recorded.',
  },
  deposit_nothing_held: {
    th: 'เงินประกัน {number} ยังไม่ได้รับเงิน จึงไม่มีอะไรต้องคืน',
    en: 'Nothing has been collected on deposit {number} yet, so there is nothing to return.',
  },
  deductions_over_held: {
    th: 'ยอดหักรวม {amount} มากกว่าเงินประกันที่ถืออยู่ ({balance}) แก้ยอดหักแล้วลองใหม่',
    en: 'Deductions of {amount} are more than the deposit holds ({balance}); correct them and try again.',
  },
  return_summary_stale: {
    th: 'สรุปการคืนเงินประกันนี้ไม่ใช่ล่าสุดแล้ว (รายการหักเปลี่ยนหรือหมดเวลา) พิมพ์ "คืน" เพื่อดูสรุปใหม่ ไม่ได้บันทึกอะไร',
    en: 'This deposit return summary is out of date (the deductions changed or it timed out). Type "done" for a new summary; nothing was recorded.',
  },
  buyer_no_name: {
    th: 'ลูกค้ายังไม่มีชื่อ ซึ่งต้องพิมพ์ในใบกำกับภาษี เพิ่มในข้อมูลลูกค้าก่อน ไม่ได้บันทึกอะไร',
    en: 'The customer has no name, which their tax invoice must show; add it to the customer first. Nothing was recorded.',
  },
  buyer_no_address: {
    th: 'ลูกค้ายังไม่มีที่อยู่ ซึ่งต้องพิมพ์ในใบกำกับภาษี เพิ่มที่อยู่ในข้อมูลลูกค้าก่อน ไม่ได้บันทึกอะไร',
    en: 'The customer has no address, which their tax invoice must show; add it to the customer first. Nothing was recorded.',
  },
  buyer_no_branch: {
    th: 'ลูกค้ามีเลขประจำตัวผู้เสียภาษีแต่ยังไม่ระบุสำนักงานใหญ่/สาขา (00000 = สำนักงานใหญ่) ซึ่งต้องพิมพ์ในใบกำกับภาษี ไม่ได้บันทึกอะไร',
    en: 'The customer has a tax ID but no head office or branch number (00000 = head office), which their tax invoice must show. Nothing was recorded.',
  },
  business_not_set_up: {
    th: 'ยังไม่ได้ตั้งค่าข้อมูลธุรกิจ (ชื่อ ที่อยู่ พร้อมเพย์) ให้ผู้ดูแลระบบตั้งค่าก่อน',
    en: 'The business profile is not set up yet; ask the administrator to set it up.',
  },
} as const satisfies Record<string, Bilingual>;

export type StaffReason = keyof typeof STAFF_REASONS;

/** How a status reads inside a sentence ("Invoice INV-1 is paid" / "ใบแจ้งหนี้ INV-1 ชำระครบแล้ว"). */
const STATUS_WORDS: Record<string, Bilingual> = {
  draft: { th: 'ยังเป็นฉบับร่าง', en: 'a draft' },
  sent: { th: 'ส่งแล้ว', en: 'sent' },
  partially_paid: { th: 'ชำระแล้วบางส่วน', en: 'partly paid' },
  paid: { th: 'ชำระครบแล้ว', en: 'paid' },
  void: { th: 'ถูกยกเลิกแล้ว', en: 'void' },
  accepted: { th: 'ลูกค้าตอบรับแล้ว', en: 'accepted' },
  declined: { th: 'ลูกค้าปฏิเสธแล้ว', en: 'declined' },
  expired: { th: QUOTE_STATUS_LABELS.expired.th, en: 'expired' },
};

/** Record names in `notFound(what)` ("Invoice INV-2026-0099" → "ใบแจ้งหนี้ INV-2026-0099"). */
const RECORD_WORDS: Record<string, Bilingual> = {
  Customer: { th: 'ลูกค้า', en: 'Customer' },
  Job: { th: 'งาน', en: 'Job' },
  Quote: { th: DOCUMENT_KIND_LABELS.quote.th, en: 'Quote' },
  Invoice: { th: DOCUMENT_KIND_LABELS.invoice.th, en: 'Invoice' },
  Deposit: { th: SECURITY_DEPOSIT.th, en: 'Security deposit' },
  Payment: { th: 'การชำระเงิน', en: 'Payment' },
  Link: { th: 'ลิงก์', en: 'Link' },
};

const isReason = (value: unknown): value is StaffReason => typeof value === 'string' && Object.hasOwn(STAFF_REASONS, value);

/**
 * The sentence staff read for a refusal, in their language: the specific reason when the error
 * names one, "not found" with the record's name, else the text for the code. Null when the code
 * alone is all there is (the caller may then add the error's own English detail for English staff).
 */
export function staffReason(error: { code: keyof typeof STAFF_MESSAGES; details?: Record<string, unknown> | undefined }, lang: keyof Bilingual): string | null {
  const details = error.details ?? {};
  if (isReason(details['reason'])) {
    const status = typeof details['status'] === 'string' ? details['status'] : '';
    const satang = (key: string) => (Number.isSafeInteger(details[key]) ? moneyText(details[key] as number, lang) : '');
    const values: Record<string, string> = {
      number: typeof details['number'] === 'string' ? details['number'] : '',
      status: STATUS_WORDS[status]?.[lang] ?? status,
      amount: satang('amountSatang'),
      balance: satang('balanceSatang'),
    };
    return STAFF_REASONS[details['reason']][lang].replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '').replace(/ {2,}/g, ' ');
  }
  if (error.code === 'NOT_FOUND' && typeof details['what'] === 'string') {
    const [noun = '', ...rest] = details['what'].split(' ');
    const word = RECORD_WORDS[noun];
    if (word) return lang === 'th' ? `ไม่พบ${word.th}${rest.length ? ` ${rest.join(' ')} ` : ''}ในระบบ` : `${[word.en, ...rest].join(' ')} not found.`;
  }
  return null;
}
