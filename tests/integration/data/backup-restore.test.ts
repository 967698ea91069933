/**
 * `npm run db:backup` / `npm run db:restore` on the database the app runs on (SQLite in the
 * integration project, PostgreSQL in integration-pg): a backup taken while the app runs restores
 * into an empty database, which then starts with nothing pending and holds the data — issued
 * documents included (the default blob store is the database), so an instance with an empty
 * DATA_DIR serves them: nothing else to copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, TEST_ADMIN_KEY, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';
import { createEmptyDatabase } from '../../helpers/test-database.ts';
import { openDatabase } from '../../../server/data/database.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

async function npmScript(script: string, file: string, databaseUrl: string) {
  return run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/db', script), file], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATA_DIR: t.dataDir, DATABASE_URL: databaseUrl },
  });
}

describe('backup and restore', () => {
  it('backs up the running database and restores it into an empty one, data and migrations included', { timeout: 60_000 }, async () => {
    await t.adminOk('saveBusiness', { body: VAT_BUSINESS });
    const customer = await t.adminOk('createCustomer', { body: { name: 'ร้านสำรองข้อมูล', address: '9 ถนนราชดำเนิน กรุงเทพฯ 10200' } });
    const invoice = await t.adminOk('createInvoice', {
      body: { customerId: customer.id, dueDate: '2026-12-31', lines: [{ description: 'ค่าเช่าเวที', quantity: 1, unitPriceSatang: 500_000 }] },
    });
    const paid = await t.adminOk('recordPayment', { params: { id: invoice.id }, body: { amountSatang: invoice.netPayableSatang, method: 'cash' } });
    const taxInvoiceId = `tax_invoice.${paid.payment.id}`;
    const issued = await fetch(`${t.baseUrl}/api/admin/documents/${taxInvoiceId}`, { headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } });
    expect(issued.status).toBe(200);
    const issuedBytes = Buffer.from(await issued.arrayBuffer());
    const file = path.join(t.dataDir, 'backups', 'portal.backup');
    const backedUp = await npmScript('backup.ts', file, t.ctx.config.databaseUrl);
    expect(backedUp.stdout).toContain(`backed up ${t.ctx.config.databaseProvider} database`);

    const target = await createEmptyDatabase(t.dataDir);
    try {
      const restored = await npmScript('restore.ts', file, target.url);
      expect(restored.stdout).toContain('restored');
      const db = await openDatabase({ databaseUrl: target.url });
      try {
        expect(await db.customer.findUnique({ where: { id: customer.id } })).toMatchObject({ name: 'ร้านสำรองข้อมูล' });
        const applied = await db.$queryRawUnsafe<{ n: number | bigint }[]>('SELECT COUNT(*) AS n FROM _prisma_migrations');
        expect(Number(applied[0]!.n)).toBeGreaterThan(0);
      } finally {
        await db.$disconnect();
      }
      // An instance on the restored database with an empty DATA_DIR of its own serves the issued document as issued.
      const restoredApp = await startTestApp({ env: { DATABASE_URL: target.url } });
      try {
        expect(restoredApp.dataDir).not.toBe(t.dataDir);
        const res = await fetch(`${restoredApp.baseUrl}/api/admin/documents/${taxInvoiceId}`, { headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } });
        expect(res.status).toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).equals(issuedBytes)).toBe(true);
        expect(await restoredApp.ctx.db.operatorAlarm.count()).toBe(0);
      } finally {
        await restoredApp.stop();
      }
      // Restoring over a database that already holds data is refused, and changes nothing.
      await expect(npmScript('restore.ts', file, target.url)).rejects.toMatchObject({ code: 1 });
    } finally {
      await target.drop();
    }
  });
});
