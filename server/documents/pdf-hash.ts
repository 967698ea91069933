import { createHash } from 'node:crypto';

/** Lower-case hex SHA-256 of the bytes (the fingerprint stored with an issued PDF). */
export function sha256Hex(buf: Uint8Array): string {
  return createHash('sha256').update(buf).digest('hex');
}
