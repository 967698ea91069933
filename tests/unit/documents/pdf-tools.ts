/**
 * Reading rendered PDFs back with poppler-utils (pdftotext, pdffonts), as an accountant's
 * tools would. Missing poppler is a setup error, never a reason to skip.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const INSTALL_HINT = 'poppler-utils is required by the PDF tests (pdftotext, pdffonts): run `apt-get update && apt-get install -y poppler-utils`';

function run(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${tool} not found. ${INSTALL_HINT}` : `${tool} failed: ${result.error.message}`);
  }
  if (result.status !== 0) throw new Error(`${tool} exited with ${result.status}: ${result.stderr}`);
  return result.stdout;
}

function withFile<T>(pdf: Buffer, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-test-'));
  const file = join(dir, 'doc.pdf');
  try {
    writeFileSync(file, pdf);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Text of the PDF. 'layout' keeps the physical layout (columns, rows); 'raw' keeps the
 * drawing order, which is the reliable mode for Thai words: in layout mode poppler sorts
 * characters by x, and a tone mark that Sarabun shifts left over an upper vowel
 * (ชั้น, หมู่ที่) can land after the next consonant.
 */
export function pdfText(pdf: Buffer, mode: 'layout' | 'raw' = 'layout'): string {
  return withFile(pdf, (file) => run('pdftotext', [mode === 'layout' ? '-layout' : '-raw', '-enc', 'UTF-8', file, '-']));
}

/** Text per page (pdftotext separates pages with form feeds). */
export function pdfPages(pdf: Buffer, mode: 'layout' | 'raw' = 'layout'): string[] {
  const pages = pdfText(pdf, mode).split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export function pdfFonts(pdf: Buffer): PdfFont[] {
  const out = withFile(pdf, (file) => run('pdffonts', [file]));
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // name type… encoding emb sub uni object ID — the type has spaces, so read from the end.
      const parts = line.trim().split(/\s+/);
      const [emb, sub] = parts.slice(-5, -3);
      return { name: parts[0] ?? '', type: parts.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes' };
    });
}

/**
 * Both sides in NFKC form, for comparisons that must not depend on how ำ is spelled (readers
 * that ignore /ActualText extract it as ํ + า, the two glyphs Sarabun draws).
 */
export function nfkc(text: string): string {
  return text.normalize('NFKC');
}

/** Whitespace collapsed, NFKC: for "is this phrase in the text" checks. */
export function flat(text: string): string {
  return nfkc(text).replace(/\s+/g, ' ');
}

/** Page `page` (1-based) as 8-bit grey pixels, via pdftoppm's PGM output. */
export function pdfPageGrey(pdf: Buffer, page: number, dpi = 150): { width: number; height: number; pixels: Uint8Array } {
  const result = withFile(pdf, (file) =>
    spawnSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), file], {
      maxBuffer: 256 * 1024 * 1024,
    }),
  );
  if (result.error) throw new Error(`pdftoppm not found. ${INSTALL_HINT}`);
  const data = result.stdout;
  // PGM (P5): magic, width, height, maxval separated by whitespace, then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not produce a PGM image');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: data.subarray(header[0].length, header[0].length + width * height) };
}

/** pdfinfo fields ('Title', 'CreationDate' in ISO form, 'Pages'…). */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = withFile(pdf, (file) => run('pdfinfo', ['-isodates', file]));
  return Object.fromEntries(
    out
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!.trim()]),
  );
}

export interface PdfImage {
  page: number;
  width: number;
  height: number;
}

/** The raster images drawn in the PDF (pdfimages -list), one row per placement. */
export function pdfImages(pdf: Buffer): PdfImage[] {
  const out = withFile(pdf, (file) => run('pdfimages', ['-list', file]));
  return out
    .split('\n')
    .slice(2)
    .map((row) => row.trim().split(/\s+/))
    .filter((cols) => cols.length > 4 && /^\d+$/.test(cols[0] ?? ''))
    .map((cols) => ({ page: Number(cols[0]), width: Number(cols[3]), height: Number(cols[4]) }));
}
