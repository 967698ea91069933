import { describe, expect, it } from 'vitest';
import { describeUndrawableCharacters, findUndrawableCharacters, replaceUndrawableCharacters } from '../../server/domain/printable-text.ts';
import { canDrawCodePoint, drawableText } from '../../server/documents/pdf/drawable-text.ts';

describe('what the document fonts can draw (read from Sarabun)', () => {
  it('draws Thai, Latin, Vietnamese and the symbols documents use', () => {
    for (const char of 'กขฃ ำ ๆ ฯ ๐๙ ฿ ÀéüỆ €™©®°×–—“”…•→≤±µ') expect(canDrawCodePoint(char.codePointAt(0)!), char).toBe(true);
  });

  it('cannot draw emoji, Chinese, Korean, Japanese, Cyrillic or control characters', () => {
    for (const char of ['📷', '💡', '中', '文', '한', '국', 'あ', 'Ж', '✓', '№', '\u0000', '\u0007', '\uFE0F']) {
      expect(canDrawCodePoint(char.codePointAt(0)!), char).toBe(false);
    }
  });
});

describe('findUndrawableCharacters', () => {
  it('lists each undrawable character once, in order, ignoring whitespace', () => {
    expect(findUndrawableCharacters('กล้อง 📷 中文 📷\nline\tend', canDrawCodePoint)).toEqual(['📷', '中', '文']);
    expect(findUndrawableCharacters('บริษัท เย็นสบาย จำกัด 1,000.00 ฿ – “ok”', canDrawCodePoint)).toEqual([]);
  });

  it('names the characters and their code points, in English and Thai, with a cap', () => {
    const message = describeUndrawableCharacters(['📷', '中']);
    expect(message).toContain('📷 (U+1F4F7), 中 (U+4E2D)');
    expect(message).toContain('cannot print');
    expect(message).toContain('พิมพ์ลงเอกสารไม่ได้');
    expect(describeUndrawableCharacters([...'한국어中文日本'])).toContain('and 2 more');
  });
});

describe('replaceUndrawableCharacters (render-time safety net)', () => {
  it('prints a visible ? for each undrawable character and drops variation selectors', () => {
    expect(replaceUndrawableCharacters('กล้อง📷 คุณ李 ©\uFE0F', canDrawCodePoint)).toBe('กล้อง? คุณ? ©');
    expect(replaceUndrawableCharacters('bell\u0007', canDrawCodePoint)).toBe('bell?');
  });

  it('returns the same string when everything is drawable (newlines and tabs kept)', () => {
    const text = 'น้ำ ค่ำ\nที่\tปี่';
    expect(drawableText(text)).toBe(text);
  });
});
