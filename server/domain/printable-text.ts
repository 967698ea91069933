/**
 * Text that ends up on a PDF must be drawable by the document font: anything else (emoji,
 * Chinese, Korean, pasted symbols) would print as an empty box and vanish from copy and
 * search. Names, addresses, line descriptions and notes are therefore refused at the edge
 * with the characters named, so staff can fix them while they still know what was meant.
 *
 * What the font can draw is a fact about the font file, read by the document layer; the
 * rule here only takes it as a predicate. Whitespace and control characters are not this
 * rule's business (safe-text.ts refuses the controls; wrapping handles spaces and newlines).
 */

export type CanDraw = (codePoint: number) => boolean;

/** At most this many distinct characters are named in one message. */
const NAMED_AT_MOST = 5;

function isLayoutWhitespace(codePoint: number): boolean {
  return codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d || codePoint === 0x20;
}

/** The distinct characters of `text` the font cannot draw, in order of first appearance. */
export function findUndrawableCharacters(text: string, canDraw: CanDraw): string[] {
  const found: string[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint < 0x20 || isLayoutWhitespace(codePoint) || canDraw(codePoint)) continue;
    if (!found.includes(char)) found.push(char);
  }
  return found;
}

export function codePointLabel(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** '📷 (U+1F4F7), 中 (U+4E2D) and 2 more': the characters as typed, and their code points. */
function listCharacters(characters: readonly string[]): { en: string; th: string } {
  const named = characters
    .slice(0, NAMED_AT_MOST)
    .map((char) => `${char} (${codePointLabel(char)})`)
    .join(', ');
  const more = characters.length - NAMED_AT_MOST;
  return more > 0 ? { en: `${named} and ${more} more`, th: `${named} และอีก ${more} ตัว` } : { en: named, th: named };
}

/** The refusal for a client, per language (the portal shows it next to the field). */
export function undrawableCharactersMessages(characters: readonly string[]): { th: string; en: string } {
  const list = listCharacters(characters);
  return {
    th: `มีอักขระที่พิมพ์ลงเอกสารไม่ได้: ${list.th} กรุณาลบหรือแทนด้วยตัวอักษรอื่น`,
    en: `contains characters that documents cannot print: ${list.en}; remove or replace them`,
  };
}

/** One sentence in English and Thai for a 400 (the field name is added by the caller). */
export function describeUndrawableCharacters(characters: readonly string[]): string {
  const { th, en } = undrawableCharactersMessages(characters);
  return `${en} / ${th}`;
}

/** What a document prints instead of a character no font can draw: visible, never a box. */
export const UNDRAWABLE_REPLACEMENT = '?';

/**
 * `text` with every undrawable character replaced by UNDRAWABLE_REPLACEMENT, for data that
 * was stored before the rule above existed (control characters included: they too would
 * print as boxes). Variation selectors (U+FE00–FE0F, invisible
 * hints after an emoji or symbol) are dropped rather than shown.
 */
export function replaceUndrawableCharacters(text: string, canDraw: CanDraw): string {
  let out = '';
  let changed = false;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (isLayoutWhitespace(codePoint) || canDraw(codePoint)) {
      out += char;
    } else {
      changed = true;
      if (codePoint < 0xfe00 || codePoint > 0xfe0f) out += UNDRAWABLE_REPLACEMENT;
    }
  }
  return changed ? out : text;
}
