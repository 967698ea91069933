/**
 * Document number format: PREFIX-YEAR-SEQUENCE, e.g. INV-2026-0001. Sequences are per
 * prefix and per (Gregorian, Bangkok) year; allocating them gap-free is the data layer's
 * job, this file only says what a number looks like.
 */
import { validation } from './errors.ts';
import { bangkokYear } from './dates.ts';
import { normalizeDigits } from './normalize-input.ts';

/**
 * INV invoice, TAX separate tax invoice, QT quote, RC payment receipt, PREREC pre-payment
 * receipt, DEPR deposit received, DEPRR deposit returned, DEP deposit, JOB job, CN credit note.
 */
export const DOCUMENT_PREFIXES = ['INV', 'TAX', 'QT', 'RC', 'PREREC', 'DEPR', 'DEPRR', 'DEP', 'JOB', 'CN'] as const;
export type DocumentPrefix = (typeof DOCUMENT_PREFIXES)[number];

export interface ParsedDocumentNumber {
  prefix: DocumentPrefix;
  year: number;
  sequence: number;
}

const MIN_SEQUENCE_DIGITS = 4;

export function isDocumentPrefix(text: string): text is DocumentPrefix {
  return (DOCUMENT_PREFIXES as readonly string[]).includes(text);
}

/** 'INV-2026-0001'; padded to 4 digits and simply longer past 9999 ('INV-2026-10000'). */
export function formatDocumentNumber(prefix: DocumentPrefix, year: number, sequence: number): string {
  if (!isDocumentPrefix(prefix)) throw validation('prefix', `unknown document prefix ${String(prefix)}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw validation('year', 'year must have 4 digits');
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw validation('sequence', 'sequence must be 1 or more');
  return `${prefix}-${year}-${String(sequence).padStart(MIN_SEQUENCE_DIGITS, '0')}`;
}

/**
 * Reads a number as people type it in chat: 'inv 2026 1', 'INV-2026-0001', 'Inv_2026/12'.
 * Returns null for anything that is not a document number (so a bot can fall back to a
 * name search).
 */
export function parseDocumentNumber(text: string): ParsedDocumentNumber | null {
  if (typeof text !== 'string') return null;
  const match = /^([A-Z]+)[\s\-_/#.]*(\d{4})[\s\-_/#.]*(\d{1,9})$/.exec(normalizeDigits(text).trim().toUpperCase());
  if (!match) return null;
  const [, prefix = '', year, sequence] = match;
  if (!isDocumentPrefix(prefix)) return null;
  const parsed = { prefix, year: Number(year), sequence: Number(sequence) };
  return parsed.sequence >= 1 && parsed.year >= 1000 ? parsed : null;
}

/** The year a document issued at `instant` is numbered in: Bangkok's calendar year. */
export function documentYear(instant: Date): number {
  return bangkokYear(instant);
}
