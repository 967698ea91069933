/**
 * What the document fonts can draw, as the predicate the domain's printable-text rule
 * takes, and the render-time safety net: text stored before that rule (or from a source
 * that bypasses it) has undrawable characters replaced by a visible '?', never a box.
 */
import { type CanDraw, replaceUndrawableCharacters } from '../../domain/printable-text.ts';
import { drawableCodePoints } from './fonts.ts';

/**
 * True when the embedded fonts have a glyph for `codePoint` (font files read once). Control
 * characters never count, whatever the cmap says (Sarabun maps NUL and CR to blank glyphs).
 */
export const canDrawCodePoint: CanDraw = (codePoint) => codePoint >= 0x20 && drawableCodePoints().has(codePoint);

/** Printable ASCII and Thai (all in Sarabun): almost every text, checked by one regex test. */
const COMMON_DRAWABLE = /^[\t\n\r\x20-\x7E\u0E01-\u0E3A\u0E3F-\u0E5B]*$/u;

/** `text` as it will be printed: every character drawable. */
export function drawableText(text: string): string {
  return COMMON_DRAWABLE.test(text) ? text : replaceUndrawableCharacters(text, canDrawCodePoint);
}
