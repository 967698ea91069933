import { describe, expect, it } from 'vitest';
import { describeUnsafeCharacter, findUnsafeCharacter } from '../../server/domain/safe-text.ts';

describe('findUnsafeCharacter', () => {
  it.each<[string, string, string, number]>([
    ['NUL', 'Som\u0000chai', 'U+0000', 4],
    ['bell (C0)', 'a\u0007', 'U+0007', 2],
    ['DEL', 'a\u007f', 'U+007F', 2],
    ['C1 (NEL)', 'a\u0085b', 'U+0085', 2],
    ['newline in a single-line field', 'line\nbreak', 'U+000A', 5],
    ['tab in a single-line field', 'a\tb', 'U+0009', 2],
    ['carriage return', 'a\rb', 'U+000D', 2],
    ['right-to-left override', 'evil\u202Etxt.exe', 'U+202E', 5],
    ['left-to-right embedding', '\u202Aabc', 'U+202A', 1],
    ['pop directional formatting', 'abc\u202C', 'U+202C', 4],
    ['first strong isolate', 'a\u2068b', 'U+2068', 2],
    ['pop directional isolate', 'a\u2069', 'U+2069', 2],
    ['left-to-right mark', 'a\u200Eb', 'U+200E', 2],
    ['right-to-left mark', 'a\u200Fb', 'U+200F', 2],
    ['zero-width space', 'สม\u200Bชาย', 'U+200B', 3],
    ['zero-width non-joiner', 'a\u200Cb', 'U+200C', 2],
    ['zero-width joiner', 'a\u200Db', 'U+200D', 2],
    ['word joiner', 'a\u2060b', 'U+2060', 2],
    ['byte-order mark inside text', 'a\uFEFFb', 'U+FEFF', 2],
  ])('refuses %s', (_name, text, codePoint, position) => {
    const found = findUnsafeCharacter(text);
    expect(found).toMatchObject({ codePoint, position });
  });

  it('counts positions in characters, not UTF-16 units', () => {
    expect(findUnsafeCharacter('😀\u202E')).toMatchObject({ codePoint: 'U+202E', position: 2 });
  });

  it.each([
    ['Thai with tone marks', 'คุณสมชาย ใจดี'],
    ['Latin with accents', 'Zoë Ångström-Núñez'],
    ['punctuation and symbols', 'Fashion lookbook — lighting kit (2×) “A/B” 50% #1'],
    ['Thai digits', 'ซอย ๗๑'],
    ['emoji without joiners', 'Studio 🎬'],
  ])('accepts %s', (_name, text) => {
    expect(findUnsafeCharacter(text)).toBeNull();
  });

  it('allows newline and tab only in multi-line fields', () => {
    expect(findUnsafeCharacter('88/8 ซอยสุขุมวิท 71\nกรุงเทพมหานคร\t10110', { multiline: true })).toBeNull();
    expect(findUnsafeCharacter('line\u0000', { multiline: true })).toMatchObject({ kind: 'control' });
    expect(findUnsafeCharacter('a\u202Eb', { multiline: true })).toMatchObject({ kind: 'bidi' });
  });

  it('describes what was found and where', () => {
    const found = findUnsafeCharacter('ab\u202E')!;
    expect(describeUnsafeCharacter(found)).toBe('contains an invisible text-direction character (U+202E) at character 3; remove it and try again');
    expect(describeUnsafeCharacter(findUnsafeCharacter('a\nb')!)).toContain('single line');
  });
});
