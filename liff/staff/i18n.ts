/**
 * Every string of the staff app, Thai and English. Names of documents, stages, statuses and
 * methods come from the server's shared label table (an import-free module), so staff read the
 * words their clients read.
 */
import {
  DOCUMENT_KIND_LABELS,
  INVOICE_STATUS_LABELS,
  PAYMENT_METHOD_LABELS,
  PAYMENT_STATUS_LABELS,
  QUOTE_STATUS_LABELS,
  RECEIPT_TYPE_LABELS,
  SECURITY_DEPOSIT,
  STAGE_LABELS,
  type Lang,
  type Wording,
} from '../../server/domain/labels.ts';

export type { Lang };

function labelKeys<P extends string, K extends string>(prefix: P, table: Record<K, Wording>, lang: Lang): Record<`${P}.${K}`, string> {
  const out = {} as Record<`${P}.${K}`, string>;
  for (const key of Object.keys(table) as K[]) out[`${prefix}.${key}`] = table[key][lang];
  return out;
}

function shared(lang: Lang) {
  return {
    ...labelKeys('inv', INVOICE_STATUS_LABELS, lang),
    ...labelKeys('quote', QUOTE_STATUS_LABELS, lang),
    ...labelKeys('method', PAYMENT_METHOD_LABELS, lang),
    ...labelKeys('payment', PAYMENT_STATUS_LABELS, lang),
    ...labelKeys('stage', STAGE_LABELS, lang),
    ...labelKeys('receipt', RECEIPT_TYPE_LABELS, lang),
    'doc.quote': DOCUMENT_KIND_LABELS.quote[lang],
    'doc.invoice': DOCUMENT_KIND_LABELS.invoice[lang],
    'doc.deposit': SECURITY_DEPOSIT[lang],
  };
}

const th = {
  'app.title': 'ร้านของฉัน',
  'app.loading': 'กำลังโหลด…',
  'app.back': 'ย้อนกลับ',
  'app.langToggle': 'English',
  'app.langToggleLabel': 'Switch to English',
  'app.retry': 'ลองอีกครั้ง',
  'app.save': 'บันทึก',
  'app.cancel': 'ยกเลิก',
  'app.none': '—',
  'app.newWindow': '(เปิดหน้าต่างใหม่)',
  'app.errorGeneric': 'เกิดข้อผิดพลาด ลองอีกครั้ง',
  'app.errorNetwork': 'เชื่อมต่อไม่ได้ ตรวจสอบอินเทอร์เน็ตแล้วลองอีกครั้ง',
  'app.notAvailable': 'ยังไม่มีข้อมูลนี้บนเซิร์ฟเวอร์',

  'signin.busy': 'กำลังเข้าสู่ระบบด้วย LINE…',
  'signin.login': 'เข้าสู่ระบบด้วย LINE',
  'signin.failed': 'เข้าสู่ระบบไม่สำเร็จ',
  'signin.notSetUp': 'ยังไม่ได้ตั้งค่าแอปพนักงาน (STAFF_LIFF_ID)',
  'notStaff.title': 'บัญชี LINE นี้ไม่ใช่พนักงานของร้าน',
  'notStaff.body': 'แอปนี้ใช้ได้เฉพาะพนักงานที่ลงทะเบียนแล้ว ถ้าคุณเป็นพนักงาน ขอรหัสเชิญจากเจ้าของร้าน',
  signout: 'ออกจากระบบ',

  'nav.label': 'เมนูหลัก',
  'nav.today': 'วันนี้',
  'nav.customers': 'ลูกค้า',
  'nav.jobs': 'งาน',
  'nav.money': 'การเงิน',
  'nav.business': 'ร้าน',

  'today.title': 'วันนี้',
  'today.overdue': 'ใบแจ้งหนี้เกินกำหนด',
  'today.notices': 'แจ้งชำระรอตรวจ',
  'today.depositsToReturn': 'เงินประกันที่ต้องคืน',
  'today.jobsToday': 'งานที่เคลื่อนวันนี้',
  'today.nothing': 'ไม่มีรายการ',

  'customers.title': 'ลูกค้า',
  'customers.search': 'ค้นหาลูกค้า',
  'customers.searchHint': 'ชื่อ บริษัท เบอร์โทร หรืออีเมล',
  'customers.new': 'เพิ่มลูกค้า',
  'customers.none': 'ไม่พบลูกค้า',
  'customers.more': 'ดูเพิ่ม',

  'customer.newTitle': 'ลูกค้าใหม่',
  'customer.editTitle': 'แก้ไขลูกค้า',
  'customer.edit': 'แก้ไข',
  'customer.name': 'ชื่อ',
  'customer.companyName': 'ชื่อบริษัท',
  'customer.taxId': 'เลขประจำตัวผู้เสียภาษี',
  'customer.branchCode': 'รหัสสาขา (00000 = สำนักงานใหญ่)',
  'customer.address': 'ที่อยู่',
  'customer.phone': 'โทรศัพท์',
  'customer.email': 'อีเมล',
  'customer.language': 'ภาษาของลูกค้า',
  'customer.notes': 'หมายเหตุ',
  'customer.overview': 'ภาพรวม',
  'customer.balance': 'ยอดค้างชำระ',
  'customer.overdue': 'เกินกำหนด {count} ใบ',
  'customer.depositsHeld': 'เงินประกันที่ถือไว้',
  'customer.line': 'LINE',
  'customer.lineBound': 'ผูกบัญชีแล้ว',
  'customer.lineNotBound': 'ยังไม่ผูกบัญชี',
  'customer.lastSeen': 'เปิดดูล่าสุด',
  'customer.openJobs': 'งานที่เปิดอยู่',
  'customer.openInvoices': 'ใบแจ้งหนี้ค้าง',
  'customer.newQuote': 'ทำใบเสนอราคา',
  'customer.newInvoice': 'ทำใบแจ้งหนี้',
  'customer.links': 'ลิงก์พอร์ทัล',
  'customer.sendLink': 'ส่งลิงก์ให้ลูกค้า',
  'customer.revokeLinks': 'ยกเลิกลิงก์ทั้งหมด',
  'customer.linkSent': 'ส่งลิงก์แล้วทาง {channel}',
  'customer.linksRevoked': 'ยกเลิกลิงก์แล้ว {count} ลิงก์',

  'editor.quoteTitle': 'ใบเสนอราคาใหม่',
  'editor.invoiceTitle': 'ใบแจ้งหนี้ใหม่',
  'editor.for': 'ลูกค้า: {name}',
  'editor.lines': 'รายการ',
  'editor.line': 'รายการที่ {n}',
  'editor.description': 'รายละเอียด',
  'editor.quantity': 'จำนวน',
  'editor.unit': 'หน่วย',
  'editor.unitDays': 'วัน',
  'editor.unitUnits': 'ชิ้น',
  'editor.unitPrice': 'ราคาต่อหน่วย (บาท)',
  'editor.addLine': 'เพิ่มรายการ',
  'editor.removeLine': 'ลบรายการที่ {n}',
  'editor.discount': 'ส่วนลด (บาท)',
  'editor.vatMode': 'ภาษีมูลค่าเพิ่ม',
  'editor.vat.exclusive': 'บวก VAT 7% เพิ่ม',
  'editor.vat.inclusive': 'ราคารวม VAT แล้ว',
  'editor.vat.none': 'ไม่มี VAT',
  'editor.withholding': 'หัก ณ ที่จ่าย (%)',
  'editor.deposit': 'เงินประกัน (บาท)',
  'editor.validUntil': 'ยืนราคาถึง',
  'editor.dueDate': 'ครบกำหนดชำระ',
  'editor.notes': 'หมายเหตุ',
  'editor.totals': 'ยอดรวม',
  'editor.subtotal': 'ยอดก่อน VAT',
  'editor.discountRow': 'ส่วนลด',
  'editor.vat': 'VAT',
  'editor.total': 'ยอดรวมทั้งสิ้น',
  'editor.withholdingRow': 'หัก ณ ที่จ่าย',
  'editor.netPayable': 'ยอดที่ลูกค้าโอน',
  'editor.create': 'บันทึกร่าง',
  'editor.fixFirst': 'แก้ช่องที่มีปัญหาก่อน: {field}',
  'editor.fromQuote': 'จากใบเสนอราคา {number}',

  'doc.status': 'สถานะ',
  'doc.number': 'เลขที่',
  'doc.issueDate': 'วันที่',
  'doc.preview': 'ดู PDF',
  'doc.send': 'ส่งให้ลูกค้า',
  'doc.channel': 'ช่องทาง',
  'doc.channelAuto': 'อัตโนมัติ (LINE ถ้าผูกแล้ว)',
  'doc.channel.line': 'LINE',
  'doc.channel.email': 'อีเมล',
  'doc.channel.sms': 'SMS',
  'doc.sent': 'ส่งแล้วทาง {channel}',
  'doc.toInvoice': 'ทำใบแจ้งหนี้จากใบเสนอราคานี้',
  'doc.balance': 'ยอดคงค้าง',
  'doc.paid': 'ยอดที่รับแล้ว',

  'pay.title': 'บันทึกการรับเงิน',
  'pay.amount': 'จำนวนเงิน (บาท)',
  'pay.method': 'วิธีชำระ',
  'pay.reference': 'เลขอ้างอิง (ถ้ามี)',
  'pay.record': 'บันทึกการรับเงิน',
  'pay.recorded': 'บันทึกแล้ว: {number}',
  'pay.receipt': 'ดูใบเสร็จ',

  'void.title': 'ยกเลิกใบแจ้งหนี้นี้',
  'void.reason': 'เหตุผลที่ยกเลิก',
  'void.confirm': 'ยืนยันการยกเลิก',

  'jobs.title': 'งาน',
  'jobs.move': 'เปลี่ยนขั้นงาน',
  'jobs.moveTo': 'ย้ายไป',
  'jobs.note': 'บันทึกถึงลูกค้า (ถ้ามี)',
  'jobs.moved': 'ย้ายงาน {number} แล้ว',

  'money.title': 'การเงิน',
  'money.notices': 'แจ้งชำระรอตรวจ',
  'money.amount': 'ยอดที่ลูกค้าแจ้ง',
  'money.transRef': 'เลขอ้างอิงสลิป',
  'money.sentAt': 'แจ้งเมื่อ',
  'money.confirm': 'ยืนยัน',
  'money.reject': 'ปฏิเสธ',
  'money.rejectReason': 'เหตุผลที่ปฏิเสธ',
  'money.slip': 'สลิปของ {number}',

  'business.title': 'ข้อมูลร้าน',
  'business.ownerOnly': 'เฉพาะเจ้าของร้านแก้ไขข้อมูลร้านได้',
  'business.name': 'ชื่อร้าน (ไทย)',
  'business.nameEn': 'ชื่อร้าน (อังกฤษ)',
  'business.address': 'ที่อยู่',
  'business.taxId': 'เลขประจำตัวผู้เสียภาษี',
  'business.branchCode': 'รหัสสาขา',
  'business.promptPayId': 'รหัสพร้อมเพย์ (เบอร์มือถือหรือเลขผู้เสียภาษี)',
  'business.promptPayName': 'ชื่อบัญชีพร้อมเพย์',
  'business.phone': 'โทรศัพท์',
  'business.email': 'อีเมล',
  'business.saved': 'บันทึกข้อมูลร้านแล้ว',
  saved: 'บันทึกแล้ว',
};

type Key = keyof typeof th | keyof ReturnType<typeof shared>;

const en: Record<keyof typeof th, string> = {
  'app.title': 'My shop',
  'app.loading': 'Loading…',
  'app.back': 'Back',
  'app.langToggle': 'ไทย',
  'app.langToggleLabel': 'เปลี่ยนเป็นภาษาไทย',
  'app.retry': 'Try again',
  'app.save': 'Save',
  'app.cancel': 'Cancel',
  'app.none': '—',
  'app.newWindow': '(opens a new window)',
  'app.errorGeneric': 'Something went wrong. Please try again.',
  'app.errorNetwork': 'Cannot connect. Check the internet connection and try again.',
  'app.notAvailable': 'The server does not offer this yet',

  'signin.busy': 'Signing in with LINE…',
  'signin.login': 'Sign in with LINE',
  'signin.failed': 'Sign-in failed',
  'signin.notSetUp': 'The staff app is not set up (STAFF_LIFF_ID)',
  'notStaff.title': 'This LINE account is not on the staff',
  'notStaff.body': 'Only enrolled staff can use this app. If you work here, ask the owner for an invitation code.',
  signout: 'Sign out',

  'nav.label': 'Main menu',
  'nav.today': 'Today',
  'nav.customers': 'Customers',
  'nav.jobs': 'Jobs',
  'nav.money': 'Money',
  'nav.business': 'Shop',

  'today.title': 'Today',
  'today.overdue': 'Overdue invoices',
  'today.notices': 'Payment notices waiting',
  'today.depositsToReturn': 'Deposits to return',
  'today.jobsToday': 'Jobs moving today',
  'today.nothing': 'Nothing here',

  'customers.title': 'Customers',
  'customers.search': 'Search customers',
  'customers.searchHint': 'Name, company, phone or email',
  'customers.new': 'New customer',
  'customers.none': 'No customers found',
  'customers.more': 'Show more',

  'customer.newTitle': 'New customer',
  'customer.editTitle': 'Edit customer',
  'customer.edit': 'Edit',
  'customer.name': 'Name',
  'customer.companyName': 'Company name',
  'customer.taxId': 'Tax ID',
  'customer.branchCode': 'Branch code (00000 = head office)',
  'customer.address': 'Address',
  'customer.phone': 'Phone',
  'customer.email': 'Email',
  'customer.language': "Customer's language",
  'customer.notes': 'Notes',
  'customer.overview': 'Overview',
  'customer.balance': 'Balance due',
  'customer.overdue': '{count} overdue',
  'customer.depositsHeld': 'Deposits held',
  'customer.line': 'LINE',
  'customer.lineBound': 'Account bound',
  'customer.lineNotBound': 'Not bound',
  'customer.lastSeen': 'Last seen',
  'customer.openJobs': 'Open jobs',
  'customer.openInvoices': 'Open invoices',
  'customer.newQuote': 'New quotation',
  'customer.newInvoice': 'New invoice',
  'customer.links': 'Portal links',
  'customer.sendLink': 'Send the customer a link',
  'customer.revokeLinks': 'Revoke all links',
  'customer.linkSent': 'Link sent by {channel}',
  'customer.linksRevoked': '{count} links revoked',

  'editor.quoteTitle': 'New quotation',
  'editor.invoiceTitle': 'New invoice',
  'editor.for': 'Customer: {name}',
  'editor.lines': 'Lines',
  'editor.line': 'Line {n}',
  'editor.description': 'Description',
  'editor.quantity': 'Quantity',
  'editor.unit': 'Unit',
  'editor.unitDays': 'days',
  'editor.unitUnits': 'units',
  'editor.unitPrice': 'Unit price (baht)',
  'editor.addLine': 'Add a line',
  'editor.removeLine': 'Remove line {n}',
  'editor.discount': 'Discount (baht)',
  'editor.vatMode': 'VAT',
  'editor.vat.exclusive': 'Add 7% VAT',
  'editor.vat.inclusive': 'Prices include VAT',
  'editor.vat.none': 'No VAT',
  'editor.withholding': 'Withholding tax (%)',
  'editor.deposit': 'Security deposit (baht)',
  'editor.validUntil': 'Valid until',
  'editor.dueDate': 'Due date',
  'editor.notes': 'Notes',
  'editor.totals': 'Totals',
  'editor.subtotal': 'Before VAT',
  'editor.discountRow': 'Discount',
  'editor.vat': 'VAT',
  'editor.total': 'Total',
  'editor.withholdingRow': 'Withholding tax',
  'editor.netPayable': 'Customer transfers',
  'editor.create': 'Save draft',
  'editor.fixFirst': 'Fix this field first: {field}',
  'editor.fromQuote': 'From quotation {number}',

  'doc.status': 'Status',
  'doc.number': 'Number',
  'doc.issueDate': 'Date',
  'doc.preview': 'View PDF',
  'doc.send': 'Send to the customer',
  'doc.channel': 'Channel',
  'doc.channelAuto': 'Automatic (LINE when bound)',
  'doc.channel.line': 'LINE',
  'doc.channel.email': 'Email',
  'doc.channel.sms': 'SMS',
  'doc.sent': 'Sent by {channel}',
  'doc.toInvoice': 'Invoice this quotation',
  'doc.balance': 'Balance',
  'doc.paid': 'Paid',

  'pay.title': 'Record a payment',
  'pay.amount': 'Amount (baht)',
  'pay.method': 'Method',
  'pay.reference': 'Reference (optional)',
  'pay.record': 'Record payment',
  'pay.recorded': 'Recorded: {number}',
  'pay.receipt': 'View receipt',

  'void.title': 'Void this invoice',
  'void.reason': 'Reason for voiding',
  'void.confirm': 'Void it',

  'jobs.title': 'Jobs',
  'jobs.move': 'Change stage',
  'jobs.moveTo': 'Move to',
  'jobs.note': 'Note to the customer (optional)',
  'jobs.moved': 'Job {number} moved',

  'money.title': 'Money',
  'money.notices': 'Payment notices waiting',
  'money.amount': 'Amount the client reports',
  'money.transRef': 'Slip reference',
  'money.sentAt': 'Sent',
  'money.confirm': 'Confirm',
  'money.reject': 'Reject',
  'money.rejectReason': 'Reason for rejecting',
  'money.slip': 'Slip for {number}',

  'business.title': 'Business profile',
  'business.ownerOnly': 'Only the owner can edit the business profile',
  'business.name': 'Business name (Thai)',
  'business.nameEn': 'Business name (English)',
  'business.address': 'Address',
  'business.taxId': 'Tax ID',
  'business.branchCode': 'Branch code',
  'business.promptPayId': 'PromptPay ID (mobile or tax ID)',
  'business.promptPayName': 'PromptPay account name',
  'business.phone': 'Phone',
  'business.email': 'Email',
  'business.saved': 'Business profile saved',
  saved: 'Saved',
};

export type MessageKey = Key;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const tables: Record<Lang, Record<string, string>> = { th: { ...th, ...shared('th') }, en: { ...en, ...shared('en') } };

export function translator(lang: Lang): Translate {
  const table = tables[lang];
  return (key, vars) => {
    const text = table[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}

const LANG_KEY = 'staff-lang';

/** Thai unless the staff member chose English on this phone before. */
export function initialLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'th';
  } catch {
    return 'th';
  }
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
