/**
 * Our own line breaking. pdfkit's breaker splits Thai (written without spaces between
 * words) in the middle of words, so every piece of text on a document goes through
 * wrapText: Intl.Segmenter finds the words, corrected by a lexicon of words to keep whole
 * (word-tokens.ts), lines break only between them, and a word
 * wider than the line falls back to grapheme clusters that keep a consonant together
 * with its vowels and tone marks. Lines are then drawn one by one with lineBreak: false.
 * Every text first goes through drawableText: a character the fonts cannot draw prints as
 * '?' (measured as such), never as an empty box.
 */
import { drawSearchableText } from './actual-text.ts';
import { drawableText } from './drawable-text.ts';
import { FONT_NAMES, type FontWeight } from './fonts.ts';
import { ENDS_IN_THAI, type Lexicon, lexiconWith, SYLLABLE_FRAGMENT, THAI_LEADING_END, tokenize } from './word-tokens.ts';

const graphemeSegmenter = new Intl.Segmenter('th', { granularity: 'grapheme' });

/** Line height as a multiple of the font size (Sarabun: ascent 1.068 + descent 0.232). */
export const LINE_HEIGHT_FACTOR = 1.32;

export interface TextStyle {
  weight?: FontWeight;
  size: number;
  color?: string;
}

const currentStyle = new WeakMap<PDFKit.PDFDocument, { weight: FontWeight; size: number }>();

export function setStyle(doc: PDFKit.PDFDocument, style: TextStyle): void {
  const weight = style.weight ?? 'regular';
  doc
    .font(FONT_NAMES[weight])
    .fontSize(style.size)
    .fillColor(style.color ?? '#000000');
  currentStyle.set(doc, { weight, size: style.size });
}

/**
 * Shaping Thai text (fontkit GSUB/GPOS) is the costly part of measuring, and the same
 * labels and words come back in every document: widths are kept per font and size for
 * the process (bounded; cleared when full). Values are exactly pdfkit's, so wrapping
 * never depends on what was rendered before.
 */
const WIDTH_CACHE_LIMIT = 20_000;
const widths: Record<FontWeight, Map<string, number>> = { regular: new Map(), bold: new Map() };

/** Width of `text` in the style last set with setStyle (pdfkit's widthOfString, memoised). */
export function textWidth(doc: PDFKit.PDFDocument, raw: string): number {
  const text = drawableText(raw);
  const style = currentStyle.get(doc);
  if (!style) return doc.widthOfString(text);
  const cache = widths[style.weight];
  const key = `${style.size}|${text}`;
  let width = cache.get(key);
  if (width === undefined) {
    width = doc.widthOfString(text);
    if (cache.size >= WIDTH_CACHE_LIMIT) cache.clear();
    cache.set(key, width);
  }
  return width;
}

export function lineHeightOf(size: number): number {
  return size * LINE_HEIGHT_FACTOR;
}

/** Thai following vowels, above/below marks and tone marks: never start a cluster. */
const THAI_COMBINING_START = /^[\u0E30-\u0E3A\u0E45-\u0E4E]/u;

const lexiconOf = new WeakMap<PDFKit.PDFDocument, Lexicon>();

/**
 * The business's own words to keep whole on this document (equipment and product names),
 * on top of the built-in list. Set once per document, before any text is wrapped.
 */
export function setKeepWholeWords(doc: PDFKit.PDFDocument, words: readonly string[]): void {
  lexiconOf.set(doc, lexiconWith(words));
}

/**
 * Grapheme clusters, merged so no piece starts with a Thai mark or a silenced consonant (ร์)
 * or ends with a leading vowel.
 */
function breakableClusters(word: string): string[] {
  const clusters: string[] = [];
  for (const { segment } of graphemeSegmenter.segment(word)) {
    const last = clusters.length - 1;
    const previous = clusters[last];
    const fragment = SYLLABLE_FRAGMENT.test(segment) && segment.endsWith('\u0E4C') && ENDS_IN_THAI.test(previous ?? '');
    if (previous !== undefined && (THAI_COMBINING_START.test(segment) || THAI_LEADING_END.test(previous) || fragment)) {
      clusters[last] = previous + segment;
    } else {
      clusters.push(segment);
    }
  }
  return clusters;
}

/**
 * Breaks text into lines no wider than `width` in the document's current font and size.
 * `width` may depend on the line number (text flowing around a block). Explicit newlines
 * are kept; empty input gives no lines.
 */
export function wrapText(doc: PDFKit.PDFDocument, raw: string, width: number | ((line: number) => number)): string[] {
  const text = drawableText(raw);
  const lexicon = lexiconOf.get(doc) ?? lexiconWith();
  const lines: string[] = [];
  const widthOf = typeof width === 'number' ? () => width : width;
  const measure = (s: string): number => textWidth(doc, s);

  for (const paragraph of text.trim().replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    let lineWidth = 0;
    let pendingSpace = '';
    const flush = (): void => {
      lines.push(line);
      line = '';
      lineWidth = 0;
      pendingSpace = '';
    };

    for (const token of tokenize(paragraph.trim(), lexicon)) {
      if (token.space) {
        if (line) pendingSpace = ' ';
        continue;
      }
      const tokenWidth = measure(token.text);
      const spaceWidth = pendingSpace ? measure(pendingSpace) : 0;
      if (lineWidth + spaceWidth + tokenWidth <= widthOf(lines.length)) {
        line += pendingSpace + token.text;
        lineWidth += spaceWidth + tokenWidth;
        pendingSpace = '';
        continue;
      }
      if (line) flush();
      if (tokenWidth <= widthOf(lines.length)) {
        line = token.text;
        lineWidth = tokenWidth;
        continue;
      }
      // A single word wider than the line: break it between its ICU words (a keep-whole
      // word wider than the column), and a part still too wide (a long code, URL or e-mail)
      // between clusters.
      for (const part of token.parts) {
        const partWidth = measure(part);
        if (line && lineWidth + partWidth > widthOf(lines.length)) flush();
        if (partWidth <= widthOf(lines.length)) {
          line += part;
          lineWidth += partWidth;
          continue;
        }
        for (const cluster of breakableClusters(part)) {
          const clusterWidth = measure(cluster);
          if (line && lineWidth + clusterWidth > widthOf(lines.length)) flush();
          line += cluster;
          lineWidth += clusterWidth;
        }
      }
    }
    flush(); // an empty paragraph between two others stays an empty line
  }
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

/**
 * Joins parts on one line when they fit (in `style`), otherwise puts each part on its own
 * line, so a line like 'Tax ID 0105… · Branch 00001' breaks between its parts rather than
 * inside one of them.
 */
export function joinOrStack(doc: PDFKit.PDFDocument, parts: readonly string[], width: number, style: TextStyle, separator = '  ·  '): string {
  const present = parts.filter((part) => part.trim() !== '');
  setStyle(doc, style);
  const joined = present.join(separator);
  return textWidth(doc, joined) <= width ? joined : present.join('\n');
}

export type Align = 'left' | 'right' | 'center';

/** Draws one already-wrapped line; `y` is the top of the line box. */
export function drawLine(doc: PDFKit.PDFDocument, raw: string, x: number, y: number, options: { width?: number; align?: Align } = {}): void {
  if (!raw) return;
  const text = drawableText(raw);
  const { width = 0, align = 'left' } = options;
  let left = x;
  if (align !== 'left') {
    const w = textWidth(doc, text);
    left = align === 'right' ? x + width - w : x + (width - w) / 2;
  }
  drawSearchableText(doc, text, left, y);
}

export interface TextBlockOptions {
  align?: Align;
  /** Extra space between lines, in points. */
  lineGap?: number;
  /** Stop after this many lines (the last one is kept as is). */
  maxLines?: number;
}

/** Height of a block of `lineCount` lines in `style`. */
export function blockHeight(style: TextStyle, lineCount: number, lineGap = 0): number {
  if (lineCount <= 0) return 0;
  return lineCount * lineHeightOf(style.size) + (lineCount - 1) * lineGap;
}

/** Wraps and draws text; returns the height used. */
export function drawText(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, style: TextStyle, options: TextBlockOptions = {}): number {
  setStyle(doc, style);
  let lines = wrapText(doc, text, width);
  if (options.maxLines !== undefined) lines = lines.slice(0, options.maxLines);
  return drawLines(doc, lines, x, y, width, style, options);
}

/** Draws lines produced by wrapText (style must be the one they were wrapped with). */
export function drawLines(
  doc: PDFKit.PDFDocument,
  lines: readonly string[],
  x: number,
  y: number,
  width: number,
  style: TextStyle,
  options: TextBlockOptions = {},
): number {
  setStyle(doc, style);
  const step = lineHeightOf(style.size) + (options.lineGap ?? 0);
  lines.forEach((line, index) => {
    drawLine(doc, line, x, y + index * step, { width, align: options.align ?? 'left' });
  });
  return blockHeight(style, lines.length, options.lineGap);
}

/** Wraps text in `style` and returns the lines with their height, without drawing. */
export function measureText(doc: PDFKit.PDFDocument, text: string, width: number, style: TextStyle, lineGap = 0): { lines: string[]; height: number } {
  setStyle(doc, style);
  const lines = wrapText(doc, text, width);
  return { lines, height: blockHeight(style, lines.length, lineGap) };
}
