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

/** Characters that are unsafe in a file name on any common system are replaced. */
function unicodeSafe(text: string): string {
  return text
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function documentFileName(model: DocumentModel): { ascii: string; unicode: string } {
  const number = asciiSafe(model.number) || 'document';
  const title = unicodeSafe(primary(documentTitle(model), model.lang));
  return { ascii: `${number}.pdf`, unicode: `${title} ${unicodeSafe(model.number)}.pdf` };
}
