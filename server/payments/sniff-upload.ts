/**
 * What an uploaded file really is, from its bytes (magic numbers), never from its name or the
 * Content-Type the browser sent: a "slip.png" holding HTML is refused.
 */
import { fileTypeFromBuffer } from 'file-type';

export const SLIP_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const CERTIFICATE_TYPES = [...SLIP_TYPES, 'application/pdf'] as const;
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** The sniffed MIME type when it is one of `allowed`, else null. */
export async function sniffType<T extends string>(bytes: Uint8Array, allowed: readonly T[]): Promise<T | null> {
  const found = await fileTypeFromBuffer(bytes);
  return found && (allowed as readonly string[]).includes(found.mime) ? (found.mime as T) : null;
}
