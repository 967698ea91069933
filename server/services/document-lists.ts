/**
 * Quote and invoice lists of the back office, newest first, with their customer's name. The
 * invoice filter `overdue` is derived (staff-queries.ts: overdueInvoiceWhere) and lists the
 * oldest due first, like the bot's overdue list.
 */
import type { AppContext } from './context.ts';
import type { Prisma } from '../data/database.ts';
import { bangkokDate } from '../domain/dates.ts';
import { displayInvoiceStatus, invoiceBalanceSatang, type InvoiceStatus } from '../domain/invoice-status.ts';
import type { QuoteStatus } from '../domain/quote-status.ts';
import { byInstant, byText, keysetPage, type KeysetArgs, type PageRequest } from './pagination.ts';
import { overdueInvoiceWhere } from './staff-queries.ts';

const withCustomerName = { customer: { select: { name: true } } } as const;

export async function listQuotes(ctx: AppContext, input: PageRequest & { status?: QuoteStatus; customerId?: string }) {
  const filter: Prisma.QuoteWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.customerId ? { customerId: input.customerId } : {}),
  };
  return keysetPage(
    input,
    ({ after, orderBy, take }: KeysetArgs<Prisma.QuoteWhereInput>) =>
      ctx.db.quote.findMany({ where: after ? { AND: [filter, after] } : filter, orderBy, take, include: withCustomerName }),
    byInstant('createdAt', 'desc', (q) => q.createdAt),
  );
}

export type InvoiceListStatus = InvoiceStatus | 'overdue';

/** Invoices with what staff read on each today: its status, or `overdue`. */
export async function listInvoices(ctx: AppContext, input: PageRequest & { status?: InvoiceListStatus; customerId?: string }) {
  const page = await invoicePage(ctx, input);
  return { ...page, items: page.items.map((invoice) => ({ ...invoice, displayStatus: invoiceDisplayStatus(ctx, invoice) })) };
}

async function invoicePage(ctx: AppContext, input: PageRequest & { status?: InvoiceListStatus; customerId?: string }) {
  const customer = input.customerId ? { customerId: input.customerId } : {};
  if (input.status === 'overdue') {
    const filter: Prisma.InvoiceWhereInput = { ...overdueInvoiceWhere(bangkokDate(ctx.clock.now())), ...customer };
    return keysetPage(
      input,
      ({ after, orderBy, take }: KeysetArgs<Prisma.InvoiceWhereInput>) =>
        ctx.db.invoice.findMany({ where: after ? { AND: [filter, after] } : filter, orderBy, take, include: withCustomerName }),
      byText('dueDate', 'asc', (i) => i.dueDate),
    );
  }
  const filter: Prisma.InvoiceWhereInput = { ...(input.status ? { status: input.status } : {}), ...customer };
  return keysetPage(
    input,
    ({ after, orderBy, take }: KeysetArgs<Prisma.InvoiceWhereInput>) =>
      ctx.db.invoice.findMany({ where: after ? { AND: [filter, after] } : filter, orderBy, take, include: withCustomerName }),
    byInstant('createdAt', 'desc', (i) => i.createdAt),
  );
}
/** What staff read on an invoice today: its status, or `overdue` (invoice-status.ts). */
export function invoiceDisplayStatus(ctx: AppContext, invoice: { status: string; dueDate: string; netPayableSatang: number; paidSatang: number }) {
  return displayInvoiceStatus(
    invoice.status as InvoiceStatus,
    invoice.dueDate,
    bangkokDate(ctx.clock.now()),
    invoiceBalanceSatang(invoice.netPayableSatang, invoice.paidSatang),
  );
}
