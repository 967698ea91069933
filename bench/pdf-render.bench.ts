/**
 * PDF render budget: an invoice with Thai text renders in <= 40 ms median (after
 * warm-up) and a one-page invoice is <= 120 KB. Run: npx tsx bench/pdf-render.bench.ts
 */
import { renderDocumentPdf } from '../server/documents/render-document-pdf.ts';
import type { DocumentModel } from '../server/documents/document-model.ts';
import { invoice, sixtyLines, VAT_SELLER } from '../tests/unit/documents/fixtures.ts';

const WARMUP = 15;
const RUNS = 60;
const BUDGET_MS = 40;
const BUDGET_KB = 120;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function bench(name: string, model: DocumentModel, sizeBudgetKb: number | null): Promise<boolean> {
  for (let i = 0; i < WARMUP; i += 1) await renderDocumentPdf(model);
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    const pdf = await renderDocumentPdf(model);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    size = pdf.length;
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  const kb = size / 1024;
  const ok = median <= BUDGET_MS && (sizeBudgetKb === null || kb <= sizeBudgetKb);
  console.log(`${name.padEnd(22)} median ${median.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  size ${kb.toFixed(1)} KB  ${ok ? 'OK' : 'OVER BUDGET'}`);
  return ok;
}

const results = [await bench('invoice, 1 page', invoice('th'), BUDGET_KB), await bench('invoice, 60 lines', invoice('th', VAT_SELLER, sixtyLines()), null)];
console.log(`budget: median <= ${BUDGET_MS} ms, one-page invoice <= ${BUDGET_KB} KB`);
if (results.includes(false)) process.exitCode = 1;
