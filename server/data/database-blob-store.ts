/**
 * The default blob store: bytes in the Blob table of the portal's own database. Every instance
 * reads them, a write commits or rolls back with the row that records it, and a database backup
 * (npm run db:backup) holds the documents too. Slips and certificates are capped at 5 MB and
 * issued PDFs are far smaller, well within what SQLite and PostgreSQL (bytea) keep comfortably.
 */
import type { Db, Tx } from './database.ts';
import type { BlobAdapter } from './blob-store.ts';

export function databaseBlobStore(db: Db, now: () => Date): BlobAdapter {
  return {
    async put(tx, key, bytes) {
      const client: Tx = tx ?? db;
      await client.blob.create({ data: { key, bytes: new Uint8Array(bytes), size: bytes.byteLength, createdAt: now() } });
    },
    async get(key) {
      const row = await db.blob.findUnique({ where: { key }, select: { bytes: true } });
      return row ? Buffer.from(row.bytes) : null;
    },
    async delete(key) {
      await db.blob.deleteMany({ where: { key } });
    },
  };
}
