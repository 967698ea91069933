/**
 * Rate limits never lock a client out: only lookups that end unknown, expired or revoked count,
 * a token that resolves is always answered, and a person sees the friendly page, not JSON.
 * Each test runs its own app, so counts from one address do not leak between tests.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

async function start(env: Record<string, string> = {}): Promise<{ t: TestApp; f: PortalFixture }> {
  t = await startTestApp({ env });
  return { t, f: await createPortalFixture(t) };
}

const unknownToken = (i: number) => `unknown${String(i).padStart(25, 'Z')}`;
const embedded = (html: string) => JSON.parse(/<script type="application\/json" id="portal-data">([\s\S]*?)<\/script>/.exec(html)![1]!);

describe('a real client behind one address is never locked out', () => {
  it('40 page opens and 40 live-stream reconnects, then the QR, a PDF and the ZIP all answer 200', async () => {
    const { t, f } = await start();
    const link = await issueLink(t, 'customer', f.customerId);
    for (let i = 0; i < 40; i++) {
      const page = await fetch(`${t.baseUrl}/c/${link.token}`);
      expect(page.status).toBe(200);
      await page.arrayBuffer();
      // The browser drops the stream (tab hidden, network change) and EventSource reconnects.
      const controller = new AbortController();
      const stream = await fetch(`${t.baseUrl}/api/portal/${link.token}/events`, { signal: controller.signal });
      expect(stream.status).toBe(200);
      controller.abort();
    }
    const base = `${t.baseUrl}/api/portal/${link.token}`;
    const qr = await fetch(`${base}/qr/invoice/${f.invoiceId}.png`);
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toBe('image/png');
    const pdf = await fetch(`${base}/documents/invoice.${f.invoiceId}`);
    expect(pdf.status).toBe(200);
    const zip = await fetch(`${base}/documents.zip`);
    expect(zip.status).toBe(200);
    expect(
      Buffer.from(await zip.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('missing documents and unknown routes inside a valid link do not count as failed lookups', async () => {
    const { t, f } = await start();
    const link = await issueLink(t, 'customer', f.customerId);
    for (let i = 0; i < 35; i++) {
      expect((await fetch(`${t.baseUrl}/api/portal/${link.token}/documents/invoice.nope${i}`)).status).toBe(404);
      expect((await fetch(`${t.baseUrl}/api/portal/${link.token}/nope`, { method: 'POST' })).status).toBe(404);
    }
    // Had those counted, this address would be limited by now.
    expect((await fetch(`${t.baseUrl}/api/portal/${unknownToken(0)}`)).status).toBe(410);
  });
});

describe('guessing is still cut off, without refusing working links', () => {
  it('35 unknown tokens from one address: a valid token still opens (API and page), the next unknown one is limited', async () => {
    const { t, f } = await start();
    const link = await issueLink(t, 'customer', f.customerId);
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await fetch(`${t.baseUrl}/api/portal/${unknownToken(i)}`)).status);
    expect(statuses.slice(0, 30).every((s) => s === 410)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);

    expect((await fetch(`${t.baseUrl}/api/portal/${link.token}`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/c/${link.token}`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/liff/c/${link.token}`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/api/portal/${link.token}/documents/invoice.${f.invoiceId}`)).status).toBe(200);

    const api = await fetch(`${t.baseUrl}/api/portal/${unknownToken(99)}`);
    expect(api.status).toBe(429);
    expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await api.json()).error).toMatchObject({ code: 'RATE_LIMITED', messages: { th: expect.any(String), en: expect.any(String) } });

    // Pages and API count together; a person on the page route sees the friendly page.
    for (const path of [`/c/${unknownToken(100)}`, `/liff/c/${unknownToken(101)}`]) {
      const page = await fetch(`${t.baseUrl}${path}`);
      expect(page.status).toBe(429);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(embedded(await page.text())).toMatchObject({ unavailable: true, busy: true, business: { lineOaId: '@testshop' } });
    }

    // The window is 15 minutes (on the injected clock), then unknown tokens get the plain 410 again.
    t.clock.advance(15 * 60_000);
    expect((await fetch(`${t.baseUrl}/c/${unknownToken(102)}`)).status).toBe(410);
  });

  it('the general per-minute limit answers the page routes with the friendly page too', async () => {
    const { t, f } = await start({ PORTAL_RATE_LIMIT_PER_MINUTE: '3' });
    const link = await issueLink(t, 'customer', f.customerId);
    for (let i = 0; i < 3; i++) expect((await fetch(`${t.baseUrl}/c/${link.token}`)).status).toBe(200);
    const page = await fetch(`${t.baseUrl}/c/${link.token}`);
    expect(page.status).toBe(429);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await page.text();
    expect(html).not.toContain(link.token);
    expect(embedded(html)).toMatchObject({ unavailable: true, busy: true });
  });
});

describe('several instances on one database share the counts', () => {
  let second: TestApp | undefined;
  afterEach(async () => {
    await second?.stop();
    second = undefined;
  });

  it('the per-minute limit trips across two instances: 2 page opens on A and 1 on B use up a limit of 3', async () => {
    const { t, f } = await start({ PORTAL_RATE_LIMIT_PER_MINUTE: '3' });
    second = await startTestApp({ env: { DATA_DIR: t.dataDir, DATABASE_URL: t.ctx.config.databaseUrl, PORTAL_RATE_LIMIT_PER_MINUTE: '3' } });
    const link = await issueLink(t, 'customer', f.customerId);
    expect((await fetch(`${t.baseUrl}/c/${link.token}`)).status).toBe(200);
    expect((await fetch(`${second.baseUrl}/c/${link.token}`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/c/${link.token}`)).status).toBe(200);
    expect((await fetch(`${second.baseUrl}/c/${link.token}`)).status).toBe(429);
    expect((await fetch(`${t.baseUrl}/c/${link.token}`)).status).toBe(429);
    // A fresh window (the injected clock of each instance) opens the page again on both.
    t.clock.advance(60_000);
    second.clock.advance(60_000);
    expect((await fetch(`${second.baseUrl}/c/${link.token}`)).status).toBe(200);
  });

  it('concurrent hits on two instances are all counted (one atomic statement each), and no address is stored', async () => {
    const { t } = await start({ PORTAL_RATE_LIMIT_PER_MINUTE: '1000' });
    const statements: string[] = [];
    second = await startTestApp({
      env: { DATA_DIR: t.dataDir, DATABASE_URL: t.ctx.config.databaseUrl, PORTAL_RATE_LIMIT_PER_MINUTE: '1000' },
      overrides: { observeQueries: ({ sql }) => statements.push(sql) },
    });
    const apps = [t, second];
    await Promise.all(Array.from({ length: 40 }, (_, i) => fetch(`${apps[i % 2]!.baseUrl}/api/portal/${unknownToken(i)}/nope`).then((r) => r.arrayBuffer())));
    const rows = await t.ctx.db.rateLimitHit.findMany();
    expect(rows.reduce((sum, r) => sum + r.hits, 0)).toBe(40);
    expect(JSON.stringify(rows)).not.toContain('127.0.0.1');
    // Each hit on B was one INSERT … ON CONFLICT DO UPDATE (plus at most one sweep), never a read first.
    const counting = statements.filter((sql) => sql.includes('RateLimitHit') && !/^DELETE/i.test(sql.trim()));
    expect(counting).toHaveLength(20);
    expect(counting.every((sql) => /ON CONFLICT/i.test(sql))).toBe(true);
  });
});
