/**
 * Renders one sample of every document kind (VAT and non-VAT seller, Thai and English,
 * a 60-line invoice) to tests/.tmp/pdf-samples/*.pdf, plus PNG pages at 80 dpi when
 * poppler's pdftoppm is installed. Run: npx tsx scripts/render-sample-pdfs.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDocumentPdf } from '../server/documents/render-document-pdf.ts';
import { allSamples } from '../tests/unit/documents/fixtures.ts';

const outDir = fileURLToPath(new URL('../tests/.tmp/pdf-samples/', import.meta.url));
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const dpi = process.argv.includes('--hires') ? '300' : '80';
let havePdftoppm = true;
for (const { name, model } of allSamples()) {
  const pdf = await renderDocumentPdf(model);
  const file = join(outDir, `${name}.pdf`);
  writeFileSync(file, pdf);
  let pngNote = '';
  if (havePdftoppm) {
    const result = spawnSync('pdftoppm', ['-r', dpi, '-png', file, join(outDir, name)], { encoding: 'utf8' });
    if (result.error) {
      havePdftoppm = false;
      pngNote = ' (no PNG: install poppler-utils for pdftoppm)';
    }
  }
  console.log(`${name}.pdf  ${(pdf.length / 1024).toFixed(1)} KB${pngNote}`);
}
console.log(`written to ${outDir}`);
