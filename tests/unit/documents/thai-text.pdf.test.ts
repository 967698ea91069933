/**
 * Thai text read back out of rendered PDFs the way a PDF reader's copy and search do
 * (poppler's pdftotext): the words written, exactly — no NFKC, no clean-up.
 */
import { describe, expect, it } from 'vitest';
import type { LineInput } from '../../../server/domain/money.ts';
import { renderDocumentPdf } from '../../../server/documents/render-document-pdf.ts';
import { invoice, VAT_SELLER } from './fixtures.ts';
import { pdfText } from './pdf-tools.ts';
import PDFDocument from 'pdfkit';
import { registerFonts } from '../../../server/documents/pdf/fonts.ts';
import { setStyle, wrapText } from '../../../server/documents/pdf/text-layout.ts';

const MARK_LINES: LineInput[] = [
  { description: 'น้ำดื่ม ทำความสะอาด กำไร ค่ำ', quantity: 1, unitPriceSatang: 10_000 },
  { description: 'ผู้รับวางบิล คุณไม่มีที่อยู่ ที่อยู่ใหม่', quantity: 1, unitPriceSatang: 10_000 },
];

describe('Thai text copied or searched in a PDF', () => {
  it('reads back exactly as written, sara am included, in raw and layout extraction', async () => {
    const pdf = await renderDocumentPdf(invoice('th', VAT_SELLER, MARK_LINES));
    for (const mode of ['raw', 'layout'] as const) {
      const text = pdfText(pdf, mode);
      for (const word of ['จำกัด', 'น้ำดื่ม', 'ทำความสะอาด', 'กำไร', 'ค่ำ', 'ใบแจ้งหนี้', 'เลขประจำตัวผู้เสียภาษี', 'ผู้รับวางบิล คุณไม่มีที่อยู่ ที่อยู่ใหม่']) {
        expect(text, `${mode}: ${word}`).toContain(word);
      }
      // No decomposed sara am (nikhahit + sara aa) anywhere.
      expect(text, mode).not.toContain('\u0E4D');
    }
  });

  it('keeps the page layout: a label and its amount stay on one row, rows in page order', async () => {
    const pdf = await renderDocumentPdf(invoice('th', VAT_SELLER, MARK_LINES));
    const rows = pdfText(pdf, 'layout').split('\n');
    const row = rows.find((line) => line.includes('น้ำดื่ม ทำความสะอาด'));
    expect(row).toMatch(/น้ำดื่ม ทำความสะอาด กำไร ค่ำ\s+1\s+100\.00\s+100\.00/);
    const title = rows.findIndex((line) => line.includes('ใบแจ้งหนี้'));
    const line = rows.findIndex((r) => r.includes('น้ำดื่ม'));
    expect(title).toBeGreaterThanOrEqual(0);
    expect(line).toBeGreaterThan(title);
  });
});

describe('characters no embedded font can draw (data stored before the input check)', () => {
  const TOFU_LINES: LineInput[] = [{ description: 'เช่ากล้อง 📷 ให้คุณหลี่ 李明 และ 한국 ✓', quantity: 1, unitPriceSatang: 10_000 }];

  it('print as a visible ? each, never as an empty box; the rest of the line is intact', async () => {
    const pdf = await renderDocumentPdf(invoice('th', VAT_SELLER, TOFU_LINES));
    for (const mode of ['raw', 'layout'] as const) {
      const text = pdfText(pdf, mode);
      expect(text, mode).toContain('เช่ากล้อง ? ให้คุณหลี่ ?? และ ?? ?');
      expect(text, mode).not.toMatch(/[\u{1F300}-\u{1FAFF}\u4E00-\u9FFF\uAC00-\uD7AF✓]/u);
    }
  });

  it('are measured as the ? that is drawn, so wrapped lines hold only drawable text', () => {
    const doc = new PDFDocument({ font: null as unknown as string });
    registerFonts(doc);
    setStyle(doc, { size: 9.5 });
    const lines = wrapText(doc, TOFU_LINES[0]!.description, 60);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('').replace(/ /g, '')).toBe('เช่ากล้อง?ให้คุณหลี่??และ???');
    for (const line of lines) expect(line).not.toMatch(/[📷李明한국✓]/u);
  });
});

describe('loanwords and equipment names on a rendered document', () => {
  // Twelve lines whose descriptions wrap at twelve different places around the words.
  const WORDS = ['เครื่องโปรเจกเตอร์', 'มิวสิกวิดีโอ', 'ฟ็อกแมชชีน'];
  const lines: LineInput[] = Array.from({ length: 12 }, (_, k) => ({
    description: `${'ค่าเช่า'.repeat(k + 1)}${WORDS.join('และ')}พร้อมติดตั้ง`,
    quantity: 1,
    unitPriceSatang: 10_000,
  }));
  const occurrences = (text: string, word: string): number => text.split(word).length - 1;

  it('never breaks inside a built-in or a business keep-whole word (pdftotext)', async () => {
    const seller = { ...VAT_SELLER, keepWholeWords: ['ฟ็อกแมชชีน'] };
    const text = pdfText(await renderDocumentPdf(invoice('th', seller, lines)), 'raw');
    for (const word of WORDS) expect(occurrences(text, word), word).toBe(lines.length);
  });
});
