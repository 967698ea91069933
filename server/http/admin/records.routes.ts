/** Back-office reads by id (quotes, invoices, jobs, deposits) and edits of draft quotes and invoices. */
import { z } from 'zod';
import { adminRoute } from './admin-route.ts';
import { idParams } from './schemas.ts';
import { quoteFields } from './quotes.routes.ts';
import { invoiceFields } from './invoices.routes.ts';
import { getDeposit, getInvoice, getJob, getQuote } from '../../services/record-reads.ts';
import { updateInvoiceDraft, updateQuoteDraft } from '../../services/document-drafts.ts';
import { depositDetailDto, invoiceItemDto, jobDetailDto, quoteItemDto, toDepositDetail, toInvoiceItem, toJobDetail, toQuoteItem } from './dto/list.dto.ts';

const somethingToChange = (v: object) => Object.keys(v).length > 0;
const quotePatch = z.object(quoteFields).partial().refine(somethingToChange, 'at least one field is required');
const invoicePatch = z.object(invoiceFields).partial().refine(somethingToChange, 'at least one field is required');

export const recordRoutes = [
  adminRoute({
    operationId: 'getQuote',
    method: 'get',
    path: '/quotes/:id',
    tag: 'Quotes',
    summary: 'A quote with its lines',
    params: idParams,
    errors: [404],
    response: quoteItemDto,
    handler: async ({ ctx, params }) => toQuoteItem(await getQuote(ctx, params.id)),
  }),
  adminRoute({
    operationId: 'updateQuote',
    method: 'patch',
    path: '/quotes/:id',
    tag: 'Quotes',
    summary: 'Edit a draft quote: the fields sent replace the stored ones (`lines` replaces all lines); totals are priced again. 409 once sent',
    params: idParams,
    body: quotePatch,
    errors: [404, 409, 503],
    response: quoteItemDto,
    handler: async ({ ctx, params, body }) => {
      await updateQuoteDraft(ctx, params.id, body);
      return toQuoteItem(await getQuote(ctx, params.id));
    },
  }),
  adminRoute({
    operationId: 'getInvoice',
    method: 'get',
    path: '/invoices/:id',
    tag: 'Invoices',
    summary: 'An invoice with its lines; `displayStatus` is `overdue` when owed past its due day',
    params: idParams,
    errors: [404],
    response: invoiceItemDto,
    handler: async ({ ctx, params }) => toInvoiceItem(await getInvoice(ctx, params.id)),
  }),
  adminRoute({
    operationId: 'updateInvoice',
    method: 'patch',
    path: '/invoices/:id',
    tag: 'Invoices',
    summary: 'Edit a draft invoice: the fields sent replace the stored ones (`lines` replaces all lines); totals are priced again. 409 once sent',
    params: idParams,
    body: invoicePatch,
    errors: [404, 409, 503],
    response: invoiceItemDto,
    handler: async ({ ctx, params, body }) => {
      await updateInvoiceDraft(ctx, params.id, body);
      return toInvoiceItem(await getInvoice(ctx, params.id));
    },
  }),
  adminRoute({
    operationId: 'getJob',
    method: 'get',
    path: '/jobs/:id',
    tag: 'Jobs',
    summary: 'A job with its equipment, stage history and the stages it may move to now',
    params: idParams,
    errors: [404],
    response: jobDetailDto,
    handler: async ({ ctx, params }) => toJobDetail(await getJob(ctx, params.id)),
  }),
  adminRoute({
    operationId: 'getDeposit',
    method: 'get',
    path: '/deposits/:id',
    tag: 'Deposits',
    summary: 'A security deposit with what is still to collect and what a return would settle',
    params: idParams,
    errors: [404],
    response: depositDetailDto,
    handler: async ({ ctx, params }) => toDepositDetail(await getDeposit(ctx, params.id)),
  }),
];
