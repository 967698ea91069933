import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { adminQuery } from '../../helpers/test-database.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

describe('/readyz on PostgreSQL', () => {
  it('answers 503 "database unreachable" once the database is gone, while /healthz still answers', { timeout: 30_000 }, async () => {
    expect((await fetch(`${t.baseUrl}/readyz`)).status).toBe(200);
    const name = new URL(t.ctx.config.databaseUrl).pathname.slice(1);
    await adminQuery(process.env.TEST_POSTGRES_URL as string, `DROP DATABASE "${name}" WITH (FORCE)`);
    const res = await fetch(`${t.baseUrl}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, reason: 'database unreachable' });
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
  });
});
