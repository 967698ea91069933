/** Invoice use cases: create (priced by the domain), mark sent, void. Payments: payments.ts. */
import type { AppContext } from './context.ts';
import type { Tx } from '../data/database.ts';
import { notFound, validation, conflict } from '../domain/errors.ts';
import { atBangkokTime, bangkokDate } from '../domain/dates.ts';
import { assertBuyerReadyForTaxInvoice } from '../domain/tax-invoice-buyer.ts';
import { checkInvoiceDates } from '../domain/date-bounds.ts';
import { assertInvoiceTransition, type InvoiceStatus } from '../domain/invoice-status.ts';
import { nextDocumentNumber } from './numbering.ts';
import { getBusiness } from './business.ts';
import { snapshotIssuedDocument } from './document-snapshots.ts';
import { priceDocument, type PricingInput } from './pricing.ts';
import { requireCustomerAndJob } from './quotes.ts';

export interface CreateInvoiceInput extends PricingInput {
  customerId: string;
  jobId?: string | null;
  quoteId?: string | null;
  dueDate: string;
  issueDate?: string;
  notes?: string | null;
}

export async function createInvoice(ctx: AppContext, input: CreateInvoiceInput) {
  const now = ctx.clock.now();
  const issueDate = input.issueDate ?? bangkokDate(now);
  checkInvoiceDates({ issueDate, dueDate: input.dueDate, today: bangkokDate(now) });
  return ctx.db.$transaction(async (tx) => {
    const business = await getBusiness(tx);
    const priced = priceDocument(business, input);
    await requireCustomerAndJob(tx, input.customerId, input.jobId);
    if (input.quoteId) {
      const quote = await tx.quote.findUnique({ where: { id: input.quoteId }, select: { customerId: true } });
      if (!quote || quote.customerId !== input.customerId) throw validation('quoteId', "quoteId does not match any of this customer's quotes");
    }
    // Numbers run per year: an invoice is numbered in the year of the date it bears, so
    // INV-2025-… is never dated 2026 (a December invoice typed in January stays in December).
    const number = await nextDocumentNumber(tx, 'INV', atBangkokTime(issueDate, 12));
    const { lines, ...amounts } = priced;
    return tx.invoice.create({
      data: {
        number,
        createdAt: now,
        customerId: input.customerId,
        jobId: input.jobId ?? null,
        quoteId: input.quoteId ?? null,
        status: 'draft',
        issueDate,
        dueDate: input.dueDate,
        notes: input.notes ?? null,
        ...amounts,
        lines: { create: lines },
      },
      include: { lines: { orderBy: { position: 'asc' } } },
    });
  });
}

/**
 * Issues a draft invoice: sent, with its parties' snapshot. Pass `tx` to make it part of a larger
 * transaction (sending the invoice to the client).
 */
export async function markInvoiceSent(ctx: AppContext, invoiceId: string, tx?: Tx) {
  return tx ? sendIn(ctx, tx, invoiceId) : ctx.db.$transaction((own) => sendIn(ctx, own, invoiceId));
}

async function sendIn(ctx: AppContext, db: Tx, invoiceId: string) {
  const now = ctx.clock.now();
  const invoice = await db.invoice.findUnique({ where: { id: invoiceId } });
  if (!invoice) throw notFound('Invoice');
  if (invoice.status !== 'draft') {
    if (invoice.status === 'void' || invoice.status === 'paid') {
      throw conflict(`Invoice ${invoice.number} is ${invoice.status}; there is nothing to send`, { status: invoice.status });
    }
    return invoice;
  }
  // Refused early: while the business is VAT-registered every payment issues a tax invoice to this buyer.
  if ((await getBusiness(db)).vatRegistered) {
    const buyer = await db.customer.findUniqueOrThrow({ where: { id: invoice.customerId } });
    assertBuyerReadyForTaxInvoice(buyer, invoice.number);
  }
  const { count } = await db.invoice.updateMany({
    where: { id: invoiceId, status: 'draft' },
    data: { status: 'sent', sentAt: now },
  });
  if (count === 0) throw conflict('Invoice was changed by someone else; reload and try again');
  await snapshotIssuedDocument(db, { kind: 'invoice', recordId: invoiceId, customerId: invoice.customerId }, now);
  return db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
}

export async function voidInvoice(ctx: AppContext, invoiceId: string, reason: string | null) {
  return ctx.db.$transaction(async (tx) => {
    const invoice = await tx.invoice.findUnique({ where: { id: invoiceId } });
    if (!invoice) throw notFound('Invoice');
    assertInvoiceTransition(invoice.status as InvoiceStatus, 'void');
    // Money already received must be refunded or moved first: voiding would hide it.
    if (invoice.paidSatang > 0) {
      throw conflict(`Invoice ${invoice.number} has payments recorded; it cannot be voided`, { paidSatang: invoice.paidSatang });
    }
    const { count } = await tx.invoice.updateMany({
      where: { id: invoiceId, status: invoice.status, paidSatang: 0 },
      data: { status: 'void', voidedAt: ctx.clock.now(), voidReason: reason },
    });
    if (count === 0) throw conflict('Invoice was changed by someone else; reload and try again');
    return tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
  });
}
