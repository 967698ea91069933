/**
 * Sarabun (OFL) Regular + Bold: one TTF with Thai and Latin glyphs and the GPOS mark
 * positioning that stacks Thai vowels and tone marks. The files are read once per
 * process; pdfkit embeds only the glyphs a document uses (subsetting).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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

export function registerFonts(doc: PDFKit.PDFDocument): void {
  const buffers = fontBuffers();
  doc.registerFont(FONT_NAMES.regular, buffers.regular);
  doc.registerFont(FONT_NAMES.bold, buffers.bold);
}
