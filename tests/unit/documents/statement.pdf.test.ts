/** The statement of account PDF: pages, running balance and both languages, read back with poppler. */
import { describe, expect, it } from 'vitest';
import { renderDocumentPdf } from '../../../server/documents/render-document-pdf.ts';
import { formatBaht } from '../../../server/domain/money.ts';
import { statement } from './fixtures.ts';
import { flat, pdfPages, pdfText } from './pdf-tools.ts';

describe('statement of account', () => {
  it('runs over pages with the header and column heads on each, and ends with the closing balance', async () => {
    const model = statement('th');
    const pages = pdfPages(await renderDocumentPdf(model), 'raw').map(flat);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, index) => {
      expect(page).toContain(flat('ใบแจ้งยอดบัญชี'));
      expect(page).toContain('Balance');
      expect(page).toContain(`Page ${index + 1}/${pages.length}`);
    });
    const all = pages.join(' ');
    expect(all).toContain(`${flat('ยอดยกมา / Opening balance')} ${formatBaht(model.openingBalanceSatang)}`);
    const last = model.months.at(-1)!.rows.at(-1)!;
    expect(last.balanceSatang).toBe(model.closingBalanceSatang);
    expect(pages.at(-1)).toContain(formatBaht(model.closingBalanceSatang));
    expect(all).toContain(flat('เมษายน 2568')); // Buddhist-era months
    expect(all).toContain('Security deposits are held money');
  });

  it('prints English first for an English-speaking customer, with Gregorian months', async () => {
    const text = flat(pdfText(await renderDocumentPdf(statement('en')), 'raw'));
    expect(text).toContain('Statement of Account');
    expect(text).toContain(flat('Opening balance / ยอดยกมา'));
    expect(text).toContain('April 2025');
  });
});
