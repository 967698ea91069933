/**
 * "Is this a quote signed here, and unchanged?" — for anyone holding a signed quote PDF (or just its
 * SHA-256). Known means the bytes' SHA-256 equals the one recorded when the sealed PDF was issued,
 * so one changed byte makes a file unknown. Answers only the quote number, the signer's name and
 * the signing time: nothing else about the customer or the amounts.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from './context.ts';
import { clientError } from '../domain/errors.ts';

export interface VerifyAnswer {
  known: boolean;
  documentId?: string;
  quoteNumber?: string;
  signedAt?: string;
  signerName?: string;
  /** True only when the bytes are exactly the issued, sealed PDF. */
  unchanged: boolean;
  /** The business's seal on those exact bytes (present for a known document). */
  seal?: { valid: boolean };
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export async function verifySignedQuote(ctx: AppContext, input: { pdf?: Buffer | null; sha256?: unknown }): Promise<VerifyAnswer> {
  let sha256: string;
  if (input.pdf && input.pdf.length > 0) {
    if (input.pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw clientError('VALIDATION', { th: 'ไฟล์ต้องเป็น PDF', en: 'file must be a PDF' }, { field: 'file' });
    }
    sha256 = createHash('sha256').update(input.pdf).digest('hex');
  } else if (typeof input.sha256 === 'string' && input.sha256.trim()) {
    sha256 = input.sha256.trim().toLowerCase();
    if (!SHA256_HEX.test(sha256)) {
      throw clientError('VALIDATION', { th: 'ค่า SHA-256 ต้องเป็นเลขฐานสิบหก 64 ตัว', en: 'sha256 must be 64 hexadecimal characters' }, { field: 'sha256' });
    }
  } else {
    throw clientError('VALIDATION', { th: 'กรุณาเลือกไฟล์ PDF หรือใส่ค่า SHA-256', en: 'file or sha256 is required' }, { field: 'file' });
  }
  const issued = await ctx.db.issuedDocument.findFirst({ where: { documentType: 'signed_quote', sha256 }, select: { documentId: true } });
  if (!issued) return { known: false, unchanged: false };
  const quote = await ctx.db.quote.findUnique({
    where: { id: issued.documentId },
    select: { number: true, signature: { select: { signerName: true, signedAt: true } } },
  });
  if (!quote?.signature) return { known: false, unchanged: false };
  return {
    known: true,
    documentId: `signed_quote.${issued.documentId}`,
    quoteNumber: quote.number,
    signedAt: quote.signature.signedAt.toISOString(),
    signerName: quote.signature.signerName,
    unchanged: true,
    // These bytes are exactly the PDF this server sealed when it issued it.
    seal: { valid: true },
  };
}
