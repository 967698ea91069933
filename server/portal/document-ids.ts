/**
 * Portal document ids name a kind and a record: 'invoice.<id>', 'tax_invoice.<id>',
 * 'quote.<id>', 'signed_quote.<id>', 'receipt.<id>', 'deposit_request.<id>', 'credit_note.<payment id>',
 * 'statement.<customer id>'. One parser, so
 * every download path checks the same thing.
 */
import type { DocumentKind } from './portal-view.ts';

const KINDS: readonly DocumentKind[] = ['quote', 'signed_quote', 'invoice', 'tax_invoice', 'receipt', 'deposit_request', 'credit_note', 'statement'];

export function documentId(kind: DocumentKind, recordId: string): string {
  return `${kind}.${recordId}`;
}

export function parseDocumentId(id: string): { kind: DocumentKind; recordId: string } | null {
  const dot = id.indexOf('.');
  if (dot < 0) return null;
  const kind = id.slice(0, dot) as DocumentKind;
  const recordId = id.slice(dot + 1);
  if (!KINDS.includes(kind) || !/^[A-Za-z0-9_-]{1,64}$/.test(recordId)) return null;
  return { kind, recordId };
}
