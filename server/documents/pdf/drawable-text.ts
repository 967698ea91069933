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

/** `text` as it will be printed: every character drawable. */
export function drawableText(text: string): string {
  return replaceUndrawableCharacters(text, canDrawCodePoint);
}
