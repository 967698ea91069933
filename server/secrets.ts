/**
 * Secrets the operator did not provide are generated once into DATA_DIR/secrets.json (mode 0600)
 * so a demo works with no set-up and links survive restarts. Production sets them explicitly.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { randomBytes, createHash } from 'node:crypto';
import path from 'node:path';
import type { Config } from './config/config.ts';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, restrictFiles } from './data/data-dir.ts';

export interface Secrets {
  adminApiKey: string;
  /** 32-byte key derived from LINK_SECRET; seals portal tokens for reuse. */
  linkKey: Buffer;
  generated: string[];
}

export function loadOrCreateSecrets(config: Config): Secrets {
  const file = path.join(config.dataDir, 'secrets.json');
  const stored: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const generated: string[] = [];
  const pick = (name: string, given: string | undefined) => {
    if (given) return given;
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString('base64url');
      generated.push(name);
    }
    return stored[name]!;
  };
  const adminApiKey = pick('ADMIN_API_KEY', config.adminApiKey);
  const linkSecret = pick('LINK_SECRET', config.linkSecret);
  if (generated.length > 0) {
    mkdirSync(config.dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
    writeFileSync(file, JSON.stringify(stored, null, 2) + '\n', { mode: PRIVATE_FILE_MODE });
  }
  // `mode` applies only when the file is created; one copied in by hand may be readable by all.
  restrictFiles([file]);
  return { adminApiKey, linkKey: createHash('sha256').update(`portal-link-key:${linkSecret}`).digest(), generated };
}
