/**
 * PromptPay QR: the payload string (built elsewhere with promptpay-qr) rendered by
 * `qrcode` to a PNG and placed with the amount and a caption. A quiet zone of 2 modules
 * is inside the PNG; the printed box adds more white around it.
 */
import QRCode from 'qrcode';
import { L, both, primary, secondary } from '../labels.ts';
import { formatBaht } from './format.ts';
import { COLOR, box, type RenderContext } from './page.ts';
import { drawLines, drawText, type TextStyle } from './text-layout.ts';

/** PNG of the payload; 'M' error correction survives a smudged print. */
export async function promptPayQrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 4, color: { dark: '#000000', light: '#ffffff' } });
}

const QR_SIZE = 96;
const PADDING = 8;
export const QR_BLOCK_HEIGHT = QR_SIZE + 2 * PADDING;

const CAPTION: TextStyle = { size: 10, weight: 'bold', color: COLOR.accent };
const CAPTION_2: TextStyle = { size: 8, color: COLOR.muted };
const AMOUNT: TextStyle = { size: 14, weight: 'bold', color: COLOR.text };

/** QR with caption at (x, top) in a box `width` wide; returns the height. */
export function drawPromptPay(ctx: RenderContext, png: Buffer, amountSatang: number, x: number, top: number, width: number): number {
  const { doc, lang } = ctx;
  box(doc, x, top, width, QR_BLOCK_HEIGHT, { stroke: COLOR.rule, radius: 3 });
  doc.image(png, x + PADDING, top + PADDING, { width: QR_SIZE, height: QR_SIZE });
  const textX = x + PADDING * 2 + QR_SIZE;
  const textWidth = width - (textX - x) - PADDING;
  let y = top + PADDING + 2;
  y += drawText(doc, primary(L.promptPay, lang), textX, y, textWidth, CAPTION);
  y += drawText(doc, secondary(L.promptPay, lang), textX, y, textWidth, CAPTION_2) + 4;
  y += drawLines(doc, [`${formatBaht(amountSatang)} ${primary(L.baht, lang)}`], textX, y, textWidth, AMOUNT) + 2;
  y += drawText(doc, `${both(L.number, lang)} ${ctx.model.number}`, textX, y, textWidth, CAPTION_2);
  drawText(doc, both(L.scanToPay, lang), textX, y, textWidth, CAPTION_2);
  return QR_BLOCK_HEIGHT;
}
