/**
 * Files clients upload (payment slips, withholding certificates): the bytes under
 * DATA_DIR/uploads with a random name, private to the portal's user (0600, folder 0700), and a
 * StoredFile row with the type sniffed from the bytes and their SHA-256. No URL maps to this
 * folder: files are read back only through a route that checks who may see them.
 */
import { randomBytes, createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db, Tx } from './database.ts';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './data-dir.ts';

export const UPLOADS_DIR = 'uploads';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface WrittenFile {
  /** Path relative to DATA_DIR (what StoredFile.storagePath holds). */
  storagePath: string;
  /** Removes the bytes again when the transaction that was to record them fails. */
  discard(): void;
}

function writePrivate(dataDir: string, bytes: Uint8Array): WrittenFile {
  const dir = path.join(dataDir, UPLOADS_DIR);
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const storagePath = path.join(UPLOADS_DIR, randomBytes(18).toString('base64url'));
  const file = path.join(dataDir, storagePath);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, bytes, { mode: PRIVATE_FILE_MODE });
  renameSync(tmp, file);
  return { storagePath, discard: () => rmSync(file, { force: true }) };
}

/**
 * Writes the bytes and records them in the caller's transaction. The caller passes `written` to
 * collect what to discard if that transaction rolls back (a file nobody references is only waste,
 * but a clean folder is easier to back up and reason about).
 */
export async function storeFile(
  tx: Tx,
  dataDir: string,
  input: { kind: string; mimeType: string; bytes: Uint8Array; sha256?: string; createdAt: Date },
  written: WrittenFile[],
) {
  const file = writePrivate(dataDir, input.bytes);
  written.push(file);
  return tx.storedFile.create({
    data: {
      kind: input.kind,
      mimeType: input.mimeType,
      sizeBytes: input.bytes.byteLength,
      sha256: input.sha256 ?? sha256Hex(input.bytes),
      storagePath: file.storagePath,
      createdAt: input.createdAt,
    },
  });
}

/** The bytes of a stored file, or null when missing or not what was recorded (tampering, disk trouble). */
export async function readStoredFile(db: Db, dataDir: string, id: string): Promise<{ bytes: Buffer; mimeType: string; kind: string } | null> {
  const row = await db.storedFile.findUnique({ where: { id } });
  if (!row) return null;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(dataDir, row.storagePath));
  } catch {
    return null;
  }
  if (sha256Hex(bytes) !== row.sha256) return null;
  return { bytes, mimeType: row.mimeType, kind: row.kind };
}
