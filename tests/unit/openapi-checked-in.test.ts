import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { adminOpenApi } from '../../server/http/admin/admin-api.ts';

type Operation = { operationId?: string; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };

function operations(): [string, Operation][] {
  const spec = adminOpenApi() as unknown as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, Operation]),
  );
}

describe('docs/openapi.json', () => {
  it('matches the routes the server declares (run `npm run openapi` after changing a route)', () => {
    const checkedIn = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'));
    expect(checkedIn).toEqual(JSON.parse(JSON.stringify(adminOpenApi())));
  });

  it('documents satang amounts as integers', () => {
    const spec = adminOpenApi() as any;
    const body = spec.paths['/api/admin/invoices/{id}/payments'].post.requestBody.content['application/json'].schema;
    expect(body.properties.amountSatang.type).toBe('integer');
    expect(body.required).toContain('amountSatang');
  });

  it('declares a success (2xx) response body schema for every operation', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThanOrEqual(28);
    const missing = ops
      .filter(([, op]) => !Object.entries(op.responses).some(([status, r]) => /^2\d\d$/.test(status) && Object.values(r.content ?? {}).some((c) => c.schema)))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('names every operation once (the typed test client is keyed by operationId)', () => {
    const ids = operations().map(([, op]) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('publishes instants as date-time strings and money as integers in answers', () => {
    const spec = adminOpenApi() as any;
    const invoice = spec.paths['/api/admin/invoices'].post.responses['201'].content['application/json'].schema;
    expect(invoice.properties.createdAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(invoice.properties.netPayableSatang.type).toBe('integer');
    expect(invoice.additionalProperties).toBe(false);
  });
});
