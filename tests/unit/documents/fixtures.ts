/**
 * Document models for the PDF tests, the sample renderer and the benchmark. Totals come
 * from the domain's computeTotals, so the PDFs are checked against the real numbers.
 */
import { deflateSync } from 'node:zlib';
import generatePayload from 'promptpay-qr';
import { computeTotals, type LineInput, type VatMode } from '../../../server/domain/money.ts';
import type {
  DocumentBuyer,
  DocumentLang,
  DocumentLine,
  DocumentModel,
  DocumentSeller,
  DocumentTotals,
  InvoiceDocument,
  QuoteDocument,
  ReceiptDocument,
  ReceiptTaxInvoiceDocument,
  SignedQuoteDocument,
  TaxInvoiceDocument,
  DepositRequestDocument,
  StatementDocument,
} from '../../../server/documents/document-model.ts';
import { buildAccountStatement, type StatementEntry } from '../../../server/domain/account-statement.ts';

export const VAT_SELLER: DocumentSeller = {
  name: 'บริษัท เย็นสบาย แอร์ เซอร์วิส จำกัด',
  nameEn: 'Yen Sabai Air Service Co., Ltd.',
  address: '99/12 หมู่ที่ 5 ถนนรัตนาธิเบศร์ ตำบลบางกระสอ อำเภอเมืองนนทบุรี จังหวัดนนทบุรี 11000',
  taxId: '0125561012345',
  branch: '00000',
  phone: '02-123-4567',
  email: 'billing@yensabai.co.th',
  vatRegistered: true,
};

export const NON_VAT_SELLER: DocumentSeller = {
  name: 'ร้านช่างต้อมซ่อมบำรุง',
  nameEn: 'Tom Home Repair',
  address: '45 ซอยลาดพร้าว 101 แยก 3 แขวงคลองจั่น เขตบางกะปิ กรุงเทพมหานคร 10240',
  taxId: '3100601234567',
  branch: '00000',
  phone: '081-234-5678',
  email: 'tom.repair@example.com',
  vatRegistered: false,
};

export const THAI_BUYER: DocumentBuyer = {
  name: 'คุณสมศรี ใจดีมาก',
  companyName: 'บริษัท สยามพัฒนาอสังหาริมทรัพย์และการก่อสร้างครบวงจร (ประเทศไทย) จำกัด (มหาชน)',
  address: 'เลขที่ 1234/567 อาคารเอ็มไพร์ทาวเวอร์ ชั้น 42 ห้อง 4201-4205 ถนนสาทรใต้ แขวงยานนาวา เขตสาทร กรุงเทพมหานคร 10120',
  taxId: '0105556123456',
  branch: '00001',
};

export const ENGLISH_BUYER: DocumentBuyer = {
  name: 'Mr. John Smith',
  companyName: 'Bangkok Digital Labs Co., Ltd.',
  address: '88 Sukhumvit Soi 24, Khlong Tan, Khlong Toei, Bangkok 10110',
  taxId: '0105560999999',
  branch: '00000',
};

export const LONG_THAI_DESCRIPTION =
  'ค่าบริการล้างทำความสะอาดเครื่องปรับอากาศแบบติดผนังพร้อมตรวจเช็คระบบไฟฟ้าและเติมน้ำยาทำความเย็น ' +
  'รวมถึงการเปลี่ยนแผ่นกรองอากาศชนิดพิเศษที่นำเข้าจากประเทศญี่ปุ่นสำหรับห้องประชุมใหญ่ชั้นสามของอาคารสำนักงาน';

/** Thai marks that must stack (checked visually at 300 dpi). */
export const STACKING_SAMPLE = 'น้ำ ค่ำ ที่ ปี่ ญี่ปุ่น ฐ ฎีกา';

export const BASIC_LINES: LineInput[] = [
  { description: 'ค่าบริการล้างเครื่องปรับอากาศแบบติดผนัง ขนาด 9,000–24,000 BTU', quantity: 3, unitPriceSatang: 65_000 },
  { description: 'เปลี่ยนคาปาซิเตอร์คอมเพรสเซอร์ 35 ไมโครฟารัด (อะไหล่แท้)', quantity: 1, unitPriceSatang: 85_000 },
  { description: 'ค่าแรงช่างติดตั้ง (ครึ่งวัน)', quantity: 1.5, unitPriceSatang: 120_000 },
  { description: `เติมน้ำยาแอร์ R32 — ทดสอบสระและวรรณยุกต์: ${STACKING_SAMPLE}`, quantity: 2, unitPriceSatang: 90_050 },
  { description: LONG_THAI_DESCRIPTION, quantity: 1, unitPriceSatang: 250_000 },
];

export const ENGLISH_LINES: LineInput[] = [
  { description: 'Wall-type air conditioner cleaning, 9,000–24,000 BTU', quantity: 4, unitPriceSatang: 65_000 },
  { description: 'Compressor capacitor replacement 35 µF (genuine part)', quantity: 1, unitPriceSatang: 85_000 },
  { description: 'Technician labour (half day)', quantity: 1.5, unitPriceSatang: 120_000 },
];

export function sixtyLines(): LineInput[] {
  const items = [
    'ล้างเครื่องปรับอากาศ ห้อง',
    'ตรวจเช็คระบบไฟฟ้าและเบรกเกอร์ ห้อง',
    'เปลี่ยนรีโมทคอนโทรลไร้สาย ห้อง',
    'ซ่อมท่อน้ำทิ้งรั่วซึมและหุ้มฉนวนใหม่ ห้อง',
    'เติมน้ำยาทำความเย็น R32 ห้อง',
  ];
  return Array.from({ length: 60 }, (_, index) => ({
    description: `${items[index % items.length]} ${101 + index}`,
    quantity: (index % 3) + 1,
    unitPriceSatang: 35_000 + (index % 7) * 12_550,
  }));
}

export function totalsFor(
  lines: readonly LineInput[],
  vatMode: VatMode,
  options: { discountSatang?: number; withholdingBasisPoints?: number } = {},
): { lines: DocumentLine[]; totals: DocumentTotals } {
  const computed = computeTotals({ lines, vatMode, ...options });
  return {
    lines: computed.lines.map((line, index) => ({
      description: line.description,
      quantity: lines[index]!.quantity,
      unitPriceSatang: line.unitPriceSatang,
      amountSatang: line.amountSatang,
    })),
    totals: {
      grossSatang: computed.grossSatang,
      discountSatang: computed.discountSatang,
      subtotalSatang: computed.subtotalSatang,
      vatSatang: computed.vatSatang,
      vatMode,
      vatRateBasisPoints: 700,
      totalSatang: computed.totalSatang,
      withholdingSatang: computed.withholdingSatang,
      withholdingBasisPoints: options.withholdingBasisPoints,
      netPayableSatang: computed.netPayableSatang,
    },
  };
}

export function promptPayPayload(satang: number): string {
  return generatePayload('0812345678', { amount: satang / 100 });
}

export function quote(lang: DocumentLang = 'th', seller: DocumentSeller = VAT_SELLER): QuoteDocument {
  return {
    kind: 'quote',
    lang,
    seller,
    buyer: lang === 'th' ? THAI_BUYER : ENGLISH_BUYER,
    number: 'QT-2026-0007',
    issueDate: '2026-03-02',
    ...totalsFor(lang === 'th' ? BASIC_LINES : ENGLISH_LINES, seller.vatRegistered ? 'exclusive' : 'none', {
      discountSatang: 20_000,
    }),
    validUntil: '2026-04-01',
    depositSatang: 500_000,
    note: lang === 'th' ? 'ราคานี้รวมค่าเดินทางในเขตกรุงเทพฯ และปริมณฑล' : 'Price includes travel within Bangkok.',
  };
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A hand-drawn-looking signature stroke on a transparent 300×100 PNG, built without a canvas library. */
export function signaturePng(): Buffer {
  const width = 300;
  const height = 100;
  const alpha = new Float32Array(width * height);
  const dot = (cx: number, cy: number, r: number): void => {
    for (let y = Math.floor(cy - r - 1); y <= cy + r + 1; y += 1) {
      for (let x = Math.floor(cx - r - 1); x <= cx + r + 1; x += 1) {
        if (x < 0 || y < 0 || x >= width || y >= height) continue;
        const d = Math.hypot(x - cx, y - cy);
        const a = Math.max(0, Math.min(1, r + 0.5 - d));
        const i = y * width + x;
        alpha[i] = Math.max(alpha[i]!, a);
      }
    }
  };
  for (let t = 0; t <= 1; t += 0.0005) {
    const x = 20 + t * 250;
    const y = 55 - 28 * Math.sin(t * 9) * Math.exp(-t * 1.2) + 10 * Math.sin(t * 23);
    dot(x, y, 1.6 + 0.6 * Math.sin(t * 5));
  }
  for (let t = 0; t <= 1; t += 0.001) dot(60 + t * 190, 80 - t * 6, 1.1);
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y += 1) {
    const row = y * (1 + width * 4);
    raw[row] = 0;
    for (let x = 0; x < width; x += 1) {
      const o = row + 1 + x * 4;
      raw[o] = 0x14;
      raw[o + 1] = 0x2a;
      raw[o + 2] = 0x6b;
      raw[o + 3] = Math.round(alpha[y * width + x]! * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export function signedQuote(lang: DocumentLang = 'th'): SignedQuoteDocument {
  const base = quote(lang);
  return {
    ...base,
    kind: 'signed_quote',
    signature: {
      pngBytes: signaturePng(),
      signerName: lang === 'th' ? 'สมศรี ใจดีมาก' : 'John Smith',
      signedAtIso: '2026-03-04T10:15:30+07:00',
      signedAtThai: '4 มี.ค. 2569 10:15 น.',
      ip: '203.150.12.34',
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Line/14.3.0',
      linkId: 'lnk_8f3c2a91d0e44b7c',
      contentSha256: '9f2b6c1e4d8a7b3c5e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7',
    },
  };
}

export function invoice(
  lang: DocumentLang = 'th',
  seller: DocumentSeller = VAT_SELLER,
  lines: readonly LineInput[] = lang === 'th' ? BASIC_LINES : ENGLISH_LINES,
): InvoiceDocument {
  const computed = totalsFor(lines, seller.vatRegistered ? 'exclusive' : 'none', {
    withholdingBasisPoints: seller.vatRegistered ? 300 : 0,
  });
  const paidSatang = 100_000;
  const balanceSatang = computed.totals.netPayableSatang - paidSatang;
  return {
    kind: 'invoice',
    lang,
    seller,
    buyer: lang === 'th' ? THAI_BUYER : ENGLISH_BUYER,
    number: 'INV-2026-0001',
    issueDate: '2026-03-05',
    ...computed,
    dueDate: '2026-04-04',
    paidSatang,
    balanceSatang,
    promptPayPayload: promptPayPayload(balanceSatang),
    note: lang === 'th' ? 'โอนเข้าบัญชี ธนาคารกสิกรไทย 123-4-56789-0 ชื่อบัญชี บริษัท เย็นสบาย แอร์ เซอร์วิส จำกัด' : null,
  };
}

export function taxInvoice(lang: DocumentLang = 'th', seller: DocumentSeller = VAT_SELLER): TaxInvoiceDocument {
  return {
    kind: 'tax_invoice',
    lang,
    seller,
    buyer: lang === 'th' ? THAI_BUYER : ENGLISH_BUYER,
    number: 'TAX-2026-0003',
    issueDate: '2026-03-10',
    ...totalsFor(lang === 'th' ? BASIC_LINES : ENGLISH_LINES, 'exclusive'),
    invoiceNumber: 'INV-2026-0001',
  };
}

export function receiptTaxInvoice(lang: DocumentLang = 'th'): ReceiptTaxInvoiceDocument {
  const computed = totalsFor(lang === 'th' ? BASIC_LINES : ENGLISH_LINES, 'inclusive');
  return {
    kind: 'receipt_tax_invoice',
    lang,
    seller: VAT_SELLER,
    buyer: lang === 'th' ? THAI_BUYER : ENGLISH_BUYER,
    number: 'TAX-2026-0004',
    issueDate: '2026-03-11',
    ...computed,
    invoiceNumber: 'INV-2026-0002',
    payment: {
      amountSatang: computed.totals.totalSatang,
      methodLabel: lang === 'th' ? 'พร้อมเพย์ / PromptPay' : 'PromptPay / พร้อมเพย์',
      reference: '2026031112345678',
      paidAt: '2026-03-11T09:41:00+07:00',
    },
  };
}

export function paymentReceipt(lang: DocumentLang = 'th', seller: DocumentSeller = VAT_SELLER): ReceiptDocument {
  return {
    kind: 'receipt',
    receiptType: 'RC',
    lang,
    seller,
    buyer: lang === 'th' ? THAI_BUYER : ENGLISH_BUYER,
    number: 'RC-2026-0012',
    issueDate: '2026-03-12',
    amountSatang: 1_234_550,
    methodLabel: lang === 'th' ? 'โอนเงินผ่านธนาคาร / Bank transfer' : 'Bank transfer / โอนเงินผ่านธนาคาร',
    reference: 'KBANK-0312-998877',
    paidAt: '2026-03-12T14:05:00+07:00',
    invoiceNumber: 'INV-2026-0001',
  };
}

export function prepaymentReceipt(lang: DocumentLang = 'th'): ReceiptDocument {
  return {
    kind: 'receipt',
    receiptType: 'PREREC',
    lang,
    seller: NON_VAT_SELLER,
    buyer: { name: 'คุณวิชัย รักบ้าน', address: '12/3 ถนนพหลโยธิน แขวงจตุจักร เขตจตุจักร กรุงเทพมหานคร 10900' },
    number: 'PREREC-2026-0002',
    issueDate: '2026-02-20',
    amountSatang: 300_000,
    methodLabel: lang === 'th' ? 'เงินสด / Cash' : 'Cash / เงินสด',
    reference: null,
    paidAt: '2026-02-20',
    quoteNumber: 'QT-2026-0003',
    jobNumber: 'JOB-2026-0005',
    description: 'ค่าวัสดุล่วงหน้าสำหรับงานเดินท่อน้ำดีใหม่ทั้งหลัง',
  };
}

export function depositReceipt(lang: DocumentLang = 'th'): ReceiptDocument {
  return {
    kind: 'receipt',
    receiptType: 'DEPR',
    lang,
    seller: VAT_SELLER,
    buyer: lang === 'th' ? THAI_BUYER : ENGLISH_BUYER,
    number: 'DEPR-2026-0001',
    issueDate: '2026-03-03',
    amountSatang: 500_000,
    methodLabel: lang === 'th' ? 'พร้อมเพย์ / PromptPay' : 'PromptPay / พร้อมเพย์',
    reference: '2026030398765432',
    paidAt: '2026-03-03T16:20:00+07:00',
    depositNumber: 'DEP-2026-0001',
  };
}

export function depositReturnReceipt(lang: DocumentLang = 'th'): ReceiptDocument {
  return {
    kind: 'receipt',
    receiptType: 'DEPRR',
    lang,
    seller: VAT_SELLER,
    buyer: lang === 'th' ? THAI_BUYER : ENGLISH_BUYER,
    number: 'DEPRR-2026-0001',
    issueDate: '2026-04-15',
    amountSatang: 365_000,
    methodLabel: lang === 'th' ? 'โอนเงินผ่านธนาคาร / Bank transfer' : 'Bank transfer / โอนเงินผ่านธนาคาร',
    reference: 'SCB-0415-112233',
    paidAt: '2026-04-15',
    depositNumber: 'DEP-2026-0001',
    originalHeldSatang: 500_000,
    returnedSatang: 365_000,
    deductions: [
      { amountSatang: 85_000, reason: 'ค่าซ่อมผนังห้องนั่งเล่นที่เสียหายระหว่างการติดตั้ง (เจาะผิดตำแหน่ง)' },
      { amountSatang: 50_000, reason: 'ค่าทำความสะอาดพรมหลังงานเสร็จ' },
    ],
  };
}

export function depositRequest(lang: DocumentLang = 'th', seller: DocumentSeller = VAT_SELLER): DepositRequestDocument {
  return {
    kind: 'deposit_request',
    lang,
    seller,
    buyer: lang === 'th' ? THAI_BUYER : ENGLISH_BUYER,
    number: 'DEP-2026-0001',
    depositNumber: 'DEP-2026-0001',
    issueDate: '2026-03-02',
    dueDate: '2026-03-09',
    quoteNumber: 'QT-2026-0007',
    amountSatang: 500_000,
    promptPayPayload: promptPayPayload(500_000),
  };
}

/**
 * A statement of account over the 12 months to 2026-03-31: one invoice a fortnight, each paid
 * 12 days later except the last few (enough rows for two pages), built by the domain itself.
 */
export function statement(lang: DocumentLang = 'th'): StatementDocument {
  const entries: Array<StatementEntry & { description: string }> = [];
  for (let i = 0; i < 30; i += 1) {
    const day = new Date(Date.UTC(2025, 2, 1 + i * 14)).toISOString().slice(0, 10);
    const paid = new Date(Date.UTC(2025, 2, 13 + i * 14)).toISOString().slice(0, 10);
    const number = `INV-${day.slice(0, 4)}-${String(i + 1).padStart(4, '0')}`;
    const amount = 1_070_000 + i * 10_700;
    entries.push({
      date: day,
      kind: 'invoice',
      documentNumber: number,
      debitSatang: amount,
      creditSatang: 0,
      description: lang === 'th' ? 'ใบแจ้งหนี้' : 'Invoice',
    });
    if (i < 26) {
      entries.push({
        date: paid,
        kind: 'payment',
        documentNumber: `RC-${paid.slice(0, 4)}-${String(i + 1).padStart(4, '0')}`,
        debitSatang: 0,
        creditSatang: amount,
        description: `${lang === 'th' ? 'รับชำระ' : 'Payment'} ${number}`,
      });
    }
  }
  const s = buildAccountStatement(entries, { from: '2025-04-01', to: '2026-03-31' });
  return {
    kind: 'statement',
    lang,
    seller: VAT_SELLER,
    buyer: lang === 'th' ? THAI_BUYER : ENGLISH_BUYER,
    number: 'STM-2026-03-31',
    issueDate: '2026-03-31',
    period: s.period,
    openingBalanceSatang: s.openingBalanceSatang,
    months: s.months.map((m) => ({
      month: m.month,
      rows: m.rows.map((r) => ({
        date: r.date,
        documentNumber: r.documentNumber,
        description: r.description,
        debitSatang: r.debitSatang,
        creditSatang: r.creditSatang,
        balanceSatang: r.balanceSatang,
      })),
    })),
    totalDebitSatang: s.totalDebitSatang,
    totalCreditSatang: s.totalCreditSatang,
    closingBalanceSatang: s.closingBalanceSatang,
  };
}

/** One of each kind, both sellers, both languages, and a 60-line invoice. */
export function allSamples(): Array<{ name: string; model: DocumentModel }> {
  return [
    { name: 'quote-th', model: quote('th') },
    { name: 'quote-en-nonvat', model: quote('en', NON_VAT_SELLER) },
    { name: 'signed-quote-th', model: signedQuote('th') },
    { name: 'signed-quote-en', model: signedQuote('en') },
    { name: 'invoice-th', model: invoice('th') },
    { name: 'invoice-en', model: invoice('en') },
    { name: 'invoice-th-nonvat', model: invoice('th', NON_VAT_SELLER) },
    { name: 'invoice-60-lines', model: invoice('th', VAT_SELLER, sixtyLines()) },
    { name: 'tax-invoice-th', model: taxInvoice('th') },
    { name: 'tax-invoice-en', model: taxInvoice('en') },
    { name: 'receipt-tax-invoice-th', model: receiptTaxInvoice('th') },
    { name: 'receipt-rc-th', model: paymentReceipt('th') },
    { name: 'receipt-rc-en-nonvat', model: paymentReceipt('en', NON_VAT_SELLER) },
    { name: 'receipt-prerec-th-nonvat', model: prepaymentReceipt('th') },
    { name: 'receipt-depr-th', model: depositReceipt('th') },
    { name: 'receipt-depr-en', model: depositReceipt('en') },
    { name: 'receipt-deprr-th', model: depositReturnReceipt('th') },
    { name: 'deposit-request-th', model: depositRequest('th') },
    { name: 'deposit-request-en-nonvat', model: depositRequest('en', NON_VAT_SELLER) },
    { name: 'invoice-th-partly-paid', model: { ...invoice('th'), stamp: { kind: 'partially_paid', balanceSatang: invoice('th').balanceSatang } } },
    {
      name: 'invoice-en-void',
      model: { ...invoice('en'), paidSatang: 0, balanceSatang: 0, promptPayPayload: null, stamp: { kind: 'void', reason: 'Job cancelled by the customer' } },
    },
    { name: 'statement-th', model: statement('th') },
    { name: 'statement-en', model: statement('en') },
  ];
}
