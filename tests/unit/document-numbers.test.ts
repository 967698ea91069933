import { describe, expect, it } from 'vitest';
import { DOCUMENT_PREFIXES, documentYear, formatDocumentNumber, parseDocumentNumber, type DocumentPrefix } from '../../server/domain/document-numbers.ts';
import { expectDomainError } from './expect-domain-error.ts';

describe('formatDocumentNumber', () => {
  it.each<[DocumentPrefix, number, number, string]>([
    ['INV', 2026, 1, 'INV-2026-0001'],
    ['TAX', 2026, 42, 'TAX-2026-0042'],
    ['QT', 2027, 9999, 'QT-2027-9999'],
    ['INV', 2026, 10000, 'INV-2026-10000'],
    ['DEPRR', 2026, 7, 'DEPRR-2026-0007'],
    ['PREREC', 2026, 123456, 'PREREC-2026-123456'],
  ])('%s %s %s → %s', (prefix, year, sequence, expected) => {
    expect(formatDocumentNumber(prefix, year, sequence)).toBe(expected);
  });

  it.each<[DocumentPrefix, number, number, string]>([
    ['INV', 2026, 0, 'sequence'],
    ['INV', 2026, -1, 'sequence'],
    ['INV', 2026, 1.5, 'sequence'],
    ['INV', 26, 1, 'year'],
    ['INV', 2026.5, 1, 'year'],
    ['XYZ' as DocumentPrefix, 2026, 1, 'prefix'],
  ])('refuses %s %s %s (field %s)', (prefix, year, sequence, field) => {
    expectDomainError(() => formatDocumentNumber(prefix, year, sequence), 'VALIDATION', field);
  });
});

describe('parseDocumentNumber', () => {
  it.each([
    ['INV-2026-0001', { prefix: 'INV', year: 2026, sequence: 1 }],
    ['inv 2026 1', { prefix: 'INV', year: 2026, sequence: 1 }],
    ['  Inv-2026-0001  ', { prefix: 'INV', year: 2026, sequence: 1 }],
    ['INV-2026-10000', { prefix: 'INV', year: 2026, sequence: 10000 }],
    ['inv_2026/12', { prefix: 'INV', year: 2026, sequence: 12 }],
    ['INV20260003', { prefix: 'INV', year: 2026, sequence: 3 }],
    ['dep-2026-0002', { prefix: 'DEP', year: 2026, sequence: 2 }],
    ['DEPR-2026-0002', { prefix: 'DEPR', year: 2026, sequence: 2 }],
    ['deprr 2026 2', { prefix: 'DEPRR', year: 2026, sequence: 2 }],
    ['JOB - 2026 - 15', { prefix: 'JOB', year: 2026, sequence: 15 }],
    ['QT-๒๐๒๖-๐๐๐๕', { prefix: 'QT', year: 2026, sequence: 5 }],
  ])('%j → %o', (text, expected) => {
    expect(parseDocumentNumber(text)).toEqual(expected);
  });

  it.each([[''], ['INV'], ['INV-2026'], ['INV-2026-0000'], ['ABC-2026-0001'], ['INV-26-1'], ['Somchai'], ['INV-2026-1-2'], ['INV-0999-1']])(
    '%j → null',
    (text) => {
      expect(parseDocumentNumber(text)).toBeNull();
    },
  );

  it.each(DOCUMENT_PREFIXES.map((prefix) => [prefix]))('%s round-trips through format and parse', (prefix) => {
    expect(parseDocumentNumber(formatDocumentNumber(prefix, 2026, 123))).toEqual({ prefix, year: 2026, sequence: 123 });
  });
});

describe('documentYear', () => {
  it.each([
    ['2026-12-31T16:59:59Z', 2026],
    ['2026-12-31T17:00:00Z', 2027], // New Year in Bangkok while it is still 2026 in UTC
    ['2027-06-01T00:00:00Z', 2027],
  ])('%s → %s', (iso, year) => {
    expect(documentYear(new Date(iso))).toBe(year);
  });
});
