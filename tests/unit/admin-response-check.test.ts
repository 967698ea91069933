/**
 * The admin router checks every answer against its route's response schema outside production,
 * so a handler that leaks a Prisma row (an extra column, a Date for an ISO string) fails the
 * request — and the test that made it — instead of silently changing the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { adminRoute, buildAdminRouter } from '../../server/http/admin/admin-route.ts';
import { errorHandler } from '../../server/http/errors.ts';
import { createLogger } from '../../server/logger.ts';
import type { AppContext } from '../../server/services/context.ts';
import { customerDto } from '../../server/http/admin/dto/customer.dto.ts';

const row = {
  id: 'c1',
  name: 'คุณสมชาย',
  companyName: null,
  taxId: null,
  branchCode: null,
  address: null,
  email: null,
  phone: null,
  language: 'th' as const,
  notes: null,
  lastSeenAt: null,
  createdAt: '2026-11-25T03:00:00.000Z',
  updatedAt: '2026-11-25T03:00:00.000Z',
};

const routes = [
  adminRoute({ operationId: 'good', method: 'get', path: '/good', tag: 't', summary: 's', response: customerDto, handler: async () => row }),
  // What a handler returning the table row would do: an internal column the DTO does not declare.
  adminRoute({
    operationId: 'leaky',
    method: 'get',
    path: '/leaky',
    tag: 't',
    summary: 's',
    response: customerDto,
    handler: async () => ({ ...row, tokenHash: 'abc' }) as typeof row,
  }),
  // A Date where the DTO promises an ISO string.
  adminRoute({
    operationId: 'dated',
    method: 'get',
    path: '/dated',
    tag: 't',
    summary: 's',
    response: z.strictObject({ at: z.iso.datetime() }),
    handler: async () => ({ at: new Date() }) as unknown as { at: string },
  }),
];

async function serve(env: 'test' | 'production') {
  const logLines: string[] = [];
  const app = express();
  app.use(buildAdminRouter(routes, { config: { env } } as AppContext));
  app.use(errorHandler(createLogger('debug', (line) => logLines.push(line))));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, logLines, close: () => new Promise((r) => server.close(r)) };
}

describe('admin response check', () => {
  let test: Awaited<ReturnType<typeof serve>>;
  let production: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    test = await serve('test');
    production = await serve('production');
  });
  afterAll(async () => {
    await test.close();
    await production.close();
  });

  it('passes an answer that matches its DTO', async () => {
    const res = await fetch(`${test.base}/good`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(row);
  });

  it('fails with a 500 (not a 400 blaming the caller) when an answer carries an undeclared column, and logs which', async () => {
    const res = await fetch(`${test.base}/leaky`);
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('abc');
    expect(test.logLines.join('\n')).toMatch(/Response of leaky does not match its schema/);
  });

  it('fails when a Date stands where an ISO string is declared', async () => {
    const res = await fetch(`${test.base}/dated`);
    expect(res.status).toBe(500);
    expect(test.logLines.join('\n')).toMatch(/Response of dated does not match its schema: at:/);
  });

  it('does not check in production (a drift must not turn a committed write into an error answer)', async () => {
    const res = await fetch(`${production.base}/leaky`);
    expect(res.status).toBe(200);
  });
});
