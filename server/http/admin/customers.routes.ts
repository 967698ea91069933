import { z } from 'zod';
import { adminRoute } from './admin-route.ts';
import { customerFields, idParams } from './schemas.ts';
import { createCustomer, getCustomerSummary, updateCustomer } from '../../services/customers.ts';
import { customerDto, customerSummaryDto, toCustomerDto, toCustomerSummaryDto } from './dto/customer.dto.ts';

const createBody = z.object(customerFields);
const patchBody = z.object(customerFields).partial().refine((v) => Object.keys(v).length > 0, 'at least one field is required');

export const customerRoutes = [
  adminRoute({
    operationId: 'createCustomer', method: 'post', path: '/customers', tag: 'Customers', summary: 'Create a customer',
    body: createBody, successStatus: 201, response: customerDto,
    handler: async ({ ctx, body }) => toCustomerDto(await createCustomer(ctx, body)),
  }),
  adminRoute({
    operationId: 'getCustomer', method: 'get', path: '/customers/:id', tag: 'Customers', summary: 'A customer with open jobs, balance due and deposits held',
    params: idParams, errors: [404], response: customerSummaryDto,
    handler: async ({ ctx, params }) => toCustomerSummaryDto(await getCustomerSummary(ctx, params.id)),
  }),
  adminRoute({
    operationId: 'updateCustomer', method: 'patch', path: '/customers/:id', tag: 'Customers', summary: 'Update a customer',
    params: idParams, body: patchBody, errors: [404], response: customerDto,
    handler: async ({ ctx, params, body }) => toCustomerDto(await updateCustomer(ctx, params.id, body)),
  }),
];
