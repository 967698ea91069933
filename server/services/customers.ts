/** Customer use cases: create, update, and the summary staff see (admin API and LINE card). */
import type { AppContext } from './context.ts';
import { conflict, notFound } from '../domain/errors.ts';
import { checkCustomerTaxFields } from '../domain/tax-invoice-buyer.ts';
import { bangkokDate } from '../domain/dates.ts';
import { displayInvoiceStatus, invoiceBalanceSatang, type InvoiceStatus } from '../domain/invoice-status.ts';
import { isTerminalStage, type JobStage } from '../domain/job-stages.ts';

export interface CustomerInput {
  name: string;
  companyName?: string | null;
  taxId?: string | null;
  branchCode?: string | null;
  address?: string | null;
  email?: string | null;
  phone?: string | null;
  language?: 'th' | 'en';
  notes?: string | null;
}

const taxFields = (c: { name?: string | null; address?: string | null; taxId?: string | null; branchCode?: string | null }) => ({
  name: c.name ?? null,
  address: c.address ?? null,
  taxId: c.taxId ?? null,
  branchCode: c.branchCode ?? null,
});

export async function createCustomer(ctx: AppContext, input: CustomerInput) {
  checkCustomerTaxFields(taxFields(input));
  return ctx.db.customer.create({ data: { ...input, createdAt: ctx.clock.now() } });
}

export async function updateCustomer(ctx: AppContext, id: string, patch: Partial<CustomerInput>) {
  return ctx.db.$transaction(async (tx) => {
    const current = await tx.customer.findUnique({ where: { id } });
    if (!current) throw notFound('Customer');
    // The customer as it would be: a patch may not leave a tax ID without its branch and address.
    const pick = <K extends 'name' | 'address' | 'taxId' | 'branchCode'>(key: K) => (key in patch ? (patch[key] ?? null) : current[key]);
    checkCustomerTaxFields({ name: pick('name'), address: pick('address'), taxId: pick('taxId'), branchCode: pick('branchCode') });
    const { count } = await tx.customer.updateMany({ where: { id, updatedAt: current.updatedAt }, data: patch });
    if (count === 0) throw conflict('Customer was changed by someone else; reload and try again');
    return tx.customer.findUniqueOrThrow({ where: { id } });
  });
}

const OPEN_INVOICE_STATUSES: InvoiceStatus[] = ['sent', 'partially_paid'];

export async function getCustomerSummary(ctx: AppContext, id: string) {
  const customer = await ctx.db.customer.findUnique({
    where: { id },
    include: {
      jobs: { orderBy: { createdAt: 'desc' } },
      invoices: { where: { status: { in: OPEN_INVOICE_STATUSES } }, orderBy: { dueDate: 'asc' } },
      deposits: { where: { status: { in: ['pending', 'partially_held', 'held'] } } },
      lineUsers: { where: { customerId: id } },
    },
  });
  if (!customer) throw notFound('Customer');
  const today = bangkokDate(ctx.clock.now());
  const openJobs = customer.jobs.filter((j) => !isTerminalStage(j.stage as JobStage));
  const openInvoices = customer.invoices.map((inv) => {
    const balanceSatang = invoiceBalanceSatang(inv.netPayableSatang, inv.paidSatang);
    return {
      id: inv.id,
      number: inv.number,
      dueDate: inv.dueDate,
      status: displayInvoiceStatus(inv.status as InvoiceStatus, inv.dueDate, today, balanceSatang),
      balanceSatang,
    };
  });
  const { jobs: _jobs, invoices: _invoices, deposits, lineUsers, ...profile } = customer;
  return {
    ...profile,
    lineBound: lineUsers.length > 0,
    lineFollowing: lineUsers.some((u) => u.following),
    openJobs: openJobs.map((j) => ({ id: j.id, number: j.number, title: j.title, stage: j.stage, startDate: j.startDate, endDate: j.endDate })),
    openInvoices,
    balanceDueSatang: openInvoices.reduce((sum, i) => sum + i.balanceSatang, 0),
    overdueCount: openInvoices.filter((i) => i.status === 'overdue').length,
    depositsHeldSatang: deposits.reduce((sum, d) => sum + d.heldSatang - d.returnedSatang - d.deductedSatang, 0),
    depositsPendingSatang: deposits.reduce((sum, d) => sum + Math.max(0, d.requiredSatang - d.heldSatang), 0),
    lastSeenAt: customer.lastSeenAt,
  };
}
