import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { registerFonts } from '../../../server/documents/pdf/fonts.ts';
import { setStyle, textWidth, wrapText } from '../../../server/documents/pdf/text-layout.ts';
import { LONG_THAI_DESCRIPTION, THAI_BUYER } from './fixtures.ts';

function newDoc(size = 9.5, weight: 'regular' | 'bold' = 'regular'): PDFKit.PDFDocument {
  const doc = new PDFDocument({ font: null as unknown as string });
  registerFonts(doc);
  setStyle(doc, { size, weight });
  return doc;
}

/** Offsets in `text` where Intl.Segmenter allows a break (between two word segments). */
function wordBoundaries(text: string): Set<number> {
  const boundaries = new Set<number>([0, text.length]);
  for (const { index } of new Intl.Segmenter('th', { granularity: 'word' }).segment(text)) boundaries.add(index);
  return boundaries;
}

/** Checks the lines re-assemble the text and every break falls on a word boundary. */
function expectBreaksAtWordBoundaries(text: string, lines: string[]): void {
  const boundaries = wordBoundaries(text);
  let offset = 0;
  for (const line of lines) {
    while (text[offset] === ' ') offset += 1;
    expect(text.slice(offset, offset + line.length)).toBe(line);
    offset += line.length;
    expect(boundaries.has(offset), `break after "${line}" is not a word boundary`).toBe(true);
  }
  expect(text.slice(offset).trim()).toBe('');
}

const THAI_MARK = /^[\u0E30-\u0E3A\u0E45-\u0E4E]/u;

describe('wrapText', () => {
  it('breaks long Thai text only between words and within the width', () => {
    const doc = newDoc();
    for (const width of [80, 140, 200, 271]) {
      const lines = wrapText(doc, LONG_THAI_DESCRIPTION, width);
      expect(lines.length).toBeGreaterThan(1);
      expectBreaksAtWordBoundaries(LONG_THAI_DESCRIPTION, lines);
      for (const line of lines) {
        expect(textWidth(doc, line)).toBeLessThanOrEqual(width + 1e-9);
        expect(line).not.toMatch(THAI_MARK);
      }
    }
  });

  it('wraps names and addresses at word boundaries too', () => {
    const doc = newDoc(10.5, 'bold');
    for (const text of [THAI_BUYER.companyName!, THAI_BUYER.address!]) {
      expectBreaksAtWordBoundaries(text, wrapText(doc, text, 150));
    }
  });

  it('never separates a consonant from its vowels and tone marks, even in a word wider than the line', () => {
    const doc = newDoc(12);
    const word = 'น้ำค่ำที่ปี่ญี่ปุ่นฎีกาเกื้อกูล';
    const lines = wrapText(doc, word, 30);
    expect(lines.join('')).toBe(word);
    for (const line of lines) {
      expect(line).not.toMatch(THAI_MARK);
      expect(line).not.toMatch(/[\u0E40-\u0E44]$/u); // a leading vowel stays with its consonant
    }
  });

  it('falls back to character breaks for a long Latin word', () => {
    const doc = newDoc();
    const url = 'https://portal.example.co.th/documents/INV-2026-0001/download?token=abcdefghijklmnopqrstuvwxyz';
    const lines = wrapText(doc, `ดาวน์โหลด ${url}`, 120);
    expect(lines.join('').replace(/\s/g, '')).toBe(`ดาวน์โหลด${url}`);
    for (const line of lines) expect(textWidth(doc, line)).toBeLessThanOrEqual(120 + 1e-9);
  });

  it('keeps explicit newlines, drops trailing spaces and returns nothing for blank text', () => {
    const doc = newDoc();
    expect(wrapText(doc, 'บรรทัดแรก\nบรรทัดที่สอง', 400)).toEqual(['บรรทัดแรก', 'บรรทัดที่สอง']);
    expect(wrapText(doc, 'one   two ', 400)).toEqual(['one two']);
    expect(wrapText(doc, '   ', 400)).toEqual([]);
  });

  it('keeps ใบกำกับภาษี and ภาษีมูลค่าเพิ่ม on one line', () => {
    const doc = newDoc();
    const text = 'ออกใบกำกับภาษีพร้อมภาษีมูลค่าเพิ่ม';
    const width = textWidth(doc, 'ออกใบกำกับภาษี') + 2;
    const lines = wrapText(doc, text, width);
    expect(lines.some((line) => line.includes('ใบกำกับภาษี'))).toBe(true);
    expect(lines.some((line) => line.includes('ภาษีมูลค่าเพิ่ม'))).toBe(true);
  });
});
