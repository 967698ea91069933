/**
 * /staff and every path under it answer the built staff app (the client routes): never cached or
 * indexed, the portal's strict CSP, no inline script, and the staff LIFF id for liff.init.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { PORTAL_CSP } from '../../../server/http/portal/portal-headers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { STAFF_LIFF_ID: '1650000042-StaffApp' } });
});
afterAll(async () => {
  await t?.stop();
});

describe('GET /staff', () => {
  it.each(['/staff', '/staff/', '/staff/customers/new', '/staff/invoices/abc?x=1'])('%s answers the staff app with strict headers', async (path) => {
    const res = await fetch(`${t.baseUrl}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(PORTAL_CSP);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    const html = await res.text();
    expect(html).toContain('<meta name="liff-id" content="1650000042-StaffApp">');
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets-portal\/assets\/staff-[\w-]+\.js"><\/script>/);
    // Every script is a file: the CSP allows no inline script.
    expect([...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)]).toEqual([]);
  });

  it('is not the client portal, whose page stays at /liff', async () => {
    const staff = await (await fetch(`${t.baseUrl}/staff`)).text();
    const portal = await (await fetch(`${t.baseUrl}/liff`)).text();
    expect(staff).not.toEqual(portal);
    expect(portal).toMatch(/assets-portal\/assets\/index-[\w-]+\.js/);
  });
});
