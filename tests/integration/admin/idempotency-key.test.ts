/**
 * `Idempotency-Key` on the admin requests that record money (audit 2026-11-29, finding M3): a
 * retried request must answer the first result again and record nothing new.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';
import { recordPayment } from '../../../server/services/payments.ts';
import { runIdempotent, IDEMPOTENCY_KEY_TTL_MS } from '../../../server/services/idempotent-request.ts';

let t: TestApp;
let customerId: string;

beforeAll(async () => {
  t = await startTestApp();
  await t.adminOk('saveBusiness', { body: VAT_BUSINESS });
  const c = await t.adminOk('createCustomer', {
    body: { name: 'คุณสมชาย ใจดี', address: '88/8 ถนนพหลโยธิน แขวงสามเสนใน เขตพญาไท กรุงเทพมหานคร 10400', email: 'somchai@example.com', phone: '0812345678' },
  });
  customerId = c.id;
});
afterAll(() => t.stop());

async function newInvoice(unitPriceSatang = 1_000_000) {
  return t.adminOk('createInvoice', { body: { customerId, dueDate: '2026-12-31', lines: [{ description: 'เช่าเครื่องเสียง', quantity: 1, unitPriceSatang }] } });
}

/** Everything a money request can touch. */
async function snapshot() {
  const db = t.ctx.db;
  return {
    invoices: await db.invoice.findMany({ orderBy: { id: 'asc' } }),
    payments: await db.payment.findMany({ orderBy: { id: 'asc' } }),
    receipts: await db.receipt.findMany({ orderBy: { id: 'asc' } }),
    deposits: await db.deposit.findMany({ orderBy: { id: 'asc' } }),
    collections: await db.depositCollection.count(),
    returns: await db.depositReturn.count(),
    sequences: await db.documentSequence.findMany({ orderBy: [{ prefix: 'asc' }, { year: 'asc' }] }),
    outbox: await db.outboxMessage.count(),
    keys: await db.idempotencyKey.findMany({ orderBy: { id: 'asc' } }),
  };
}

const M3_BODY = { amountSatang: 1000, method: 'bank_transfer' as const, reference: 'KBANK-REF-777' };

describe('recording a payment with Idempotency-Key (audit M3)', () => {
  it('the same key twice: one payment, one RC receipt, one TAX number, and the second answer equals the first', async () => {
    const inv = await newInvoice();
    const before = await snapshot();
    const send = () => t.adminOp('recordPayment', { params: { id: inv.id }, body: M3_BODY, headers: { 'Idempotency-Key': 'abc' } });
    const first = await send();
    const second = await send();

    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(first.ok && first.body.receipt.number).toMatch(/^RC-2026-\d{4}$/);
    expect(first.ok && first.body.payment.taxInvoiceNumber).toMatch(/^TAX-2026-\d{4}$/);

    const after = await snapshot();
    expect(after.payments.length - before.payments.length).toBe(1);
    expect(after.receipts.length - before.receipts.length).toBe(1);
    const counter = (s: typeof before, prefix: string) => s.sequences.find((q) => q.prefix === prefix)?.lastNumber ?? 0;
    expect(counter(after, 'RC') - counter(before, 'RC')).toBe(1);
    expect(counter(after, 'TAX') - counter(before, 'TAX')).toBe(1);
    // One "payment received" message to the client, not two.
    expect(after.outbox - before.outbox).toBe(1);
    const invoice = await t.ctx.db.invoice.findUniqueOrThrow({ where: { id: inv.id } });
    expect(invoice.paidSatang).toBe(1000);
  });

  it('without a key behaves as before: each request records a payment', async () => {
    const inv = await newInvoice();
    const send = () => t.adminOk('recordPayment', { params: { id: inv.id }, body: M3_BODY });
    const a = await send();
    const b = await send();
    expect(a.receipt.number).not.toBe(b.receipt.number);
    expect(await t.ctx.db.payment.count({ where: { invoiceId: inv.id } })).toBe(2);
  });

  it('the same key with a different body or for another invoice is 422 naming Idempotency-Key, and nothing changes', async () => {
    const inv = await newInvoice();
    const other = await newInvoice();
    const headers = { 'Idempotency-Key': 'retry-me-0001' };
    await t.adminOk('recordPayment', { params: { id: inv.id }, body: M3_BODY, headers });
    const before = await snapshot();

    const changedAmount = await t.adminOp('recordPayment', { params: { id: inv.id }, body: { ...M3_BODY, amountSatang: 2000 }, headers });
    const otherInvoice = await t.adminOp('recordPayment', { params: { id: other.id }, body: M3_BODY, headers });
    for (const reply of [changedAmount, otherInvoice]) {
      expect(reply.status).toBe(422);
      expect(!reply.ok && reply.body.error).toMatchObject({ code: 'UNPROCESSABLE', field: 'Idempotency-Key' });
      expect(!reply.ok && reply.body.error.message).toContain('Idempotency-Key');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a malformed key with 400 naming the header, and records nothing', async () => {
    const inv = await newInvoice();
    const before = await snapshot();
    for (const key of ['x'.repeat(256), 'tab\there', 'café']) {
      const reply = await t.adminOp('recordPayment', { params: { id: inv.id }, body: M3_BODY, headers: { 'Idempotency-Key': key } });
      expect(reply.status, key).toBe(400);
      expect(!reply.ok && reply.body.error.field).toBe('Idempotency-Key');
    }
    expect(await snapshot()).toEqual(before);
    const longest = await t.adminOp('recordPayment', { params: { id: inv.id }, body: M3_BODY, headers: { 'Idempotency-Key': '~'.repeat(255) } });
    expect(longest.status).toBe(201);
  });

  it('a failed request stores no answer: the same key works once the cause is fixed', async () => {
    const inv = await newInvoice(1000);
    const headers = { 'Idempotency-Key': 'too-much-then-right' };
    const tooMuch = await t.adminOp('recordPayment', { params: { id: inv.id }, body: { ...M3_BODY, amountSatang: 999_999 }, headers });
    expect(tooMuch.status).toBe(409);
    expect(await t.ctx.db.idempotencyKey.count({ where: { key: headers['Idempotency-Key'] } })).toBe(0);
    // A different body under the same key is fine here: the first request left nothing behind.
    const right = await t.adminOp('recordPayment', { params: { id: inv.id }, body: { ...M3_BODY, amountSatang: 1070 }, headers });
    expect(right.status).toBe(201);
  });

  it('keys are scoped per operation: one key on a payment and on a deposit collection are two requests', async () => {
    const inv = await newInvoice();
    const dep = await t.adminOk('createDeposit', { body: { customerId, requiredSatang: 500_000 } });
    const headers = { 'Idempotency-Key': 'shared-key' };
    const pay = await t.adminOp('recordPayment', { params: { id: inv.id }, body: M3_BODY, headers });
    const collect = await t.adminOp('collectDeposit', { params: { id: dep.id }, body: { amountSatang: 500_000, method: 'cash' }, headers });
    expect([pay.status, collect.status]).toEqual([201, 201]);
    expect(collect.headers.get('idempotent-replayed')).toBeNull();
  });

  it('forgets a key after 24 hours (the expired row is cleaned up)', async () => {
    const inv = await newInvoice();
    const headers = { 'Idempotency-Key': 'one-day' };
    const first = await t.adminOk('recordPayment', { params: { id: inv.id }, body: M3_BODY, headers });
    t.clock.advance(IDEMPOTENCY_KEY_TTL_MS - 1);
    const replay = await t.adminOk('recordPayment', { params: { id: inv.id }, body: M3_BODY, headers });
    expect(replay).toEqual(first);
    t.clock.advance(2);
    const fresh = await t.adminOk('recordPayment', { params: { id: inv.id }, body: M3_BODY, headers });
    expect(fresh.payment.id).not.toBe(first.payment.id);
    const rows = await t.ctx.db.idempotencyKey.findMany({ where: { key: 'one-day' } });
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.responseBody).payment.id).toBe(fresh.payment.id);
  });
});

describe('concurrent requests with the same key', () => {
  it('while the first is still running the second gets 409, and only one payment is recorded', async () => {
    const inv = await newInvoice();
    const headers = { 'Idempotency-Key': 'double-click' };
    // Hold the database (one serialised SQLite connection) so the first request cannot finish yet.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const blocker = t.ctx.db.$transaction(async (tx) => {
      await tx.business.count();
      holding();
      await gate;
    });
    await held;
    const a = t.adminOp('recordPayment', { params: { id: inv.id }, body: M3_BODY, headers });
    const b = t.adminOp('recordPayment', { params: { id: inv.id }, body: M3_BODY, headers });
    // Whichever arrived second is answered at once, without touching the database.
    const early = await Promise.race([a, b]);
    expect(early.status).toBe(409);
    expect(!early.ok && early.body.error.field).toBe('Idempotency-Key');
    release();
    await blocker;
    const statuses = (await Promise.all([a, b])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    expect(await t.ctx.db.payment.count({ where: { invoiceId: inv.id } })).toBe(1);
    // A retry after the first finished replays it.
    const retry = await t.adminOp('recordPayment', { params: { id: inv.id }, body: M3_BODY, headers });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  });

  it('when two processes race past the check, the unique key row rolls the loser back and it replays the winner', async () => {
    const inv = await newInvoice();
    const request = { scope: 'recordPayment:other-process', key: 'race', requestHash: 'same-request' };
    const work = () =>
      runIdempotent(t.ctx, request, async (joined) => ({
        status: 201,
        body: await recordPayment(joined, { invoiceId: inv.id, amountSatang: 1000, method: 'cash' }),
      }));
    // Both read "no key yet" before either commits; SQLite then runs their transactions one by one.
    const [x, y] = await Promise.all([work(), work()]);
    expect(x.body).toEqual(y.body);
    expect([x.replayed, y.replayed].sort()).toEqual([false, true]);
    expect(await t.ctx.db.payment.count({ where: { invoiceId: inv.id } })).toBe(1);
    expect(await t.ctx.db.receipt.count({ where: { payment: { invoiceId: inv.id } } })).toBe(1);
  });
});

describe('deposit collections and returns', () => {
  it('replay with the same key and record nothing new', async () => {
    const dep = await t.adminOk('createDeposit', { body: { customerId, requiredSatang: 2_000_000 } });
    const params = { id: dep.id };
    const collect = () =>
      t.adminOp('collectDeposit', { params, body: { amountSatang: 2_000_000, method: 'bank_transfer' }, headers: { 'Idempotency-Key': 'dep-in' } });
    const c1 = await collect();
    const c2 = await collect();
    expect(c1.status).toBe(201);
    expect(c2.body).toEqual(c1.body);
    expect(await t.ctx.db.depositCollection.count({ where: { depositId: dep.id } })).toBe(1);

    const giveBack = (amountSatang: number) =>
      t.adminOp('returnDeposit', {
        params,
        body: { amountSatang, reason: 'ขาตั้งไฟหัก 1 ชุด', method: 'bank_transfer' },
        headers: { 'Idempotency-Key': 'dep-out' },
      });
    const r1 = await giveBack(1_800_000);
    const before = await snapshot();
    const r2 = await giveBack(1_800_000);
    expect(r1.status).toBe(201);
    expect(r2.status).toBe(201);
    expect(r2.body).toEqual(r1.body);
    expect(await snapshot()).toEqual(before);
    const changed = await giveBack(1_700_000);
    expect(changed.status).toBe(422);
    expect(await snapshot()).toEqual(before);
  });
});

describe('OpenAPI', () => {
  it('declares the Idempotency-Key header and the 409/422 answers on the money routes only', async () => {
    const spec = (await (await fetch(`${t.baseUrl}/api/admin/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }>>;
    };
    for (const [path, method] of [
      ['/api/admin/invoices/{id}/payments', 'post'],
      ['/api/admin/deposits/{id}/collections', 'post'],
      ['/api/admin/deposits/{id}/returns', 'post'],
    ] as const) {
      const op = spec.paths[path]![method]!;
      expect(op.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['409', '422']));
    }
    expect(spec.paths['/api/admin/invoices']!.post!.parameters ?? []).not.toContainEqual(expect.objectContaining({ name: 'Idempotency-Key' }));
  });
});
