/**
 * Download names: an ASCII one ('INV-2026-0001.pdf', safe for every client and for the
 * plain `filename=` parameter) and a Unicode one with the document title in the
 * customer's language ('ใบแจ้งหนี้ INV-2026-0001.pdf', for `filename*=UTF-8''…`).
 */
import type { DocumentModel } from './document-model.ts';
import { documentTitle, primary } from './labels.ts';

function asciiSafe(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** Bidi controls (which can reverse how a name reads) and zero-width characters: dropped. */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Characters that are unsafe in a file name on any common system are replaced; invisible ones
 * are removed. Every download name (each PDF, the ZIP) goes through here.
 */
export function unicodeSafe(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function documentFileName(model: DocumentModel): { ascii: string; unicode: string } {
  const number = asciiSafe(model.number) || 'document';
  const title = unicodeSafe(primary(documentTitle(model), model.lang));
  return { ascii: `${number}.pdf`, unicode: `${title} ${unicodeSafe(model.number)}.pdf` };
}
