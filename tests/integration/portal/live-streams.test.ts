/**
 * Live streams (SSE) per link: at most 10 open at once (the 11th is refused with a clear 429, open
 * ones are never dropped), and revoking a link closes its open streams within a second, also when
 * another process on the same database revokes it. The heartbeat runs every 20 s, so a stream that
 * ends within a second was closed by the revocation signal. The clock is the injected ManualClock,
 * never advanced here: nothing expires while the test runs.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';
import { readStreamToEnd, readStreamUntil } from '../../helpers/sse.ts';

let t: TestApp;
let f: PortalFixture;
let worker: TestApp | undefined;

beforeAll(async () => {
  t = await startTestApp();
  f = await createPortalFixture(t);
});
afterAll(async () => {
  // The "other process" shares t's data folder: stop it first (stopping removes the folder).
  await worker?.stop();
  await t.stop();
});

async function openStream(app: TestApp, token: string) {
  const controller = new AbortController();
  const res = await fetch(`${app.baseUrl}/api/portal/${token}/events`, { signal: controller.signal });
  return { res, close: () => controller.abort() };
}

describe('open streams per link', () => {
  it('allows 10, refuses the 11th with a 429 that says why, and lets a new one in once another closes', async () => {
    const link = await issueLink(t, 'quote', f.quoteId);
    const streams = [];
    for (let i = 0; i < 10; i++) {
      const s = await openStream(t, link.token);
      expect(s.res.status).toBe(200);
      streams.push(s);
    }
    const refused = await openStream(t, link.token);
    expect(refused.res.status).toBe(429);
    expect(refused.res.headers.get('retry-after')).toBe('30');
    expect((await refused.res.json()).error).toMatchObject({ code: 'RATE_LIMITED', limit: 10 });

    // The ten open ones were not dropped to make room: each still hears its stream.
    for (const s of streams) expect(await readStreamUntil(s.res.body!, 'retry: 2000', 1000)).toContain('retry: 2000');

    // Another link of the same customer is counted on its own.
    const other = await openStream(t, (await issueLink(t, 'customer', f.customerId)).token);
    expect(other.res.status).toBe(200);
    other.close();

    streams[0]!.close();
    await expect
      .poll(
        async () => {
          const s = await openStream(t, link.token);
          s.close();
          return s.res.status;
        },
        { timeout: 1000, interval: 50 },
      )
      .toBe(200);
    for (const s of streams) s.close();
  });
});

describe('revocation closes open streams', () => {
  it('revoking one link ends its streams within a second; the customer’s other links keep theirs', async () => {
    const revoked = await issueLink(t, 'customer', f.otherCustomerId);
    const kept = await issueLink(t, 'invoice', f.otherInvoiceId);
    const a = await openStream(t, revoked.token);
    const b = await openStream(t, revoked.token);
    const c = await openStream(t, kept.token);
    expect([a.res.status, b.res.status, c.res.status]).toEqual([200, 200, 200]);
    expect((await t.admin('DELETE', `/links/${revoked.id}`)).status).toBe(200);
    const [ra, rb, rc] = await Promise.all([readStreamToEnd(a.res.body!, 1000), readStreamToEnd(b.res.body!, 1000), readStreamToEnd(c.res.body!, 1000)]);
    expect(ra.ended).toBe(true);
    expect(rb.ended).toBe(true);
    expect(rc.ended).toBe(false);
    c.close();
  });

  it('revoking all of a customer’s links ends streams of every scope', async () => {
    const customer = await issueLink(t, 'customer', f.customerId);
    const quote = await issueLink(t, 'quote', f.otherQuoteId);
    const s1 = await openStream(t, customer.token);
    const s2 = await openStream(t, quote.token);
    expect((await t.admin('POST', `/customers/${f.customerId}/revoke-links`)).status).toBe(200);
    const [r1, r2] = await Promise.all([readStreamToEnd(s1.res.body!, 1000), readStreamToEnd(s2.res.body!, 1000)]);
    expect(r1.ended).toBe(true);
    expect(r2.ended).toBe(true);
    expect(r1.text).not.toContain('links.revoked');
    // Reconnecting is refused like any unusable link.
    expect((await openStream(t, customer.token)).res.status).toBe(410);
  });

  it('a revocation committed by another process on the same database ends the stream within a second', async () => {
    worker = await startTestApp({ env: { DATA_DIR: t.dataDir, DATABASE_URL: t.ctx.config.databaseUrl } });
    const link = await issueLink(t, 'invoice', f.secondInvoiceId);
    const s = await openStream(t, link.token);
    expect(s.res.status).toBe(200);
    expect((await worker.admin('DELETE', `/links/${link.id}`)).status).toBe(200);
    expect((await readStreamToEnd(s.res.body!, 1000)).ended).toBe(true);
  });
});
