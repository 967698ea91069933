/**
 * Concurrent requests share one SQLite connection. A transaction that is open (and later rolls
 * back) must neither show its uncommitted writes to other requests nor take their writes with it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await t.adminOk('saveBusiness', { body: VAT_BUSINESS });
});
afterAll(() => t.stop());

describe('transaction isolation on the shared SQLite connection', () => {
  it('an open transaction hides its writes from others and does not swallow theirs when it rolls back', async () => {
    const db = t.ctx.db;
    const key = { prefix_year: { prefix: 'ISO', year: 2026 } };
    await db.documentSequence.create({ data: { prefix: 'ISO', year: 2026, lastNumber: 0 } });
    let outside!: { read: Promise<number>; write: Promise<string> };
    const failing = db
      .$transaction(async (tx) => {
        await tx.documentSequence.update({ where: key, data: { lastNumber: 99 } });
        // Another request meanwhile: a read and a committed write of its own. Prisma queries are
        // lazy (they start on `.then`), so `.then` here is what sends them while this is open.
        outside = {
          read: db.documentSequence.findUniqueOrThrow({ where: key }).then((row) => row.lastNumber),
          write: db.customer.create({ data: { name: 'เขียนระหว่างธุรกรรม' } }).then((row) => row.id),
        };
        let outsideSettled = false;
        void Promise.allSettled([outside.read, outside.write]).then(() => (outsideSettled = true));
        // Keep the transaction open while the outside queries reach the connection: each round trip
        // here goes through the same client and adapter after them. Without isolation they run
        // inside this transaction and settle at once; with it they wait until it has ended.
        for (let i = 0; i < 5 && !outsideSettled; i++) await tx.documentSequence.findUniqueOrThrow({ where: key });
        throw new Error('roll back');
      })
      .catch((e: Error) => e.message);
    expect(await failing).toBe('roll back');
    expect(await outside.read).toBe(0);
    const createdId = await outside.write;
    expect(await db.customer.findUnique({ where: { id: createdId } })).not.toBeNull();
    expect((await db.documentSequence.findUniqueOrThrow({ where: key })).lastNumber).toBe(0);
  });

  it('a refused payment (rolled back) never takes a concurrent revocation with it', async () => {
    const c = await t.adminOk('createCustomer', { body: { name: 'ลูกค้าทดสอบ' } });
    const inv = await t.adminOk('createInvoice', {
      body: { customerId: c.id, dueDate: '2026-12-31', lines: [{ description: 'x', quantity: 1, unitPriceSatang: 10000 }] },
    });
    const link = await t.adminOk('issueLink', { body: { scope: 'customer', id: c.id } });
    const results = await Promise.all([
      ...Array.from({ length: 5 }, () => t.adminOp('recordPayment', { params: { id: inv.id }, body: { amountSatang: 999999, method: 'cash' } })),
      t.adminOp('revokeLink', { params: { id: link.id } }),
    ]);
    expect(results.slice(0, 5).every((r) => r.status === 409)).toBe(true);
    expect(results[5]!.status).toBe(200);
    expect((await t.ctx.db.portalLink.findUniqueOrThrow({ where: { id: link.id } })).revokedAt).not.toBeNull();
    expect(await t.ctx.db.payment.count({ where: { invoiceId: inv.id } })).toBe(0);
  });
});
