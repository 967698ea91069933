/**
 * Demo links are printed on purpose only: on the run that seeds the demo, and by
 * `npm run demo:links`. A restart issues nothing, a link staff revoked stays revoked, and only the
 * seeded customers are listed. The demo's contact details are reserved addresses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { reprintDemoLinks, seedDemoOnFirstStart, type DemoLink } from '../../../server/seed/demo-links.ts';

let t: TestApp;
let first: DemoLink[];

const tokenOf = (url: string | null) => (url ? /\/c\/([A-Za-z0-9_-]+)$/.exec(url)![1] : null);
const liveLinks = (customerId: string) => t.ctx.db.portalLink.count({ where: { customerId, scope: 'customer', revokedAt: null } });

beforeAll(async () => {
  t = await startTestApp();
  first = (await seedDemoOnFirstStart(t.ctx))!;
});
afterAll(() => t.stop());

describe('first start of an empty database', () => {
  it('seeds the demo and returns one link per seeded customer plus the quote', async () => {
    expect(first.map((l) => l.label)).toEqual([
      'คุณสมชาย ใจดี (บริษัท ฟ้าใส โปรดักชั่น จำกัด)',
      'คุณวิภาวดี ศรีสุข',
      'คุณอนันต์ พึ่งบุญ (ร้านอนันต์ อีเวนท์)',
      'Sarah Thompson (Bangkok Creative Studio)',
      expect.stringMatching(/^quote QT-2026-\d{4} only$/),
    ]);
    for (const link of first) expect(link.url).toMatch(/^https:\/\/portal\.example\.test\/c\/[A-Za-z0-9_-]{20,}$/);
    const record = path.join(t.dataDir, 'demo.json');
    expect(existsSync(record)).toBe(true);
  });

  it('uses reserved contact details only (example.com / .test, 0X-555-01XX numbers)', async () => {
    const business = await t.ctx.db.business.findFirstOrThrow();
    const customers = await t.ctx.db.customer.findMany();
    const emails = [business.email, ...customers.map((c) => c.email)].filter((e): e is string => !!e);
    const phones = [business.phone, ...customers.map((c) => c.phone)].filter((p): p is string => !!p);
    expect(emails.length).toBeGreaterThanOrEqual(4);
    for (const email of emails) expect(email).toMatch(/@(example\.com|[a-z0-9.-]+\.test)$/);
    expect(phones.length).toBe(5);
    for (const phone of phones) {
      const national = phone.replace(/[\s-]/g, '').replace(/^\+66/, '0');
      expect(national).toMatch(/^0(2|[689]\d)55501\d\d$/);
    }
    // Nothing else in the seed's source looks like an address someone could receive mail at.
    const source = readFileSync(path.resolve(import.meta.dirname, '../../../server/seed/demo-seed.ts'), 'utf8');
    for (const email of source.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? []) expect(email).toMatch(/@(example\.com|[a-z0-9.-]+\.test)$/);
  });
});

describe('later starts', () => {
  it('issue and print nothing', async () => {
    const before = await t.ctx.db.portalLink.count();
    expect(await seedDemoOnFirstStart(t.ctx)).toBeNull();
    expect(await t.ctx.db.portalLink.count()).toBe(before);
  });

  it('never re-issue a link staff revoked', async () => {
    const somchai = (await t.ctx.db.customer.findFirstOrThrow({ where: { name: 'คุณสมชาย ใจดี' } })).id;
    expect((await t.admin('POST', `/customers/${somchai}/revoke-links`, {})).status).toBe(200);
    expect(await seedDemoOnFirstStart(t.ctx)).toBeNull();
    expect(await liveLinks(somchai)).toBe(0);
  });
});

describe('npm run demo:links', () => {
  it('reprints the seeded customers only, reusing valid links, and says which one staff revoked', async () => {
    const added = await t.admin('POST', '/customers', { name: 'Added Later Co.' });
    await t.admin('POST', '/links', { scope: 'customer', id: added.body.id });
    const somchai = (await t.ctx.db.customer.findFirstOrThrow({ where: { name: 'คุณสมชาย ใจดี' } })).id;
    const again = await reprintDemoLinks(t.ctx);
    expect(again.map((l) => l.label)).toEqual(first.map((l) => l.label));
    expect(again[0]).toMatchObject({ url: null, note: expect.stringMatching(/revoked by staff.*--reissue-revoked/) });
    // The still-valid links are the very same ones (same token), not new ones.
    expect(again.slice(1).map((l) => tokenOf(l.url))).toEqual(first.slice(1).map((l) => tokenOf(l.url)));
    expect(await liveLinks(somchai)).toBe(0);
  });

  it('issues a new link for a revoked customer only when asked to', async () => {
    const somchai = (await t.ctx.db.customer.findFirstOrThrow({ where: { name: 'คุณสมชาย ใจดี' } })).id;
    const again = await reprintDemoLinks(t.ctx, { reissueRevoked: true });
    expect(again[0]!.url).toMatch(/\/c\/[A-Za-z0-9_-]{20,}$/);
    expect(tokenOf(again[0]!.url)).not.toBe(tokenOf(first[0]!.url));
    expect(await liveLinks(somchai)).toBe(1);
    expect(tokenOf(again[1]!.url)).toBe(tokenOf(first[1]!.url));
  });

  it('replaces links that merely expired, so the demo keeps working', async () => {
    t.clock.advance(31 * 24 * 3600_000);
    const later = await reprintDemoLinks(t.ctx);
    const wipa = later[1]!;
    expect(wipa.url).toMatch(/\/c\/[A-Za-z0-9_-]{20,}$/);
    expect(tokenOf(wipa.url)).not.toBe(tokenOf(first[1]!.url));
    // The wedding quote expired on its valid-until day: no link, and the reason.
    expect(later[4]).toMatchObject({ url: null, note: expect.stringMatching(/expired/) });
  });
});
