/**
 * Running header, printed on every page: the business (logo slot, name, address, tax ID
 * and branch, contact), the bilingual title with its badges, and the number/date box.
 * The first page adds the customer block beside the number/date box; later pages repeat
 * only the customer's name.
 */
import type { DocumentBuyer, DocumentLang, DocumentSeller } from '../document-model.ts';
import { L, both, branchLabel, documentTitle, primary, secondary } from '../labels.ts';
import { COLOR, CONTENT_RIGHT, CONTENT_WIDTH, PAGE, STYLE, box, hRule, type MetaRow, type RenderContext } from './page.ts';
import { blockHeight, drawLines, drawText, joinOrStack, lineHeightOf, measureText, setStyle, textWidth, wrapText, type TextStyle } from './text-layout.ts';

/** Width of the number/date box (and of the customer box's neighbour). */
const RIGHT_WIDTH = 212;
/** The title column takes what its title needs, within these bounds. */
const TITLE_MIN_WIDTH = 150;
const TITLE_MAX_WIDTH = 250;
const TITLE_GAP = 18;
const LOGO_SIZE = 54;
const LOGO_GAP = 10;
const BOX_GAP = 12;
const BOX_PADDING = 7;

/** 'เลขประจำตัวผู้เสียภาษี / Tax ID 0105…  ·  สำนักงานใหญ่ / Head office', split in two if narrow. */
export function taxIdText(
  doc: PDFKit.PDFDocument,
  taxId: string,
  branch: string | null | undefined,
  lang: DocumentLang,
  width: number,
  style: TextStyle,
): string {
  const branchText = branchLabel(branch);
  return joinOrStack(doc, [`${both(L.taxId, lang)} ${taxId}`, branchText ? both(branchText, lang) : ''], width, style);
}

function sellerNames(seller: DocumentSeller, lang: DocumentLang): { main: string; other: string | null } {
  const english = seller.nameEn?.trim() || null;
  if (lang === 'en' && english) return { main: english, other: seller.name };
  return { main: seller.name, other: english && english !== seller.name ? english : null };
}

/**
 * Business block on the left; returns its bottom y. Each line takes the width left free
 * by the title bands beside it, so an address flows under a short title.
 */
function drawSeller(ctx: RenderContext, top: number, zones: readonly Zone[]): number {
  const { doc, lang } = ctx;
  const seller = ctx.model.seller;
  let x = PAGE.left;
  let full = CONTENT_WIDTH;
  if (seller.logo) {
    doc.image(seller.logo, x, top, { fit: [LOGO_SIZE, LOGO_SIZE] });
    x += LOGO_SIZE + LOGO_GAP;
    full -= LOGO_SIZE + LOGO_GAP;
  }
  let y = top;
  const widthBetween = (lineTop: number, lineBottom: number): number => {
    const taken = Math.max(0, ...zones.filter((z) => lineTop < z.bottom && lineBottom > z.top).map((z) => z.width));
    return taken > 0 ? full - taken - TITLE_GAP : full;
  };
  const flow = (text: string, style: TextStyle): void => {
    setStyle(doc, style);
    const lineHeight = lineHeightOf(style.size);
    const widthAt = (line: number): number => widthBetween(y + line * lineHeight, y + (line + 1) * lineHeight);
    y += drawLines(doc, wrapText(doc, text, widthAt), x, y, full, style);
  };
  const nextLineWidth = (style: TextStyle): number => widthBetween(y, y + lineHeightOf(style.size));
  const names = sellerNames(seller, lang);
  flow(names.main, STYLE.sellerName);
  if (names.other) flow(names.other, { size: 9, weight: 'bold', color: COLOR.muted });
  y += 2;
  flow(seller.address, STYLE.small);
  flow(taxIdText(doc, seller.taxId, seller.branch, lang, nextLineWidth(STYLE.small), STYLE.small), STYLE.small);
  const contact = joinOrStack(
    doc,
    [seller.phone ? `${both(L.phone, lang)} ${seller.phone}` : '', seller.email ? `${both(L.email, lang)} ${seller.email}` : ''],
    nextLineWidth(STYLE.small),
    STYLE.small,
    '   ',
  );
  if (contact) flow(contact, STYLE.small);
  return Math.max(y, seller.logo ? top + LOGO_SIZE : y);
}

interface TitleLayout {
  width: number;
  style: TextStyle;
}

/** The title on one line if possible: the column widens up to a limit, then the type shrinks. */
function titleLayout(ctx: RenderContext): TitleLayout {
  const { doc, lang } = ctx;
  const title = documentTitle(ctx.model);
  setStyle(doc, STYLE.title);
  const needed = textWidth(doc, primary(title, lang));
  setStyle(doc, STYLE.subtitle);
  const subtitle = textWidth(doc, secondary(title, lang));
  // +2: wrapText sums word widths, which can exceed the whole line's width by a hair.
  const width = Math.min(TITLE_MAX_WIDTH, Math.max(TITLE_MIN_WIDTH, Math.ceil(needed) + 2, Math.ceil(subtitle) + 2));
  const size = needed > width ? Math.max(14, Math.floor((STYLE.title.size * width * 10) / needed) / 10) : STYLE.title.size;
  return { width, style: { ...STYLE.title, size } };
}

/** A band of the right-hand title column: the seller block keeps clear of it. */
interface Zone {
  top: number;
  bottom: number;
  width: number;
}

function widestLine(doc: PDFKit.PDFDocument, lines: readonly string[]): number {
  return Math.max(0, ...lines.map((line) => textWidth(doc, line)));
}

/**
 * Title (customer's language large, the other below) and badges, right-aligned. Returns
 * the bands it occupies, so the seller's lines can use the room beside shorter bands.
 */
function drawTitle(ctx: RenderContext, top: number, layout: TitleLayout): Zone[] {
  const { doc, lang } = ctx;
  const title = documentTitle(ctx.model);
  const x = CONTENT_RIGHT - layout.width;
  const zones: Zone[] = [];
  let y = top - 3;
  for (const [text, style] of [
    [primary(title, lang), layout.style],
    [secondary(title, lang), STYLE.subtitle],
  ] as const) {
    const { lines, height } = measureText(doc, text, layout.width, style);
    drawLines(doc, lines, x, y, layout.width, style, { align: 'right' });
    zones.push({ top: y, bottom: y + height, width: widestLine(doc, lines) });
    y += height;
  }
  if (ctx.badges.length > 0) {
    y += 4;
    const style: TextStyle = { size: 8.5, weight: 'bold', color: COLOR.accent };
    setStyle(doc, style);
    let right = CONTENT_RIGHT;
    const height = blockHeight(style, 1) + 3;
    for (const badge of ctx.badges) {
      const text = both(badge, lang);
      const width = textWidth(doc, text) + 12;
      box(doc, right - width, y, width, height, { stroke: COLOR.accent, radius: 2, lineWidth: 0.8 });
      drawLines(doc, [text], right - width, y + 1.5, width, style, { align: 'center' });
      right -= width + 5;
    }
    zones.push({ top: y, bottom: y + height, width: CONTENT_RIGHT - right - 5 });
    y += height;
  }
  return zones;
}

function metaRowsHeight(ctx: RenderContext, rows: readonly MetaRow[], labelWidth: number, valueWidth: number): number[] {
  return rows.map((row) => {
    const label = measureText(ctx.doc, both(row.label, ctx.lang), labelWidth, STYLE.smallMuted).height;
    const value = measureText(ctx.doc, row.value, valueWidth, STYLE.bodyBold).height;
    return Math.max(label + 1.5, value);
  });
}

/** Number/date box on the right. */
function drawMeta(ctx: RenderContext, top: number, height: number | null): number {
  const { doc, lang } = ctx;
  const x = CONTENT_RIGHT - RIGHT_WIDTH;
  setStyle(doc, STYLE.smallMuted);
  const longestLabel = Math.max(...ctx.meta.map((row) => textWidth(doc, both(row.label, lang))));
  const labelWidth = Math.min(Math.ceil(longestLabel) + 1, 105);
  const valueWidth = RIGHT_WIDTH - 2 * BOX_PADDING - labelWidth - 4;
  const heights = metaRowsHeight(ctx, ctx.meta, labelWidth, valueWidth);
  const inner = heights.reduce((a, b) => a + b, 0) + (heights.length - 1) * 2;
  const boxHeight = Math.max(height ?? 0, inner + 2 * BOX_PADDING);
  box(doc, x, top, RIGHT_WIDTH, boxHeight, { fill: COLOR.fill, radius: 3 });
  let y = top + BOX_PADDING;
  ctx.meta.forEach((row, index) => {
    drawText(doc, both(row.label, lang), x + BOX_PADDING, y + 1.5, labelWidth, STYLE.smallMuted);
    drawText(doc, row.value, x + BOX_PADDING + labelWidth + 4, y, valueWidth, STYLE.bodyBold, { align: 'right' });
    y += (heights[index] ?? 0) + 2;
  });
  return top + boxHeight;
}

export function buyerLines(doc: PDFKit.PDFDocument, buyer: DocumentBuyer, lang: DocumentLang, width: number): Array<{ text: string; style: TextStyle }> {
  const company = buyer.companyName?.trim();
  const lines: Array<{ text: string; style: TextStyle }> = [];
  lines.push({ text: company || buyer.name, style: { size: 10.5, weight: 'bold', color: COLOR.text } });
  if (company && buyer.name.trim() && buyer.name.trim() !== company) {
    lines.push({ text: `${both(L.attention, lang)}: ${buyer.name}`, style: STYLE.small });
  }
  if (buyer.address?.trim()) lines.push({ text: buyer.address, style: STYLE.small });
  if (buyer.taxId?.trim()) {
    lines.push({ text: taxIdText(doc, buyer.taxId.trim(), buyer.branch, lang, width, STYLE.small), style: STYLE.small });
  }
  return lines;
}

/** Customer block on the left of the meta box; returns bottom y. */
function drawBuyer(ctx: RenderContext, top: number, minHeight: number): number {
  const { doc, lang } = ctx;
  const width = CONTENT_WIDTH - RIGHT_WIDTH - BOX_GAP;
  const innerWidth = width - 2 * BOX_PADDING;
  const parts = buyerLines(doc, ctx.model.buyer, lang, innerWidth).map((part) => ({
    ...part,
    ...measureText(doc, part.text, innerWidth, part.style),
  }));
  const labelHeight = blockHeight(STYLE.label, 1);
  const inner = labelHeight + 1 + parts.reduce((sum, part) => sum + part.height, 0);
  const height = Math.max(minHeight, inner + 2 * BOX_PADDING);
  box(doc, PAGE.left, top, width, height, { stroke: COLOR.rule, radius: 3 });
  let y = top + BOX_PADDING;
  y += drawText(doc, both(L.customer, lang), PAGE.left + BOX_PADDING, y, innerWidth, STYLE.label) + 1;
  for (const part of parts) {
    y += drawLines(doc, part.lines, PAGE.left + BOX_PADDING, y, innerWidth, part.style);
  }
  return top + height;
}

function buyerBoxHeight(ctx: RenderContext): number {
  const width = CONTENT_WIDTH - RIGHT_WIDTH - BOX_GAP - 2 * BOX_PADDING;
  const parts = buyerLines(ctx.doc, ctx.model.buyer, ctx.lang, width);
  const inner = blockHeight(STYLE.label, 1) + 1 + parts.reduce((sum, part) => sum + measureText(ctx.doc, part.text, width, part.style).height, 0);
  return inner + 2 * BOX_PADDING;
}

export function drawRunningHeader(ctx: RenderContext, firstPage: boolean): number {
  const top = PAGE.top;
  const title = titleLayout(ctx);
  const zones = drawTitle(ctx, top, title);
  const titleBottom = Math.max(...zones.map((zone) => zone.bottom));
  const sellerBottom = drawSeller(ctx, top, zones);
  let y = Math.max(sellerBottom, titleBottom) + 7;
  hRule(ctx.doc, PAGE.left, CONTENT_RIGHT, y, COLOR.accent, 1.2);
  y += 9;

  if (firstPage) {
    // Both boxes get the same height so their bottoms line up.
    const metaHeight = drawMeta(ctx, y, buyerBoxHeight(ctx)) - y;
    const buyerBottom = drawBuyer(ctx, y, metaHeight);
    return buyerBottom + 12;
  }
  const metaBottom = drawMeta(ctx, y, null);
  const name = ctx.model.buyer.companyName?.trim() || ctx.model.buyer.name;
  const width = CONTENT_WIDTH - RIGHT_WIDTH - BOX_GAP;
  let left = y;
  left += drawText(ctx.doc, both(L.customer, ctx.lang), PAGE.left, left, width, STYLE.label);
  left += drawText(ctx.doc, name, PAGE.left, left, width, STYLE.bodyBold, { maxLines: 2 });
  return Math.max(metaBottom, left) + 12;
}
