import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';

let t: TestApp;
let f: PortalFixture;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestApp({ env: { LIFF_ID: '1234567890-AbCdEfGh' } });
  f = await createPortalFixture(t);
});
afterAll(() => t.stop());

const getView = (token: string) => fetch(`${t.baseUrl}/api/portal/${token}`);

describe('issuing links', () => {
  it('answers id, url, liffUrl, expiresAt and reuses a still-valid link for the same scope', async () => {
    const fresh = await t.admin('POST', '/customers', { name: 'ลูกค้าใหม่' });
    const first = await issueLink(t, 'customer', fresh.body.id);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(first.url).toBe(`https://portal.example.test/c/${first.token}`);
    expect(first.liffUrl).toBe(`https://liff.line.me/1234567890-AbCdEfGh/c/${first.token}`);
    expect(new Date(first.expiresAt).getTime() - t.clock.now().getTime()).toBe(30 * DAY);
    expect(first.reused).toBe(false);
    const again = await issueLink(t, 'customer', fresh.body.id);
    expect(again).toMatchObject({ id: first.id, url: first.url, reused: true });
    const quote = await issueLink(t, 'quote', f.quoteId);
    expect(quote.id).not.toBe(first.id);
    expect(new Date(quote.expiresAt).toISOString()).toBe('2026-12-10T16:59:59.999Z');
  });

  it('mints tokens with enough randomness: 200 links, all distinct', async () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const c = await t.admin('POST', '/customers', { name: `ลูกค้า ${i}` });
      tokens.add((await issueLink(t, 'customer', c.body.id)).token);
    }
    expect(tokens.size).toBe(200);
  });

  it('refuses links to documents that can no longer be opened, and unknown records', async () => {
    expect((await t.admin('POST', '/links', { scope: 'invoice', id: 'nope' })).status).toBe(404);
    const c = await t.admin('POST', '/customers', { name: 'จ่ายแล้ว', address: '3 ถนนเพชรบุรี แขวงทุ่งพญาไท เขตราชเทวี กรุงเทพมหานคร 10400' });
    const inv = await t.admin('POST', '/invoices', {
      customerId: c.body.id,
      dueDate: '2026-12-01',
      lines: [{ description: 'x', quantity: 1, unitPriceSatang: 100 }],
    });
    await t.adminOk('recordPayment', { params: { id: inv.body.id }, body: { amountSatang: 107, method: 'cash' } });
    const res = await t.admin('POST', '/links', { scope: 'invoice', id: inv.body.id });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/paid/);
  });

  it('never stores or logs the plaintext token', async () => {
    const link = await issueLink(t, 'customer', f.customerId);
    await getView(link.token);
    await fetch(`${t.baseUrl}/c/${link.token}`);
    await t.ctx.activity.flush();
    // SQLite: move the WAL into the database file, so the scan below reads every byte written.
    if (t.ctx.config.databaseProvider === 'sqlite') await t.ctx.db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
    // Every file under DATA_DIR, stored documents included.
    for (const file of readdirSync(t.dataDir, { recursive: true, encoding: 'utf8' })) {
      if (!statSync(path.join(t.dataDir, file)).isFile()) continue;
      const bytes = readFileSync(path.join(t.dataDir, file));
      expect(bytes.includes(Buffer.from(link.token)), `token found in ${file}`).toBe(false);
    }
    expect(t.logLines.join('\n')).not.toContain(link.token);
    expect(t.logLines.some((l) => l.includes('/c/[token]'))).toBe(true);
  });
});

describe('expiry, revocation and the one unavailable answer', () => {
  async function unavailableSignature(token: string) {
    const api = await getView(token);
    const page = await fetch(`${t.baseUrl}/c/${token}`);
    return { apiStatus: api.status, api: await api.text(), pageStatus: page.status, page: (await page.text()).length };
  }

  it('expired, revoked and unknown tokens get byte-identical answers', async () => {
    const c = await t.admin('POST', '/customers', { name: 'หมดอายุ' });
    const expiring = await issueLink(t, 'customer', c.body.id);
    const revoked = await issueLink(t, 'customer', f.otherCustomerId);
    expect((await getView(expiring.token)).status).toBe(200);
    expect((await t.admin('DELETE', `/links/${revoked.id}`)).status).toBe(200);
    t.clock.advance(30 * DAY + 1000);
    try {
      const expired = await unavailableSignature(expiring.token);
      const revokedAnswer = await unavailableSignature(revoked.token);
      const unknown = await unavailableSignature('A'.repeat(32));
      const garbage = await unavailableSignature('short');
      expect(expired.apiStatus).toBe(410);
      expect(JSON.parse(expired.api)).toMatchObject({ unavailable: true, business: { lineOaId: '@testshop' } });
      expect(revokedAnswer).toEqual(expired);
      expect(unknown).toEqual(expired);
      expect(garbage).toEqual(expired);
    } finally {
      t.clock.advance(-(30 * DAY + 1000));
    }
  });

  it('a link is valid up to its expiry instant and not one millisecond after (injected clock)', async () => {
    const c = await t.admin('POST', '/customers', { name: 'ขอบเวลา' });
    const link = await issueLink(t, 'customer', c.body.id);
    const start = t.clock.now().getTime();
    try {
      t.clock.set(new Date(start + 30 * DAY));
      expect((await getView(link.token)).status).toBe(200);
      t.clock.set(new Date(start + 30 * DAY + 1));
      expect((await getView(link.token)).status).toBe(410);
    } finally {
      t.clock.set(new Date(start));
    }
  });

  it('an invoice link ends when the invoice is paid; a quote link when the quote is past valid-until', async () => {
    const inv = await issueLink(t, 'invoice', f.secondInvoiceId);
    expect((await getView(inv.token)).status).toBe(200);
    await t.admin('POST', `/invoices/${f.secondInvoiceId}/payments`, { amountSatang: 10700, method: 'promptpay' });
    expect((await getView(inv.token)).status).toBe(410);

    const q = await issueLink(t, 'quote', f.otherQuoteId);
    expect((await getView(q.token)).status).toBe(200);
    const now = t.clock.now();
    t.clock.set('2026-12-10T16:59:00Z'); // 23:59 Bangkok on the last valid day
    expect((await getView(q.token)).status).toBe(200);
    t.clock.set('2026-12-10T17:00:01Z'); // 00:00:01 the next day
    expect((await getView(q.token)).status).toBe(410);
    t.clock.set(now);
  });

  it('revocation is immediate, also for a customer-wide revoke', async () => {
    const link = await issueLink(t, 'customer', f.customerId);
    expect((await getView(link.token)).status).toBe(200);
    const res = await t.admin('POST', `/customers/${f.customerId}/revoke-links`);
    expect(res.body.revoked).toBeGreaterThan(0);
    expect((await getView(link.token)).status).toBe(410);
    const fresh = await issueLink(t, 'customer', f.customerId);
    expect(fresh.reused).toBe(false);
    expect((await getView(fresh.token)).status).toBe(200);
  });
});

describe('portal response headers', () => {
  it('pages and API carry no-referrer, no-store, noindex and a strict CSP', async () => {
    const link = await issueLink(t, 'customer', f.customerId);
    for (const url of [`${t.baseUrl}/c/${link.token}`, `${t.baseUrl}/api/portal/${link.token}`, `${t.baseUrl}/c/${'B'.repeat(32)}`]) {
      const res = await fetch(url);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-robots-tag')).toMatch(/noindex/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it('embeds the view in the HTML safely (no second round trip, no script injection)', async () => {
    const evil = await t.admin('POST', '/customers', { name: '</script><script>alert(1)</script>' });
    const link = await issueLink(t, 'customer', evil.body.id);
    const html = await (await fetch(`${t.baseUrl}/c/${link.token}`)).text();
    const m = /<script type="application\/json" id="portal-data">([\s\S]*?)<\/script>/.exec(html);
    expect(m).not.toBeNull();
    expect(m![1]).not.toContain('</script>');
    const data = JSON.parse(m![1]!);
    expect(data.customer.name).toBe('</script><script>alert(1)</script>');
    expect(data.scope).toBe('customer');
  });

  it('rate-limits guessing: unknown tokens from one address are cut off', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await fetch(`${t.baseUrl}/api/portal/${String(i).padStart(32, 'Z')}`)).status);
    expect(statuses.slice(0, 5).every((s) => s === 410)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
