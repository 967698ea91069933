/**
 * The business's logo: uploaded by the owner (PNG or JPEG, decided from the bytes), stored once
 * resized to at most 512 px a side as PNG, so a phone photo does not bloat every PDF and the
 * portal. Documents print the logo of the moment they are rendered (issued ones are stored then).
 */
import sharp from 'sharp';
import type { AppContext } from './context.ts';
import type { Db, Tx } from '../data/database.ts';
import { sha256Hex } from '../data/stored-files.ts';
import { DomainError, validation } from '../domain/errors.ts';
import { sniffType } from '../payments/sniff-upload.ts';

export const LOGO_ID = 'default';
export const MAX_LOGO_UPLOAD_BYTES = 500 * 1024;
export const LOGO_MAX_SIDE = 512;
const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;

export interface BusinessLogoInfo {
  sha256: string;
  sizeBytes: number;
  width: number;
  height: number;
  updatedAt: Date;
}

async function normalise(bytes: Uint8Array): Promise<{ png: Buffer; width: number; height: number }> {
  try {
    const { data, info } = await sharp(bytes, { failOn: 'error', limitInputPixels: 40_000_000 })
      .rotate()
      .resize({ width: LOGO_MAX_SIDE, height: LOGO_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      // No timestamps or metadata: the same upload gives the same bytes (and the same PDFs).
      .png({ compressionLevel: 9 })
      .toBuffer({ resolveWithObject: true });
    return { png: data, width: info.width, height: info.height };
  } catch {
    throw validation('image', 'image: the picture could not be read (a broken PNG or JPEG)');
  }
}

export async function saveBusinessLogo(ctx: AppContext, input: { image: Uint8Array }): Promise<BusinessLogoInfo> {
  if (input.image.byteLength === 0) throw validation('image', 'image: the file is empty');
  if (input.image.byteLength > MAX_LOGO_UPLOAD_BYTES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', 'image is larger than 500 KB', { field: 'image', reason: 'file_too_large' });
  }
  if (!(await sniffType(input.image, LOGO_TYPES))) throw validation('image', 'image must be a PNG or JPEG picture');
  const { png, width, height } = await normalise(input.image);
  const data = { png: new Uint8Array(png), sha256: sha256Hex(png), updatedAt: ctx.clock.now() };
  await ctx.db.businessLogo.upsert({ where: { id: LOGO_ID }, create: { id: LOGO_ID, ...data }, update: data });
  return { sha256: data.sha256, sizeBytes: png.byteLength, width, height, updatedAt: data.updatedAt };
}

/** Removing a logo that is not there is not an error: the result is the same. */
export async function removeBusinessLogo(ctx: AppContext): Promise<void> {
  await ctx.db.businessLogo.deleteMany({ where: { id: LOGO_ID } });
}

export async function findBusinessLogo(db: Db | Tx): Promise<{ png: Uint8Array; sha256: string } | null> {
  return db.businessLogo.findUnique({ where: { id: LOGO_ID }, select: { png: true, sha256: true } });
}

/** What is stored now (its size read from the PNG header), or null. */
export async function businessLogoInfo(db: Db | Tx): Promise<BusinessLogoInfo | null> {
  const row = await db.businessLogo.findUnique({ where: { id: LOGO_ID } });
  if (!row) return null;
  const meta = await sharp(row.png).metadata();
  return { sha256: row.sha256, sizeBytes: row.png.byteLength, width: meta.width ?? 0, height: meta.height ?? 0, updatedAt: row.updatedAt };
}

/** The logo's fingerprint only (for URLs), without reading the bytes. */
export async function businessLogoHash(db: Db | Tx): Promise<string | null> {
  const row = await db.businessLogo.findUnique({ where: { id: LOGO_ID }, select: { sha256: true } });
  return row?.sha256 ?? null;
}

/** Public, cacheable forever: the fingerprint changes with the logo. Carries no token. */
export function businessLogoPath(sha256: string): string {
  return `/business-logo/${sha256}.png`;
}
