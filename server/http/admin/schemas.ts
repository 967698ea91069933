/** Input shapes shared by admin routes (zod). Rules beyond shape live in the domain. */
import { z } from 'zod';
import { PAYMENT_METHODS } from '../../domain/payment-status.ts';
import { JOB_STAGES } from '../../domain/job-stages.ts';

export const idParams = z.object({ id: z.string().min(1).max(64) });
/** A customer and one of its LINE accounts (LINE user ids are U + 32 hex digits). */
export const lineAccountParams = z.object({ id: z.string().min(1).max(64), lineUserId: z.string().regex(/^U[0-9a-f]{32}$/, 'must be a LINE user id (U + 32 hex digits)') });
export const satang = z.number().int('must be a whole number of satang').nonnegative().max(10 ** 15);
export const positiveSatang = z.number().int('must be a whole number of satang').positive().max(10 ** 15);
export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const lineInput = z.object({
  description: text(500),
  quantity: z.number().positive().max(1_000_000),
  unitPriceSatang: satang,
});

export const pricingFields = {
  lines: z.array(lineInput).min(1).max(500),
  discountSatang: satang.optional(),
  vatMode: z.enum(['exclusive', 'inclusive', 'none']).optional(),
  withholdingPercent: z.number().min(0).max(15).optional(),
};

export const paymentMethod = z.enum(PAYMENT_METHODS);
export const jobStage = z.enum(JOB_STAGES);

export const customerFields = {
  name: text(200),
  companyName: optionalText(200),
  taxId: z.string().regex(/^\d{13}$/, 'must be 13 digits').nullish(),
  branchCode: z.string().regex(/^\d{5}$/, 'must be 5 digits (00000 = head office)').nullish(),
  address: optionalText(500),
  email: z.string().trim().email().max(200).nullish(),
  phone: z.string().trim().regex(/^\+?[0-9 -]{8,20}$/, 'must be a phone number').nullish(),
  language: z.enum(['th', 'en']).optional(),
  notes: optionalText(2000),
};

export { text, optionalText };
