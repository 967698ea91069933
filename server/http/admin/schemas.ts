/** Input shapes shared by admin routes (zod). Rules beyond shape live in the domain. */
import { z } from 'zod';
import { PAYMENT_METHODS } from '../../domain/payment-status.ts';
import { JOB_STAGES } from '../../domain/job-stages.ts';
import { KEEP_WHOLE_WORD_LIMITS, KEEP_WHOLE_WORD_MESSAGES, keepWholeWordProblem } from '../../domain/keep-whole-words.ts';
import { describeUndrawableCharacters, findUndrawableCharacters } from '../../domain/printable-text.ts';
import { describeUnsafeCharacter, findUnsafeCharacter, type SafeTextOptions } from '../../domain/safe-text.ts';
import { canDrawCodePoint } from '../../documents/pdf/drawable-text.ts';
import { BILLER_ID_MESSAGES, parseBillerId, parseThaiTaxId, TAX_ID_MESSAGES } from '../../domain/thai-tax-id.ts';
import { parsePromptPayId, PROMPTPAY_ID_MESSAGES } from '../../domain/promptpay-id.ts';

export const idParams = z.object({ id: z.string().min(1).max(64) });
/** A customer and one of its LINE accounts (LINE user ids are U + 32 hex digits). */
export const lineAccountParams = z.object({
  id: z.string().min(1).max(64),
  lineUserId: z.string().regex(/^U[0-9a-f]{32}$/, 'must be a LINE user id (U + 32 hex digits)'),
});
export const satang = z
  .number()
  .int('must be a whole number of satang')
  .nonnegative()
  .max(10 ** 15);
export const positiveSatang = z
  .number()
  .int('must be a whole number of satang')
  .positive()
  .max(10 ** 15);
export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/**
 * Free text people type (names, titles, references, reasons): no control, bidi or zero-width
 * characters (server/domain/safe-text.ts). Multi-line fields (addresses, notes) also keep
 * newlines and tabs; a Windows CRLF is stored as a plain newline.
 */
function safeText(schema: z.ZodString, options: SafeTextOptions = {}) {
  return schema.superRefine((value, issue) => {
    const found = findUnsafeCharacter(value, options);
    if (found) issue.addIssue({ code: 'custom', message: describeUnsafeCharacter(found, options) });
  });
}
const multilineString = () => z.string().overwrite((v) => v.replace(/\r\n?/g, '\n'));
const text = (max: number) => safeText(z.string().trim().min(1).max(max));
const optionalText = (max: number) => safeText(z.string().trim().max(max)).nullish();
const multilineText = (max: number) => safeText(multilineString().trim().min(1).max(max), { multiline: true });
const optionalMultilineText = (max: number) => safeText(multilineString().trim().max(max), { multiline: true }).nullish();

/**
 * Free text that is printed on documents (names, addresses, line descriptions, notes,
 * references, reasons): also refused when it holds characters the document font cannot
 * draw (emoji, Chinese, Korean…), naming them (server/domain/printable-text.ts).
 */
function printable<T extends z.ZodType<string | null | undefined>>(schema: T) {
  return schema.superRefine((value, issue) => {
    if (typeof value !== 'string') return;
    const found = findUndrawableCharacters(value, canDrawCodePoint);
    if (found.length > 0) issue.addIssue({ code: 'custom', message: describeUndrawableCharacters(found) });
  });
}
const printedText = (max: number) => printable(text(max));
const optionalPrintedText = (max: number) => printable(optionalText(max));
const printedMultilineText = (max: number) => printable(multilineText(max));
const optionalPrintedMultilineText = (max: number) => printable(optionalMultilineText(max));

/** Words a document line never breaks inside: one word each, printable, without spaces. */
export const keepWholeWords = z
  .array(
    printable(safeText(z.string().trim())).superRefine((word, issue) => {
      const problem = keepWholeWordProblem(word);
      if (problem) issue.addIssue({ code: 'custom', message: KEEP_WHOLE_WORD_MESSAGES[problem] });
    }),
  )
  .max(KEEP_WHOLE_WORD_LIMITS.maxWords)
  .describe('Equipment and product names that a document line never breaks inside (e.g. "โปรเจกเตอร์เลเซอร์"), added to a built-in list');

/** A 13-digit Thai tax ID as typed (dashes, spaces); stored as digits once its check digit holds. */
export const thaiTaxId = z
  .string()
  .max(40)
  .describe('13-digit Thai tax ID as typed (0-1055-61234-56-0); the check digit is verified; stored as digits')
  .transform((value, issue) => {
    const parsed = parseThaiTaxId(value);
    if (parsed.ok) return parsed.taxId;
    issue.addIssue({ code: 'custom', message: TAX_ID_MESSAGES[parsed.problem] });
    return z.NEVER;
  });

/** A bill-payment biller id as typed (tax id + 2-digit suffix); stored as its 15 digits. */
export const billerId = z
  .string()
  .max(40)
  .describe('PromptPay bill-payment biller ID: the 13-digit tax ID and a 2-digit suffix (15 digits); the check digit is verified')
  .transform((value, issue) => {
    const parsed = parseBillerId(value);
    if (parsed.ok) return parsed.billerId;
    issue.addIssue({ code: 'custom', message: BILLER_ID_MESSAGES[parsed.problem] });
    return z.NEVER;
  });

/** A PromptPay id as typed; stored normalised (mobile 0XXXXXXXXX, tax ID or e-wallet digits). */
export const promptPayId = z
  .string()
  .max(40)
  .describe('Mobile number (081-234-5678, +66 81 234 5678), 13-digit tax ID or 15-digit e-wallet ID; stored normalised (mobile as 0XXXXXXXXX)')
  .transform((value, issue) => {
    const parsed = parsePromptPayId(value);
    if (parsed.ok) return parsed.id;
    issue.addIssue({ code: 'custom', message: PROMPTPAY_ID_MESSAGES[parsed.problem] });
    return z.NEVER;
  });

export const lineInput = z.object({
  description: printedText(500),
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

/** `?cursor=&limit=` of every list: nextCursor of the previous page, and 1–100 items (default 25). */
export const pageQuery = {
  cursor: z.string().min(1).max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
};
/** `?customerId=` (or another id): a list narrowed to one record's. */
export const idFilter = z.string().min(1).max(64).optional();
export const jobStage = z.enum(JOB_STAGES);

export const customerFields = {
  name: printedText(200),
  companyName: optionalPrintedText(200),
  taxId: thaiTaxId.nullish(),
  branchCode: z
    .string()
    .regex(/^\d{5}$/, 'must be 5 digits (00000 = head office)')
    .nullish(),
  address: optionalPrintedMultilineText(500),
  email: z.string().trim().email().max(200).nullish(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 -]{8,20}$/, 'must be a phone number')
    .nullish(),
  language: z.enum(['th', 'en']).optional(),
  notes: optionalMultilineText(2000),
};

export { text, optionalText, multilineText, optionalMultilineText };
export { printedText, optionalPrintedText, printedMultilineText, optionalPrintedMultilineText };
