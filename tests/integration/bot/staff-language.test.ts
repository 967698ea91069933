/**
 * Staff are answered in their language: every refusal a Thai staff member meets reads in Thai
 * (a reason, not the portal's "reload the page" nor the use case's English sentence), and typing
 * only digits, a document number or an email address does not switch them to English.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { allText, enrolStaffUser, postbackWith, press, say, startBotHarness, type BotHarness } from './bot-harness.ts';
import { seedShop } from './seed.ts';
import { PB } from '../../../bot/flex/postback.ts';
import { createCustomer } from '../../../server/services/customers.ts';
import { createInvoice, markInvoiceSent } from '../../../server/services/invoices.ts';

let h: BotHarness;
let shop: Awaited<ReturnType<typeof seedShop>>;
let staff: string;
let paidNumber: string;

beforeAll(async () => {
  h = await startBotHarness();
  shop = await seedShop(h.t.ctx);
  staff = await enrolStaffUser(h, 'owner');
  const paid = await createInvoice(h.t.ctx, {
    customerId: shop.somchai.id,
    dueDate: '2026-11-30',
    lines: [{ description: 'ค่าเช่า', quantity: 1, unitPriceSatang: 100_000 }],
  });
  await markInvoiceSent(h.t.ctx, paid.id);
  await h.t.ctx.db.invoice.update({ where: { id: paid.id }, data: { status: 'paid', paidSatang: paid.netPayableSatang } });
  paidNumber = paid.number;
});
afterAll(() => h.stop());

const language = async () => (await h.t.ctx.db.staff.findFirstOrThrow({ where: { lineUserId: staff } })).language;

/** Nothing of the client wording or of the use cases' English sentences. */
function expectThaiOnly(text: string) {
  expect(text).toMatch(/[\u0e00-\u0e7f]/);
  expect(text).not.toMatch(/โหลดหน้าใหม่|reload|would not open|nothing to remind|not found|reachable|only one step/i);
}

describe('a Thai staff member’s refused commands get a Thai reason', () => {
  beforeAll(async () => {
    await say(h, staff, 'ช่วยเหลือ');
    expect(await language()).toBe('th');
  });

  it('a link for a paid invoice', async () => {
    const text = allText(await say(h, staff, `ลิงก์ ${paidNumber}`));
    expectThaiOnly(text);
    expect(text).toContain(`ใบแจ้งหนี้ ${paidNumber} ชำระครบแล้ว`);
  });

  it('a reminder for a paid invoice', async () => {
    const text = allText(await say(h, staff, `เตือน ${paidNumber}`));
    expectThaiOnly(text);
    expect(text).toContain(`ใบแจ้งหนี้ ${paidNumber} ชำระครบแล้ว ไม่มีอะไรต้องแจ้งเตือน`);
  });

  it('a job or invoice that does not exist', async () => {
    const job = allText(await say(h, staff, 'สถานะ JOB-2026-0099'));
    expectThaiOnly(job);
    expect(job).toContain('ไม่พบงานในระบบ');
    const invoice = allText(await say(h, staff, 'เตือน INV-2026-0099'));
    expectThaiOnly(invoice);
    expect(invoice).toContain('ไม่พบใบแจ้งหนี้ INV-2026-0099 ในระบบ');
  });

  it('[send to client] for a customer with no LINE, email or phone', async () => {
    await createCustomer(h.t.ctx, { name: 'คุณเงียบ ไร้ช่องทาง' });
    const card = await say(h, staff, 'ลิงก์ คุณเงียบ ไร้ช่องทาง');
    const text = allText(await press(h, staff, postbackWith(card, PB.sendLink)));
    expectThaiOnly(text);
    expect(text).toContain('ส่งถึงลูกค้ารายนี้ไม่ได้ตอนนี้');
  });

  it('a job moved back two steps', async () => {
    await say(h, staff, `สถานะ ${shop.fahsaiJob.number} จัดของ`);
    await say(h, staff, `สถานะ ${shop.fahsaiJob.number} ขึ้นรถ`);
    const text = allText(await say(h, staff, `สถานะ ${shop.fahsaiJob.number} ได้รับงานแล้ว`));
    expectThaiOnly(text);
    expect(text).toContain('ย้อนสถานะได้ทีละหนึ่งขั้นเท่านั้น');
  });

  it('English staff still get the English reason', async () => {
    const text = allText(await say(h, staff, `remind ${paidNumber}`));
    expect(text).toContain(`Invoice ${paidNumber} is paid; there is nothing to remind about.`);
    expect(text).not.toMatch(/reload/i);
    await say(h, staff, 'ช่วยเหลือ'); // back to Thai for the next tests
  });
});

describe('a reminder asked for during quiet hours', () => {
  it('tells the staff member it reaches the client at 09:00', async () => {
    h.t.clock.set('2026-11-25T15:00:00.000Z'); // 22:00 Bangkok
    try {
      const text = allText(await say(h, staff, `เตือน ${shop.overdueNew.number}`));
      expect(text).toContain('ลูกค้าจะได้รับเวลา 09:00 น.');
      const row = await h.t.ctx.db.outboxMessage.findFirstOrThrow({ where: { customerId: shop.fahsai.id, kind: 'payment_reminder' } });
      expect(row.nextAttemptAt.toISOString()).toBe('2026-11-26T02:00:00.000Z');
    } finally {
      h.t.clock.set('2026-11-25T03:00:00.000Z');
    }
  });
});

describe('digits only do not switch a Thai staff member to English', () => {
  it.each(['0812345678', '081-234-5678', '23456', 'inv 2026 1', 'somchai@example.com'])('%s', async (typed) => {
    await say(h, staff, 'ช่วยเหลือ');
    expect(await language()).toBe('th');
    const reply = allText(await say(h, staff, typed));
    expect(reply).toMatch(/[\u0e00-\u0e7f]/);
    expect(await language()).toBe('th');
    // The next button press is answered in Thai too.
    expect(allText(await press(h, staff, `a=${PB.cancel}`))).toContain('ยกเลิกแล้ว');
  });

  it('an English word still switches to English', async () => {
    await say(h, staff, 'help');
    expect(await language()).toBe('en');
    await say(h, staff, '0812345678');
    expect(await language()).toBe('en');
  });
});
