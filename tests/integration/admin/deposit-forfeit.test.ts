/**
 * A forfeited deposit (nothing refunded) issues no refund receipt: no "refund" of 0.00 with a
 * method nobody entered for the client to sign.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.adminOk('saveBusiness', { body: VAT_BUSINESS });
});
afterAll(() => t.stop());

describe('forfeiting a security deposit', () => {
  it('records the deductions, keeps no refund method and issues no DEPRR receipt', async () => {
    const c = await t.adminOk('createCustomer', { body: { name: 'คุณริบ เงินประกัน', phone: '0811111111' } });
    const dep = await t.adminOk('createDeposit', { body: { customerId: c.id, requiredSatang: 500000 } });
    await t.adminOk('collectDeposit', { params: { id: dep.id }, body: { amountSatang: 500000, method: 'bank_transfer' } });

    const ret = await t.adminOk('returnDeposit', {
      params: { id: dep.id },
      body: {
        amountSatang: 0,
        deductions: [
          { amountSatang: 300000, reason: 'เลนส์แตก' },
          { amountSatang: 200000, reason: 'ค่าทำความสะอาด' },
        ],
        method: 'other',
      },
    });
    expect(ret.receipt).toBeNull();
    expect(ret.deposit).toMatchObject({ returnedSatang: 0, deductedSatang: 500000 });
    expect(ret.return).toMatchObject({ amountSatang: 0, deductedSatang: 500000 });

    expect(await t.ctx.db.receipt.count({ where: { customerId: c.id, type: 'DEPRR' } })).toBe(0);
    const stored = await t.ctx.db.depositReturn.findUniqueOrThrow({ where: { id: ret.return.id }, include: { deductions: true } });
    expect(stored.method).toBeNull();
    expect(stored.deductions.map((d) => d.reason).sort()).toEqual(['ค่าทำความสะอาด', 'เลนส์แตก']);
  });

  it('a partial refund still gets its DEPRR receipt', async () => {
    const c = await t.adminOk('createCustomer', { body: { name: 'คุณคืน บางส่วน', phone: '0822222222' } });
    const dep = await t.adminOk('createDeposit', { body: { customerId: c.id, requiredSatang: 500000 } });
    await t.adminOk('collectDeposit', { params: { id: dep.id }, body: { amountSatang: 500000, method: 'bank_transfer' } });
    const ret = await t.adminOk('returnDeposit', {
      params: { id: dep.id },
      body: { amountSatang: 100, reason: 'เลนส์แตก', method: 'bank_transfer' },
    });
    expect(ret.receipt).toMatchObject({ type: 'DEPRR' });
  });
});
