/**
 * The statement of account of one customer (domain/account-statement.ts) as a document model:
 * issued invoices as debits (net payable), confirmed payments as credits, as of today. Rendered
 * on demand and never stored: it is a view of the account, not a record.
 */
import type { AppContext } from '../services/context.ts';
import { notFound } from '../domain/errors.ts';
import { bangkokDate } from '../domain/dates.ts';
import { buddhistYearPeriod, buildAccountStatement, lastTwelveMonths, statementNumber, type StatementEntry } from '../domain/account-statement.ts';
import { DOCUMENT_KIND_LABELS } from '../domain/labels.ts';
import { getBusiness } from '../services/business.ts';
import { findBusinessLogo } from '../services/business-logo.ts';
import { L, primary } from './labels.ts';
import { buyer, lang, seller, type LoadedDocument } from './load-document-model.ts';

/** Invoices that are owed or were paid: drafts are not issued, a void invoice owes nothing. */
const OPEN_OR_PAID = ['sent', 'partially_paid', 'paid'];

export interface StatementOptions {
  /** A Buddhist-era year as typed ('2569'); absent = the last 12 months. */
  year?: unknown;
}

export async function loadStatement(ctx: AppContext, customerId: string, options: StatementOptions = {}): Promise<LoadedDocument> {
  const today = bangkokDate(ctx.clock.now());
  const period = options.year === undefined ? lastTwelveMonths(today) : buddhistYearPeriod(options.year, today);
  const customer = await ctx.db.customer.findUnique({ where: { id: customerId } });
  if (!customer) throw notFound('Document');
  // Payments and receipts are read by their invoices' condition, not an IN list of every invoice
  // id: a customer with 1,000 invoices would exceed SQLite's bound-value limit (Prisma P2029).
  const issued = { customerId, status: { in: OPEN_OR_PAID }, issueDate: { lte: period.to } };
  const confirmed = { status: 'confirmed', invoice: issued };
  const [business, logo, rows, payments, receipts] = await Promise.all([
    getBusiness(ctx.db),
    findBusinessLogo(ctx.db),
    ctx.db.invoice.findMany({ where: issued, select: { id: true, number: true, issueDate: true, netPayableSatang: true } }),
    ctx.db.payment.findMany({ where: confirmed, select: { id: true, invoiceId: true, amountSatang: true, receivedAt: true } }),
    ctx.db.receipt.findMany({ where: { payment: confirmed }, select: { paymentId: true, number: true } }),
  ]);
  const receiptOf = new Map(receipts.map((r) => [r.paymentId, { number: r.number }]));
  const paymentsOf = new Map<string, { amountSatang: number; receivedAt: Date; receipt: { number: string } | null }[]>();
  for (const p of payments) {
    const list = paymentsOf.get(p.invoiceId) ?? [];
    list.push({ amountSatang: p.amountSatang, receivedAt: p.receivedAt, receipt: receiptOf.get(p.id) ?? null });
    paymentsOf.set(p.invoiceId, list);
  }
  const invoices = rows.map((inv) => ({ ...inv, payments: paymentsOf.get(inv.id) ?? [] }));
  const l = lang(customer);
  // One language in the narrow description column; the column heads are bilingual.
  const paymentWord = primary(L.statementPayment, l);
  const invoiceWord = primary(DOCUMENT_KIND_LABELS.invoice, l);
  const entries: Array<StatementEntry & { description: string }> = invoices.flatMap((inv) => [
    {
      date: inv.issueDate,
      kind: 'invoice' as const,
      documentNumber: inv.number,
      debitSatang: inv.netPayableSatang,
      creditSatang: 0,
      description: invoiceWord,
    },
    ...inv.payments.map((p) => ({
      date: bangkokDate(p.receivedAt),
      kind: 'payment' as const,
      documentNumber: p.receipt?.number ?? inv.number,
      debitSatang: 0,
      creditSatang: p.amountSatang,
      description: `${paymentWord} ${inv.number}`,
    })),
  ]);
  const statement = buildAccountStatement(entries, period);
  return {
    model: {
      kind: 'statement',
      lang: l,
      seller: seller(business, l, { keepWholeWords: business.keepWholeWords, logo }),
      buyer: buyer(customer),
      number: statementNumber(today),
      issueDate: today,
      period: statement.period,
      openingBalanceSatang: statement.openingBalanceSatang,
      months: statement.months.map((m) => ({
        month: m.month,
        rows: m.rows.map((r) => ({
          date: r.date,
          documentNumber: r.documentNumber,
          description: r.description,
          debitSatang: r.debitSatang,
          creditSatang: r.creditSatang,
          balanceSatang: r.balanceSatang,
        })),
      })),
      totalDebitSatang: statement.totalDebitSatang,
      totalCreditSatang: statement.totalCreditSatang,
      closingBalanceSatang: statement.closingBalanceSatang,
    },
    owner: { customerId, statement: true },
    issued: false,
  };
}
