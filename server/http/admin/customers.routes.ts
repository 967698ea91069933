import { z } from 'zod';
import { adminRoute } from './admin-route.ts';
import { customerFields, idParams, lineAccountParams } from './schemas.ts';
import { createCustomer, getCustomerSummary, updateCustomer } from '../../services/customers.ts';
import { customerDto, customerSummaryDto, toCustomerDto, toCustomerSummaryDto } from './dto/customer.dto.ts';
import { listLineAccounts, unbindLineAccount } from '../../services/line-accounts.ts';
import { lineAccountsDto, lineAccountUnboundDto, toLineAccountDto } from './dto/line-account.dto.ts';

const createBody = z.object(customerFields);
const patchBody = z
  .object(customerFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'at least one field is required');

export const customerRoutes = [
  adminRoute({
    operationId: 'createCustomer',
    method: 'post',
    path: '/customers',
    tag: 'Customers',
    summary: 'Create a customer',
    body: createBody,
    successStatus: 201,
    response: customerDto,
    handler: async ({ ctx, body }) => toCustomerDto(await createCustomer(ctx, body)),
  }),
  adminRoute({
    operationId: 'getCustomer',
    method: 'get',
    path: '/customers/:id',
    tag: 'Customers',
    summary: 'A customer with open jobs, balance due and deposits held',
    params: idParams,
    errors: [404],
    response: customerSummaryDto,
    handler: async ({ ctx, params }) => toCustomerSummaryDto(await getCustomerSummary(ctx, params.id)),
  }),
  adminRoute({
    operationId: 'updateCustomer',
    method: 'patch',
    path: '/customers/:id',
    tag: 'Customers',
    summary: 'Update a customer',
    params: idParams,
    body: patchBody,
    errors: [404],
    response: customerDto,
    handler: async ({ ctx, params, body }) => toCustomerDto(await updateCustomer(ctx, params.id, body)),
  }),
  adminRoute({
    operationId: 'listCustomerLineAccounts',
    method: 'get',
    path: '/customers/:id/line-accounts',
    tag: 'Customers',
    summary: 'LINE accounts bound to the customer (oldest binding first: the earliest that follows receives LINE messages)',
    params: idParams,
    errors: [404],
    response: lineAccountsDto,
    handler: async ({ ctx, params }) => (await listLineAccounts(ctx, params.id)).map(toLineAccountDto),
  }),
  adminRoute({
    operationId: 'unbindCustomerLineAccount',
    method: 'delete',
    path: '/customers/:id/line-accounts/:lineUserId',
    tag: 'Customers',
    summary: 'Unbind a LINE account from the customer (it no longer receives messages; the bot treats it as a stranger)',
    params: lineAccountParams,
    errors: [404],
    response: lineAccountUnboundDto,
    handler: async ({ ctx, params }) => unbindLineAccount(ctx, { customerId: params.id, lineUserId: params.lineUserId }),
  }),
];
