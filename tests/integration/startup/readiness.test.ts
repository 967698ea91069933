import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

describe('/healthz and /readyz', () => {
  it('healthz: the process is up; readyz: the database answers and every committed migration is applied', async () => {
    expect(await (await fetch(`${t.baseUrl}/healthz`)).json()).toEqual({ ok: true });
    const ready = await fetch(`${t.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true });
  });

  it('readyz answers 503 naming the migration this database lacks (an instance newer than its database)', async () => {
    const [latest] = await t.ctx.db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1',
    );
    await t.ctx.db.$executeRawUnsafe(`UPDATE _prisma_migrations SET rolled_back_at = finished_at WHERE migration_name = '${latest!.migration_name}'`);
    try {
      const res = await fetch(`${t.baseUrl}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ ok: false, reason: 'migrations pending', pending: [latest!.migration_name] });
      expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await t.ctx.db.$executeRawUnsafe(`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = '${latest!.migration_name}'`);
    }
    expect((await fetch(`${t.baseUrl}/readyz`)).status).toBe(200);
  });
});
