import { z } from 'zod';
import { adminRoute } from './admin-route.ts';
import { customerFields, idParams, lineAccountParams } from './schemas.ts';
import { createCustomer, getCustomerSummary, updateCustomer } from '../../services/customers.ts';
import { listLineAccounts, unbindLineAccount } from '../../services/line-accounts.ts';

const createBody = z.object(customerFields);
const patchBody = z.object(customerFields).partial().refine((v) => Object.keys(v).length > 0, 'at least one field is required');

export const customerRoutes = [
  adminRoute({
    method: 'post', path: '/customers', tag: 'Customers', summary: 'Create a customer',
    body: createBody, successStatus: 201,
    handler: async ({ ctx, body }) => createCustomer(ctx, body),
  }),
  adminRoute({
    method: 'get', path: '/customers/:id', tag: 'Customers', summary: 'A customer with open jobs, balance due and deposits held',
    params: idParams, errors: [404],
    handler: async ({ ctx, params }) => getCustomerSummary(ctx, params.id),
  }),
  adminRoute({
    method: 'patch', path: '/customers/:id', tag: 'Customers', summary: 'Update a customer',
    params: idParams, body: patchBody, errors: [404],
    handler: async ({ ctx, params, body }) => updateCustomer(ctx, params.id, body),
  }),
  adminRoute({
    method: 'get', path: '/customers/:id/line-accounts', tag: 'Customers', summary: 'LINE accounts bound to the customer (oldest binding first: that one receives LINE messages)',
    params: idParams, errors: [404],
    handler: async ({ ctx, params }) => listLineAccounts(ctx, params.id),
  }),
  adminRoute({
    method: 'delete', path: '/customers/:id/line-accounts/:lineUserId', tag: 'Customers', summary: 'Unbind a LINE account from the customer (it no longer receives messages; the bot treats it as a stranger)',
    params: lineAccountParams, errors: [404],
    handler: async ({ ctx, params }) => unbindLineAccount(ctx, { customerId: params.id, lineUserId: params.lineUserId }),
  }),
];
