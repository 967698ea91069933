import { beforeAll, describe, expect, it } from 'vitest';
import { computeTotals, formatBaht } from '../../../server/domain/money.ts';
import { bahtText } from '../../../server/domain/thai-baht-text.ts';
import { assertPrintable, renderDocumentPdf } from '../../../server/documents/render-document-pdf.ts';
import type { TaxInvoiceDocument } from '../../../server/documents/document-model.ts';
import { expectDomainError } from '../expect-domain-error.ts';
import { BASIC_LINES, NON_VAT_SELLER, receiptTaxInvoice, taxInvoice, THAI_BUYER, VAT_SELLER } from './fixtures.ts';
import { flat, pdfText } from './pdf-tools.ts';

describe('tax invoice (ใบกำกับภาษี)', () => {
  const model: TaxInvoiceDocument = taxInvoice('th');
  let layout = '';
  let raw = '';

  beforeAll(async () => {
    const pdf = await renderDocumentPdf(model);
    layout = flat(pdfText(pdf, 'layout'));
    raw = flat(pdfText(pdf, 'raw'));
  });

  it('says ใบกำกับภาษี and Original', () => {
    expect(raw).toContain(flat('ใบกำกับภาษี'));
    expect(raw).toContain(flat('ต้นฉบับ / Original'));
  });

  it('has the seller name, address, 13-digit tax ID and branch', () => {
    expect(raw).toContain(flat(VAT_SELLER.name));
    expect(raw).toContain(flat(VAT_SELLER.address));
    expect(layout).toMatch(/\b0125561012345\b/);
    expect(raw).toContain(flat('สำนักงานใหญ่ / Head office'));
  });

  it('has the buyer name, address, tax ID and branch (long name and address wrapped cleanly)', () => {
    // Wrapped over lines: compare with whitespace removed.
    const squeezed = raw.replace(/\s/g, '');
    expect(squeezed).toContain(flat(THAI_BUYER.companyName!).replace(/\s/g, ''));
    expect(squeezed).toContain(flat(THAI_BUYER.address!).replace(/\s/g, ''));
    expect(layout).toMatch(/\b0105556123456\b/);
    expect(raw).toContain(flat('สาขาที่ 00001 / Branch 00001'));
  });

  it('has the number, the Buddhist-era date and the invoice reference', () => {
    expect(layout).toContain('TAX-2026-0003');
    expect(raw).toContain(flat('10 มีนาคม 2569'));
    expect(layout).toContain('INV-2026-0001');
  });

  it('lists description, quantity, unit price and amount of every line', () => {
    const expected = computeTotals({ lines: BASIC_LINES, vatMode: 'exclusive' });
    for (const [index, line] of expected.lines.entries()) {
      const quantity = String(BASIC_LINES[index]!.quantity);
      const row = new RegExp(`${quantity}\\s+${formatBaht(line.unitPriceSatang)}\\s+${formatBaht(line.amountSatang)}`);
      expect(layout).toMatch(row);
    }
    expect(raw).toContain(flat('ค่าแรงช่างติดตั้ง (ครึ่งวัน)'));
    expect(layout).toMatch(/1\.5\s+1,200\.00\s+1,800\.00/);
  });

  it('shows VAT separately and totals equal to computeTotals', () => {
    const expected = computeTotals({ lines: BASIC_LINES, vatMode: 'exclusive' });
    expect(expected.vatSatang).toBeGreaterThan(0);
    expect(layout).toMatch(new RegExp(`Amount before VAT\\s+${formatBaht(expected.subtotalSatang)}`));
    expect(layout).toMatch(new RegExp(`VAT 7%\\s+${formatBaht(expected.vatSatang)}`));
    expect(layout).toMatch(new RegExp(`Grand total\\s+${formatBaht(expected.totalSatang)}`));
    expect(raw).toContain(flat(`(${bahtText(expected.totalSatang)})`));
  });

  it('combined receipt/tax invoice has both titles, inclusive VAT backed out and the payment', async () => {
    const combined = receiptTaxInvoice('th');
    const text = flat(pdfText(await renderDocumentPdf(combined), 'raw'));
    const expected = computeTotals({ lines: BASIC_LINES, vatMode: 'inclusive' });
    expect(text).toContain(flat('ใบเสร็จรับเงิน/ใบกำกับภาษี'));
    expect(text).toContain(`VAT 7% ${formatBaht(expected.vatSatang)}`);
    expect(text).toContain(`Amount before VAT ${formatBaht(expected.subtotalSatang)}`);
    expect(text).toContain(flat(`(${bahtText(expected.totalSatang)})`));
    expect(text).toContain('2026031112345678');
  });

  it('is refused for a seller that is not VAT-registered', async () => {
    const refused = { ...taxInvoice('th'), seller: NON_VAT_SELLER };
    expectDomainError(() => assertPrintable(refused), 'CONFLICT');
    await expect(renderDocumentPdf(refused)).rejects.toMatchObject({ name: 'DomainError', code: 'CONFLICT' });
    await expect(renderDocumentPdf({ ...receiptTaxInvoice('th'), seller: NON_VAT_SELLER })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('rejects a malformed tax ID or branch', () => {
    expectDomainError(() => assertPrintable({ ...model, seller: { ...VAT_SELLER, taxId: '12345' } }), 'VALIDATION', 'seller.taxId');
    expectDomainError(() => assertPrintable({ ...model, buyer: { ...THAI_BUYER, branch: '1' } }), 'VALIDATION', 'buyer.branch');
  });
});
