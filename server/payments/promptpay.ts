/**
 * PromptPay (Thai QR Payment, EMVCo merchant-presented mode) with the exact amount, rendered as a
 * PNG by the server so the portal ships no QR library: a bill payment (tag 30) naming the
 * document when the business has a biller id, so the bank can report the payment by it
 * (services/bank-payments.ts); a plain credit transfer to the PromptPay id (tag 29) otherwise.
 */
import generatePayload from 'promptpay-qr';
import { billPayment } from 'promptparse/generate';
import QRCode from 'qrcode';
import { satangToBahtString } from '../domain/money.ts';
import { validation } from '../domain/errors.ts';

export function promptPayPayload(promptPayId: string, amountSatang: number): string {
  if (!Number.isSafeInteger(amountSatang) || amountSatang <= 0) throw validation('amountSatang', 'amount must be greater than zero');
  return generatePayload(promptPayId, { amount: Number(satangToBahtString(amountSatang)) });
}

/**
 * Reference 1 of a bill-payment QR: the document number without its dashes ('INV-2026-0001' →
 * 'INV20260001'). Bank apps take upper-case letters and digits, at most 20; the webhook reads
 * either form back (domain/document-numbers.ts parseDocumentNumber).
 */
export function billReference(documentNumber: string): string {
  const reference = documentNumber.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (!reference || reference.length > 20) throw validation('reference1', `${documentNumber} cannot be a bill-payment reference`);
  return reference;
}

/** The QR payload for paying one document: tag 30 with the biller id, else tag 29. */
export function documentPayPayload(business: { promptPayId: string; promptPayBillerId: string | null }, amountSatang: number, documentNumber: string): string {
  if (!business.promptPayBillerId) return promptPayPayload(business.promptPayId, amountSatang);
  if (!Number.isSafeInteger(amountSatang) || amountSatang <= 0) throw validation('amountSatang', 'amount must be greater than zero');
  return billPayment({ billerId: business.promptPayBillerId, amount: Number(satangToBahtString(amountSatang)), ref1: billReference(documentNumber) });
}

/**
 * The QR payload asking for what is due on a document, or null when nothing is due or the business
 * has no PromptPay payee: the portal's Pay block and the printed request use this one rule.
 */
export function amountDuePayload(
  business: { promptPayId: string; promptPayBillerId: string | null },
  amountDueSatang: number,
  documentNumber: string,
): string | null {
  if (amountDueSatang <= 0 || !(business.promptPayId || business.promptPayBillerId)) return null;
  return documentPayPayload(business, amountDueSatang, documentNumber);
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
