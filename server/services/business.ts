/** The business profile (one row): seller details on documents, PromptPay payee, VAT registration. */
import type { AppContext } from './context.ts';
import type { Db, Tx } from '../data/database.ts';
import { DomainError } from '../domain/errors.ts';
import { storedKeepWholeWords } from '../domain/keep-whole-words.ts';

export const BUSINESS_ID = 'default';

export async function getBusiness(db: Db | Tx) {
  const business = await db.business.findUnique({ where: { id: BUSINESS_ID } });
  if (!business) {
    throw new DomainError('UNAVAILABLE', 'The business profile is not set up yet (PUT /api/admin/business)', { reason: 'business_not_set_up' });
  }
  return business;
}

export interface BusinessInput {
  name: string;
  nameEn: string;
  address: string;
  addressEn?: string | null;
  taxId?: string | null;
  branchCode?: string;
  vatRegistered: boolean;
  promptPayId: string;
  promptPayName: string;
  /** 15 digits (tax id + suffix), already checked; null/absent = no bill-payment QRs. */
  promptPayBillerId?: string | null;
  phone?: string | null;
  email?: string | null;
  lineOaId?: string | null;
  /** At most 11 characters; empty means "use a shortened business name". */
  smsSenderName?: string | null;
  notifyStages?: string;
  /** Words documents never break inside (already checked); absent = unchanged. */
  keepWholeWords?: readonly string[];
}

export async function saveBusiness(ctx: AppContext, input: BusinessInput) {
  const { keepWholeWords, ...fields } = input;
  const data = {
    ...fields,
    ...(input.smsSenderName === undefined ? {} : { smsSenderName: input.smsSenderName?.trim() || null }),
    ...(keepWholeWords === undefined ? {} : { keepWholeWords: storedKeepWholeWords(keepWholeWords) }),
  };
  return ctx.db.business.upsert({ where: { id: BUSINESS_ID }, create: { id: BUSINESS_ID, ...data }, update: data });
}
