/**
 * Before the blob store, issued PDFs lay under DATA_DIR/documents/<type>/<id>.pdf (IssuedDocument
 * without a location) and uploads under DATA_DIR/uploads (StoredFile.storagePath a bare path).
 * Such rows stay readable in place (blob-store.ts), and at start each instance moves what its own
 * DATA_DIR holds into the configured store: bytes whose SHA-256 is the recorded one are written to
 * the store and the row's location changed in one transaction, conditionally, so two instances
 * starting at once, or a second start, move nothing twice. A file that is missing here or altered
 * is left as it is (reading it raises the usual alarm). The files themselves are left in place.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from './database.ts';
import type { BlobStore, StagedBlob } from './blob-store.ts';
import type { Logger } from '../logger.ts';
import { DomainError } from '../domain/errors.ts';

/** Where a document stored before the blob store existed lies, relative to DATA_DIR. */
export function legacyDocumentPath(kind: string, recordId: string): string {
  return `documents/${kind}/${recordId}.pdf`;
}

const BATCH = 200;

export interface LegacyMoveResult {
  moved: number;
  /** Not in this DATA_DIR (perhaps another machine's), or not what was recorded: left as they are. */
  left: number;
}

async function readLegacy(dataDir: string, relative: string): Promise<Buffer | null> {
  try {
    return await readFile(path.join(dataDir, relative));
  } catch {
    return null;
  }
}

/** Moves one verified file; false when it is not here, not as recorded, or moved meanwhile by another instance. */
async function moveOne(
  blobs: BlobStore,
  dataDir: string,
  relative: string,
  sha256: string,
  record: (location: string, tx: Parameters<Parameters<Db['$transaction']>[0]>[0]) => Promise<number>,
  db: Db,
): Promise<boolean> {
  const bytes = await readLegacy(dataDir, relative);
  if (!bytes || createHash('sha256').update(bytes).digest('hex') !== sha256) return false;
  let staged: StagedBlob | null = null;
  try {
    // A new key per attempt: an instance losing the race discards only its own copy.
    const unique = `.${randomBytes(6).toString('base64url')}`;
    const blob = await blobs.stage(relative.endsWith('.pdf') ? relative.replace(/\.pdf$/, `${unique}.pdf`) : `${relative}${unique}`, bytes);
    staged = blob;
    await db.$transaction(async (tx) => {
      const changed = await record(await blob.record(tx), tx);
      if (changed === 0) throw new Error('moved meanwhile');
    });
    return true;
  } catch (error) {
    await staged?.discard();
    // The store itself is not answering (its alarm is raised): trying every other file now would only fail the same way.
    if (error instanceof DomainError) throw error;
    return false;
  }
}

export async function moveLegacyFiles(db: Db, blobs: BlobStore, dataDir: string, logger: Logger): Promise<LegacyMoveResult> {
  const result: LegacyMoveResult = { moved: 0, left: 0 };
  try {
    await moveAll(db, blobs, dataDir, result);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // Start anyway: the files stay readable in place, and the next start tries again.
    logger.warn({ moved: result.moved }, 'the blob store is not answering: files in DATA_DIR stay where they are until the next start');
    return result;
  }
  if (result.moved > 0 || result.left > 0) {
    logger.info(
      { moved: result.moved, left: result.left, store: blobs.target },
      'files from DATA_DIR moved into the blob store (the files stay; once every instance has started, DATA_DIR/documents and DATA_DIR/uploads may be archived)',
    );
  }
  return result;
}

async function moveAll(db: Db, blobs: BlobStore, dataDir: string, result: LegacyMoveResult): Promise<void> {
  const count = (ok: boolean) => {
    if (ok) result.moved++;
    else result.left++;
  };
  // Keyset pages by id: the query's size never grows with the history.
  for (let after = ''; ; ) {
    const docs = await db.issuedDocument.findMany({ where: { location: null, id: { gt: after } }, orderBy: { id: 'asc' }, take: BATCH });
    for (const doc of docs) {
      count(
        await moveOne(
          blobs,
          dataDir,
          legacyDocumentPath(doc.documentType, doc.documentId),
          doc.sha256,
          async (location, tx) => (await tx.issuedDocument.updateMany({ where: { id: doc.id, location: null }, data: { location } })).count,
          db,
        ),
      );
    }
    if (docs.length < BATCH) break;
    after = docs[docs.length - 1]!.id;
  }
  for (let after = ''; ; ) {
    const files = await db.storedFile.findMany({
      where: { id: { gt: after }, NOT: [{ storagePath: { startsWith: 'db:' } }, { storagePath: { startsWith: 's3:' } }] },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    for (const file of files) {
      count(
        await moveOne(
          blobs,
          dataDir,
          file.storagePath,
          file.sha256,
          async (location, tx) =>
            (await tx.storedFile.updateMany({ where: { id: file.id, storagePath: file.storagePath }, data: { storagePath: location } })).count,
          db,
        ),
      );
    }
    if (files.length < BATCH) break;
    after = files[files.length - 1]!.id;
  }
}
