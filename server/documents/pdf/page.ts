/**
 * Page geometry, the shared palette and type scale, and the render context that carries
 * the write position (y) through the page. Content modules ask for space with
 * ensureSpace(); a page break draws the running header again (and, inside the line
 * table, the table header).
 */
import type { DocumentLang, DocumentModel } from '../document-model.ts';
import type { Bilingual } from '../labels.ts';
import type { TextStyle } from './text-layout.ts';

export const PAGE = {
  width: 595.28,
  height: 841.89,
  left: 40,
  right: 40,
  top: 34,
  /** Lowest y for body content; the footer lives below it. */
  contentBottom: 841.89 - 58,
  footerY: 841.89 - 40,
} as const;

export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const CONTENT_RIGHT = PAGE.width - PAGE.right;

export const COLOR = {
  text: '#1b1f24',
  muted: '#5a6472',
  accent: '#1f3a5f',
  rule: '#aeb7c2',
  faintRule: '#dde2e8',
  fill: '#eef2f6',
  strongFill: '#dfe6ee',
} as const;

export const STYLE = {
  body: { size: 9.5, color: COLOR.text },
  bodyBold: { size: 9.5, weight: 'bold', color: COLOR.text },
  small: { size: 8.5, color: COLOR.text },
  smallMuted: { size: 8, color: COLOR.muted },
  label: { size: 8, weight: 'bold', color: COLOR.muted },
  sellerName: { size: 13.5, weight: 'bold', color: COLOR.accent },
  title: { size: 19, weight: 'bold', color: COLOR.accent },
  subtitle: { size: 11, color: COLOR.accent },
} satisfies Record<string, TextStyle>;

export interface MetaRow {
  label: Bilingual;
  value: string;
}

export interface RenderContext {
  doc: PDFKit.PDFDocument;
  model: DocumentModel;
  lang: DocumentLang;
  /** Next free y on the current page. */
  y: number;
  /** Rows of the number/date box, printed on every page. */
  meta: MetaRow[];
  /** Small boxed labels under the title ('ต้นฉบับ / Original', 'Paid in full'). */
  badges: Bilingual[];
  /** Draws header + meta on a fresh page and returns the y where body content starts. */
  drawRunningHeader: (ctx: RenderContext, firstPage: boolean) => number;
  /** Set while a table is being drawn: repeats its header after a page break. */
  onPageBreak: ((ctx: RenderContext) => void) | null;
}

export function startPage(ctx: RenderContext, firstPage: boolean): void {
  if (!firstPage) ctx.doc.addPage();
  ctx.y = ctx.drawRunningHeader(ctx, firstPage);
  ctx.onPageBreak?.(ctx);
}

/** Space left on the current page. */
export function spaceLeft(ctx: RenderContext): number {
  return PAGE.contentBottom - ctx.y;
}

/** Starts a new page when `height` does not fit; returns true if it did. */
export function ensureSpace(ctx: RenderContext, height: number): boolean {
  if (ctx.y + height <= PAGE.contentBottom) return false;
  startPage(ctx, false);
  return true;
}

export function hRule(doc: PDFKit.PDFDocument, x1: number, x2: number, y: number, color: string = COLOR.rule, width = 0.6): void {
  doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke().restore();
}

export function box(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  width: number,
  height: number,
  options: { fill?: string; stroke?: string; radius?: number; lineWidth?: number } = {},
): void {
  const { fill, stroke, radius = 0, lineWidth = 0.6 } = options;
  doc.save();
  if (radius > 0) doc.roundedRect(x, y, width, height, radius);
  else doc.rect(x, y, width, height);
  doc.lineWidth(lineWidth);
  if (fill && stroke) doc.fillAndStroke(fill, stroke);
  else if (fill) doc.fill(fill);
  else if (stroke) doc.strokeColor(stroke).stroke();
  doc.restore();
}
