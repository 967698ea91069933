/**
 * Editing a quote or invoice while it is a draft: what is sent replaces what is stored, the rest
 * stays; the merged document is validated and priced by the same code as creating one
 * (date-bounds.ts, pricing.ts), and the change is conditional on the document still being a
 * draft (409 once it has been sent, or when someone sent it meanwhile).
 */
import type { AppContext } from './context.ts';
import type { Tx } from '../data/database.ts';
import { conflict, notFound } from '../domain/errors.ts';
import { bangkokDate } from '../domain/dates.ts';
import { checkInvoiceDates, checkQuoteDates } from '../domain/date-bounds.ts';
import { quantityFromMilli, requireSatang, type VatMode } from '../domain/money.ts';
import { getBusiness } from './business.ts';
import { priceDocument, type PricingInput } from './pricing.ts';
import { requireCustomerAndJob } from './quotes.ts';

interface DraftPatch extends Partial<PricingInput> {
  jobId?: string | null;
  issueDate?: string;
  notes?: string | null;
}

export interface QuoteDraftPatch extends DraftPatch {
  validUntil?: string;
  depositSatang?: number;
}

export interface InvoiceDraftPatch extends DraftPatch {
  dueDate?: string;
}

interface StoredDraft {
  number: string;
  status: string;
  customerId: string;
  jobId: string | null;
  discountSatang: number;
  vatMode: string;
  withholdingBasisPoints: number;
  lines: { description: string; quantityMilli: number; unitPriceSatang: number }[];
}

function notDraft(kind: string, doc: { number: string; status: string }) {
  return conflict(`${kind} ${doc.number} is ${doc.status}; only a draft can be edited`, { status: doc.status });
}

/** The stored document with the patch applied, priced as a new one would be. */
async function repriced(tx: Tx, stored: StoredDraft, patch: DraftPatch) {
  const business = await getBusiness(tx);
  const pricing: PricingInput = {
    lines:
      patch.lines ??
      stored.lines.map((l) => ({ description: l.description, quantity: quantityFromMilli(l.quantityMilli), unitPriceSatang: l.unitPriceSatang })),
    discountSatang: patch.discountSatang ?? stored.discountSatang,
    vatMode: patch.vatMode ?? (stored.vatMode as VatMode),
    withholdingPercent: patch.withholdingPercent ?? stored.withholdingBasisPoints / 100,
  };
  const priced = priceDocument(business, pricing);
  const jobId = patch.jobId === undefined ? stored.jobId : patch.jobId;
  if (patch.jobId !== undefined) await requireCustomerAndJob(tx, stored.customerId, jobId);
  const { lines, ...amounts } = priced;
  return { lines, amounts, jobId };
}

export async function updateQuoteDraft(ctx: AppContext, id: string, patch: QuoteDraftPatch) {
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const quote = await tx.quote.findUnique({ where: { id }, include: { lines: { orderBy: { position: 'asc' } } } });
    if (!quote) throw notFound('Quote');
    if (quote.status !== 'draft') throw notDraft('Quote', quote);
    const issueDate = patch.issueDate ?? quote.issueDate;
    const validUntil = patch.validUntil ?? quote.validUntil;
    checkQuoteDates({ issueDate, validUntil, today: bangkokDate(now) });
    const depositSatang = patch.depositSatang === undefined ? quote.depositSatang : requireSatang(patch.depositSatang, 'depositSatang');
    const { lines, amounts, jobId } = await repriced(tx, quote, patch);
    const { count } = await tx.quote.updateMany({
      where: { id, status: 'draft' },
      data: { ...amounts, jobId, issueDate, validUntil, depositSatang, notes: patch.notes === undefined ? quote.notes : patch.notes, updatedAt: now },
    });
    if (count === 0) throw conflict('Quote was changed by someone else; reload and try again');
    await tx.quoteLine.deleteMany({ where: { quoteId: id } });
    await tx.quoteLine.createMany({ data: lines.map((l) => ({ ...l, quoteId: id })) });
    return tx.quote.findUniqueOrThrow({ where: { id }, include: { lines: { orderBy: { position: 'asc' } } } });
  });
}

export async function updateInvoiceDraft(ctx: AppContext, id: string, patch: InvoiceDraftPatch) {
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const invoice = await tx.invoice.findUnique({ where: { id }, include: { lines: { orderBy: { position: 'asc' } } } });
    if (!invoice) throw notFound('Invoice');
    if (invoice.status !== 'draft') throw notDraft('Invoice', invoice);
    const issueDate = patch.issueDate ?? invoice.issueDate;
    const dueDate = patch.dueDate ?? invoice.dueDate;
    checkInvoiceDates({ issueDate, dueDate, today: bangkokDate(now) });
    const { lines, amounts, jobId } = await repriced(tx, invoice, patch);
    const { count } = await tx.invoice.updateMany({
      where: { id, status: 'draft', paidSatang: 0 },
      data: { ...amounts, jobId, issueDate, dueDate, notes: patch.notes === undefined ? invoice.notes : patch.notes, updatedAt: now },
    });
    if (count === 0) throw conflict('Invoice was changed by someone else; reload and try again');
    await tx.invoiceLine.deleteMany({ where: { invoiceId: id } });
    await tx.invoiceLine.createMany({ data: lines.map((l) => ({ ...l, invoiceId: id })) });
    return tx.invoice.findUniqueOrThrow({ where: { id }, include: { lines: { orderBy: { position: 'asc' } } } });
  });
}
