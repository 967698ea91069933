/**
 * Gapless document numbers. The counter row is incremented inside the caller's transaction, so
 * a rolled-back document gives its number back and a committed one can never be reissued.
 */
import type { Tx } from '../data/database.ts';
import { documentYear, formatDocumentNumber, type DocumentPrefix } from '../domain/document-numbers.ts';

export async function nextDocumentNumber(tx: Tx, prefix: DocumentPrefix, now: Date): Promise<string> {
  const year = documentYear(now);
  const row = await tx.documentSequence.upsert({
    where: { prefix_year: { prefix, year } },
    create: { prefix, year, lastNumber: 1 },
    update: { lastNumber: { increment: 1 } },
  });
  return formatDocumentNumber(prefix, year, row.lastNumber);
}
