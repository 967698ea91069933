import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { adminOpenApi } from '../../server/http/admin/admin-api.ts';

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
});
