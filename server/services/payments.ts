/**
 * Payments against invoices. Every confirmed payment updates the invoice conditionally on the
 * amounts just read (two staff recording the same transfer cannot both succeed) and issues its
 * receipt in the same transaction.
 */
import type { AppContext } from './context.ts';
import type { Tx } from '../data/database.ts';
import { notFound, validation, conflict } from '../domain/errors.ts';
import { atBangkokTime, bangkokDate } from '../domain/dates.ts';
import { checkPaymentDate } from '../domain/payment-date.ts';
import { assertBuyerReadyForTaxInvoice } from '../domain/tax-invoice-buyer.ts';
import { invoiceBalanceSatang, invoiceStatusAfterPayment, type InvoiceStatus } from '../domain/invoice-status.ts';
import { isPaymentMethod, type PaymentMethod } from '../domain/payment-status.ts';
import { receiptTypeForPayment } from '../domain/receipt-types.ts';
import { assertPaymentFits } from '../domain/payment-fit.ts';
import { issueReceipt } from './receipts.ts';
import { paymentSettlement, paymentTaxPortion } from '../domain/tax-portion.ts';
import { nextDocumentNumber } from './numbering.ts';
import { getBusiness } from './business.ts';
import { snapshotIssuedDocument } from './document-snapshots.ts';
import { notifyPaymentReceived } from './messages/notify-client.ts';

export interface RecordPaymentInput {
  invoiceId: string;
  amountSatang: number;
  method: PaymentMethod;
  reference?: string | null;
  /** The Bangkok day the money arrived ('YYYY-MM-DD'); today when not given. */
  receivedOn?: string | null;
  /** Number of the 50 ทวิ the customer gave for the tax withheld, printed on the receipt. */
  withholdingCertRef?: string | null;
  recordedBy?: string | null;
}

/** Staff (admin API, bot) record money they have already seen arrive: confirmed at once. */
export async function recordPayment(ctx: AppContext, input: RecordPaymentInput) {
  if (!Number.isSafeInteger(input.amountSatang) || input.amountSatang <= 0) {
    throw validation('amountSatang', 'amountSatang must be a whole number of satang greater than zero');
  }
  if (!isPaymentMethod(input.method)) throw validation('method', 'method is not a known payment method');
  const now = ctx.clock.now();
  const today = bangkokDate(now);
  const result = await ctx.db.$transaction(async (tx) => {
    const invoice = await tx.invoice.findUnique({ where: { id: input.invoiceId }, include: { job: true } });
    if (!invoice) throw notFound('Invoice');
    const receivedOn = input.receivedOn ?? today;
    checkPaymentDate({ receivedOn, today, invoiceIssueDate: invoice.issueDate });
    // Noon Bangkok stands for "some time that day" when staff name a past day.
    const paidAt = receivedOn === today ? now : atBangkokTime(receivedOn, 12);
    if (input.withholdingCertRef && invoice.withholdingSatang <= 0) {
      throw validation('withholdingCertRef', 'no tax is withheld on this invoice, so there is no 50 Tawi to refer to');
    }
    const payment = await tx.payment.create({
      data: {
        customerId: invoice.customerId,
        invoiceId: invoice.id,
        amountSatang: input.amountSatang,
        method: input.method,
        reference: input.reference ?? null,
        withholdingCertRef: input.withholdingCertRef ?? null,
        status: 'confirmed',
        receivedAt: paidAt,
        reviewedAt: now,
        reviewedBy: input.recordedBy ?? null,
      },
    });
    return applyConfirmedPayment(tx, { ctx, invoice, payment, now, paidAt });
  });
  // The receipt and tax invoice just issued are stored now, before anyone can ask for them.
  await ctx.documents.storePending();
  return result;
}

/**
 * Adds a confirmed payment to its invoice, issues the receipt (and tax invoice) and queues the
 * "payment received" message to the client. The caller runs `ctx.documents.storePending()` after
 * its commit. Shared by staff-recorded payments and by confirming a client's slip, so
 * the money rules live here once.
 */
export async function applyConfirmedPayment(
  tx: Tx,
  args: {
    ctx: AppContext;
    invoice: {
      id: string;
      number: string;
      customerId: string;
      status: string;
      subtotalSatang: number;
      vatSatang: number;
      totalSatang: number;
      withholdingSatang: number;
      netPayableSatang: number;
      vatRateBasisPoints: number;
      paidSatang: number;
      job: { startDate: string | null } | null;
    };
    payment: { id: string; amountSatang: number };
    now: Date;
    /** When the money arrived, if earlier than `now` (a slip confirmed later); documents are issued `now`. */
    paidAt?: Date;
  },
) {
  const { ctx, invoice, payment, now } = args;
  const paidAt = args.paidAt ?? now;
  const status = invoice.status as InvoiceStatus;
  assertPaymentFits(invoice, payment.amountSatang);
  const paidSatang = invoice.paidSatang + payment.amountSatang;
  const newStatus = invoiceStatusAfterPayment(invoice.netPayableSatang, paidSatang);
  const fullyPaid = newStatus === 'paid';
  const business = await getBusiness(tx);
  if (business.vatRegistered) {
    // This payment issues a tax invoice: refuse now, inside the transaction, so nothing is recorded.
    const buyer = await tx.customer.findUniqueOrThrow({ where: { id: invoice.customerId } });
    assertBuyerReadyForTaxInvoice(buyer, invoice.number);
  }
  const settlement = paymentSettlement(invoice, invoice.paidSatang, payment.amountSatang);
  // For services the VAT tax point is each receipt of payment (Revenue Code s.78/1): every
  // payment gets its own tax invoice, dated and numbered by the day the money arrived, for the
  // part of the invoice it settles.
  const tax = business.vatRegistered
    ? taxFields(paymentTaxPortion(invoice, invoice.paidSatang, payment.amountSatang, await taxInvoicedSoFar(tx, invoice.id, payment.id)))
    : null;
  await tx.payment.update({ where: { id: payment.id }, data: { ...tax, withheldSatang: settlement.withheldSatang } });
  if (tax) await snapshotIssuedDocument(tx, { kind: 'tax_invoice', recordId: payment.id, customerId: invoice.customerId }, now);
  // Paid straight from draft: the invoice is issued by this payment.
  if (status === 'draft') await snapshotIssuedDocument(tx, { kind: 'invoice', recordId: invoice.id, customerId: invoice.customerId }, now);
  const { count } = await tx.invoice.updateMany({
    where: { id: invoice.id, status: invoice.status, paidSatang: invoice.paidSatang },
    data: {
      paidSatang,
      status: newStatus,
      ...(fullyPaid ? { paidAt } : {}),
      ...(status === 'draft' ? { sentAt: now } : {}),
    },
  });
  if (count === 0) throw conflict(`Invoice ${invoice.number} was changed by someone else; reload and try again`);
  // The numbers come last: a number's counter row stays locked until the commit, and every other
  // payment (on any instance) waits for it, so the less that follows, the shorter that wait.
  const taxInvoiceNumber = tax ? await nextDocumentNumber(tx, 'TAX', paidAt) : null;
  if (taxInvoiceNumber) await tx.payment.update({ where: { id: payment.id }, data: { taxInvoiceNumber } });
  const receipt = await issueReceipt(tx, {
    type: receiptTypeForPayment(invoice.job, bangkokDate(paidAt)),
    customerId: invoice.customerId,
    amountSatang: payment.amountSatang,
    issuedAt: now,
    paymentId: payment.id,
  });
  const balanceSatang = invoiceBalanceSatang(invoice.netPayableSatang, paidSatang);
  // Never fails the payment: an unreachable client is logged and skipped.
  await notifyPaymentReceived(tx, ctx, {
    paymentId: payment.id,
    customerId: invoice.customerId,
    amountSatang: payment.amountSatang,
    receipt,
    invoiceNumber: invoice.number,
    balanceSatang,
    paidAt,
  });
  return {
    payment: { id: payment.id, amountSatang: payment.amountSatang, status: 'confirmed' as const, taxInvoiceNumber },
    receipt: { id: receipt.id, number: receipt.number, type: receipt.type },
    invoice: {
      id: invoice.id,
      number: invoice.number,
      status: newStatus,
      paidSatang,
      balanceSatang,
    },
  };
}

function taxFields(portion: { baseSatang: number; vatSatang: number }) {
  return { taxBaseSatang: portion.baseSatang, taxVatSatang: portion.vatSatang };
}

/** What the invoice's live tax invoices (voided payments are reversed by credit notes) already cover. */
async function taxInvoicedSoFar(tx: Tx, invoiceId: string, exceptPaymentId: string) {
  const sums = await tx.payment.aggregate({
    where: { invoiceId, status: 'confirmed', taxInvoiceNumber: { not: null }, id: { not: exceptPaymentId } },
    _sum: { taxBaseSatang: true, taxVatSatang: true },
  });
  return { baseSatang: sums._sum.taxBaseSatang ?? 0, vatSatang: sums._sum.taxVatSatang ?? 0 };
}
