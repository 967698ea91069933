/**
 * Signature lines at the foot of a document (ผู้รับเงิน / ผู้มีอำนาจลงนาม …) and, for a
 * quote signed online, the drawn signature with the audit record of how it was signed.
 */
import type { SignatureEvidence } from '../document-model.ts';
import { L, both, type Bilingual } from '../labels.ts';
import { COLOR, CONTENT_RIGHT, CONTENT_WIDTH, PAGE, box, ensureSpace, hRule, type RenderContext } from './page.ts';
import { blockHeight, drawLines, drawText, measureText, type TextStyle } from './text-layout.ts';

export interface SignatureSlot {
  label: Bilingual;
  /** Printed in the brackets under the line; blank brackets when absent. */
  name?: string | null;
  /** 'ในนาม / For <seller>' under the label. */
  onBehalfOfSeller?: boolean;
  /** Drawn signature (PNG), placed above the line. */
  image?: Buffer | null;
  /** Date text; a blank date line when absent. */
  date?: string | null;
}

const SLOT_WIDTH = 210;
const SIGN_SPACE = 40;
const SMALL: TextStyle = { size: 8.5, color: COLOR.text };
const LABEL: TextStyle = { size: 9, weight: 'bold', color: COLOR.text };

function slotLines(ctx: RenderContext, slot: SignatureSlot): Array<{ text: string; style: TextStyle }> {
  const lines: Array<{ text: string; style: TextStyle }> = [];
  lines.push({ text: slot.name ? `( ${slot.name} )` : '( ............................................ )', style: SMALL });
  lines.push({ text: both(slot.label, ctx.lang), style: LABEL });
  if (slot.onBehalfOfSeller) {
    const seller = ctx.lang === 'en' && ctx.model.seller.nameEn ? ctx.model.seller.nameEn : ctx.model.seller.name;
    lines.push({ text: `${both(L.onBehalfOf, ctx.lang)} ${seller}`, style: SMALL });
  }
  lines.push({ text: `${both(L.date, ctx.lang)} ${slot.date ?? '......../......../........'}`, style: SMALL });
  return lines;
}

function slotHeight(ctx: RenderContext, slot: SignatureSlot): number {
  const text = slotLines(ctx, slot).reduce((sum, line) => sum + measureText(ctx.doc, line.text, SLOT_WIDTH, line.style).height, 0);
  return SIGN_SPACE + 4 + text;
}

/** Signature slots spread across the width (right-aligned when there is one); moves ctx.y. */
export function drawSignatureSlots(ctx: RenderContext, slots: readonly SignatureSlot[]): void {
  if (slots.length === 0) return;
  const height = Math.max(...slots.map((slot) => slotHeight(ctx, slot)));
  ensureSpace(ctx, height + 16);
  const top = ctx.y + 16;
  const positions =
    slots.length === 1 ? [CONTENT_RIGHT - SLOT_WIDTH] : slots.map((_, index) => PAGE.left + (index * (CONTENT_WIDTH - SLOT_WIDTH)) / (slots.length - 1));
  slots.forEach((slot, index) => {
    const x = positions[index] ?? PAGE.left;
    if (slot.image) {
      ctx.doc.image(slot.image, x + 25, top, { fit: [SLOT_WIDTH - 50, SIGN_SPACE], align: 'center', valign: 'bottom' });
    }
    const lineY = top + SIGN_SPACE;
    hRule(ctx.doc, x + 15, x + SLOT_WIDTH - 15, lineY, COLOR.text, 0.6);
    let y = lineY + 4;
    for (const line of slotLines(ctx, slot)) {
      y += drawText(ctx.doc, line.text, x, y, SLOT_WIDTH, line.style, { align: 'center' });
    }
  });
  ctx.y = top + height;
}

const AUDIT_LABEL: TextStyle = { size: 8, weight: 'bold', color: COLOR.muted };
const AUDIT_VALUE: TextStyle = { size: 8.5, color: COLOR.text };
const AUDIT_TITLE: TextStyle = { size: 9.5, weight: 'bold', color: COLOR.accent };
const AUDIT_PADDING = 8;
const AUDIT_LABEL_WIDTH = 150;

function auditRows(signature: SignatureEvidence): Array<{ label: Bilingual; value: string }> {
  return [
    { label: L.signer, value: signature.signerName },
    { label: L.signedAt, value: `${signature.signedAtIso}  (${signature.signedAtThai})` },
    { label: L.ipAddress, value: signature.ip },
    { label: L.userAgent, value: signature.userAgent },
    { label: L.linkId, value: signature.linkId },
    { label: L.contentHash, value: signature.contentSha256 },
  ];
}

/** Boxed audit record of an online signature; moves ctx.y. */
export function drawSignatureAudit(ctx: RenderContext, signature: SignatureEvidence): void {
  const { doc, lang } = ctx;
  const valueWidth = CONTENT_WIDTH - 2 * AUDIT_PADDING - AUDIT_LABEL_WIDTH - 6;
  const rows = auditRows(signature).map((row) => {
    const label = measureText(doc, both(row.label, lang), AUDIT_LABEL_WIDTH, AUDIT_LABEL);
    const value = measureText(doc, row.value, valueWidth, AUDIT_VALUE);
    return { label, value, height: Math.max(label.height, value.height) + 1.5 };
  });
  const titleHeight = blockHeight(AUDIT_TITLE, 1) + 3;
  const height = 2 * AUDIT_PADDING + titleHeight + rows.reduce((sum, row) => sum + row.height, 0);
  ensureSpace(ctx, height + 12);
  const top = ctx.y + 12;
  box(doc, PAGE.left, top, CONTENT_WIDTH, height, { stroke: COLOR.accent, fill: '#f7f9fb', radius: 3 });
  let y = top + AUDIT_PADDING;
  y += drawLines(doc, [both(L.signatureRecord, lang)], PAGE.left + AUDIT_PADDING, y, CONTENT_WIDTH, AUDIT_TITLE) + 3;
  for (const row of rows) {
    drawLines(doc, row.label.lines, PAGE.left + AUDIT_PADDING, y + 0.5, AUDIT_LABEL_WIDTH, AUDIT_LABEL);
    drawLines(doc, row.value.lines, PAGE.left + AUDIT_PADDING + AUDIT_LABEL_WIDTH + 6, y, valueWidth, AUDIT_VALUE);
    y += row.height;
  }
  ctx.y = top + height;
}
