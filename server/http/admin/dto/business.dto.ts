/** The business profile as the admin API answers it. */
import { z } from 'zod';
import { JOB_STAGES, type JobStage } from '../../../domain/job-stages.ts';
import { readKeepWholeWords } from '../../../domain/keep-whole-words.ts';
import { instant, iso } from './common.ts';

export const businessDto = z.strictObject({
  name: z.string(),
  nameEn: z.string(),
  address: z.string(),
  addressEn: z.string().nullable(),
  taxId: z.string().nullable(),
  branchCode: z.string(),
  vatRegistered: z.boolean(),
  promptPayId: z.string(),
  promptPayName: z.string(),
  promptPayBillerId: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  lineOaId: z.string().nullable(),
  /** Short name opening every SMS (at most 11 characters); null = derived from the business name. */
  smsSenderName: z.string().nullable(),
  /** Stages whose change is announced to the client (stored comma-separated). */
  notifyStages: z.array(z.enum(JOB_STAGES)),
  /** The business's own words that documents never break inside (on top of the built-in list). */
  keepWholeWords: z.array(z.string()),
  updatedAt: instant,
});
export type BusinessDto = z.infer<typeof businessDto>;

interface BusinessRow {
  name: string;
  nameEn: string;
  address: string;
  addressEn: string | null;
  taxId: string | null;
  branchCode: string;
  vatRegistered: boolean;
  promptPayId: string;
  promptPayName: string;
  promptPayBillerId: string | null;
  phone: string | null;
  email: string | null;
  lineOaId: string | null;
  smsSenderName: string | null;
  notifyStages: string;
  keepWholeWords: string;
  updatedAt: Date;
}

export function toBusinessDto(row: BusinessRow): BusinessDto {
  return {
    name: row.name,
    nameEn: row.nameEn,
    address: row.address,
    addressEn: row.addressEn,
    taxId: row.taxId,
    branchCode: row.branchCode,
    vatRegistered: row.vatRegistered,
    promptPayId: row.promptPayId,
    promptPayName: row.promptPayName,
    promptPayBillerId: row.promptPayBillerId,
    phone: row.phone,
    email: row.email,
    lineOaId: row.lineOaId,
    smsSenderName: row.smsSenderName,
    notifyStages: row.notifyStages
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean) as JobStage[],
    keepWholeWords: readKeepWholeWords(row.keepWholeWords),
    updatedAt: iso(row.updatedAt),
  };
}

/** The stored logo (already resized to PNG); the portal serves it at /business-logo/<sha256>.png. */
export const businessLogoDto = z.strictObject({
  sha256: z.string(),
  sizeBytes: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  url: z.string(),
  updatedAt: instant,
});
export type BusinessLogoDto = z.infer<typeof businessLogoDto>;

export const currentLogoDto = z.strictObject({ logo: businessLogoDto.nullable() });

export const removedLogoDto = z.strictObject({ removed: z.literal(true) });
