/** Back-office lists: filters and cursor pagination (services/pagination.ts), `{ items, nextCursor }`. */
import { z } from 'zod';
import { adminRoute } from './admin-route.ts';
import { idFilter, jobStage, pageQuery } from './schemas.ts';
import { INVOICE_STATUSES } from '../../domain/invoice-status.ts';
import { QUOTE_STATUSES } from '../../domain/quote-status.ts';
import { PAYMENT_STATUSES } from '../../domain/payment-status.ts';
import { listCustomers } from '../../services/customer-list.ts';
import { listInvoices, listQuotes } from '../../services/document-lists.ts';
import { listJobs } from '../../services/job-list.ts';
import { listDeposits, listPayments } from '../../services/money-lists.ts';
import { toCustomerDto } from './dto/customer.dto.ts';
import { DEPOSIT_STATUSES } from './dto/deposit.dto.ts';
import {
  customerPageDto,
  depositPageDto,
  invoicePageDto,
  jobPageDto,
  paymentPageDto,
  quotePageDto,
  toDepositItem,
  toInvoiceItem,
  toJobItem,
  toPaymentItem,
  toQuoteItem,
} from './dto/list.dto.ts';

const DEPOSIT_FILTERS = [...DEPOSIT_STATUSES, 'to_return'] as const;

export const listRoutes = [
  adminRoute({
    operationId: 'listCustomers',
    method: 'get',
    path: '/customers',
    tag: 'Customers',
    summary: 'Customers A–Z, or with `q` the Thai-aware search of the LINE bot (a document number, phone, email or a fuzzy name / company), best match first',
    query: z.object({ q: z.string().trim().max(200).optional(), ...pageQuery }),
    response: customerPageDto,
    handler: async ({ ctx, query }) => {
      const page = await listCustomers(ctx, query);
      return { items: page.items.map(toCustomerDto), nextCursor: page.nextCursor };
    },
  }),
  adminRoute({
    operationId: 'listJobs',
    method: 'get',
    path: '/jobs',
    tag: 'Jobs',
    summary: 'Jobs, newest first; `stage` filters (the board by stage)',
    query: z.object({ stage: jobStage.optional(), customerId: idFilter, ...pageQuery }),
    response: jobPageDto,
    handler: async ({ ctx, query }) => {
      const page = await listJobs(ctx, query);
      return { items: page.items.map(toJobItem), nextCursor: page.nextCursor };
    },
  }),
  adminRoute({
    operationId: 'listQuotes',
    method: 'get',
    path: '/quotes',
    tag: 'Quotes',
    summary: 'Quotes, newest first; `status` filters',
    query: z.object({ status: z.enum(QUOTE_STATUSES).optional(), customerId: idFilter, ...pageQuery }),
    response: quotePageDto,
    handler: async ({ ctx, query }) => {
      const page = await listQuotes(ctx, query);
      return { items: page.items.map(toQuoteItem), nextCursor: page.nextCursor };
    },
  }),
  adminRoute({
    operationId: 'listInvoices',
    method: 'get',
    path: '/invoices',
    tag: 'Invoices',
    summary: 'Invoices, newest first; `status` filters, and `status=overdue` lists what is owed past its due day, oldest due first',
    query: z.object({ status: z.enum([...INVOICE_STATUSES, 'overdue']).optional(), customerId: idFilter, ...pageQuery }),
    response: invoicePageDto,
    handler: async ({ ctx, query }) => {
      const page = await listInvoices(ctx, query);
      return { items: page.items.map(toInvoiceItem), nextCursor: page.nextCursor };
    },
  }),
  adminRoute({
    operationId: 'listDeposits',
    method: 'get',
    path: '/deposits',
    tag: 'Deposits',
    summary: 'Security deposits, newest first; `status` filters, and `status=to_return` lists money held on jobs whose equipment is returning or back',
    query: z.object({ status: z.enum(DEPOSIT_FILTERS).optional(), customerId: idFilter, ...pageQuery }),
    response: depositPageDto,
    handler: async ({ ctx, query }) => {
      const page = await listDeposits(ctx, query);
      return { items: page.items.map(toDepositItem), nextCursor: page.nextCursor };
    },
  }),
  adminRoute({
    operationId: 'listPayments',
    method: 'get',
    path: '/payments',
    tag: 'Payments',
    summary: 'Payments, newest received first, with their receipts; `status`, `customerId` and `invoiceId` filter',
    query: z.object({ status: z.enum(PAYMENT_STATUSES).optional(), customerId: idFilter, invoiceId: idFilter, ...pageQuery }),
    response: paymentPageDto,
    handler: async ({ ctx, query }) => {
      const page = await listPayments(ctx, query);
      return { items: page.items.map(toPaymentItem), nextCursor: page.nextCursor };
    },
  }),
];
