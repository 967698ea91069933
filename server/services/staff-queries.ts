/** Read models for staff answers in LINE: overdue invoices (oldest first) and a job by number. */
import type { AppContext } from './context.ts';
import { notFound } from '../domain/errors.ts';
import { bangkokDate, daysBetween } from '../domain/dates.ts';
import { invoiceBalanceSatang, type InvoiceStatus } from '../domain/invoice-status.ts';
import { allowedNextStages, type JobStage } from '../domain/job-stages.ts';

const OWING: InvoiceStatus[] = ['sent', 'partially_paid'];

export interface OverdueInvoice {
  invoiceId: string;
  invoiceNumber: string;
  customerId: string;
  customerName: string;
  amountDueSatang: number;
  dueDate: string;
  daysOverdue: number;
}

/** The invoices that are overdue on `today` (Bangkok), as a filter: the same rule as displayInvoiceStatus. */
export function overdueInvoiceWhere(today: string) {
  // A sent 0.00 invoice owes nothing, so it is never overdue (a positive balance implies a positive net payable).
  return { status: { in: OWING }, netPayableSatang: { gt: 0 }, dueDate: { lt: today } };
}

/**
 * Invoices still owed whose due day has passed in Bangkok (invoice-status.ts), oldest due first:
 * one page of them, with the count and the amount due over ALL of them (not just the page).
 */
export async function listOverdueInvoices(ctx: AppContext, options: { customerId?: string; limit?: number; offset?: number } = {}) {
  const today = bangkokDate(ctx.clock.now());
  const where = { ...overdueInvoiceWhere(today), ...(options.customerId ? { customerId: options.customerId } : {}) };
  const [rows, all] = await Promise.all([
    ctx.db.invoice.findMany({
      where,
      orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
      skip: options.offset ?? 0,
      take: options.limit ?? 50,
      include: { customer: { select: { name: true } } },
    }),
    ctx.db.invoice.aggregate({ where, _count: { _all: true }, _sum: { netPayableSatang: true, paidSatang: true } }),
  ]);
  // An owed invoice has paid less than its net payable, so the difference of the sums is the sum of the balances.
  const totalDueSatang = invoiceBalanceSatang(all._sum.netPayableSatang ?? 0, all._sum.paidSatang ?? 0);
  const items: OverdueInvoice[] = rows.map((inv) => ({
    invoiceId: inv.id,
    invoiceNumber: inv.number,
    customerId: inv.customerId,
    customerName: inv.customer.name,
    amountDueSatang: invoiceBalanceSatang(inv.netPayableSatang, inv.paidSatang),
    dueDate: inv.dueDate,
    daysOverdue: daysBetween(inv.dueDate, today),
  }));
  return { items, totalCount: all._count._all, totalDueSatang };
}

/** Invoices of a customer that still have money owed (overdue or not), oldest due first. */
export async function listOwingInvoices(ctx: AppContext, customerId: string) {
  const rows = await ctx.db.invoice.findMany({ where: { customerId, status: { in: OWING } }, orderBy: [{ dueDate: 'asc' }, { number: 'asc' }] });
  return rows.map((inv) => ({
    id: inv.id,
    number: inv.number,
    dueDate: inv.dueDate,
    balanceSatang: invoiceBalanceSatang(inv.netPayableSatang, inv.paidSatang),
  }));
}

export interface JobForStaff {
  id: string;
  number: string;
  title: string;
  customerId: string;
  stage: JobStage;
  nextStages: JobStage[];
}

/** A job by id or number, with the stages it may move to now (job-stages.ts). */
export async function getJobForStaff(ctx: AppContext, ref: { id: string } | { number: string }): Promise<JobForStaff> {
  const job = await ctx.db.job.findUnique({ where: 'id' in ref ? { id: ref.id } : { number: ref.number } });
  if (!job) throw notFound('Job');
  const stage = job.stage as JobStage;
  return { id: job.id, number: job.number, title: job.title, customerId: job.customerId, stage, nextStages: allowedNextStages(stage) };
}

/** Links of a customer that still open (not revoked, not expired): what `revoke` would end. */
export async function countActiveLinks(ctx: AppContext, customerId: string): Promise<number> {
  return ctx.db.portalLink.count({ where: { customerId, revokedAt: null, expiresAt: { gt: ctx.clock.now() } } });
}

/** Who and what a link is for, for the card staff see. */
export async function describeLinkSubject(ctx: AppContext, link: { customerId: string; scope: string; quoteId?: string | null; invoiceId?: string | null }) {
  const customer = await ctx.db.customer.findUnique({ where: { id: link.customerId }, select: { name: true } });
  if (!customer) throw notFound('Customer');
  let documentNumber: string | null = null;
  if (link.scope === 'quote' && link.quoteId)
    documentNumber = (await ctx.db.quote.findUnique({ where: { id: link.quoteId }, select: { number: true } }))?.number ?? null;
  if (link.scope === 'invoice' && link.invoiceId)
    documentNumber = (await ctx.db.invoice.findUnique({ where: { id: link.invoiceId }, select: { number: true } }))?.number ?? null;
  return { customerName: customer.name, documentNumber };
}

export async function getCustomerName(ctx: AppContext, customerId: string): Promise<string> {
  const customer = await ctx.db.customer.findUnique({ where: { id: customerId }, select: { name: true } });
  if (!customer) throw notFound('Customer');
  return customer.name;
}

/** What a link was issued for (scope and record id), so "send to client" can send that link's scope again. */
export async function getLinkTarget(ctx: AppContext, linkId: string) {
  const link = await ctx.db.portalLink.findUnique({
    where: { id: linkId },
    select: { id: true, scope: true, customerId: true, quoteId: true, invoiceId: true },
  });
  if (!link) throw notFound('Link');
  const scope = link.scope as 'customer' | 'quote' | 'invoice';
  const id = scope === 'quote' ? link.quoteId : scope === 'invoice' ? link.invoiceId : link.customerId;
  if (!id) throw notFound('Link');
  return { scope, id, customerId: link.customerId };
}

export async function getInvoiceByNumber(ctx: AppContext, number: string) {
  const invoice = await ctx.db.invoice.findUnique({ where: { number }, select: { id: true, number: true, customerId: true, status: true } });
  if (!invoice) throw notFound(`Invoice ${number}`);
  return invoice;
}

export async function getInvoiceById(ctx: AppContext, id: string) {
  const invoice = await ctx.db.invoice.findUnique({ where: { id }, select: { id: true, number: true, customerId: true, status: true } });
  if (!invoice) throw notFound('Invoice');
  return invoice;
}

export async function getCustomerContact(ctx: AppContext, customerId: string) {
  const customer = await ctx.db.customer.findUnique({ where: { id: customerId }, select: { id: true, name: true, language: true } });
  if (!customer) throw notFound('Customer');
  return { ...customer, language: customer.language === 'en' ? ('en' as const) : ('th' as const) };
}
