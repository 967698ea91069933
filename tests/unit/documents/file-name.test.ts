import { describe, expect, it } from 'vitest';
import { documentFileName } from '../../../server/documents/file-name.ts';
import { sha256Hex } from '../../../server/documents/pdf-hash.ts';
import { depositReturnReceipt, invoice, receiptTaxInvoice, taxInvoice } from './fixtures.ts';

describe('documentFileName', () => {
  it('gives an ASCII name and a Unicode name with the title in the customer language', () => {
    expect(documentFileName(invoice('th'))).toEqual({ ascii: 'INV-2026-0001.pdf', unicode: 'ใบแจ้งหนี้ INV-2026-0001.pdf' });
    expect(documentFileName(invoice('en'))).toEqual({ ascii: 'INV-2026-0001.pdf', unicode: 'Invoice INV-2026-0001.pdf' });
    expect(documentFileName(taxInvoice('th')).unicode).toBe('ใบกำกับภาษี TAX-2026-0003.pdf');
    expect(documentFileName(depositReturnReceipt('th')).ascii).toBe('DEPRR-2026-0001.pdf');
  });

  it('never puts a path separator or control character in a name', () => {
    const { unicode } = documentFileName(receiptTaxInvoice('th'));
    expect(unicode).toBe('ใบเสร็จรับเงิน-ใบกำกับภาษี TAX-2026-0004.pdf');
    const odd = documentFileName({ ...invoice('th'), number: '../INV/2026\u0000 01' });
    expect(odd.ascii).toMatch(/^[A-Za-z0-9._-]+\.pdf$/);
    expect(odd.ascii.startsWith('.')).toBe(false);
    expect(odd.unicode).not.toMatch(/[\\/\u0000]/);
  });
});

describe('sha256Hex', () => {
  it('is the lower-case hex SHA-256', () => {
    expect(sha256Hex(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
