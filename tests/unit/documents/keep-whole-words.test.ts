import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { keepWholeWordProblem, readKeepWholeWords, storedKeepWholeWords } from '../../../server/domain/keep-whole-words.ts';
import { registerFonts } from '../../../server/documents/pdf/fonts.ts';
import { setKeepWholeWords, setStyle, textWidth, wrapText } from '../../../server/documents/pdf/text-layout.ts';

function newDoc(size = 9.5): PDFKit.PDFDocument {
  const doc = new PDFDocument({ font: null as unknown as string });
  registerFonts(doc);
  setStyle(doc, { size });
  return doc;
}

const count = (text: string, word: string): number => text.split(word).length - 1;

/**
 * Wraps `text` in every column width from just wider than `word` up to the whole text, and
 * reports the widths at which `word` did not come out whole on one line.
 */
function widthsThatCut(doc: PDFKit.PDFDocument, text: string, word: string): number[] {
  const cut: number[] = [];
  const from = Math.ceil(textWidth(doc, word)) + 1;
  const to = Math.ceil(textWidth(doc, text));
  for (let width = from; width <= to; width += 1) {
    const lines = wrapText(doc, text, width);
    if (count(lines.join('\n'), word) !== count(text, word)) cut.push(width);
  }
  return cut;
}

const PREFIXES = ['ค่าเช่า', 'ค่าเช่าจอและ', 'พร้อมชุดควบคุมภาพ', 'ติดตั้ง 1 ชุด', 'ค่าบริการเช่า'];

describe('keep-whole words in narrow columns', () => {
  it.each(['เครื่องโปรเจกเตอร์', 'มิวสิกวิดีโอ', 'ไมโครโฟน', 'ลำโพง', 'คอมพิวเตอร์', 'เครื่องปั่นไฟ', 'สวิตเชอร์', 'โปรดักชั่น'])(
    '%s never breaks inside, whatever the column width',
    (word) => {
      const doc = newDoc();
      for (const prefix of PREFIXES) {
        expect(widthsThatCut(doc, `${prefix}${word}ไร้สายพร้อมขาตั้ง`, word), `${prefix}${word}`).toEqual([]);
      }
    },
  );

  it('breaks the audit lines between words: no "เครื่องโปร / เจกเตอร์", no "และมิ / วสิกวิดีโอ"', () => {
    const doc = newDoc();
    const text = 'ค่าเช่าจอ LED 3×2 เมตร พร้อมโครงและชุดควบคุมภาพ เครื่องโปรเจกเตอร์ Epson 7,000 ลูเมน และมิวสิกวิดีโอ อุปกรณ์สวิตเชอร์';
    for (const word of ['เครื่องโปรเจกเตอร์', 'มิวสิกวิดีโอ', 'อุปกรณ์', 'สวิตเชอร์', '3×2', 'ลูเมน']) {
      expect(widthsThatCut(doc, text, word), word).toEqual([]);
    }
  });

  it('keeps fragments ICU leaves from unknown words with their syllable, and 25°C together', () => {
    const doc = newDoc();
    // ICU: ไฟ|ส|ปอตไลท์, เครื่อง|ส|โมค, จอ|แอ|ล|อี|ดี and อุณหภูมิ| |25|°|C.
    for (const [text, word] of [
      ['ชุดไฟสปอตไลท์หมุนได้', 'สปอตไลท์'],
      ['เช่าเครื่องสโมคสองวัน', 'สโมค'],
      ['ทีวีจอแอลอีดีห้าสิบนิ้ว', 'แอลอีดี'],
      ['อุณหภูมิห้อง 25°C ตลอดงาน', '25°C'],
    ] as const) {
      expect(widthsThatCut(doc, text, word), text).toEqual([]);
    }
  });

  it("keeps the business's own words whole once given, and only on that document", () => {
    const text = 'ค่าเช่าเครื่องทำควันฟ็อกแมชชีนพร้อมน้ำยา';
    const plain = newDoc();
    expect(widthsThatCut(plain, text, 'ฟ็อกแมชชีน').length).toBeGreaterThan(0); // ICU: ฟ็|อก|แมชชีน
    const own = newDoc();
    setKeepWholeWords(own, ['ฟ็อกแมชชีน']);
    expect(widthsThatCut(own, text, 'ฟ็อกแมชชีน')).toEqual([]);
    expect(widthsThatCut(newDoc(), text, 'ฟ็อกแมชชีน').length).toBeGreaterThan(0);
  });

  it('breaks a keep-whole word wider than the column between its own words, never mid-syllable', () => {
    const doc = newDoc();
    const word = 'เครื่องโปรเจกเตอร์';
    const lines = wrapText(doc, word, textWidth(doc, word) - 1);
    expect(lines).toEqual(['เครื่อง', 'โปรเจกเตอร์']);
  });
});

describe('the business keep-whole list', () => {
  it('takes one word of 2 to 40 characters without spaces', () => {
    expect(keepWholeWordProblem('ฟ็อกแมชชีน')).toBeNull();
    expect(keepWholeWordProblem('ฟ็อก แมชชีน')).toBe('whitespace');
    expect(keepWholeWordProblem('ก')).toBe('too_short');
    expect(keepWholeWordProblem('ก'.repeat(41))).toBe('too_long');
  });

  it('is stored one word a line, NFC, without blanks or repeats, and read back', () => {
    const stored = storedKeepWholeWords([' ฟ็อกแมชชีน ', 'ฟ็อกแมชชีน', '', 'Cafe\u0301']);
    expect(stored).toBe('ฟ็อกแมชชีน\nCafé');
    expect(readKeepWholeWords(stored)).toEqual(['ฟ็อกแมชชีน', 'Café']);
    expect(readKeepWholeWords('')).toEqual([]);
  });
});
