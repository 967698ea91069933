/**
 * Every user-visible string of the portal, Thai and English. Nothing else in `liff/`
 * contains prose; components look strings up here by key.
 * `{name}`-style placeholders are filled by `translate()`.
 * Names of stages, statuses, payment methods and receipts come from the server's shared
 * label table (an import-free data module), so the portal says what LINE, email and PDFs say.
 */
import type { Lang } from '../../server/portal/portal-view.ts';
import {
  DEPOSIT_STATUS_LABELS,
  DOCUMENT_KIND_LABELS,
  INVOICE_STATUS_LABELS,
  PAYMENT_METHOD_LABELS,
  PAYMENT_STATUS_LABELS,
  QUOTE_STATUS_LABELS,
  RECEIPT_CANCELLED,
  RECEIPT_TYPE_LABELS,
  SECURITY_DEPOSIT,
  STAGE_LABELS,
  type Wording,
} from '../../server/domain/labels.ts';

/** `{ paid: {th, en} }` under prefix 'inv' → `{ 'inv.paid': th }` for one language. */
function labelKeys<P extends string, K extends string>(prefix: P, table: Record<K, Wording>, lang: Lang): Record<`${P}.${K}`, string> {
  const out = {} as Record<`${P}.${K}`, string>;
  for (const key of Object.keys(table) as K[]) out[`${prefix}.${key}`] = table[key][lang];
  return out;
}

function sharedLabels(lang: Lang) {
  return {
    ...labelKeys('inv', INVOICE_STATUS_LABELS, lang),
    ...labelKeys('quote', QUOTE_STATUS_LABELS, lang),
    ...labelKeys('dep', DEPOSIT_STATUS_LABELS, lang),
    ...labelKeys('payment', PAYMENT_STATUS_LABELS, lang),
    ...labelKeys('method', PAYMENT_METHOD_LABELS, lang),
    ...labelKeys('stage', STAGE_LABELS, lang),
    ...labelKeys('receipt', RECEIPT_TYPE_LABELS, lang),
    'receipt.cancelled': RECEIPT_CANCELLED[lang],
  };
}

const thProse = {
  'app.loading': 'กำลังโหลด…',
  'app.back': 'ย้อนกลับ',
  'app.none': '—',
  'app.timeSuffix': ' น.',
  'app.newWindow': '(เปิดหน้าต่างใหม่)',

  'lang.toggle': 'English',
  'lang.toggleLabel': 'Switch to English',

  'nav.label': 'เมนูหลัก',
  'nav.home': 'หน้าแรก',
  'nav.jobs': 'งาน',
  'nav.invoices': DOCUMENT_KIND_LABELS.invoice.th,
  'nav.deposits': SECURITY_DEPOSIT.th,
  'nav.documents': 'เอกสาร',

  'home.greeting': 'สวัสดี {name}',
  'home.intro': 'ภาพรวมงานและการชำระเงินของคุณกับ {business}',
  'home.toPay': 'รายการที่ต้องชำระ',
  'home.depositsToPay': 'เงินประกันที่รอชำระ',
  'home.quotes': 'ใบเสนอราคารอคุณพิจารณา',
  'home.activeJobs': 'งานที่กำลังดำเนินการ',
  'home.allJobs': 'ดูงานทั้งหมด',
  'home.caughtUpTitle': 'เรียบร้อยทั้งหมด',
  'home.caughtUpBody': 'ไม่มียอดค้างชำระ และไม่มีรายการที่รอคุณดำเนินการ',
  'home.expires': 'ลิงก์นี้ใช้ได้ถึง {date}',

  'pay.button': 'ชำระเงิน',
  'pay.title': 'ชำระผ่านพร้อมเพย์',
  'pay.amount': 'ยอดที่ต้องชำระ',
  'pay.netAmount': 'ยอดโอนสุทธิ (หักภาษี ณ ที่จ่ายแล้ว)',
  'pay.whtNote': 'ใบแจ้งหนี้นี้หักภาษี ณ ที่จ่าย {amount} ยอดใน QR คือยอดสุทธิที่ต้องโอน กรุณาส่งหนังสือรับรองการหักภาษี ณ ที่จ่าย (50 ทวิ) ให้เราด้วย',
  'pay.qrAlt': 'คิวอาร์โค้ดพร้อมเพย์ ยอด {amount}',
  'pay.payee': 'ชื่อผู้รับเงิน',
  'pay.promptPayId': PAYMENT_METHOD_LABELS.promptpay.th,
  'pay.saveQr': 'บันทึกรูป QR',
  'pay.howTo': 'สแกนด้วยแอปธนาคารใดก็ได้ หรือบันทึกรูป QR แล้วเลือกรูปจากแอปธนาคารในโทรศัพท์เครื่องนี้',

  'paid.open': 'ฉันชำระแล้ว',
  'paid.title': 'แจ้งชำระเงิน',
  'paid.slip': 'รูปสลิปการโอนเงิน',
  'paid.slipHint': 'ถ่ายรูป หรือเลือกภาพหน้าจอสลิปจากอัลบั้ม (JPEG, PNG หรือ WebP ไม่เกิน 5 MB)',
  'paid.amount': 'จำนวนเงินที่โอน (บาท)',
  'paid.cert': 'หนังสือรับรองการหักภาษี ณ ที่จ่าย (50 ทวิ) ถ้ามี',
  'paid.certHint': 'รูปภาพหรือไฟล์ PDF ไม่เกิน 5 MB',
  'paid.send': 'ส่งแจ้งชำระ',
  'paid.sending': 'กำลังส่ง…',
  'paid.cancel': 'ยกเลิก',
  'paid.waiting': PAYMENT_STATUS_LABELS.pending_review.th,
  'paid.waitingItem': '{amount} · ส่งเมื่อ {date}',
  'paid.waitingNote': 'เราได้รับสลิปแล้ว จะส่งใบเสร็จให้เมื่อยืนยันยอดเงิน',
  'paid.badAmount': 'กรุณาระบุจำนวนเงินเป็นตัวเลข เช่น 1500 หรือ 1500.50',
  'paid.noSlip': 'กรุณาเลือกรูปสลิปการโอนเงิน',
  'paid.failed': 'ส่งไม่สำเร็จ กรุณาลองใหม่อีกครั้ง',
  'paid.pendingFact': 'แจ้งชำระแล้ว รอตรวจสอบ',

  'invoices.title': DOCUMENT_KIND_LABELS.invoice.th,
  'invoices.outstanding': 'ค้างชำระ',
  'invoices.others': 'ชำระแล้วและอื่น ๆ',
  'invoices.empty': 'ยังไม่มีใบแจ้งหนี้',
  'invoices.receiptsLink': 'ใบเสร็จรับเงินทั้งหมด',
  'invoice.title': 'ใบแจ้งหนี้ {number}',
  'invoice.due': 'ครบกำหนด {date}',
  'invoice.issueDate': 'วันที่ออก',
  'invoice.dueDate': 'วันครบกำหนด',
  'invoice.taxInvoice': 'ใบกำกับภาษีเลขที่',
  'invoice.job': 'งาน',
  'invoice.total': 'ยอดรวม',
  'invoice.paid': 'ยอดที่ชำระแล้ว',
  'invoice.balance': 'ยอดค้างชำระ',
  'invoice.items': 'รายการ',
  'invoice.payments': 'การชำระเงิน',
  'invoice.noPayments': 'ยังไม่มีการชำระเงิน',
  'invoice.receiptNo': 'ใบเสร็จ {number}',
  'invoice.notFound': 'ไม่พบใบแจ้งหนี้นี้',

  'totals.subtotal': 'รวมเป็นเงิน',
  'totals.discount': 'ส่วนลด',
  'totals.vat': 'ภาษีมูลค่าเพิ่ม',
  'totals.vatIncluded': 'ภาษีมูลค่าเพิ่ม (รวมในราคาแล้ว)',
  'totals.total': 'จำนวนเงินรวมทั้งสิ้น',
  'totals.wht': 'หักภาษี ณ ที่จ่าย',
  'totals.net': 'ยอดชำระสุทธิ',
  'totals.grossInclusive': 'รวมเป็นเงิน (รวม VAT)',
  'totals.beforeVat': 'มูลค่าก่อนภาษี',
  'totals.afterDiscount': 'ยอดหลังหักส่วนลด',
  'totals.vatRate': 'ภาษีมูลค่าเพิ่ม {rate}',
  'totals.whtRate': 'หักภาษี ณ ที่จ่าย {rate}',
  'line.qtyPrice': '{qty} × {price}',

  'jobs.title': 'งาน',
  'jobs.tabsLabel': 'ช่วงเวลาของงาน',
  'jobs.active': 'กำลังดำเนินการ',
  'jobs.upcoming': 'กำลังจะมาถึง',
  'jobs.past': 'ที่ผ่านมา',
  'jobs.emptyActive': 'ไม่มีงานที่กำลังดำเนินการ',
  'jobs.emptyUpcoming': 'ไม่มีงานที่กำลังจะมาถึง',
  'jobs.emptyPast': 'ยังไม่มีงานที่เสร็จสิ้น',
  'job.title': 'งาน {number}',
  'job.progress': 'สถานะงาน',
  'job.pendingStep': 'ยังไม่ถึงขั้นตอนนี้',
  'job.currentStep': 'ขั้นตอนปัจจุบัน',
  'job.dates': 'วันที่',
  'job.site': 'สถานที่',
  'job.equipment': 'อุปกรณ์',
  'job.documents': 'เอกสารของงานนี้',
  'job.live': 'อัปเดตสถานะอัตโนมัติ',
  'job.reconnecting': 'กำลังเชื่อมต่อใหม่…',
  'job.notFound': 'ไม่พบงานนี้',

  'quotes.title': DOCUMENT_KIND_LABELS.quote.th,
  'quotes.empty': 'ยังไม่มีใบเสนอราคา',
  'quote.title': 'ใบเสนอราคา {number}',
  'quote.issueDate': 'วันที่ออก',
  'quote.validUntil': 'ใช้ได้ถึง',
  'quote.validUntilShort': 'ใช้ได้ถึง {date}',
  'quote.deposit': 'เงินประกัน (คืนได้)',
  'quote.signed': 'ลงนามโดย {name} เมื่อ {date}',
  'quote.declineReason': 'เหตุผลที่ปฏิเสธ: {reason}',
  'quote.notFound': 'ไม่พบใบเสนอราคานี้',
  'quote.note': 'หมายเหตุ',
  'quote.depositAfterAccept': 'เงินประกันชำระหลังจากคุณยอมรับใบเสนอราคา',
  'quote.expiredOnLabel': 'หมดอายุเมื่อ',
  'quote.expiredOn': 'ใบเสนอราคานี้หมดอายุเมื่อ {date}',
  'quote.expiredHelp': 'หากยังต้องการใช้บริการ กรุณาติดต่อเราตามช่องทางด้านล่างเพื่อขอใบเสนอราคาใหม่',
  'quote.respondTitle': 'ตอบรับใบเสนอราคา',
  'quote.respondHelp': 'ตรวจสอบรายละเอียดด้านบน แล้วกดยอมรับและลงนาม หรือปฏิเสธ',
  'quote.accept': 'ยอมรับและลงนาม',
  'quote.decline': 'ปฏิเสธใบเสนอราคา',
  'quote.opening': 'กำลังเปิด…',
  'quote.loadFailed': 'เปิดช่องลงนามไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง',

  'sign.title': 'ยอมรับและลงนามใบเสนอราคา {number}',
  'sign.name': 'ชื่อ-นามสกุลผู้ลงนาม',
  'sign.pad': 'ลายมือชื่อ',
  'sign.padHelp': 'เซ็นชื่อในกรอบด้วยนิ้ว ปากกา หรือเมาส์',
  'sign.clear': 'ล้างลายเซ็น',
  'sign.consent': 'ข้าพเจ้ายอมรับใบเสนอราคาเลขที่ {number} ยอดรวม {total} และตกลงว่าลายมือชื่ออิเล็กทรอนิกส์นี้มีผลเช่นเดียวกับการลงลายมือชื่อด้วยตนเอง',
  'sign.confirm': 'ยืนยันและลงนาม',
  'sign.sending': 'กำลังส่ง…',
  'sign.cancel': 'ยกเลิก',
  'sign.errName': 'กรุณาพิมพ์ชื่อผู้ลงนาม',
  'sign.errEmpty': 'ยังไม่มีลายเซ็น กรุณาเซ็นชื่อในกรอบก่อนยืนยัน',
  'sign.errSmall': 'ลายเซ็นเล็กเกินไป กรุณาเซ็นชื่อให้เต็มกรอบ',
  'sign.errConsent': 'กรุณาทำเครื่องหมายยินยอมด้านบนก่อนยืนยัน',
  'sign.errNetwork': 'ส่งไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง',

  'accepted.title': 'ลงนามแล้ว',
  'accepted.signedBy': 'ลงนามโดย {name}',
  'accepted.copySent': 'เราจะส่งสำเนาใบเสนอราคาที่ลงนามแล้วให้คุณทาง LINE หรืออีเมล',
  'accepted.signedPdf': 'เปิดใบเสนอราคาที่ลงนามแล้ว (PDF)',
  'accepted.thanksBody': 'ขอบคุณที่ตอบรับใบเสนอราคา เราจะติดต่อกลับเพื่อยืนยันวันและรายละเอียดงาน หากมีคำถาม ติดต่อเราได้ตามช่องทางด้านล่าง',
  'accepted.nextDeposit': 'ขั้นต่อไป: ชำระเงินประกัน {number}',
  'accepted.saveQrHint': 'กดค้างที่รูป QR เพื่อบันทึกรูป แล้วเปิดจากแอปธนาคาร',
  'accepted.payDeposit': 'ชำระเงินประกัน {amount}',

  'decline.title': 'ปฏิเสธใบเสนอราคา {number}',
  'decline.body': 'เมื่อปฏิเสธแล้ว จะยอมรับใบเสนอราคานี้ไม่ได้อีก',
  'decline.reason': 'เหตุผล (ไม่บังคับ)',
  'decline.confirm': 'ยืนยันการปฏิเสธ',
  'decline.doneTitle': 'คุณปฏิเสธใบเสนอราคานี้แล้ว',
  'decline.doneBody': 'ขอบคุณที่แจ้งให้เราทราบ หากเปลี่ยนใจหรือต้องการใบเสนอราคาใหม่ ติดต่อเราได้ตามช่องทางด้านล่าง',

  'deposits.title': SECURITY_DEPOSIT.th,
  'deposits.empty': 'ยังไม่มีเงินประกัน',
  'deposit.title': 'เงินประกัน {number}',
  'deposit.note': 'เงินประกันความเสียหาย คืนได้เมื่อส่งคืนอุปกรณ์ครบถ้วน',
  'deposit.quote': DOCUMENT_KIND_LABELS.quote.th,
  'deposit.job': 'งาน',
  'deposit.required': 'ยอดเงินประกัน',
  'deposit.held': 'ถือไว้',
  'deposit.returned': 'คืนแล้ว',
  'deposit.deducted': 'หัก',
  'deposit.entries': 'ความเคลื่อนไหว',
  'deposit.collection': 'รับเงินประกัน',
  'deposit.return': 'คืนเงินประกัน',
  'deposit.deductedAmount': 'หัก {amount}',

  'receipts.title': RECEIPT_TYPE_LABELS.RC.th,
  'receipts.empty': 'ยังไม่มีใบเสร็จรับเงิน',

  'docs.title': 'เอกสาร',
  'docs.empty': 'ยังไม่มีเอกสาร',
  'docs.all': 'ดาวน์โหลดทั้งหมด (ZIP)',
  'docs.view': 'เปิดดู',
  'docs.download': 'ดาวน์โหลด',
  'docs.viewLabel': 'เปิดดู {name}',
  'docs.downloadLabel': 'ดาวน์โหลด {name}',
  'docs.more': 'ดูเพิ่มเติม',

  'unavailable.title': 'ไม่สามารถเปิดลิงก์นี้ได้',
  'unavailable.body': 'ลิงก์นี้ไม่สามารถใช้เปิดดูข้อมูลได้ คุณสามารถขอลิงก์ใหม่ หรือติดต่อเราได้ตามช่องทางด้านล่าง',
  'unavailable.recover': 'ส่งลิงก์ใหม่ให้ฉัน',
  'unavailable.sending': 'กำลังส่งคำขอ…',
  'unavailable.sent': 'หากเรามีข้อมูลติดต่อของคุณอยู่แล้ว เราได้ส่งลิงก์ใหม่ไปให้ทาง LINE อีเมล หรือ SMS',
  'busy.title': 'มีการใช้งานถี่เกินไป',
  'busy.body': 'มีการเปิดลิงก์จากเครือข่ายนี้บ่อยเกินไป กรุณารอสักครู่แล้วลองใหม่อีกครั้ง หากต้องการความช่วยเหลือ ติดต่อเราได้ตามช่องทางด้านล่าง',

  'contact.title': 'ติดต่อเรา',
  'contact.line': 'แชททาง LINE',
  'contact.call': 'โทร {phone}',
  'contact.email': 'ส่งอีเมล',

  'friend.text': 'เพิ่ม {name} เป็นเพื่อนใน LINE เพื่อรับแจ้งสถานะงานและใบแจ้งหนี้',
  'friend.add': 'เพิ่มเพื่อน',
  'friend.dismiss': 'ปิดข้อความนี้',

  'lineBind.ask': 'รับการแจ้งเตือนของ {customer} ใน LINE บัญชีนี้ไหม?',
  'lineBind.askBody': 'ใบแจ้งหนี้ การแจ้งเตือนชำระเงิน และสถานะงานจะส่งมาที่บัญชี LINE นี้ และ {business} จะเห็นชื่อ LINE ของคุณ',
  'lineBind.yes': 'ใช่',
  'lineBind.later': 'ไว้ทีหลัง',
  'lineBind.done': 'บัญชี LINE นี้จะได้รับการแจ้งเตือนของ {customer} แล้ว',
  'lineBind.addFriend': 'เพิ่ม {business} เป็นเพื่อนใน LINE เพื่อให้การแจ้งเตือนส่งถึงคุณ',
  'lineBind.limit': '{customer} มีบัญชี LINE รับการแจ้งเตือนครบ 3 บัญชีแล้ว หากต้องการใช้บัญชีนี้ กรุณาติดต่อ {business} ให้ยกเลิกบัญชีเดิม',
  'lineBind.failed': 'เชื่อมบัญชี LINE ไม่สำเร็จ กรุณาลองใหม่ภายหลัง',

  'error.title': 'โหลดข้อมูลไม่สำเร็จ',
  'error.body': 'กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ต แล้วลองอีกครั้ง',
  'error.retry': 'ลองอีกครั้ง',
  'error.generic': 'เกิดข้อผิดพลาด กรุณาลองอีกครั้ง',
  'notFound.title': 'ไม่พบหน้านี้',
  'notFound.home': 'กลับหน้าแรก',
};

const th = { ...thProse, ...sharedLabels('th') };

export type MessageKey = keyof typeof th;

const enProse: Record<keyof typeof thProse, string> = {
  'app.loading': 'Loading…',
  'app.back': 'Back',
  'app.none': '—',
  'app.timeSuffix': '',
  'app.newWindow': '(opens in a new window)',

  'lang.toggle': 'ไทย',
  'lang.toggleLabel': 'เปลี่ยนเป็นภาษาไทย',

  'nav.label': 'Main menu',
  'nav.home': 'Home',
  'nav.jobs': 'Jobs',
  'nav.invoices': 'Invoices',
  'nav.deposits': 'Deposits',
  'nav.documents': 'Documents',

  'home.greeting': 'Hello, {name}',
  'home.intro': 'Your jobs and payments with {business}',
  'home.toPay': 'To pay',
  'home.depositsToPay': 'Deposits to pay',
  'home.quotes': 'Quotes awaiting your reply',
  'home.activeJobs': 'Jobs in progress',
  'home.allJobs': 'See all jobs',
  'home.caughtUpTitle': 'You’re all caught up',
  'home.caughtUpBody': 'Nothing to pay and nothing waiting for you.',
  'home.expires': 'This link works until {date}',

  'pay.button': 'Pay',
  'pay.title': 'Pay with PromptPay',
  'pay.amount': 'Amount to pay',
  'pay.netAmount': 'Net amount to transfer (after withholding tax)',
  'pay.whtNote':
    'This invoice has {amount} withholding tax. The QR is for the net amount to transfer. Please send us the withholding tax certificate (50 Tawi).',
  'pay.qrAlt': 'PromptPay QR code for {amount}',
  'pay.payee': 'Payee',
  'pay.promptPayId': 'PromptPay',
  'pay.saveQr': 'Save QR image',
  'pay.howTo': 'Scan with any Thai banking app, or save the QR image and open it from the banking app on this phone.',

  'paid.open': 'I have paid',
  'paid.title': 'Tell us you have paid',
  'paid.slip': 'Transfer slip',
  'paid.slipHint': 'Take a photo, or choose the slip screenshot from your gallery (JPEG, PNG or WebP, up to 5 MB).',
  'paid.amount': 'Amount transferred (baht)',
  'paid.cert': 'Withholding tax certificate (50 Tawi), if you have it',
  'paid.certHint': 'A picture or a PDF, up to 5 MB.',
  'paid.send': 'Send',
  'paid.sending': 'Sending…',
  'paid.cancel': 'Cancel',
  'paid.waiting': 'Waiting for confirmation',
  'paid.waitingItem': '{amount} · sent {date}',
  'paid.waitingNote': 'We have your slip; you will get the receipt once we confirm the payment.',
  'paid.badAmount': 'Enter the amount as a number, e.g. 1500 or 1500.50',
  'paid.noSlip': 'Please choose the picture of your transfer slip',
  'paid.failed': 'Could not send; please try again',
  'paid.pendingFact': 'Sent, waiting for confirmation',

  'invoices.title': 'Invoices',
  'invoices.outstanding': 'To pay',
  'invoices.others': 'Paid and other invoices',
  'invoices.empty': 'No invoices yet',
  'invoices.receiptsLink': 'All receipts',
  'invoice.title': 'Invoice {number}',
  'invoice.due': 'Due {date}',
  'invoice.issueDate': 'Issued',
  'invoice.dueDate': 'Due date',
  'invoice.taxInvoice': 'Tax invoice no.',
  'invoice.job': 'Job',
  'invoice.total': 'Total',
  'invoice.paid': 'Paid',
  'invoice.balance': 'Balance due',
  'invoice.items': 'Items',
  'invoice.payments': 'Payments',
  'invoice.noPayments': 'No payments yet',
  'invoice.receiptNo': 'Receipt {number}',
  'invoice.notFound': 'Invoice not found',

  'totals.subtotal': 'Subtotal',
  'totals.discount': 'Discount',
  'totals.vat': 'VAT',
  'totals.vatIncluded': 'VAT (included in prices)',
  'totals.total': 'Total',
  'totals.wht': 'Withholding tax',
  'totals.net': 'Net payable',
  'totals.grossInclusive': 'Total incl. VAT',
  'totals.beforeVat': 'Amount before VAT',
  'totals.afterDiscount': 'After discount',
  'totals.vatRate': 'VAT {rate}',
  'totals.whtRate': 'Withholding tax {rate}',
  'line.qtyPrice': '{qty} × {price}',

  'jobs.title': 'Jobs',
  'jobs.tabsLabel': 'Job timing',
  'jobs.active': 'Active',
  'jobs.upcoming': 'Upcoming',
  'jobs.past': 'Past',
  'jobs.emptyActive': 'No jobs in progress',
  'jobs.emptyUpcoming': 'No upcoming jobs',
  'jobs.emptyPast': 'No past jobs yet',
  'job.title': 'Job {number}',
  'job.progress': 'Progress',
  'job.pendingStep': 'Not reached yet',
  'job.currentStep': 'Current step',
  'job.dates': 'Dates',
  'job.site': 'Site',
  'job.equipment': 'Equipment',
  'job.documents': 'Documents for this job',
  'job.live': 'Updates live',
  'job.reconnecting': 'Reconnecting…',
  'job.notFound': 'Job not found',

  'quotes.title': 'Quotes',
  'quotes.empty': 'No quotes yet',
  'quote.title': 'Quote {number}',
  'quote.issueDate': 'Issued',
  'quote.validUntil': 'Valid until',
  'quote.validUntilShort': 'Valid until {date}',
  'quote.deposit': 'Refundable security deposit',
  'quote.signed': 'Signed by {name} on {date}',
  'quote.declineReason': 'Reason for declining: {reason}',
  'quote.notFound': 'Quote not found',
  'quote.note': 'Note',
  'quote.depositAfterAccept': 'The deposit is paid after you accept the quote.',
  'quote.expiredOnLabel': 'Expired on',
  'quote.expiredOn': 'This quote expired on {date}.',
  'quote.expiredHelp': 'If you would still like to go ahead, contact us below for a new quote.',
  'quote.respondTitle': 'Your answer',
  'quote.respondHelp': 'Check the details above, then accept and sign, or decline.',
  'quote.accept': 'Accept & sign',
  'quote.decline': 'Decline quote',
  'quote.opening': 'Opening…',
  'quote.loadFailed': 'Couldn’t open the signing box. Check your connection and try again.',

  'sign.title': 'Accept & sign quote {number}',
  'sign.name': 'Your full name',
  'sign.pad': 'Signature',
  'sign.padHelp': 'Sign in the box with your finger, a stylus or the mouse.',
  'sign.clear': 'Clear signature',
  'sign.consent': 'I accept quotation {number} for {total} and agree that this electronic signature has the same effect as my handwritten signature.',
  'sign.confirm': 'Confirm and sign',
  'sign.sending': 'Sending…',
  'sign.cancel': 'Cancel',
  'sign.errName': 'Please type your name.',
  'sign.errEmpty': 'There is no signature yet. Please sign in the box before confirming.',
  'sign.errSmall': 'The signature is too small. Please sign across the box.',
  'sign.errConsent': 'Please tick the box above to agree before confirming.',
  'sign.errNetwork': 'We couldn’t send it. Please check your internet connection and try again.',

  'accepted.title': 'Signed',
  'accepted.signedBy': 'Signed by {name}',
  'accepted.copySent': 'A copy of the signed quote is on its way to you by LINE or email.',
  'accepted.signedPdf': 'Open the signed quote (PDF)',
  'accepted.thanksBody': 'Accepted — thank you. We’ll be in touch to confirm the dates and details. Questions? Contact us below.',
  'accepted.nextDeposit': 'Next: pay security deposit {number}',
  'accepted.saveQrHint': 'Press and hold the QR image to save it, then open it from your banking app.',
  'accepted.payDeposit': 'Pay the security deposit, {amount}',

  'decline.title': 'Decline quote {number}',
  'decline.body': 'Once declined, this quote can no longer be accepted.',
  'decline.reason': 'Reason (optional)',
  'decline.confirm': 'Decline quote',
  'decline.doneTitle': 'You declined this quote',
  'decline.doneBody': 'Thank you for letting us know. If you change your mind or would like a different quote, contact us below.',

  'deposits.title': 'Deposits',
  'deposits.empty': 'No deposits yet',
  'deposit.title': 'Deposit {number}',
  'deposit.note': 'Refundable security deposit, returned when all equipment is back in good order.',
  'deposit.quote': 'Quote',
  'deposit.job': 'Job',
  'deposit.required': 'Required',
  'deposit.held': 'Held',
  'deposit.returned': 'Returned',
  'deposit.deducted': 'Deducted',
  'deposit.entries': 'History',
  'deposit.collection': 'Deposit received',
  'deposit.return': 'Deposit returned',
  'deposit.deductedAmount': '{amount} deducted',

  'receipts.title': 'Receipts',
  'receipts.empty': 'No receipts yet',

  'docs.title': 'Documents',
  'docs.empty': 'No documents yet',
  'docs.all': 'Download all (ZIP)',
  'docs.view': 'View',
  'docs.download': 'Download',
  'docs.viewLabel': 'View {name}',
  'docs.downloadLabel': 'Download {name}',
  'docs.more': 'More',

  'unavailable.title': 'This link can’t be opened',
  'unavailable.body': 'This link can’t be used to open your account. You can ask for a new link, or contact us below.',
  'unavailable.recover': 'Send me a new link',
  'unavailable.sending': 'Sending your request…',
  'unavailable.sent': 'If we have your contact details on file, a fresh link is on its way by LINE, email or SMS.',
  'busy.title': 'Too many requests',
  'busy.body': 'Links were opened too often from this network. Please wait a few minutes and try again, or contact us below.',

  'contact.title': 'Contact us',
  'contact.line': 'Chat on LINE',
  'contact.call': 'Call {phone}',
  'contact.email': 'Email us',

  'friend.text': 'Add {name} as a LINE friend to get job updates and invoices.',
  'friend.add': 'Add friend',
  'friend.dismiss': 'Dismiss',

  'lineBind.ask': 'Receive updates for {customer} in this LINE account?',
  'lineBind.askBody': 'Invoices, payment reminders and job updates will come to this LINE account, and {business} will see your LINE name.',
  'lineBind.yes': 'Yes',
  'lineBind.later': 'Not now',
  'lineBind.done': 'This LINE account now receives updates for {customer}.',
  'lineBind.addFriend': 'Add {business} as a LINE friend so the updates can reach you.',
  'lineBind.limit': '{customer} already has 3 LINE accounts receiving updates. To use this one, ask {business} to remove one.',
  'lineBind.failed': 'This LINE account could not be connected. Please try again later.',

  'error.title': 'We couldn’t load your information',
  'error.body': 'Please check your internet connection and try again.',
  'error.retry': 'Try again',
  'error.generic': 'Something went wrong. Please try again.',
  'notFound.title': 'Page not found',
  'notFound.home': 'Back to home',
};

const en: Record<MessageKey, string> = { ...enProse, ...sharedLabels('en') };

const dictionaries: Record<Lang, Record<MessageKey, string>> = { th, en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const dict = dictionaries[lang];
  return (key, vars) => {
    const text = dict[key];
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}

const LANG_KEY = 'portal.lang';

/** The device's remembered choice wins over the customer's preferred language; Thai otherwise. */
export function initialLang(preferred: Lang | undefined): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved === 'th' || saved === 'en') return saved;
  } catch {
    /* storage blocked: fall through */
  }
  return preferred ?? 'th';
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* storage blocked: choice lasts this visit */
  }
}
