/**
 * The overdue list through the webhook with more invoices than one card shows: the total is the
 * amount due over every overdue invoice, and "+N more" is a button that pages to the next ones.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { messagingApi } from '@line/bot-sdk';
import { allText, enrolStaffUser, postbackWith, postbacks, press, say, startBotHarness, type BotHarness } from './bot-harness.ts';
import { seedShop } from './seed.ts';
import { PB } from '../../../bot/flex/postback.ts';
import { money } from '../../../bot/flex/format.ts';
import { createInvoice, markInvoiceSent } from '../../../server/services/invoices.ts';

let h: BotHarness;
let shop: Awaited<ReturnType<typeof seedShop>>;
let staff: string;

beforeAll(async () => {
  h = await startBotHarness();
  shop = await seedShop(h.t.ctx);
  staff = await enrolStaffUser(h, 'owner');
  // 16 more overdue invoices of one customer (18 in all), the newest a very large one.
  for (let i = 1; i <= 16; i++) {
    const amount = i === 16 ? 2_800_000_000 : 10_000 * i;
    const inv = await createInvoice(h.t.ctx, {
      customerId: shop.somchai.id,
      issueDate: '2026-11-01',
      dueDate: `2026-11-${String(2 + i).padStart(2, '0')}`,
      lines: [{ description: 'ค่าเช่า', quantity: 1, unitPriceSatang: amount }],
    });
    await markInvoiceSent(h.t.ctx, inv.id);
  }
});
afterAll(() => h.stop());

async function overdueTotal(customerId?: string) {
  const rows = await h.t.ctx.db.invoice.findMany({
    where: { status: { in: ['sent', 'partially_paid'] }, dueDate: { lt: '2026-11-25' }, ...(customerId ? { customerId } : {}) },
  });
  return { count: rows.length, satang: rows.reduce((sum, r) => sum + r.netPayableSatang - r.paidSatang, 0) };
}

const remindButtons = (messages: messagingApi.Message[]) => postbacks(messages).filter((d) => d.startsWith(`a=${PB.remind}&`));

describe('the overdue list with more than 10 overdue invoices', () => {
  it('shows the total of all of them, not of the 10 shown, and pages on with a button', async () => {
    const all = await overdueTotal();
    expect(all.count).toBe(18);
    const first = await say(h, staff, 'ค้างชำระ');
    const text = allText(first);
    expect(text).toContain('ใบแจ้งหนี้เกินกำหนด (18)');
    expect(text).toContain(money(all.satang, 'th'));
    expect(text).toContain('+ อีก 8 รายการ');
    expect(remindButtons(first)).toHaveLength(10);
    expect(text).toContain('INV-2026-0001'); // the oldest first
    expect(text).not.toContain('INV-2026-0016'); // the newest ones are on the next page

    const next = postbackWith(first, PB.overdue, { o: '10' });
    const second = await press(h, staff, next);
    const secondText = allText(second);
    expect(secondText).toContain('ใบแจ้งหนี้เกินกำหนด (18)');
    expect(secondText).toContain(money(all.satang, 'th'));
    expect(secondText).toContain('11–18');
    expect(secondText).toContain('INV-2026-0019');
    expect(secondText).not.toContain('INV-2026-0001');
    expect(remindButtons(second)).toHaveLength(8);
    expect(postbacks(second).some((d) => d.startsWith(`a=${PB.overdue}&`))).toBe(false);
    expect(secondText).not.toMatch(/\+ อีก/);
  });

  it('one customer’s list pages within that customer (English)', async () => {
    const mine = await overdueTotal(shop.somchai.id);
    expect(mine.count).toBe(17);
    const first = await say(h, staff, 'overdue คุณสมชาย ใจดี');
    expect(allText(first)).toContain(money(mine.satang, 'en'));
    expect(allText(first)).toContain('+7 more');
    const second = await press(h, staff, postbackWith(first, PB.overdue, { o: '10', c: shop.somchai.id }));
    expect(remindButtons(second)).toHaveLength(7);
    expect(allText(second)).toContain(money(mine.satang, 'en'));
    expect(allText(second)).not.toContain('INV-2026-0002'); // the other customer's
  });

  it('a page button with a bad offset is answered as stale, not as an error', async () => {
    expect(allText(await press(h, staff, `a=${PB.overdue}&o=-3`))).toMatch(/ปุ่มนี้ใช้ไม่ได้แล้ว|no longer works/);
  });
});
