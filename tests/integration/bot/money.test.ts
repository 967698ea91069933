import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { messagingApi } from '@line/bot-sdk';
import { allText, enrolStaffUser, postbacks, press, say, startBotHarness, type BotHarness } from './bot-harness.ts';
import { seedShop } from './seed.ts';
import { PB, decodePostback } from '../../../bot/flex/postback.ts';
import { HELP_COMMANDS, parseCommand } from '../../../bot/commands/parse-command.ts';
import { collectDeposit, createDeposit } from '../../../server/services/deposits.ts';
import { issueLink } from '../../helpers/portal-fixtures.ts';
import { decodeQrPng } from '../../helpers/decode-qr.ts';
import { parsePromptPayPayload } from '../../helpers/promptpay-payload.ts';
import { createInvoice, markInvoiceSent } from '../../../server/services/invoices.ts';

let h: BotHarness;
let shop: Awaited<ReturnType<typeof seedShop>>;
let staff: string;

beforeAll(async () => {
  h = await startBotHarness();
  shop = await seedShop(h.t.ctx);
  staff = await enrolStaffUser(h, 'owner');
});
afterAll(() => h.stop());

const confirmOf = (reply: messagingApi.Message[], action: string) => {
  const data = postbacks(reply).find((d) => decodePostback(d)['a'] === action);
  if (!data) throw new Error(`no ${action} button in: ${allText(reply)}`);
  return data;
};

async function newInvoice(unitPriceSatang: number) {
  const invoice = await createInvoice(h.t.ctx, {
    customerId: shop.somchai.id,
    dueDate: '2026-12-31',
    lines: [{ description: 'เช่าเครื่องเสียง', quantity: 1, unitPriceSatang }],
  });
  await markInvoiceSent(h.t.ctx, invoice.id);
  return h.t.ctx.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
}

describe('recording a payment from LINE', () => {
  it('รับเงิน with a comma amount: a confirmation card first, nothing recorded until Confirm; Confirm records once, with receipt and tax invoice', async () => {
    const invoice = await newInvoice(5_000_000); // ฿50,000 + VAT
    const card = await say(h, staff, `รับเงิน ${invoice.number} 23,456`);
    expect(allText(card)).toContain(`บันทึกรับเงิน ฿23,456.00 สำหรับ ${invoice.number} ?`);
    expect(allText(card)).toContain('คุณสมชาย ใจดี');
    expect(allText(card)).toContain('พร้อมเพย์');
    expect(await h.t.ctx.db.payment.count({ where: { invoiceId: invoice.id } })).toBe(0);

    const data = confirmOf(card, PB.payConfirm);
    const done = await press(h, staff, data);
    const receipt = await h.t.ctx.db.receipt.findFirstOrThrow({ where: { payment: { invoiceId: invoice.id } } });
    expect(allText(done)).toContain(`ใบเสร็จ ${receipt.number}`);
    expect(allText(done)).toMatch(/ใบกำกับภาษี TAX-2026-\d{4}/);
    const payment = await h.t.ctx.db.payment.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    expect(payment).toMatchObject({ amountSatang: 2_345_600, method: 'promptpay', status: 'confirmed', reviewedBy: expect.stringMatching(/^line-staff:/) });
    // The client is told, with the receipt, through the outbox.
    expect(await h.t.ctx.db.outboxMessage.count({ where: { customerId: shop.somchai.id, idempotencyKey: { contains: payment.id } } })).toBeGreaterThan(0);

    // A double tap (or LINE redelivering the postback) records nothing more and names the first receipt.
    const again = await press(h, staff, data);
    expect(allText(again)).toContain(`บันทึกไปแล้ว (ใบเสร็จ ${receipt.number})`);
    expect(await h.t.ctx.db.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
    expect((await h.t.ctx.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).paidSatang).toBe(2_345_600);
  });

  it('paid with decimals and a method word, in English', async () => {
    const invoice = await newInvoice(5_000_000);
    const card = await say(h, staff, `paid ${invoice.number} 23456.50 cash`);
    expect(allText(card)).toContain(`Record THB 23,456.50 received for ${invoice.number}?`);
    expect(allText(card)).toContain('Cash');
    const done = await press(h, staff, confirmOf(card, PB.payConfirm));
    expect(allText(done)).toMatch(/Receipt RC-2026-\d{4}/);
    expect(await h.t.ctx.db.payment.findFirstOrThrow({ where: { invoiceId: invoice.id } })).toMatchObject({ amountSatang: 2_345_650, method: 'cash' });
  });

  it('Cancel records nothing', async () => {
    const invoice = await newInvoice(100_000);
    const card = await say(h, staff, `paid ${invoice.number} 500`);
    const cancel = postbacks(card).find((d) => decodePostback(d)['a'] === PB.cancel)!;
    expect(allText(await press(h, staff, cancel))).toMatch(/Cancelled; nothing changed/);
    expect(await h.t.ctx.db.payment.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });

  it('refuses more than the balance, a paid invoice and an unknown number, in the staff language', async () => {
    const invoice = await newInvoice(100_000); // ฿1,070.00 with VAT
    expect(allText(await say(h, staff, `รับเงิน ${invoice.number} 2,000`))).toContain(
      `ยอด ฿2,000.00 มากกว่ายอดค้างชำระของ ${invoice.number} (฿1,070.00) จึงไม่ได้บันทึก`,
    );
    expect(allText(await say(h, staff, `paid ${invoice.number} 2000`))).toContain(
      `THB 2,000.00 is more than the balance due on ${invoice.number} (THB 1,070.00)`,
    );
    const card = await say(h, staff, `paid ${invoice.number} 1070`);
    await press(h, staff, confirmOf(card, PB.payConfirm));
    expect(allText(await say(h, staff, `รับเงิน ${invoice.number} 10`))).toContain(`ใบแจ้งหนี้ ${invoice.number} ชำระครบแล้ว รับชำระเงินเพิ่มไม่ได้`);
    // A card shown before the invoice was paid in full: Confirm is refused by the use case, nothing recorded.
    const stale = await newInvoice(100_000);
    const first = await say(h, staff, `paid ${stale.number} 1070`);
    const second = await say(h, staff, `paid ${stale.number} 1070`);
    await press(h, staff, confirmOf(first, PB.payConfirm));
    expect(allText(await press(h, staff, confirmOf(second, PB.payConfirm)))).toContain(`Invoice ${stale.number} is paid; it cannot take a payment`);
    expect(await h.t.ctx.db.payment.count({ where: { invoiceId: stale.id } })).toBe(1);
    expect(allText(await say(h, staff, 'รับเงิน INV-2026-0999 500'))).toContain('ไม่พบใบแจ้งหนี้ INV-2026-0999');
    expect(allText(await say(h, staff, 'paid INV-2026-0999 500'))).toContain('Invoice INV-2026-0999 not found');
  });

  it('asks for the missing parts and refuses another kind of number', async () => {
    expect(allText(await say(h, staff, 'รับเงิน'))).toMatch(/รับเงิน <เลขใบแจ้งหนี้> <จำนวนเงิน>/);
    expect(allText(await say(h, staff, `paid ${shop.overdueOld.number}`))).toMatch(/paid <invoice no\.> <amount>/);
    expect(allText(await say(h, staff, `paid ${shop.quote.number} 500`))).toContain(`${shop.quote.number} is not the right kind of number`);
  });
});

describe('deposits from LINE', () => {
  async function newDeposit(requiredSatang: number) {
    return createDeposit(h.t.ctx, { customerId: shop.fahsai.id, requiredSatang });
  }

  it('รับเงินประกัน: confirm card, then a DEPR receipt; a double tap records once', async () => {
    const deposit = await newDeposit(500_000);
    const card = await say(h, staff, `รับเงินประกัน ${deposit.number} 5,000`);
    expect(allText(card)).toContain(`บันทึกรับเงินประกัน ฿5,000.00 สำหรับ ${deposit.number} ?`);
    expect(await h.t.ctx.db.depositCollection.count({ where: { depositId: deposit.id } })).toBe(0);
    const data = confirmOf(card, PB.depositConfirm);
    const done = await press(h, staff, data);
    expect(allText(done)).toMatch(/ใบรับเงิน DEPR-2026-\d{4}/);
    expect(allText(await press(h, staff, data))).toMatch(/บันทึกไปแล้ว/);
    expect(await h.t.ctx.db.deposit.findUniqueOrThrow({ where: { id: deposit.id } })).toMatchObject({ heldSatang: 500_000, status: 'held' });
    expect(await h.t.ctx.db.depositCollection.count({ where: { depositId: deposit.id } })).toBe(1);
    expect(allText(await say(h, staff, `deposit ${deposit.number} 100`))).toContain(`Deposit ${deposit.number} is already fully held`);
  });

  it('deposit in English; more than still to collect is refused', async () => {
    const deposit = await newDeposit(300_000);
    expect(allText(await say(h, staff, `deposit ${deposit.number} 5000`))).toContain(
      `THB 5,000.00 is more than is still to collect on deposit ${deposit.number} (THB 3,000.00)`,
    );
    const card = await say(h, staff, `deposit ${deposit.number} 1000 cash`);
    expect(allText(await press(h, staff, confirmOf(card, PB.depositConfirm)))).toMatch(/Held: THB 1,000.00 of THB 3,000.00/);
  });

  it('คืนเงินประกัน with itemised deductions: summary lists each, Confirm returns once (DEPRR)', async () => {
    const deposit = await newDeposit(500_000);
    await collectDeposit(h.t.ctx, { depositId: deposit.id, amountSatang: 500_000, method: 'cash' });
    const start = await say(h, staff, `คืนเงินประกัน ${deposit.number}`);
    expect(allText(start)).toContain('ถืออยู่ ฿5,000.00');
    expect(allText(await say(h, staff, 'หัก 500 สายไมค์ชำรุด'))).toContain('คืนลูกค้า ฿4,500.00');
    const second = await say(h, staff, 'หัก 1,200.50 ลำโพงแตก 1 ตัว');
    expect(allText(second)).toContain('2. ลำโพงแตก 1 ตัว -฿1,200.50');
    expect(allText(await say(h, staff, 'หัก 9,000 อื่นๆ'))).toContain('ยอดหักรวม ฿10,700.50 มากกว่าเงินประกันที่ถืออยู่ (฿5,000.00)');

    const summary = await say(h, staff, 'คืน');
    const text = allText(summary);
    expect(text).toContain('เงินประกันที่ถืออยู่');
    expect(text).toContain('หัก: สายไมค์ชำรุด');
    expect(text).toContain('-฿500.00');
    expect(text).toContain('หัก: ลำโพงแตก 1 ตัว');
    expect(text).toContain('฿3,299.50');
    const data = confirmOf(summary, PB.returnConfirm);
    const done = await press(h, staff, data);
    expect(allText(done)).toMatch(/คืน ฿3,299.50/);
    expect(allText(done)).toMatch(/DEPRR-2026-\d{4}/);
    expect(allText(await press(h, staff, data))).toMatch(/บันทึกไปแล้ว/);
    const ret = await h.t.ctx.db.depositReturn.findFirstOrThrow({ where: { depositId: deposit.id } });
    expect(ret).toMatchObject({ amountSatang: 329_950, deductedSatang: 170_050 });
    expect(ret.reason).toBe('สายไมค์ชำรุด ฿500.00; ลำโพงแตก 1 ตัว ฿1,200.50');
    expect(await h.t.ctx.db.depositReturn.count({ where: { depositId: deposit.id } })).toBe(1);
    expect(await h.t.ctx.db.staffPendingAction.count()).toBe(0);
    expect(allText(await say(h, staff, `return ${deposit.number}`))).toContain(`Deposit ${deposit.number} has already been returned`);
  });

  it('return in English with no deductions; a summary gone stale after a new deduction is refused', async () => {
    const deposit = await newDeposit(200_000);
    await collectDeposit(h.t.ctx, { depositId: deposit.id, amountSatang: 200_000, method: 'cash' });
    await say(h, staff, `return ${deposit.number}`);
    const oldSummary = await say(h, staff, 'done');
    expect(allText(oldSummary)).toContain('Deductions');
    await say(h, staff, 'deduct 300 broken cable');
    expect(allText(await press(h, staff, confirmOf(oldSummary, PB.returnConfirm)))).toMatch(/summary is out of date/);
    expect(await h.t.ctx.db.depositReturn.count({ where: { depositId: deposit.id } })).toBe(0);
    const summary = await say(h, staff, 'done');
    expect(allText(summary)).toContain('Less: broken cable');
    expect(allText(await press(h, staff, confirmOf(summary, PB.returnConfirm)))).toMatch(/THB 1,700.00 refunded\nKept: THB 300.00/);
  });

  it('deductions without a return in progress, cancel, nothing held, and the pending return kept in the database', async () => {
    expect(allText(await say(h, staff, 'deduct 100 scratch'))).toMatch(/No deposit return is in progress/);
    const empty = await newDeposit(100_000);
    expect(allText(await say(h, staff, `return ${empty.number}`))).toContain(`Nothing has been collected on deposit ${empty.number} yet`);
    const deposit = await newDeposit(100_000);
    await collectDeposit(h.t.ctx, { depositId: deposit.id, amountSatang: 100_000, method: 'cash' });
    const start = await say(h, staff, `return ${deposit.number}`);
    await say(h, staff, 'deduct 100 scratch');
    expect(await h.t.ctx.db.staffPendingAction.findFirstOrThrow()).toMatchObject({ kind: 'deposit_return' });
    const cancel = postbacks(start).find((d) => decodePostback(d)['a'] === PB.returnCancel)!;
    expect(allText(await press(h, staff, cancel))).toMatch(/Deposit return cancelled/);
    expect(await h.t.ctx.db.staffPendingAction.count()).toBe(0);
    expect(allText(await say(h, staff, 'done'))).toMatch(/Type: return <deposit no\.>/);
    // Expired after 30 minutes of silence.
    await say(h, staff, `return ${deposit.number}`);
    h.t.clock.advance(31 * 60 * 1000);
    expect(allText(await say(h, staff, 'deduct 100 scratch'))).toMatch(/No deposit return is in progress \(or it timed out\)/);
  });
});

describe("refunds to the client's own PromptPay", () => {
  const imageUrlOf = (reply: messagingApi.Message[]) => {
    const flex = reply.find((m) => m.type === 'flex') as messagingApi.FlexMessage;
    const hero = (flex.contents as messagingApi.FlexBubble).hero as messagingApi.FlexImage | undefined;
    return hero?.url ?? null;
  };
  const fetchQr = (url: string) => fetch(url.replace('https://portal.example.test', h.t.baseUrl));

  it('the return summary carries a scan-to-transfer QR for exactly the refund, to the ID the client gave in the portal', async () => {
    const { token } = await issueLink(h.t, 'customer', shop.somchai.id);
    const saved = await fetch(`${h.t.baseUrl}/api/portal/${token}/refund-promptpay`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ promptPayId: '089-123-4567' }),
    });
    expect(saved.status).toBe(200);
    const deposit = await createDeposit(h.t.ctx, { customerId: shop.somchai.id, requiredSatang: 500_000 });
    await collectDeposit(h.t.ctx, { depositId: deposit.id, amountSatang: 500_000, method: 'cash' });
    await say(h, staff, `return ${deposit.number}`);
    await say(h, staff, 'deduct 750.25 scratched case');
    const summary = await say(h, staff, 'done');
    expect(allText(summary)).toContain("Refund to the client's PromptPay 0891234567");
    const url = imageUrlOf(summary);
    expect(url).toMatch(/^https:\/\/portal\.example\.test\/api\/staff\/refund-qr\//);
    expect(allText(summary)).toContain(url!); // the [Open refund QR] button opens the same image

    const res = await fetchQr(url!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/image\/png/);
    const payload = decodeQrPng(Buffer.from(await res.arrayBuffer()));
    const parsed = parsePromptPayPayload(payload!);
    expect(parsed).toMatchObject({ crcValid: true, proxyType: 'phone', amount: '4249.75', currency: '764' });
    expect(parsed.proxy).toBe('0066891234567');

    // The URL cannot be bent to another amount, and expires.
    expect((await fetchQr(url!.replace('/424975.png', '/500000.png'))).status).toBe(404);
    expect((await fetchQr(url!.replace(/s=[^&]+/, 's=forged'))).status).toBe(404);

    const done = await press(h, staff, confirmOf(summary, PB.returnConfirm));
    expect(allText(done)).toMatch(/THB 4,249.75 refunded/);
    expect(await h.t.ctx.db.depositReturn.findFirstOrThrow({ where: { depositId: deposit.id } })).toMatchObject({ method: 'promptpay', amountSatang: 424_975 });

    // The client changes their ID: a QR shown before stops working rather than pointing elsewhere.
    await fetch(`${h.t.baseUrl}/api/portal/${token}/refund-promptpay`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ promptPayId: '0811112222' }),
    });
    expect((await fetchQr(url!)).status).toBe(404);
  });

  it('the QR URL expires after a day', async () => {
    const deposit = await createDeposit(h.t.ctx, { customerId: shop.somchai.id, requiredSatang: 100_000 });
    await collectDeposit(h.t.ctx, { depositId: deposit.id, amountSatang: 100_000, method: 'cash' });
    await say(h, staff, `return ${deposit.number}`);
    const url = imageUrlOf(await say(h, staff, 'done'))!;
    expect((await fetchQr(url)).status).toBe(200);
    h.t.clock.advance(24 * 60 * 60 * 1000 + 1);
    expect((await fetchQr(url)).status).toBe(404);
    await say(h, staff, `return ${deposit.number}`);
    expect((await fetchQr(imageUrlOf(await say(h, staff, 'done'))!)).status).toBe(200);
  });

  it('without a refund ID the summary says so and carries no QR', async () => {
    const deposit = await createDeposit(h.t.ctx, { customerId: shop.somchai2.id, requiredSatang: 100_000 });
    await collectDeposit(h.t.ctx, { depositId: deposit.id, amountSatang: 100_000, method: 'cash' });
    await say(h, staff, `return ${deposit.number}`);
    const summary = await say(h, staff, 'done');
    expect(imageUrlOf(summary)).toBeNull();
    expect(allText(summary)).toContain('The client gave no PromptPay for refunds');
  });
});

describe('itemised deductions', () => {
  const pdfText = (bytes: Buffer) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'deprr-'));
    const file = path.join(dir, 'r.pdf');
    writeFileSync(file, bytes);
    // NFKC on both sides: pdftotext writes sara am (ำ) as nikhahit + sara aa.
    return spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.normalize('NFKC');
  };

  it('a return from LINE keeps each deduction: stored in order, listed on the DEPRR receipt and in the portal', async () => {
    const deposit = await createDeposit(h.t.ctx, { customerId: shop.fahsai.id, requiredSatang: 800_000 });
    await collectDeposit(h.t.ctx, { depositId: deposit.id, amountSatang: 800_000, method: 'cash' });
    await say(h, staff, `คืนเงินประกัน ${deposit.number}`);
    await say(h, staff, 'หัก 500 สายไมค์ชำรุด');
    await say(h, staff, 'หัก 1,250 ไฟเวทีแตก 2 ดวง');
    await press(h, staff, confirmOf(await say(h, staff, 'คืน'), PB.returnConfirm));
    const ret = await h.t.ctx.db.depositReturn.findFirstOrThrow({
      where: { depositId: deposit.id },
      include: { deductions: { orderBy: { position: 'asc' } }, receipt: true },
    });
    expect(ret.deductions.map((d) => [d.position, d.amountSatang, d.reason])).toEqual([
      [0, 50_000, 'สายไมค์ชำรุด'],
      [1, 125_000, 'ไฟเวทีแตก 2 ดวง'],
    ]);

    const pdf = await fetch(`${h.t.baseUrl}/api/admin/documents/receipt.${ret.receipt!.id}`, { headers: { authorization: `Bearer ${h.t.adminApiKey}` } });
    expect(pdf.status).toBe(200);
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain('สายไมค์ชำรุด'.normalize('NFKC'));
    expect(text).toMatch(/500\.00/);
    expect(text).toContain('ไฟเวทีแตก 2 ดวง');
    expect(text).toMatch(/1,250\.00/);

    const { token } = await issueLink(h.t, 'customer', shop.fahsai.id);
    const view = await (await fetch(`${h.t.baseUrl}/api/portal/${token}`)).json();
    const entry = view.deposits.find((d: { id: string }) => d.id === deposit.id).entries.find((e: { kind: string }) => e.kind === 'return');
    expect(entry).toMatchObject({
      amountSatang: 625_000,
      deductedSatang: 175_000,
      deductions: [
        { amountSatang: 50_000, reason: 'สายไมค์ชำรุด' },
        { amountSatang: 125_000, reason: 'ไฟเวทีแตก 2 ดวง' },
      ],
    });
  });

  it('the admin API takes itemised deductions too, and refuses ones that do not add up (400 naming deductions, nothing changed)', async () => {
    const deposit = await createDeposit(h.t.ctx, { customerId: shop.fahsai.id, requiredSatang: 300_000 });
    await collectDeposit(h.t.ctx, { depositId: deposit.id, amountSatang: 300_000, method: 'cash' });
    const wrong = await h.t.admin('POST', `/deposits/${deposit.id}/returns`, {
      amountSatang: 250_000,
      deductions: [{ amountSatang: 10_000, reason: 'scratch' }],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.field).toBe('deductions');
    expect(await h.t.ctx.db.depositReturn.count({ where: { depositId: deposit.id } })).toBe(0);
    const ok = await h.t.admin('POST', `/deposits/${deposit.id}/returns`, {
      amountSatang: 250_000,
      deductions: [
        { amountSatang: 20_000, reason: 'scratch' },
        { amountSatang: 30_000, reason: 'lost clip' },
      ],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.return.reason).toBe('scratch ฿200.00; lost clip ฿300.00');
    expect(await h.t.ctx.db.depositDeduction.count({ where: { depositReturn: { depositId: deposit.id } } })).toBe(2);
  });
});

describe('help lists the money commands, and each parses', () => {
  it.each([
    ['รับเงิน INV-2026-0001 23,456', { kind: 'pay', number: 'INV-2026-0001', amountSatang: 2_345_600, method: 'promptpay' }],
    ['paid INV-2026-0001 23456.50', { kind: 'pay', number: 'INV-2026-0001', amountSatang: 2_345_650 }],
    ['paid inv 2026 1 ฿1,000 เช็ค', { kind: 'pay', number: 'INV-2026-0001', amountSatang: 100_000, method: 'cheque' }],
    ['รับเงิน INV-2026-0001 500 บาท โอน', { kind: 'pay', amountSatang: 50_000, method: 'bank_transfer' }],
    ['รับเงินประกัน DEP-2026-0001 5,000', { kind: 'collectDeposit', number: 'DEP-2026-0001', amountSatang: 500_000 }],
    ['deposit DEP-2026-0001 5000 card', { kind: 'collectDeposit', amountSatang: 500_000, method: 'card' }],
    ['คืนเงินประกัน DEP-2026-0001', { kind: 'returnDeposit', number: 'DEP-2026-0001' }],
    ['return DEP-2026-0001', { kind: 'returnDeposit', number: 'DEP-2026-0001' }],
    ['หัก 500 สายไมค์ชำรุด', { kind: 'deduct', amountSatang: 50_000, reason: 'สายไมค์ชำรุด' }],
    ['deduct 500 broken cable', { kind: 'deduct', amountSatang: 50_000, reason: 'broken cable' }],
    ['deduct broken cable 500', { kind: 'deduct', amountSatang: 50_000, reason: 'broken cable' }],
    ['คืน', { kind: 'returnDeposit', number: null }],
    ['done', { kind: 'returnDeposit', number: null }],
  ])('%s', (text, expected) => {
    expect(parseCommand(text)).toMatchObject(expected);
  });

  it('money command words are never guessed from a typo (a name that looks like one stays a search)', () => {
    expect(parseCommand('said ahmed')).toMatchObject({ kind: 'find', implicit: true });
    expect(parseCommand('Dona')).toMatchObject({ kind: 'find', implicit: true });
  });

  it.each(['th', 'en'] as const)('every command the %s help card advertises parses to a command (not a search)', async (lang) => {
    const reply = await say(h, staff, lang === 'th' ? 'ช่วยเหลือ' : 'help');
    for (const { command } of HELP_COMMANDS[lang]) {
      expect(allText(reply)).toContain(command);
      // Fill the placeholders the way staff would.
      const typed = command
        .replace(/<เลขใบแจ้งหนี้>|<invoice no\.>/g, 'INV-2026-0001')
        .replace(/<เลขเงินประกัน>|<deposit no\.>/g, 'DEP-2026-0001')
        .replace(/<จำนวน>|<amount>/g, '500')
        .replace(/\[[^\]]*\]/g, '')
        .replace(/<[^>]*>/g, 'สมชาย');
      const parsed = parseCommand(typed);
      expect(parsed.kind, typed).not.toBe('empty');
      if (parsed.kind === 'find') expect(parsed.implicit, typed).toBe(false);
    }
  });
});
