/** Reads by id for the back office: a quote or invoice with its lines, a job with its history, a deposit with what is open. */
import type { AppContext } from './context.ts';
import { notFound } from '../domain/errors.ts';
import { allowedNextStages, type JobStage } from '../domain/job-stages.ts';
import { JOB_WITH_DETAILS } from './job-list.ts';
import { invoiceDisplayStatus } from './document-lists.ts';
import { getDepositForStaff } from './money-for-staff.ts';

const withLinesAndCustomer = { lines: { orderBy: { position: 'asc' } }, customer: { select: { name: true } } } as const;

export async function getQuote(ctx: AppContext, id: string) {
  const quote = await ctx.db.quote.findUnique({ where: { id }, include: withLinesAndCustomer });
  if (!quote) throw notFound('Quote');
  return quote;
}

export async function getInvoice(ctx: AppContext, id: string) {
  const invoice = await ctx.db.invoice.findUnique({ where: { id }, include: withLinesAndCustomer });
  if (!invoice) throw notFound('Invoice');
  return { ...invoice, displayStatus: invoiceDisplayStatus(ctx, invoice) };
}

export async function getJob(ctx: AppContext, id: string) {
  const job = await ctx.db.job.findUnique({ where: { id }, include: JOB_WITH_DETAILS });
  if (!job) throw notFound('Job');
  return { ...job, nextStages: allowedNextStages(job.stage as JobStage) };
}

export async function getDeposit(ctx: AppContext, id: string) {
  const deposit = await ctx.db.deposit.findUnique({ where: { id } });
  if (!deposit) throw notFound('Deposit');
  const forStaff = await getDepositForStaff(ctx, { id });
  return { ...deposit, customerName: forStaff.customerName, outstandingSatang: forStaff.outstandingSatang, remainingHeldSatang: forStaff.remainingHeldSatang };
}
