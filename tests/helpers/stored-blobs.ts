/**
 * Tests reach stored bytes the way the application does: through the row that records where they
 * are and the blob store (server/data/blob-store.ts), whichever store the app runs with. Damage
 * (a lost or altered document) is done to the database store's table, as an operator's mistake or
 * a bad restore would.
 */
import type { TestApp } from './test-app.ts';
import { parseLocator } from '../../server/data/blob-store.ts';

/** Where an issued document's bytes are (its IssuedDocument row's location). */
export async function documentLocation(t: TestApp, documentId: string): Promise<string> {
  const [documentType, id] = documentId.split('.') as [string, string];
  const row = await t.ctx.db.issuedDocument.findUniqueOrThrow({
    where: { documentType_documentId_variant: { documentType, documentId: id, variant: 'original' } },
  });
  if (!row.location) throw new Error(`${documentId} has no location in the blob store`);
  return row.location;
}

export async function storedDocument(t: TestApp, documentId: string): Promise<Buffer | null> {
  return t.ctx.blobs.get(await documentLocation(t, documentId));
}

export async function isStored(t: TestApp, documentId: string): Promise<boolean> {
  const [documentType, id] = documentId.split('.') as [string, string];
  const row = await t.ctx.db.issuedDocument.findFirst({ where: { documentType, documentId: id } });
  return row?.location ? (await t.ctx.blobs.get(row.location)) !== null : false;
}

/** The bytes lost (the record stays): returns them, as a backup would have them. */
export async function loseDocument(t: TestApp, documentId: string): Promise<Buffer> {
  const location = await documentLocation(t, documentId);
  const bytes = await t.ctx.blobs.get(location);
  if (!bytes) throw new Error(`${documentId} is not stored`);
  await t.ctx.blobs.delete(location);
  return bytes;
}

/** Puts bytes back (or other bytes) where the record says a document is, in the database store. */
export async function writeDocumentBytes(t: TestApp, documentId: string, bytes: Buffer): Promise<void> {
  const { scheme, key } = parseLocator(await documentLocation(t, documentId));
  if (scheme !== 'db') throw new Error('writeDocumentBytes writes to the database store');
  await t.ctx.db.blob.upsert({
    where: { key },
    create: { key, bytes: new Uint8Array(bytes), size: bytes.length, createdAt: t.clock.now() },
    update: { bytes: new Uint8Array(bytes), size: bytes.length },
  });
}

/** Keys of the database store under a prefix ('documents/quote/'). */
export async function blobKeys(t: TestApp, prefix = ''): Promise<string[]> {
  const rows = await t.ctx.db.blob.findMany({ where: { key: { startsWith: prefix } }, select: { key: true }, orderBy: { key: 'asc' } });
  return rows.map((r) => r.key);
}

/**
 * The database refuses to store bytes under a key prefix (a trigger, as a full disk or a broken
 * store would): returns the undo.
 */
export async function refuseBlobWrites(t: TestApp, keyPrefix: string, message: string): Promise<() => Promise<void>> {
  const db = t.ctx.db;
  const like = `${keyPrefix.replace(/'/g, "''")}%`;
  const text = message.replace(/'/g, "''");
  if (t.ctx.config.databaseProvider === 'sqlite') {
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_blob_writes BEFORE INSERT ON "Blob" WHEN NEW."key" LIKE '${like}' BEGIN SELECT RAISE(ABORT, '${text}'); END`,
    );
    return async () => {
      await db.$executeRawUnsafe('DROP TRIGGER refuse_blob_writes');
    };
  }
  await db.$executeRawUnsafe(`CREATE FUNCTION refuse_blob_writes() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '${text}'; END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(
    `CREATE TRIGGER refuse_blob_writes BEFORE INSERT ON "Blob" FOR EACH ROW WHEN (NEW."key" LIKE '${like}') EXECUTE FUNCTION refuse_blob_writes()`,
  );
  return async () => {
    await db.$executeRawUnsafe('DROP TRIGGER refuse_blob_writes ON "Blob"');
    await db.$executeRawUnsafe('DROP FUNCTION refuse_blob_writes()');
  };
}
