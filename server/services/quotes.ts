/** Quote use cases: create (priced by the domain), send. Accept/decline live with signing. */
import type { AppContext } from './context.ts';
import type { Tx } from '../data/database.ts';
import { notFound, validation, conflict } from '../domain/errors.ts';
import { bangkokDate } from '../domain/dates.ts';
import { checkQuoteDates } from '../domain/date-bounds.ts';
import { assertQuoteTransition, type QuoteStatus } from '../domain/quote-status.ts';
import { requireSatang } from '../domain/money.ts';
import { nextDocumentNumber } from './numbering.ts';
import { snapshotIssuedDocument } from './document-snapshots.ts';
import { getBusiness } from './business.ts';
import { priceDocument, type PricingInput } from './pricing.ts';

export interface CreateQuoteInput extends PricingInput {
  customerId: string;
  jobId?: string | null;
  validUntil: string;
  issueDate?: string;
  depositSatang?: number;
  notes?: string | null;
}

export async function createQuote(ctx: AppContext, input: CreateQuoteInput) {
  const now = ctx.clock.now();
  const issueDate = input.issueDate ?? bangkokDate(now);
  checkQuoteDates({ issueDate, validUntil: input.validUntil, today: bangkokDate(now) });
  const depositSatang = requireSatang(input.depositSatang ?? 0, 'depositSatang');
  return ctx.db.$transaction(async (tx) => {
    const business = await getBusiness(tx);
    const priced = priceDocument(business, input);
    await requireCustomerAndJob(tx, input.customerId, input.jobId);
    const number = await nextDocumentNumber(tx, 'QT', now);
    const { lines, ...amounts } = priced;
    return tx.quote.create({
      data: {
        number,
        createdAt: now,
        customerId: input.customerId,
        jobId: input.jobId ?? null,
        status: 'draft',
        issueDate,
        validUntil: input.validUntil,
        depositSatang,
        notes: input.notes ?? null,
        ...amounts,
        lines: { create: lines },
      },
      include: { lines: { orderBy: { position: 'asc' } } },
    });
  });
}

/** Shared by quotes and invoices: the customer must exist and the job, if any, must be theirs. */
export async function requireCustomerAndJob(tx: Tx, customerId: string, jobId: string | null | undefined): Promise<void> {
  const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { id: true } });
  if (!customer) throw validation('customerId', 'customerId does not match any customer');
  if (jobId) {
    const job = await tx.job.findUnique({ where: { id: jobId }, select: { customerId: true } });
    if (!job || job.customerId !== customerId) throw validation('jobId', "jobId does not match any of this customer's jobs");
  }
}

/**
 * Marks a draft quote as sent (re-sending a sent quote is allowed and changes nothing).
 * Pass `tx` to make it part of a larger transaction (sending the quote to the client).
 */
export async function markQuoteSent(ctx: AppContext, quoteId: string, tx?: Tx) {
  return tx ? sendIn(ctx, tx, quoteId) : ctx.db.$transaction((own) => sendIn(ctx, own, quoteId));
}

/** Sending issues the quote: its parties are frozen with it (document-snapshots.ts). */
async function sendIn(ctx: AppContext, db: Tx, quoteId: string) {
  const now = ctx.clock.now();
  const quote = await db.quote.findUnique({ where: { id: quoteId } });
  if (!quote) throw notFound('Quote');
  if (quote.status === 'sent') return quote;
  assertQuoteTransition(quote.status as QuoteStatus, 'sent');
  const { count } = await db.quote.updateMany({
    where: { id: quoteId, status: 'draft' },
    data: { status: 'sent', sentAt: now },
  });
  if (count === 0) throw conflict('Quote was changed by someone else; reload and try again');
  await snapshotIssuedDocument(db, { kind: 'quote', recordId: quoteId, customerId: quote.customerId }, now);
  return db.quote.findUniqueOrThrow({ where: { id: quoteId } });
}
