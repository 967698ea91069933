/**
 * Totals (right) and amount in words (left). VAT is its own line, and only for a
 * VAT-registered seller; the words are always Thai, with English too (first) when the
 * customer reads English.
 */
import { DEFAULT_VAT_RATE_BASIS_POINTS } from '../../domain/money.ts';
import { bahtText, englishAmountText } from '../../domain/thai-baht-text.ts';
import type { DocumentLang, DocumentModel, DocumentTotals } from '../document-model.ts';
import { L, bi, both, type Bilingual } from '../labels.ts';
import { formatBaht, formatMinusBaht } from './format.ts';
import { COLOR, CONTENT_RIGHT, PAGE, box, hRule, type RenderContext } from './page.ts';
import { blockHeight, drawLines, measureText, type TextStyle } from './text-layout.ts';

export interface SummaryRow {
  label: Bilingual;
  value: string;
  /** Emphasised row (grand total, net payable, amount received). */
  strong?: boolean;
}

export const SUMMARY_WIDTH = 262;
const ROW_PADDING = 3;
const LABEL_STYLE: TextStyle = { size: 9, color: COLOR.text };
const VALUE_STYLE: TextStyle = { size: 9.5, color: COLOR.text };
const STRONG_LABEL: TextStyle = { size: 9.5, weight: 'bold', color: COLOR.accent };
const STRONG_VALUE: TextStyle = { size: 10.5, weight: 'bold', color: COLOR.accent };
const VALUE_WIDTH = 80;

function percent(basisPoints: number): string {
  return `${(basisPoints / 100).toString()}%`;
}

export function totalsRows(model: DocumentModel, totals: DocumentTotals): SummaryRow[] {
  const showVat = model.seller.vatRegistered && totals.vatMode !== 'none';
  const rows: SummaryRow[] = [];
  rows.push({ label: totals.vatMode === 'inclusive' && showVat ? L.grossInclusive : L.gross, value: formatBaht(totals.grossSatang) });
  if (totals.discountSatang > 0) {
    rows.push({ label: L.discount, value: formatMinusBaht(totals.discountSatang) });
  }
  if (showVat) {
    rows.push({ label: L.beforeVat, value: formatBaht(totals.subtotalSatang) });
    const rate = percent(totals.vatRateBasisPoints ?? DEFAULT_VAT_RATE_BASIS_POINTS);
    rows.push({ label: bi(`ภาษีมูลค่าเพิ่ม ${rate}`, `VAT ${rate}`), value: formatBaht(totals.vatSatang) });
  } else if (totals.discountSatang > 0) {
    rows.push({ label: L.afterDiscount, value: formatBaht(totals.subtotalSatang) });
  }
  rows.push({ label: L.total, value: formatBaht(totals.totalSatang), strong: totals.withholdingSatang === 0 });
  if (totals.withholdingSatang > 0) {
    const rate = totals.withholdingBasisPoints ? ` ${percent(totals.withholdingBasisPoints)}` : '';
    rows.push({
      label: bi(`${L.withholding.th}${rate}`, `${L.withholding.en}${rate}`),
      value: formatMinusBaht(totals.withholdingSatang),
    });
    rows.push({ label: L.netPayable, value: formatBaht(totals.netPayableSatang), strong: true });
  }
  return rows;
}

interface MeasuredRow extends SummaryRow {
  labelLines: string[];
  height: number;
}

function measureRows(ctx: RenderContext, rows: readonly SummaryRow[]): MeasuredRow[] {
  const labelWidth = SUMMARY_WIDTH - VALUE_WIDTH - 12;
  return rows.map((row) => {
    const style = row.strong ? STRONG_LABEL : LABEL_STYLE;
    const { lines, height } = measureText(ctx.doc, both(row.label, ctx.lang), labelWidth, style);
    const valueHeight = blockHeight(row.strong ? STRONG_VALUE : VALUE_STYLE, 1);
    return { ...row, labelLines: lines, height: Math.max(height, valueHeight) + 2 * ROW_PADDING };
  });
}

export function summaryHeight(ctx: RenderContext, rows: readonly SummaryRow[]): number {
  return measureRows(ctx, rows).reduce((sum, row) => sum + row.height, 0);
}

/** Draws the rows right-aligned at (CONTENT_RIGHT - SUMMARY_WIDTH, top); returns the height. */
export function drawSummary(ctx: RenderContext, rows: readonly SummaryRow[], top: number): number {
  const { doc } = ctx;
  const x = CONTENT_RIGHT - SUMMARY_WIDTH;
  let y = top;
  for (const row of measureRows(ctx, rows)) {
    if (row.strong) {
      box(doc, x, y, SUMMARY_WIDTH, row.height, { fill: COLOR.fill });
      hRule(doc, x, CONTENT_RIGHT, y, COLOR.accent, 0.8);
      hRule(doc, x, CONTENT_RIGHT, y + row.height, COLOR.accent, 0.8);
    }
    const labelStyle = row.strong ? STRONG_LABEL : LABEL_STYLE;
    const valueStyle = row.strong ? STRONG_VALUE : VALUE_STYLE;
    drawLines(doc, row.labelLines, x + 6, y + ROW_PADDING + (row.strong ? 0.5 : 0), SUMMARY_WIDTH - VALUE_WIDTH - 12, labelStyle);
    drawLines(doc, [row.value], CONTENT_RIGHT - VALUE_WIDTH - 6, y + ROW_PADDING, VALUE_WIDTH, valueStyle, { align: 'right' });
    y += row.height;
  }
  return y - top;
}

/** Words for an amount: Thai always; English first when the customer reads English. */
export function amountInWords(satang: number, lang: DocumentLang): string[] {
  const thai = `(${bahtText(satang)})`;
  if (lang === 'en') return [`(${englishAmountText(satang)})`, thai];
  return [thai];
}

const WORDS_LABEL: TextStyle = { size: 8, weight: 'bold', color: COLOR.muted };
const WORDS_STYLE: TextStyle = { size: 9.5, weight: 'bold', color: COLOR.text };
const WORDS_PADDING = 6;

function measureWords(ctx: RenderContext, satang: number, width: number): { lines: string[]; height: number } {
  const inner = width - 2 * WORDS_PADDING;
  const lines = amountInWords(satang, ctx.lang).flatMap((text) => measureText(ctx.doc, text, inner, WORDS_STYLE).lines);
  return { lines, height: blockHeight(WORDS_LABEL, 1) + blockHeight(WORDS_STYLE, lines.length) + 2 * WORDS_PADDING };
}

export function wordsHeight(ctx: RenderContext, satang: number, width: number): number {
  return measureWords(ctx, satang, width).height;
}

/** Boxed amount in words at (x, top); returns the height. */
export function drawWords(ctx: RenderContext, satang: number, x: number, top: number, width: number): number {
  const { lines, height } = measureWords(ctx, satang, width);
  box(ctx.doc, x, top, width, height, { fill: COLOR.fill, radius: 3 });
  let y = top + WORDS_PADDING;
  y += drawLines(ctx.doc, [both(L.inWords, ctx.lang)], x + WORDS_PADDING, y, width, WORDS_LABEL);
  drawLines(ctx.doc, lines, x + WORDS_PADDING, y, width - 2 * WORDS_PADDING, WORDS_STYLE);
  return height;
}

export const WORDS_WIDTH = CONTENT_RIGHT - SUMMARY_WIDTH - 16 - PAGE.left;
