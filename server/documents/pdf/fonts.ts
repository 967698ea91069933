/**
 * Sarabun (OFL) Regular + Bold: one TTF with Thai and Latin glyphs and the GPOS mark
 * positioning that stacks Thai vowels and tone marks. The files are read once per
 * process; pdfkit embeds only the glyphs a document uses (subsetting).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

export type FontWeight = 'regular' | 'bold';

export const FONT_NAMES: Record<FontWeight, string> = {
  regular: 'Sarabun',
  bold: 'Sarabun-Bold',
};

const FONT_FILES: Record<FontWeight, string> = {
  regular: '400Regular/Sarabun_400Regular.ttf',
  bold: '700Bold/Sarabun_700Bold.ttf',
};

let cached: Record<FontWeight, Buffer> | null = null;

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@expo-google-fonts/sarabun/package.json'));
}

/** The TTF bytes, read from node_modules on first use and kept for the process. */
export function fontBuffers(): Record<FontWeight, Buffer> {
  if (!cached) {
    const dir = packageDir();
    cached = {
      regular: readFileSync(join(dir, FONT_FILES.regular)),
      bold: readFileSync(join(dir, FONT_FILES.bold)),
    };
  }
  return cached;
}

/**
 * pdfkit accepts either font bytes (parsed again by fontkit for every document: most of
 * the render time) or an already-parsed fontkit font. We let pdfkit parse each file once,
 * keep the parsed font and hand it to every later document. Each document still makes
 * its own subset.
 *
 * Sharing the parsed font needs one correction. fontkit caches one glyph object per glyph
 * id, carrying the characters of whichever text produced it first, and pdfkit writes
 * those characters into the PDF's ToUnicode map (what copy/paste, search and pdftotext
 * read). Sarabun draws ำ (sara am) as nikhahit + sara aa, so the shared sara aa glyph
 * would map to 'า' or to nothing depending on what the process rendered before: output
 * bytes would depend on history, and extracted text would show 'ำา' or lose every 'า'.
 * Every glyph therefore gets fixed, history-free characters: its cmap character, or the
 * characters in its name (uni0E4D0E49), or else the shaped text with ำ spelled as its
 * nikhahit part. These per-glyph characters are only what a reader falls back to: every
 * line of Thai also carries its exact text as /ActualText (actual-text.ts), so copy and
 * search give ำ, not ํ + า.
 */
type FontkitGlyph = { id: number; name?: string; codePoints: number[] };
type FontkitRun = { glyphs: FontkitGlyph[] };
type ParsedFont = {
  layout: (...args: unknown[]) => FontkitRun;
  characterSet: number[];
  glyphForCodePoint: (codePoint: number) => FontkitGlyph;
};
let parsed: Record<FontWeight, ParsedFont | null> | null = null;

const SARA_AM = 0x0e33;
const NIKHAHIT = 0x0e4d;
const isThaiToneMark = (cp: number): boolean => cp >= 0x0e48 && cp <= 0x0e4b;

function isParsedFont(value: unknown): value is ParsedFont {
  const font = value as ParsedFont | null;
  return (
    typeof font === 'object' &&
    font !== null &&
    typeof font.layout === 'function' &&
    typeof font.glyphForCodePoint === 'function' &&
    Array.isArray(font.characterSet)
  );
}

/** Characters named by a 'uniXXXX[YYYY…][.suffix]' glyph name, tone mark before nikhahit. */
function codePointsFromName(name: string | undefined): number[] | null {
  const match = name ? /^uni((?:[0-9A-F]{4})+)(?:\..*)?$/.exec(name) : null;
  if (!match?.[1]) return null;
  const points = match[1].match(/.{4}/g)!.map((hex) => parseInt(hex, 16));
  if (points.length === 2 && points[0] === NIKHAHIT && isThaiToneMark(points[1]!)) points.reverse();
  return points;
}

function withCanonicalCodePoints(font: ParsedFont): ParsedFont {
  const byGlyph = new Map<number, number[]>();
  // Lowest code point first, so a glyph shared by several characters always maps the same
  // way; presentation forms (ﬁ ﬂ) are skipped so a ligature reads as its letters.
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) {
    if (codePoint >= 0xfb00 && codePoint <= 0xfb4f) continue;
    const id = font.glyphForCodePoint(codePoint).id;
    if (!byGlyph.has(id)) byGlyph.set(id, [codePoint]);
  }
  const canonical = (glyph: FontkitGlyph): number[] => {
    let points = byGlyph.get(glyph.id);
    if (!points) {
      points = codePointsFromName(glyph.name) ?? glyph.codePoints.map((cp) => (cp === SARA_AM ? NIKHAHIT : cp));
      byGlyph.set(glyph.id, points);
    }
    return points;
  };
  const layout = font.layout.bind(font);
  font.layout = (...args: unknown[]): FontkitRun => {
    const run = layout(...args);
    for (const glyph of run.glyphs) glyph.codePoints = canonical(glyph);
    return run;
  };
  return font;
}

function parseOnce(weight: FontWeight): ParsedFont | null {
  // A scratch document, never ended or written: real documents stay independent of it.
  const doc = new PDFDocument({ font: null as unknown as string, autoFirstPage: false });
  doc.font(fontBuffers()[weight]);
  // pdfkit keeps the fontkit font on its (undocumented) current-font object; if that ever
  // changes we simply keep passing bytes.
  const font: unknown = (doc as unknown as { _font?: { font?: unknown } })._font?.font;
  return isParsedFont(font) ? withCanonicalCodePoints(font) : null;
}

function parsedFonts(): Record<FontWeight, ParsedFont | null> {
  if (!parsed) {
    parsed = { regular: parseOnce('regular'), bold: parseOnce('bold') };
  }
  return parsed;
}

let drawable: ReadonlySet<number> | null = null;

/**
 * The characters both weights can draw (their cmap), read once from the font files: what
 * a document can print without a box. Text is drawn in either weight, so a character
 * counts only when both have it.
 */
export function drawableCodePoints(): ReadonlySet<number> {
  if (!drawable) {
    const { regular, bold } = parsedFonts();
    if (!regular || !bold) throw new Error('cannot read the character map of the document fonts (pdfkit no longer exposes the parsed font)');
    const inBold = new Set(bold.characterSet);
    drawable = new Set(regular.characterSet.filter((codePoint) => inBold.has(codePoint)));
  }
  return drawable;
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  const buffers = fontBuffers();
  const fonts = parsedFonts();
  const source = (weight: FontWeight): PDFKit.Mixins.PDFFontSource => (fonts[weight] as unknown as PDFKit.Mixins.PDFFontSource | null) ?? buffers[weight];
  doc.registerFont(FONT_NAMES.regular, source('regular'));
  doc.registerFont(FONT_NAMES.bold, source('bold'));
}
