/**
 * Files clients upload (payment slips, withholding certificates): the bytes in the blob store
 * (blob-store.ts) under a random key, and a StoredFile row with the type sniffed from the bytes,
 * their SHA-256 and where they are. No URL maps to them: files are read back only through a
 * route that checks who may see them.
 */
import { randomBytes, createHash } from 'node:crypto';
import type { Db, Tx } from './database.ts';
import type { BlobStore, StagedBlob } from './blob-store.ts';

export const UPLOADS_DIR = 'uploads';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Step one, before the transaction (blob-store.ts): the caller keeps what it staged, to discard
 * it if that transaction rolls back.
 */
export function stageUpload(blobs: BlobStore, bytes: Uint8Array): Promise<StagedBlob> {
  return blobs.stage(`${UPLOADS_DIR}/${randomBytes(18).toString('base64url')}`, bytes);
}

/** Step two: records the staged bytes in the caller's transaction. */
export async function storeFile(tx: Tx, staged: StagedBlob, input: { kind: string; mimeType: string; bytes: Uint8Array; sha256?: string; createdAt: Date }) {
  return tx.storedFile.create({
    data: {
      kind: input.kind,
      mimeType: input.mimeType,
      sizeBytes: input.bytes.byteLength,
      sha256: input.sha256 ?? sha256Hex(input.bytes),
      storagePath: await staged.record(tx),
      createdAt: input.createdAt,
    },
  });
}

/** The bytes of a stored file, or null when missing or not what was recorded (tampering, store trouble). */
export async function readStoredFile(db: Db, blobs: BlobStore, id: string): Promise<{ bytes: Buffer; mimeType: string; kind: string } | null> {
  const row = await db.storedFile.findUnique({ where: { id } });
  if (!row) return null;
  const read = await blobs.read(row.storagePath, row.sha256);
  if (read.status !== 'ok') return null;
  return { bytes: read.bytes, mimeType: row.mimeType, kind: row.kind };
}
