/**
 * The item table. Every cell is wrapped with wrapText; a row that does not fit moves to
 * the next page (a row taller than a whole page is split between lines), and the
 * table header is drawn again at the top of every page the table continues on.
 */
import type { DocumentLine } from '../document-model.ts';
import { L, primary, secondary, type Bilingual } from '../labels.ts';
import { formatBaht, formatQuantity } from './format.ts';
import { COLOR, CONTENT_WIDTH, PAGE, box, ensureSpace, hRule, spaceLeft, startPage, type RenderContext } from './page.ts';
import { drawLines, lineHeightOf, measureText, type Align, type TextStyle } from './text-layout.ts';

export interface Column {
  label: Bilingual;
  width: number;
  align: Align;
}

export interface TableRow {
  cells: string[];
  bold?: boolean;
}

const CELL_PADDING_X = 5;
const CELL_PADDING_Y = 3.5;
const CELL_STYLE: TextStyle = { size: 9.5, color: COLOR.text };
const CELL_BOLD: TextStyle = { size: 9.5, weight: 'bold', color: COLOR.text };
const HEAD_PRIMARY: TextStyle = { size: 8.5, weight: 'bold', color: COLOR.accent };
const HEAD_SECONDARY: TextStyle = { size: 7.5, color: COLOR.muted };
const HEAD_HEIGHT = CELL_PADDING_Y * 2 + lineHeightOf(HEAD_PRIMARY.size) + lineHeightOf(HEAD_SECONDARY.size) - 1;

/** Rows taller than this are split across pages instead of moved whole. */
const SPLIT_ROW_HEIGHT = (PAGE.contentBottom - PAGE.top) / 2;

const FIXED = { no: 30, quantity: 52, unitPrice: 82, amount: 88 };

export function itemColumns(): Column[] {
  return [
    { label: L.colNo, width: FIXED.no, align: 'center' },
    { label: L.colDescription, width: CONTENT_WIDTH - FIXED.no - FIXED.quantity - FIXED.unitPrice - FIXED.amount, align: 'left' },
    { label: L.colQuantity, width: FIXED.quantity, align: 'right' },
    { label: L.colUnitPrice, width: FIXED.unitPrice, align: 'right' },
    { label: L.colAmount, width: FIXED.amount, align: 'right' },
  ];
}

/** No. / Description / Amount: for receipts and deposit documents. */
export function simpleColumns(): Column[] {
  return [
    { label: L.colNo, width: FIXED.no, align: 'center' },
    { label: L.colDescription, width: CONTENT_WIDTH - FIXED.no - FIXED.amount - 20, align: 'left' },
    { label: L.colAmount, width: FIXED.amount + 20, align: 'right' },
  ];
}

export function itemRows(lines: readonly DocumentLine[]): TableRow[] {
  return lines.map((line, index) => ({
    cells: [String(index + 1), line.description, formatQuantity(line.quantity), formatBaht(line.unitPriceSatang), formatBaht(line.amountSatang)],
  }));
}

function drawHeader(ctx: RenderContext, columns: readonly Column[]): void {
  const { doc, lang } = ctx;
  const top = ctx.y;
  box(doc, PAGE.left, top, CONTENT_WIDTH, HEAD_HEIGHT, { fill: COLOR.strongFill });
  let x = PAGE.left;
  for (const column of columns) {
    const innerX = x + CELL_PADDING_X;
    const innerWidth = column.width - 2 * CELL_PADDING_X;
    let y = top + CELL_PADDING_Y;
    drawLines(doc, [primary(column.label, lang)], innerX, y, innerWidth, HEAD_PRIMARY, { align: column.align });
    y += lineHeightOf(HEAD_PRIMARY.size) - 1;
    drawLines(doc, [secondary(column.label, lang)], innerX, y, innerWidth, HEAD_SECONDARY, { align: column.align });
    x += column.width;
  }
  hRule(doc, PAGE.left, PAGE.left + CONTENT_WIDTH, top + HEAD_HEIGHT, COLOR.accent, 0.8);
  ctx.y = top + HEAD_HEIGHT;
}

/** Draws the table from ctx.y; leaves ctx.y under its last row. */
export function drawTable(ctx: RenderContext, columns: readonly Column[], rows: readonly TableRow[]): void {
  const { doc } = ctx;
  const lineHeight = lineHeightOf(CELL_STYLE.size);
  const minRow = lineHeight + 2 * CELL_PADDING_Y;
  ensureSpace(ctx, HEAD_HEIGHT + minRow);
  drawHeader(ctx, columns);
  ctx.onPageBreak = (c) => drawHeader(c, columns);
  try {
    for (const row of rows) {
      const style = row.bold ? CELL_BOLD : CELL_STYLE;
      const cells = columns.map((column, index) => measureText(doc, row.cells[index] ?? '', column.width - 2 * CELL_PADDING_X, style).lines);
      let remaining = Math.max(1, ...cells.map((lines) => lines.length));
      let offset = 0;
      // Keep a row together on the next page; only a row taller than half a page (a very
      // long description) is split between its lines, starting where it is.
      const fullHeight = remaining * lineHeight + 2 * CELL_PADDING_Y;
      if (fullHeight > spaceLeft(ctx) && (fullHeight <= SPLIT_ROW_HEIGHT || spaceLeft(ctx) < minRow)) {
        startPage(ctx, false);
      }
      while (remaining > 0) {
        const fit = Math.max(1, Math.floor((spaceLeft(ctx) - 2 * CELL_PADDING_Y) / lineHeight));
        const count = Math.min(remaining, fit);
        const top = ctx.y;
        let x = PAGE.left;
        columns.forEach((column, index) => {
          const slice = (cells[index] ?? []).slice(offset, offset + count);
          drawLines(doc, slice, x + CELL_PADDING_X, top + CELL_PADDING_Y, column.width - 2 * CELL_PADDING_X, style, {
            align: column.align,
          });
          x += column.width;
        });
        ctx.y = top + count * lineHeight + 2 * CELL_PADDING_Y;
        hRule(doc, PAGE.left, PAGE.left + CONTENT_WIDTH, ctx.y, COLOR.faintRule, 0.6);
        remaining -= count;
        offset += count;
        if (remaining > 0) startPage(ctx, false);
      }
    }
  } finally {
    ctx.onPageBreak = null;
  }
  hRule(doc, PAGE.left, PAGE.left + CONTENT_WIDTH, ctx.y, COLOR.rule, 0.8);
}
