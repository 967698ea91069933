/**
 * DATA_DIR holds customer PII (the database) and every issued PDF: only the user running the
 * portal may read it. Folders are 0700 and files 0600, also when an older version created them
 * world-readable. A folder that cannot be created or written stops start-up with one line that
 * names the variable, not a stack trace.
 */
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
/** Applied to the whole process by the entry points: whatever is created later (SQLite's -wal and -shm, PDFs) starts private. */
export const PRIVATE_UMASK = 0o077;

export class DataDirError extends Error {}

/** Creates the folder (0700) or tightens an existing one; throws DataDirError naming `variable`. */
export function ensurePrivateDir(dir: string, variable = 'DATA_DIR'): void {
  try {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    chmodSync(dir, PRIVATE_DIR_MODE);
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new DataDirError(
      `${variable} is not usable: cannot create or write the folder ${path.resolve(dir)} (${code}). Point ${variable} at a folder this user can write.`,
    );
  }
}

/**
 * DATA_DIR at start-up: created or tightened to 0700, and what an earlier version stored there
 * world-readable (issued PDFs under documents/) tightened too.
 */
export function prepareDataDir(dataDir: string): void {
  ensurePrivateDir(dataDir);
  restrictTree(path.join(dataDir, 'documents'));
}

function restrictTree(dir: string): void {
  if (!existsSync(dir)) return;
  chmodSync(dir, PRIVATE_DIR_MODE);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) restrictTree(full);
    else if (entry.isFile()) chmodSync(full, PRIVATE_FILE_MODE);
  }
}

/** Tightens files that already exist (an earlier version wrote them 0644). */
export function restrictFiles(files: string[]): void {
  for (const file of files) if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}

/** For entry points: a DataDirError prints its one line and exits 1; anything else is re-thrown. */
export function exitOnDataDirError(error: unknown): never {
  if (error instanceof DataDirError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
