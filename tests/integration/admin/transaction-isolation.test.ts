/**
 * Concurrent requests share one SQLite connection. A transaction that is open (and later rolls
 * back) must neither show its uncommitted writes to other requests nor take their writes with it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await t.admin('PUT', '/business', VAT_BUSINESS);
});
afterAll(() => t.stop());

describe('transaction isolation on the shared SQLite connection', () => {
  it('an open transaction hides its writes from others and does not swallow theirs when it rolls back', async () => {
    const db = t.ctx.db;
    await db.documentSequence.create({ data: { prefix: 'ISO', year: 2026, lastNumber: 0 } });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const failing = db
      .$transaction(async (tx) => {
        await tx.documentSequence.update({ where: { prefix_year: { prefix: 'ISO', year: 2026 } }, data: { lastNumber: 99 } });
        entered();
        await held;
        throw new Error('roll back');
      })
      .catch((e: Error) => e.message);
    await inside;
    // Another request meanwhile: a read and a committed write of its own.
    const read = db.documentSequence.findUniqueOrThrow({ where: { prefix_year: { prefix: 'ISO', year: 2026 } } });
    const write = db.customer.create({ data: { name: 'เขียนระหว่างธุรกรรม' } });
    setTimeout(release, 30);
    expect(await failing).toBe('roll back');
    expect((await read).lastNumber).toBe(0);
    const created = await write;
    expect(await db.customer.findUnique({ where: { id: created.id } })).not.toBeNull();
    expect((await db.documentSequence.findUniqueOrThrow({ where: { prefix_year: { prefix: 'ISO', year: 2026 } } })).lastNumber).toBe(0);
  });

  it('a refused payment (rolled back) never takes a concurrent revocation with it', async () => {
    const c = await t.admin('POST', '/customers', { name: 'ลูกค้าทดสอบ' });
    const inv = await t.admin('POST', '/invoices', { customerId: c.body.id, dueDate: '2026-12-31', lines: [{ description: 'x', quantity: 1, unitPriceSatang: 10000 }] });
    const link = await t.admin('POST', '/links', { scope: 'customer', id: c.body.id });
    const results = await Promise.all([
      ...Array.from({ length: 5 }, () => t.admin('POST', `/invoices/${inv.body.id}/payments`, { amountSatang: 999999, method: 'cash' })),
      t.admin('DELETE', `/links/${link.body.id}`),
    ]);
    expect(results.slice(0, 5).every((r) => r.status === 409)).toBe(true);
    expect(results[5]!.status).toBe(200);
    expect((await t.ctx.db.portalLink.findUniqueOrThrow({ where: { id: link.body.id } })).revokedAt).not.toBeNull();
    expect(await t.ctx.db.payment.count({ where: { invoiceId: inv.body.id } })).toBe(0);
  });
});
