/**
 * Thai text read back out of rendered PDFs the way a PDF reader's copy and search do
 * (poppler's pdftotext): the words written, exactly — no NFKC, no clean-up.
 */
import { describe, expect, it } from 'vitest';
import type { LineInput } from '../../../server/domain/money.ts';
import { renderDocumentPdf } from '../../../server/documents/render-document-pdf.ts';
import { invoice, VAT_SELLER } from './fixtures.ts';
import { pdfText } from './pdf-tools.ts';

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
