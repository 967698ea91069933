/**
 * Where stored bytes live (issued PDFs, uploaded slips and certificates), readable by every
 * instance: in the database (the default, database-blob-store.ts) or in an S3-compatible bucket
 * (s3-blob-store.ts), chosen by BLOB_STORE_URL. A row records where its bytes are with a locator:
 * "db:<key>" or "s3:<key>"; a bare path is a file under DATA_DIR written before the store existed
 * (read in place until moved into the store at start: legacy-files.ts). Reads go by the locator,
 * so rows written under another configuration stay readable as long as their store is reachable.
 *
 * A write belongs to the transaction of the row that records it, in two steps: `stage` before the
 * transaction (S3 uploads then, so no transaction waits on the network), `record` inside it (the
 * database store writes the bytes there, committing or rolling back with the row). After a
 * rollback the caller discards what it staged (the S3 object is deleted).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Tx } from './database.ts';
import { DomainError } from '../domain/errors.ts';

/** One place bytes are kept, addressed by key. */
export interface BlobAdapter {
  /** `tx`: the transaction of the recording row, for the database; null for stores outside it. */
  put(tx: Tx | null, key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. Throws when the store cannot answer. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the key; nothing there is fine. */
  delete(key: string): Promise<void>;
}

export interface StagedBlob {
  /** In the transaction of the row that records the bytes: returns what that row keeps ("db:<key>", "s3:<key>"). */
  record(tx: Tx): Promise<string>;
  /** After that transaction rolled back: removes what `stage` wrote (nothing for the database). */
  discard(): Promise<void>;
}

export type VerifiedRead = { status: 'ok'; bytes: Buffer } | { status: 'missing' } | { status: 'altered'; sha256: string };

export interface BlobStore {
  /** Where new bytes go: 'db' or 's3'. */
  readonly target: 'db' | 's3';
  /** Step one of a write, before the transaction: S3 uploads now, the database waits for `record`. */
  stage(key: string, bytes: Uint8Array): Promise<StagedBlob>;
  /** The bytes at a locator, or null when nothing is there. */
  get(locator: string): Promise<Buffer | null>;
  /** The bytes at a locator checked against the SHA-256 recorded with them. */
  read(locator: string, sha256: string): Promise<VerifiedRead>;
  delete(locator: string): Promise<void>;
}

export interface BlobStoreOptions {
  dataDir: string;
  database: BlobAdapter;
  /** Null unless BLOB_STORE_URL is s3://… */
  s3: BlobAdapter | null;
  /** Told when the store fails (an operator alarm) and when it answers again. */
  onFailure(detail: string): Promise<void>;
  onRecovered(): Promise<void>;
}

/** The client's answer when the store cannot take or give bytes; the operator has the detail. */
export function storageUnavailable(): DomainError {
  return new DomainError('UNAVAILABLE', 'Files cannot be stored or read right now', { reason: 'storage_unavailable' });
}

const SCHEMES = ['db', 's3'] as const;
type Scheme = (typeof SCHEMES)[number];

export function parseLocator(locator: string): { scheme: Scheme | 'file'; key: string } {
  const colon = locator.indexOf(':');
  const scheme = colon > 0 ? locator.slice(0, colon) : '';
  if ((SCHEMES as readonly string[]).includes(scheme)) return { scheme: scheme as Scheme, key: locator.slice(colon + 1) };
  return { scheme: 'file', key: locator };
}

export function createBlobStore(options: BlobStoreOptions): BlobStore {
  const target: Scheme = options.s3 ? 's3' : 'db';
  let failing = false;
  const adapterFor = (scheme: Scheme): BlobAdapter => {
    if (scheme === 'db') return options.database;
    if (!options.s3) throw new Error('bytes stored in S3, but BLOB_STORE_URL is not s3://… (configure the bucket they are in)');
    return options.s3;
  };
  /** Runs one store operation: a failure is told to the operator once and answered as unavailable. */
  const guarded = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    try {
      const result = await work();
      if (failing) {
        failing = false;
        await options.onRecovered().catch(() => undefined);
      }
      return result;
    } catch (error) {
      if (error instanceof DomainError) throw error;
      failing = true;
      // Telling the operator must not hide the answer the client gets.
      await options.onFailure(`${what}: ${error instanceof Error ? error.message : String(error)}`).catch(() => undefined);
      throw storageUnavailable();
    }
  };
  const readFileUnder = async (relative: string): Promise<Buffer | null> => {
    const root = path.resolve(options.dataDir);
    const file = path.resolve(root, relative);
    // Rows come from our own database; a path leaving DATA_DIR is still never followed.
    if (!file.startsWith(`${root}${path.sep}`)) return null;
    try {
      return await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
      throw error;
    }
  };
  const get = async (locator: string): Promise<Buffer | null> => {
    const { scheme, key } = parseLocator(locator);
    if (scheme === 'file') return readFileUnder(key);
    // The database store fails only with the database, which is not the store's alarm.
    if (scheme === 'db') return options.database.get(key);
    return guarded(`reading ${locator}`, () => adapterFor(scheme).get(key));
  };
  return {
    target,
    async stage(key, bytes) {
      if (target === 'db') {
        return {
          record: async (tx) => {
            await options.database.put(tx, key, bytes);
            return `db:${key}`;
          },
          discard: async () => {},
        };
      }
      const s3 = adapterFor('s3');
      await guarded(`writing s3:${key}`, () => s3.put(null, key, bytes));
      return {
        record: async () => `s3:${key}`,
        // Best effort: an object nobody references is only waste.
        discard: () => s3.delete(key).catch(() => undefined),
      };
    },
    get,
    async read(locator, sha256) {
      const bytes = await get(locator);
      if (!bytes) return { status: 'missing' };
      const actual = createHash('sha256').update(bytes).digest('hex');
      return actual === sha256 ? { status: 'ok', bytes } : { status: 'altered', sha256: actual };
    },
    async delete(locator) {
      const { scheme, key } = parseLocator(locator);
      if (scheme === 'file') return;
      await adapterFor(scheme).delete(key);
    },
  };
}
