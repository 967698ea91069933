/**
 * Small HTTP answers that must not hurt: unknown routes never echo a (token-bearing) path,
 * oversized bodies get 413, admin answers carrying live links are never cached.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';

let t: TestApp;
let f: PortalFixture;
let token: string;

beforeAll(async () => {
  t = await startTestApp();
  f = await createPortalFixture(t);
  token = (await issueLink(t, 'customer', f.customerId)).token;
});
afterAll(() => t.stop());

describe('unknown routes under a token path', () => {
  it.each([
    ['POST', () => `/api/portal/${token}/nope`],
    ['GET', () => `/api/portal/${token}/x/y`],
    ['DELETE', () => `/api/portal/${token}`],
    ['PUT', () => `/api/portal/${token}/documents.zip`],
  ])('%s %s answers the portal 404 JSON without the path', async (method, path) => {
    const res = await fetch(`${t.baseUrl}${path()}`, { method });
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).not.toContain(token);
    expect(text).not.toMatch(/Cannot/);
    expect(JSON.parse(text).error).toMatchObject({ code: 'NOT_FOUND', messages: { th: expect.any(String), en: expect.any(String) } });
  });

  it.each([
    ['POST', () => `/c/${token}`],
    ['PUT', () => `/c/${token}/x/y`],
    ['POST', () => `/liff/c/${token}/jobs`],
  ])('%s %s answers the portal 404 page without the path', async (method, path) => {
    const res = await fetch(`${t.baseUrl}${path()}`, { method });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).not.toContain(token);
    expect(text).toContain('"unavailable":true');
  });

  it('any other unknown path gets a 404 that never echoes the path', async () => {
    for (const [method, path] of [
      ['GET', `/nowhere/${token}`],
      ['POST', `//c/${token}`],
      ['PATCH', `/api/${token}`],
    ] as const) {
      const res = await fetch(`${t.baseUrl}${path}`, { method });
      expect(res.status).toBe(404);
      const text = await res.text();
      expect(text).not.toContain(token);
      expect(text).not.toContain('nowhere');
      expect(JSON.parse(text).error.code).toBe('NOT_FOUND');
    }
  });
});

describe('request bodies', () => {
  it('an oversized admin body is refused with 413 naming the body, and changes nothing', async () => {
    const before = await t.ctx.db.customer.count();
    const res = await fetch(`${t.baseUrl}/api/admin/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', notes: 'ก'.repeat(200_000) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'body', messages: { th: expect.any(String), en: expect.any(String) } });
    expect(await t.ctx.db.customer.count()).toBe(before);
  });

  it('malformed JSON is still a 400', async () => {
    const res = await fetch(`${t.baseUrl}/api/admin/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe('body');
  });
});

describe('admin answers that carry a live link', () => {
  async function call(method: string, path: string, body: unknown = {}) {
    return fetch(`${t.baseUrl}/api/admin${path}`, {
      method,
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  it('are never cached: POST /links, send-link, quote and invoice send', async () => {
    const link = await call('POST', '/links', { scope: 'customer', id: f.customerId });
    expect(link.status).toBe(201);
    expect((await link.json()).url).toContain('/c/');
    expect(link.headers.get('cache-control')).toBe('no-store');

    const sendLink = await call('POST', `/customers/${f.customerId}/send-link`);
    expect(sendLink.status).toBe(201);
    expect(sendLink.headers.get('cache-control')).toBe('no-store');

    const quote = await t.admin('POST', '/quotes', {
      customerId: f.customerId,
      validUntil: '2026-12-10',
      lines: [{ description: 'x', quantity: 1, unitPriceSatang: 100 }],
    });
    const sentQuote = await call('POST', `/quotes/${quote.body.id}/send`);
    expect(sentQuote.status).toBe(200);
    expect(sentQuote.headers.get('cache-control')).toBe('no-store');

    const invoice = await t.admin('POST', '/invoices', {
      customerId: f.customerId,
      dueDate: '2026-12-30',
      lines: [{ description: 'x', quantity: 1, unitPriceSatang: 100 }],
    });
    const sentInvoice = await call('POST', `/invoices/${invoice.body.id}/send`);
    expect(sentInvoice.status).toBe(200);
    expect(sentInvoice.headers.get('cache-control')).toBe('no-store');
  });
});

describe('behind a reverse proxy without TRUST_PROXY', () => {
  it('warns once that every client shares the proxy address', async () => {
    const warnings = () => t.logLines.filter((l) => l.includes('TRUST_PROXY is not set'));
    for (let i = 0; i < 2; i++) await fetch(`${t.baseUrl}/healthz`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(warnings()).toHaveLength(1);
    expect(JSON.parse(warnings()[0]!).level).toBe('warn');
  });
});
