/** The note that stands in a "download all" ZIP for documents that could not be served as issued. */
import { CLIENT_REASONS } from '../../domain/error-messages.ts';

export const MISSING_NOTE_NAME = 'documents-not-included.txt';

export function missingDocumentsNote(numbers: readonly string[]): Buffer {
  const { th, en } = CLIENT_REASONS.document_unavailable;
  const list = numbers.map((n) => `- ${n}`).join('\n');
  return Buffer.from(`${th}\n${list}\n\n${en}\n${list}\n`, 'utf8');
}
