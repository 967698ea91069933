/**
 * PromptPay (Thai QR Payment, EMVCo merchant-presented mode, tag 29 credit transfer) with the
 * exact amount, rendered as a PNG by the server so the portal ships no QR library.
 */
import generatePayload from 'promptpay-qr';
import QRCode from 'qrcode';
import { satangToBahtString } from '../domain/money.ts';
import { validation } from '../domain/errors.ts';

export function promptPayPayload(promptPayId: string, amountSatang: number): string {
  if (!Number.isSafeInteger(amountSatang) || amountSatang <= 0) throw validation('amountSatang', 'amount must be greater than zero');
  return generatePayload(promptPayId, { amount: Number(satangToBahtString(amountSatang)) });
}

/** What a person is shown: 0812345678 → 081-xxx-5678; a tax id keeps its shape. */
export function promptPayIdDisplay(promptPayId: string): string {
  const digits = promptPayId.replace(/\D/g, '');
  if (digits.length === 10) return `${digits.slice(0, 3)}-xxx-${digits.slice(6)}`;
  if (digits.length === 13) return `${digits[0]}-${digits.slice(1, 5)}-${digits.slice(5, 10)}-${digits.slice(10, 12)}-${digits[12]}`;
  return digits;
}

const pngCache = new Map<string, Buffer>();

/** PNG of a payload; cached because the same invoice QR is fetched again and again. */
export async function qrPng(payload: string): Promise<Buffer> {
  const hit = pngCache.get(payload);
  if (hit) return hit;
  const png = await QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 });
  if (pngCache.size > 2000) pngCache.clear();
  pngCache.set(payload, png);
  return png;
}
