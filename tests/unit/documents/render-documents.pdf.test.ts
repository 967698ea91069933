import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import jsQRModule from 'jsqr';
import { describe, expect, it } from 'vitest';
import { computeTotals, formatBaht } from '../../../server/domain/money.ts';
import { bahtText, englishAmountText } from '../../../server/domain/thai-baht-text.ts';
import { DEPOSIT_NOT_VAT_NOTE } from '../../../server/documents/document-model.ts';
import { renderDocumentPdf } from '../../../server/documents/render-document-pdf.ts';
import { sha256Hex } from '../../../server/documents/pdf-hash.ts';
import {
  allSamples,
  depositReceipt,
  depositRequest,
  depositReturnReceipt,
  invoice,
  LONG_THAI_DESCRIPTION,
  NON_VAT_SELLER,
  paymentReceipt,
  prepaymentReceipt,
  quote,
  receiptTaxInvoice,
  signedQuote,
  sixtyLines,
  totalsFor,
  VAT_SELLER,
} from './fixtures.ts';
import { flat, pdfFonts, pdfInfo, pdfPageGrey, pdfPages, pdfText } from './pdf-tools.ts';

/** Extracted Thai carries ำ as ํ + า (NFKC); turn it back for exact comparisons with the source. */
// jsqr is CommonJS with a `default` property: the same function under Node and under TypeScript.
const jsQR = jsQRModule.default;

const source = (text: string): string => text.replace(/\u0E4D\u0E32/g, '\u0E33');

function decodeQr(pdf: Buffer, page = 1): string | null {
  const { width, height, pixels } = pdfPageGrey(pdf, page);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    const v = pixels[i]!;
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, width, height)?.data ?? null;
}

describe('every document kind', () => {
  it('renders with Sarabun embedded (subset) and no other font', async () => {
    for (const { name, model } of allSamples()) {
      const fonts = pdfFonts(await renderDocumentPdf(model));
      expect(fonts.length, name).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.name, name).toMatch(/^[A-Z]{6}\+Sarabun/);
        expect(font.embedded, name).toBe(true);
        expect(font.subset, name).toBe(true);
      }
    }
  });

  it('gives byte-identical PDFs for identical input, whatever was rendered before', async () => {
    const first = await renderDocumentPdf(invoice('th'));
    for (const { model } of allSamples()) await renderDocumentPdf(model);
    const second = await renderDocumentPdf(invoice('th'));
    expect(sha256Hex(second)).toBe(sha256Hex(first));
    expect(second.equals(first)).toBe(true);
    // Dates come from the issue date (midday Bangkok), not the clock.
    const info = pdfInfo(first);
    expect(info.CreationDate).toBe('2026-03-05T05:00:00Z');
    expect(info.ModDate).toBe('2026-03-05T05:00:00Z');
    expect(info.Title).toBe('ใบแจ้งหนี้ / Invoice INV-2026-0001');
    expect(first.toString('latin1')).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
  });

  it('gives the same bytes in a fresh process (fonts parsed anew, nothing rendered before)', async () => {
    const script = [
      "import { renderDocumentPdf } from './server/documents/render-document-pdf.ts';",
      "import { sha256Hex } from './server/documents/pdf-hash.ts';",
      "import { receiptTaxInvoice } from './tests/unit/documents/fixtures.ts';",
      'console.log(sha256Hex(await renderDocumentPdf(receiptTaxInvoice("th"))));',
    ].join('\n');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../../../', import.meta.url)),
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    for (const { model } of allSamples()) await renderDocumentPdf(model);
    expect(child.stdout.trim()).toBe(sha256Hex(await renderDocumentPdf(receiptTaxInvoice('th'))));
  });

  it('prints the customer language first', async () => {
    const th = pdfText(await renderDocumentPdf(invoice('th')), 'raw');
    const en = pdfText(await renderDocumentPdf(invoice('en')), 'raw');
    expect(th).toContain('เลขที่ / No.');
    expect(en).toContain('No. / เลขที่');
    expect(th).toContain('5 มีนาคม 2569');
    expect(en).toContain('5 March 2026');
  });
});

describe('invoice', () => {
  it('has totals equal to computeTotals, paid and balance, and a PromptPay QR for the balance', async () => {
    const model = invoice('th');
    const pdf = await renderDocumentPdf(model);
    const text = flat(pdfText(pdf, 'layout'));
    const expected = computeTotals({ lines: model.lines, vatMode: 'exclusive', withholdingBasisPoints: 300 });
    expect(text).toMatch(new RegExp(`VAT 7%\\s+${formatBaht(expected.vatSatang)}`));
    expect(text).toMatch(new RegExp(`Withholding tax 3%\\s+-${formatBaht(expected.withholdingSatang)}`));
    expect(text).toMatch(new RegExp(`Net payable\\s+${formatBaht(expected.netPayableSatang)}`));
    expect(text).toMatch(new RegExp(`Balance due\\s+${formatBaht(model.balanceSatang)}`));
    expect(text).toContain('Pay with PromptPay');
    expect(decodeQr(pdf)).toBe(model.promptPayPayload);
  });

  it('has no QR once paid in full, and says PAID', async () => {
    const paid = { ...invoice('th'), paidSatang: 1_000, balanceSatang: 0, promptPayPayload: null, stamp: { kind: 'paid' as const } };
    const pdf = await renderDocumentPdf(paid);
    expect(decodeQr(pdf)).toBeNull();
    expect(flat(pdfText(pdf, 'raw'))).toContain(flat('ชำระแล้ว / PAID'));
    expect(pdfText(pdf, 'raw')).toContain('Paid in full');
  });

  it('with 60 lines paginates with x/N page numbers and the header and table header on every page', async () => {
    const model = invoice('th', VAT_SELLER, sixtyLines());
    const pages = pdfPages(await renderDocumentPdf(model), 'raw').map(flat);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1}/${pages.length}`);
      expect(page).toContain(flat(VAT_SELLER.name));
      expect(page).toContain('INV-2026-0001');
      expect(page).toContain('Invoice');
      expect(page).toMatch(/Description/);
      expect(page).toMatch(/Unit price/);
    });
    // Every line appears exactly once, in order.
    const all = pages.join('\n');
    let from = 0;
    for (let n = 1; n <= 60; n += 1) {
      const at = all.indexOf(`ห้อง ${100 + n} `, from);
      expect(at, `line ${n}`).toBeGreaterThan(-1);
      from = at;
    }
    const grand = computeTotals({ lines: sixtyLines(), vatMode: 'exclusive', withholdingBasisPoints: 300 });
    expect(pages[pages.length - 1]).toContain(`Grand total ${formatBaht(grand.totalSatang)}`);
  });

  it('wraps a long Thai description with every line ending at a word boundary', async () => {
    const model = { ...invoice('th'), ...totalsFor([{ description: LONG_THAI_DESCRIPTION.repeat(2), quantity: 1, unitPriceSatang: 100 }], 'exclusive') };
    const description = LONG_THAI_DESCRIPTION.repeat(2);
    const rawLines = source(pdfText(await renderDocumentPdf(model), 'raw')).split('\n');
    const first = rawLines.findIndex((line) => line.startsWith('1 ค่าบริการ'));
    expect(first).toBeGreaterThan(-1);
    const lines: string[] = [rawLines[first]!.slice(2)];
    for (const line of rawLines.slice(first + 1)) {
      if (/^[\d.,\s]+$/.test(line)) break;
      lines.push(line);
    }
    expect(lines.length).toBeGreaterThan(4);
    const boundaries = new Set([...new Intl.Segmenter('th', { granularity: 'word' }).segment(description)].map((s) => s.index));
    boundaries.add(description.length);
    let offset = 0;
    for (const line of lines) {
      while (description[offset] === ' ') offset += 1;
      expect(description.slice(offset, offset + line.length)).toBe(line);
      offset += line.length;
      expect(boundaries.has(offset), `line "${line}" ends inside a word`).toBe(true);
    }
    expect(offset).toBe(description.length);
  });

  it('splits a row taller than half a page across pages without losing text', async () => {
    const description = Array.from({ length: 12 }, (_, i) => `ขั้นตอนที่ ${i + 1}: ${LONG_THAI_DESCRIPTION}`).join('\n');
    const model = { ...invoice('th'), ...totalsFor([{ description, quantity: 1, unitPriceSatang: 990_000 }], 'exclusive') };
    const pages = pdfPages(await renderDocumentPdf(model), 'raw');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const text = source(pages.join('\n')).replace(/\s/g, '');
    for (let i = 1; i <= 12; i += 1) expect(text).toContain(`ขั้นตอนที่${i}:`);
    // A page break may fall inside a paragraph (the running header comes between), but at
    // most one per page.
    const whole = text.split(LONG_THAI_DESCRIPTION.replace(/\s/g, '')).length - 1;
    expect(whole).toBeGreaterThanOrEqual(12 - (pages.length - 1));
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1}/${pages.length}`);
    });
  });
});

describe('seller not registered for VAT', () => {
  it('shows no VAT line on any document', async () => {
    for (const model of [
      invoice('th', NON_VAT_SELLER),
      quote('en', NON_VAT_SELLER),
      paymentReceipt('en', NON_VAT_SELLER),
      depositRequest('en', NON_VAT_SELLER),
    ]) {
      const text = pdfText(await renderDocumentPdf(model), 'raw');
      expect(text).not.toMatch(/VAT 7%|ภาษีมูลค่าเพิ่ม 7%|Amount before VAT/);
    }
    const text = flat(pdfText(await renderDocumentPdf(invoice('th', NON_VAT_SELLER)), 'raw'));
    const expected = computeTotals({ lines: invoice('th', NON_VAT_SELLER).lines, vatMode: 'none' });
    expect(text).toContain(`Grand total ${formatBaht(expected.totalSatang)}`);
  });

  it('cannot charge VAT', async () => {
    const wrong = { ...invoice('th'), seller: NON_VAT_SELLER };
    await expect(renderDocumentPdf(wrong)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('receipts', () => {
  it('RC: amount, method, reference, invoice and the amount in Thai words (and English for en)', async () => {
    const th = paymentReceipt('th');
    const text = flat(pdfText(await renderDocumentPdf(th), 'raw'));
    expect(text).toContain(flat('ใบเสร็จรับเงิน'));
    expect(text).toContain('RC-2026-0012');
    expect(text).toContain('INV-2026-0001');
    expect(text).toContain('KBANK-0312-998877');
    expect(text).toContain(`Amount received ${formatBaht(th.amountSatang)}`);
    expect(text).toContain(flat(`(${bahtText(th.amountSatang)})`));
    expect(text).toContain(flat('ผู้รับเงิน / Collector'));
    expect(text).toContain(flat('ผู้มีอำนาจลงนาม / Authorized signature'));

    const en = paymentReceipt('en');
    const english = flat(pdfText(await renderDocumentPdf(en), 'raw'));
    expect(english).toContain(`(${englishAmountText(en.amountSatang)})`);
    expect(english).toContain(flat(`(${bahtText(en.amountSatang)})`));
  });

  it('PREREC: advance payment with its references and words', async () => {
    const model = prepaymentReceipt('th');
    const text = flat(pdfText(await renderDocumentPdf(model), 'raw'));
    expect(text).toContain('PREREC-2026-0002');
    expect(text).toContain('QT-2026-0003');
    expect(text).toContain(flat(`(${bahtText(model.amountSatang)})`));
  });

  it('DEPR: refundable deposit, not subject to VAT', async () => {
    const model = depositReceipt('th');
    const text = flat(pdfText(await renderDocumentPdf(model), 'raw'));
    expect(text).toContain(flat(DEPOSIT_NOT_VAT_NOTE));
    expect(text).toContain('DEP-2026-0001');
    expect(text).toContain(flat(`(${bahtText(model.amountSatang)})`));
    expect(text).not.toMatch(/VAT 7%/);
    const english = flat(pdfText(await renderDocumentPdf(depositReceipt('en')), 'raw'));
    expect(english).toContain('Refundable security deposit — not subject to VAT');
  });

  it('DEPRR: amount held, each deduction with its reason, amount returned in figures and words', async () => {
    const model = depositReturnReceipt('th');
    if (model.receiptType !== 'DEPRR') throw new Error('fixture');
    const text = source(flat(pdfText(await renderDocumentPdf(model), 'raw')));
    expect(text).toContain(`Deposit held ${formatBaht(model.originalHeldSatang)}`);
    for (const deduction of model.deductions) {
      expect(text.replace(/\s/g, '')).toContain(`${deduction.reason}-${formatBaht(deduction.amountSatang)}`.replace(/\s/g, ''));
    }
    expect(text).toContain(`Amount refunded ${formatBaht(model.returnedSatang)}`);
    expect(text).toContain(`(${bahtText(model.returnedSatang)})`);
  });

  it('DEPRR refuses figures that do not add up', async () => {
    const model = depositReturnReceipt('th');
    await expect(renderDocumentPdf({ ...model, returnedSatang: 400_000, amountSatang: 400_000 } as typeof model)).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});

describe('quotes and deposit requests', () => {
  it('quote: valid-until date, deposit, totals and signature lines', async () => {
    const model = quote('th');
    const text = flat(pdfText(await renderDocumentPdf(model), 'raw'));
    expect(text).toContain(flat('ใบเสนอราคา'));
    expect(text).toContain(flat('1 เมษายน 2569'));
    expect(text).toContain(`Discount -${formatBaht(model.totals.discountSatang)}`);
    expect(text).toContain(`Grand total ${formatBaht(model.totals.totalSatang)}`);
    expect(text).toContain(`Security deposit ${formatBaht(model.depositSatang!)}`);
  });

  it('signed quote: signature, typed name, ISO and Thai time, and the audit record', async () => {
    const model = signedQuote('th');
    const pdf = await renderDocumentPdf(model);
    const text = flat(pdfText(pdf, 'raw'));
    const s = model.signature;
    expect(text).toContain(flat(`( ${s.signerName} )`));
    expect(text).toContain(s.signedAtIso);
    expect(text).toContain(flat(s.signedAtThai));
    expect(text).toContain(s.ip);
    expect(text).toContain(s.linkId);
    expect(text.replace(/\s/g, '')).toContain(s.contentSha256);
    expect(text.replace(/\s/g, '')).toContain(s.userAgent.replace(/\s/g, ''));
    expect(text).toContain('Electronic signature record');
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
  });

  it('deposit request: amount, not-VAT note and a PromptPay QR', async () => {
    const model = depositRequest('th');
    const pdf = await renderDocumentPdf(model);
    const text = flat(pdfText(pdf, 'raw'));
    expect(text).toContain(`Deposit amount ${formatBaht(model.amountSatang)}`);
    expect(text).toContain(flat(DEPOSIT_NOT_VAT_NOTE));
    expect(decodeQr(pdf)).toBe(model.promptPayPayload);
  });
});
