/**
 * Blocks shared by the document kinds: the totals section (words + QR on the left,
 * figures on the right), boxed label/value details, notes, and the KindLayout contract
 * each kind file fulfils.
 */
import type { Bilingual } from '../labels.ts';
import { L, both } from '../labels.ts';
import { COLOR, CONTENT_WIDTH, PAGE, box, ensureSpace, type MetaRow, type RenderContext } from './page.ts';
import { QR_BLOCK_HEIGHT, drawPromptPay } from './qr.ts';
import { blockHeight, drawLines, measureText, type TextStyle } from './text-layout.ts';
import { WORDS_WIDTH, drawSummary, drawWords, summaryHeight, wordsHeight, type SummaryRow } from './totals.ts';

export interface PromptPayRequest {
  payload: string;
  amountSatang: number;
}

export interface RenderAssets {
  /** PNG of the PromptPay QR, when the layout asked for one. */
  qrPng: Buffer | null;
}

/** What a document kind contributes: its meta rows, badges, optional QR, and its body. */
export interface KindLayout {
  meta: MetaRow[];
  badges: Bilingual[];
  promptPay: PromptPayRequest | null;
  drawBody(ctx: RenderContext, assets: RenderAssets): void;
}

const SECTION_GAP = 10;

/**
 * Figures on the right, amount in words (and the QR under it) on the left, kept together
 * on one page. Moves ctx.y under the taller column.
 */
export function drawTotalsSection(
  ctx: RenderContext,
  rows: readonly SummaryRow[],
  wordsSatang: number,
  qr: { png: Buffer; amountSatang: number } | null = null,
): void {
  const words = wordsHeight(ctx, wordsSatang, WORDS_WIDTH);
  const left = words + (qr ? SECTION_GAP + QR_BLOCK_HEIGHT : 0);
  const right = summaryHeight(ctx, rows);
  ensureSpace(ctx, SECTION_GAP + Math.max(left, right));
  const top = ctx.y + SECTION_GAP;
  drawSummary(ctx, rows, top);
  drawWords(ctx, wordsSatang, PAGE.left, top, WORDS_WIDTH);
  if (qr) drawPromptPay(ctx, qr.png, qr.amountSatang, PAGE.left, top + words + SECTION_GAP, WORDS_WIDTH);
  ctx.y = top + Math.max(left, right);
}

const DETAIL_TITLE: TextStyle = { size: 8, weight: 'bold', color: COLOR.muted };
const DETAIL_LABEL: TextStyle = { size: 8.5, color: COLOR.muted };
const DETAIL_VALUE: TextStyle = { size: 9.5, weight: 'bold', color: COLOR.text };
const DETAIL_PADDING = 7;

/** A boxed list of label/value rows across the page (payment details…); moves ctx.y. */
export function drawDetails(ctx: RenderContext, title: Bilingual, rows: readonly MetaRow[]): void {
  const { doc, lang } = ctx;
  const labelWidth = 150;
  const valueWidth = CONTENT_WIDTH - 2 * DETAIL_PADDING - labelWidth - 6;
  const measured = rows.map((row) => {
    const label = measureText(doc, both(row.label, lang), labelWidth, DETAIL_LABEL);
    const value = measureText(doc, row.value, valueWidth, DETAIL_VALUE);
    return { label, value, height: Math.max(label.height + 1, value.height) + 1 };
  });
  const titleHeight = blockHeight(DETAIL_TITLE, 1) + 2;
  const height = 2 * DETAIL_PADDING + titleHeight + measured.reduce((sum, row) => sum + row.height, 0);
  ensureSpace(ctx, height + SECTION_GAP);
  const top = ctx.y + SECTION_GAP;
  box(doc, PAGE.left, top, CONTENT_WIDTH, height, { stroke: COLOR.rule, radius: 3 });
  let y = top + DETAIL_PADDING;
  y += drawLines(doc, [both(title, lang)], PAGE.left + DETAIL_PADDING, y, CONTENT_WIDTH, DETAIL_TITLE) + 2;
  for (const row of measured) {
    drawLines(doc, row.label.lines, PAGE.left + DETAIL_PADDING, y + 1, labelWidth, DETAIL_LABEL);
    drawLines(doc, row.value.lines, PAGE.left + DETAIL_PADDING + labelWidth + 6, y, valueWidth, DETAIL_VALUE);
    y += row.height;
  }
  ctx.y = top + height;
}

const NOTE_LABEL: TextStyle = { size: 8, weight: 'bold', color: COLOR.muted };
const NOTE_TEXT: TextStyle = { size: 9, color: COLOR.text };
const NOTICE_TEXT: TextStyle = { size: 9.5, weight: 'bold', color: COLOR.accent };

/** 'หมายเหตุ / Note' and free text; moves ctx.y. Nothing for empty text. */
export function drawNote(ctx: RenderContext, text: string | null | undefined): void {
  if (!text?.trim()) return;
  const { doc, lang } = ctx;
  const label = measureText(doc, both(L.note, lang), CONTENT_WIDTH, NOTE_LABEL);
  const body = measureText(doc, text, CONTENT_WIDTH, NOTE_TEXT);
  ensureSpace(ctx, SECTION_GAP + label.height + Math.min(body.height, blockHeight(NOTE_TEXT, 3)));
  ctx.y += SECTION_GAP;
  ctx.y += drawLines(doc, label.lines, PAGE.left, ctx.y, CONTENT_WIDTH, NOTE_LABEL);
  for (const line of body.lines) {
    const lineHeight = blockHeight(NOTE_TEXT, 1);
    ensureSpace(ctx, lineHeight);
    ctx.y += drawLines(doc, [line], PAGE.left, ctx.y, CONTENT_WIDTH, NOTE_TEXT);
  }
}

/** A highlighted statement in a tinted box (the deposit's not-subject-to-VAT note); moves ctx.y. */
export function drawNotice(ctx: RenderContext, text: string): void {
  const { doc } = ctx;
  const padding = 7;
  const body = measureText(doc, text, CONTENT_WIDTH - 2 * padding, NOTICE_TEXT);
  const height = body.height + 2 * padding;
  ensureSpace(ctx, SECTION_GAP + height);
  const top = ctx.y + SECTION_GAP;
  box(doc, PAGE.left, top, CONTENT_WIDTH, height, { fill: COLOR.fill, stroke: COLOR.accent, radius: 3, lineWidth: 0.8 });
  drawLines(doc, body.lines, PAGE.left + padding, top + padding, CONTENT_WIDTH - 2 * padding, NOTICE_TEXT);
  ctx.y = top + height;
}
