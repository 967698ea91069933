/**
 * The state stamp of a request for payment or a draft (DocumentStamp): a badge under the title on
 * every page, a banner above the body saying what it means (balance due, void reason…), and for a
 * void or a draft a faint word across every page, so no copy of it passes for a live bill.
 */
import { REQUEST_STAMP_LABELS } from '../../domain/labels.ts';
import type { DocumentStamp } from '../document-model.ts';
import { L, both, type Bilingual } from '../labels.ts';
import { formatBaht } from './format.ts';
import { COLOR, CONTENT_WIDTH, PAGE, box, ensureSpace, type RenderContext } from './page.ts';
import { blockHeight, drawLines, measureText, setStyle, textWidth, type TextStyle } from './text-layout.ts';

const TONE: Record<DocumentStamp['kind'], string> = {
  draft: '#8a5a00',
  void: '#b3261e',
  paid: '#1e6b3a',
  partially_paid: '#8a5a00',
  collected: '#1e6b3a',
};

export function stampLabel(stamp: DocumentStamp): Bilingual {
  return REQUEST_STAMP_LABELS[stamp.kind];
}

function detailLines(ctx: RenderContext, stamp: DocumentStamp): string[] {
  const { lang } = ctx;
  switch (stamp.kind) {
    case 'paid':
      return [both(L.stampPaid, lang)];
    case 'collected':
      return [both(L.stampCollected, lang)];
    case 'draft':
      return [both(L.stampDraft, lang)];
    case 'partially_paid':
      return [`${both(L.balance, lang)} ${formatBaht(stamp.balanceSatang ?? 0)} ${both(L.baht, lang)}`];
    case 'void': {
      const reason = stamp.reason?.trim();
      return [both(L.stampVoid, lang), ...(reason ? [`${both(L.voidReason, lang)}: ${reason}`] : [])];
    }
  }
}

const PADDING = 7;
const GAP = 8;

/** The banner across the body's width; moves ctx.y. */
export function drawStampBanner(ctx: RenderContext, stamp: DocumentStamp): void {
  const { doc, lang } = ctx;
  const color = TONE[stamp.kind];
  const title: TextStyle = { size: 13, weight: 'bold', color };
  const detail: TextStyle = { size: 9.5, color: COLOR.text };
  const inner = CONTENT_WIDTH - 2 * PADDING;
  const head = measureText(doc, both(stampLabel(stamp), lang), inner, title);
  const body = detailLines(ctx, stamp).flatMap((text) => measureText(doc, text, inner, detail).lines);
  const height = head.height + blockHeight(detail, body.length) + 2 * PADDING + 2;
  ensureSpace(ctx, height + GAP);
  const top = ctx.y;
  box(doc, PAGE.left, top, CONTENT_WIDTH, height, { stroke: color, radius: 3, lineWidth: 1.6 });
  let y = top + PADDING;
  y += drawLines(doc, head.lines, PAGE.left + PADDING, y, inner, title) + 2;
  drawLines(doc, body, PAGE.left + PADDING, y, inner, detail);
  ctx.y = top + height + GAP;
}

/** A void or a draft says so across every page, faint enough to read everything under it. */
export function drawStampWatermarks(ctx: RenderContext, stamp: DocumentStamp): void {
  if (stamp.kind !== 'void' && stamp.kind !== 'draft') return;
  const { doc } = ctx;
  const label = stampLabel(stamp);
  const text = `${label.en} ${label.th}`;
  const style: TextStyle = { size: 64, weight: 'bold', color: TONE[stamp.kind] };
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i += 1) {
    doc.switchToPage(range.start + i);
    doc.save();
    setStyle(doc, style);
    const width = textWidth(doc, text);
    const cx = PAGE.width / 2;
    const cy = PAGE.height / 2;
    doc.rotate(-35, { origin: [cx, cy] });
    doc.fillOpacity(0.1);
    drawLines(doc, [text], cx - width / 2, cy - style.size / 2, width + 2, style);
    doc.restore();
  }
}
