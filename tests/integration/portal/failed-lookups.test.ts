/**
 * Failed token lookups are counted in the database: per address (an IPv6 /56 as one), in fixed
 * windows, and together across instances on one database.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Request } from 'express';
import { FailedLookups } from '../../../server/http/portal/rate-limits.ts';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';

const from = (ip: string) => ({ ip }) as Request;
const unknownToken = (i: number) => `unknown${String(i).padStart(25, 'Y')}`;

let apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.reverse()) await app.stop();
  apps = [];
});

async function start(): Promise<TestApp> {
  const t = await startTestApp();
  apps.push(t);
  return t;
}

describe('FailedLookups', () => {
  it('limits an address after the limit, for the rest of its window only', async () => {
    const t = await start();
    const failures = new FailedLookups(t.ctx, 3, 60_000);
    expect(await Promise.all([1, 2, 3].map(() => failures.fail(from('198.51.100.1'))))).toEqual([null, null, null]);
    t.clock.advance(15_000);
    expect(await failures.fail(from('198.51.100.1'))).toBe(45);
    expect(await failures.fail(from('198.51.100.2'))).toBeNull();
    t.clock.advance(45_000);
    expect(await failures.fail(from('198.51.100.1'))).toBeNull();
  });

  it('counts an IPv6 /56 as one address (one customer network), like express-rate-limit', async () => {
    const t = await start();
    const failures = new FailedLookups(t.ctx, 1, 60_000);
    expect(await failures.fail(from('2001:db8:0:1::1'))).toBeNull();
    expect(await failures.fail(from('2001:db8:0:2::9'))).not.toBeNull();
    expect(await failures.fail(from('2001:db8:1:1::1'))).toBeNull();
  });

  it('guesses spread over two instances add up: 20 on A and 10 on B, then B answers 429', async () => {
    const a = await start();
    const b = await startTestApp({ env: { DATA_DIR: a.dataDir, DATABASE_URL: a.ctx.config.databaseUrl } });
    apps.push(b);
    for (let i = 0; i < 20; i++) expect((await fetch(`${a.baseUrl}/api/portal/${unknownToken(i)}`)).status).toBe(410);
    for (let i = 20; i < 30; i++) expect((await fetch(`${b.baseUrl}/c/${unknownToken(i)}`)).status).toBe(410);
    const limited = await fetch(`${b.baseUrl}/api/portal/${unknownToken(30)}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetch(`${a.baseUrl}/c/${unknownToken(31)}`)).status).toBe(429);
  });
});
