/**
 * A bound client sends a slip photo to the Official Account: through signed webhooks, with the
 * image served by the fake LINE API (bearer token checked), read by the real slip reader, and the
 * notice created by the portal's own use case (channel 'line', no link). Staff confirm through the
 * admin API, and the receipt message is pushed to the same chat.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { messagingApi } from '@line/bot-sdk';
import {
  allText,
  deliver,
  enrolStaffUser,
  fakeLineUserId,
  followEvent,
  imageEvent,
  postbacks,
  press,
  sendImage,
  startBotHarness,
  type BotHarness,
} from './bot-harness.ts';
import { issuePortalLink } from '../../../server/services/links.ts';
import { createCustomer } from '../../../server/services/customers.ts';
import { createJob } from '../../../server/services/jobs.ts';
import { createInvoice, markInvoiceSent } from '../../../server/services/invoices.ts';
import { createQuote, markQuoteSent } from '../../../server/services/quotes.ts';
import { createDeposit } from '../../../server/services/deposits.ts';
import { slipPayload, slipPng } from '../../helpers/slip-image.ts';
import { PB } from '../../../bot/flex/postback.ts';
import { CHOICE_TTL_MS } from '../../../bot/chat/client-slip.ts';

let h: BotHarness;
let messageSeq = 600_000_000_000_000_000n;
const nextMessageId = () => (++messageSeq).toString();

beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(() => h.stop());

/** A client who follows the Official Account (LINE's profile answers for friends) binds through their portal link. */
async function bindClient(customerId: string): Promise<string> {
  const user = fakeLineUserId();
  h.line.setProfile(user, { displayName: 'Client', language: 'th' });
  await deliver(h, [followEvent(user, h.line.mintReplyToken())]);
  const link = await issuePortalLink(h.t.ctx, { scope: 'customer', id: customerId, createdBy: 'test' });
  const res = await fetch(`${h.t.baseUrl}/api/portal/${link.token}/line/bind`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ idToken: h.line.issueIdToken({ sub: user, name: 'Client' }) }),
  });
  expect(await res.json()).toMatchObject({ bound: true });
  return user;
}

async function customerWithInvoice(language: 'th' | 'en', unitPriceSatang = 1_234_500) {
  const customer = await createCustomer(h.t.ctx, {
    name: `ลูกค้า ${language} ${messageSeq}`,
    address: '21 ถนนเจริญกรุง แขวงบางรัก เขตบางรัก กรุงเทพมหานคร 10500',
    phone: '081-111-2222',
    language,
  });
  const invoice = await createInvoice(h.t.ctx, {
    customerId: customer.id,
    dueDate: '2026-12-20',
    lines: [{ description: 'เช่าไฟ', quantity: 1, unitPriceSatang }],
  });
  await markInvoiceSent(h.t.ctx, invoice.id);
  const row = await h.t.ctx.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
  return { customer, invoice: row, balance: row.netPayableSatang - row.paidSatang };
}

/** Registers a slip image at the fake LINE API under a fresh message id. */
async function slipMessage(transRef: string | null): Promise<string> {
  const id = nextMessageId();
  h.line.setMessageContent(id, { bytes: await slipPng(transRef ? slipPayload(transRef) : null), contentType: 'image/png' });
  return id;
}

const contentRequests = (messageId: string) => h.line.requests.filter((r) => r.method === 'GET' && r.path === `/v2/bot/message/${messageId}/content`);
const noticesOf = (customerId: string) => h.t.ctx.db.paymentNotice.findMany({ where: { customerId }, orderBy: { sentAt: 'asc' } });
const quickReplies = (messages: messagingApi.Message[]) => messages.at(-1)?.quickReply?.items ?? [];

describe('one balance due', () => {
  it('the slip becomes a notice for the balance; the Flex says received and waiting; staff confirm and the receipt is pushed to the chat', async () => {
    const { customer, invoice, balance } = await customerWithInvoice('th');
    const user = await bindClient(customer.id);
    const messageId = await slipMessage('2026112500LINE001');

    const reply = await sendImage(h, user, messageId);
    expect(reply).toHaveLength(1);
    expect(reply[0]!.type).toBe('flex');
    const text = allText(reply);
    expect(text).toContain('ได้รับสลิปแล้ว');
    expect(text).toContain('รอตรวจสอบ');
    expect(text).toContain(invoice.number);
    expect(text).toContain(`฿${(balance / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
    // Fetched once, with the channel token (the fake refuses anything else).
    expect(contentRequests(messageId).map((r) => r.status)).toEqual([200]);

    const [notice] = await noticesOf(customer.id);
    expect(notice).toMatchObject({
      invoiceId: invoice.id,
      depositId: null,
      linkId: null,
      channel: 'line',
      amountSatang: balance,
      status: 'pending_review',
      slipReadable: true,
      slipSendingBank: '004',
      slipTransRef: '2026112500LINE001',
    });

    const confirmed = await h.t.adminOk('confirmPaymentNotice', { params: { id: notice!.id }, body: {} });
    expect(confirmed.invoice).toMatchObject({ id: invoice.id, status: 'paid' });
    h.line.reset();
    await h.t.messaging.drainOnce();
    const pushed = h.line.pushes.filter((p) => p.to === user);
    expect(pushed).toHaveLength(1);
    expect(allText(pushed[0]!.messages)).toContain(confirmed.receipt.number);
  });

  it('in English for an English-speaking client; the same photo sent again is the same notice', async () => {
    const { customer, invoice, balance } = await customerWithInvoice('en', 50_000);
    const user = await bindClient(customer.id);
    const messageId = await slipMessage('2026112500LINE002');
    const reply = await sendImage(h, user, messageId);
    const text = allText(reply);
    expect(text).toContain(`Slip received, THB ${(balance / 100).toFixed(2)} — waiting for confirmation (${invoice.number})`);

    const again = await sendImage(h, user, messageId);
    expect(allText(again)).toContain('already sent');
    expect(await noticesOf(customer.id)).toHaveLength(1);
  });
});

describe('several balances due', () => {
  it('asks with quick replies (nothing stored yet); the tap creates the notice for the balance tapped', async () => {
    const customer = await createCustomer(h.t.ctx, {
      name: 'คุณหลายยอด',
      address: '5 ถนนราชดำเนิน ตำบลศรีภูมิ อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50200',
      language: 'th',
    });
    const job = await createJob(h.t.ctx, { customerId: customer.id, title: 'งานอีเวนต์' });
    const invoice = await createInvoice(h.t.ctx, {
      customerId: customer.id,
      dueDate: '2026-12-20',
      lines: [{ description: 'เช่า', quantity: 1, unitPriceSatang: 900_000 }],
    });
    await markInvoiceSent(h.t.ctx, invoice.id);
    const deposit = await createDeposit(h.t.ctx, { customerId: customer.id, jobId: job.id, requiredSatang: 300_000 });
    // A deposit asked with a quote the client has not accepted is not payable: not offered.
    const quote = await createQuote(h.t.ctx, {
      customerId: customer.id,
      validUntil: '2026-12-31',
      lines: [{ description: 'x', quantity: 1, unitPriceSatang: 1000 }],
    });
    await markQuoteSent(h.t.ctx, quote.id);
    await createDeposit(h.t.ctx, { customerId: customer.id, quoteId: quote.id, requiredSatang: 777_700 });
    const user = await bindClient(customer.id);
    const messageId = await slipMessage('2026112500LINE003');

    const ask = await sendImage(h, user, messageId);
    const items = quickReplies(ask);
    expect(items).toHaveLength(2);
    // Oldest first: the invoice, then the deposit; each label names the document and its whole balance in ≤ 20 characters.
    const invoiceBalance = (await h.t.ctx.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).netPayableSatang;
    const labels = items.map((i) => (i.action as messagingApi.PostbackAction).label!);
    expect(labels.map((l) => l.length <= 20)).toEqual([true, true]);
    expect(labels.map((l) => /^(INV|DEP)-/.exec(l)?.[1])).toEqual(['INV', 'DEP']);
    expect(labels.map((l) => Math.round(Number(l.split(' ')[1]!.replace(/[฿,]/g, '')) * 100))).toEqual([invoiceBalance, 300_000]);
    expect(allText(ask)).toContain(invoice.number);
    expect(allText(ask)).toContain(deposit.number);
    expect(allText(ask)).not.toContain('7,777.00');
    for (const data of postbacks(ask)) expect(data.length).toBeLessThanOrEqual(300);
    expect(await noticesOf(customer.id)).toHaveLength(0);
    expect(contentRequests(messageId)).toHaveLength(0);

    const depositChoice = postbacks(ask).find((d) => d.includes(`t=deposit.${deposit.id}`))!;
    expect(new URLSearchParams(depositChoice).get('a')).toBe(PB.clientSlip);

    // Someone else's tap on this choice does nothing (the slip is not theirs).
    const other = await bindClient(customer.id);
    expect(allText(await press(h, other, depositChoice))).toContain('หมดอายุ');
    expect(await noticesOf(customer.id)).toHaveLength(0);

    const done = await press(h, user, depositChoice);
    expect(allText(done)).toContain('ได้รับสลิปแล้ว');
    expect(allText(done)).toContain(deposit.number);
    const notices = await noticesOf(customer.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      depositId: deposit.id,
      invoiceId: null,
      amountSatang: 300_000,
      channel: 'line',
      linkId: null,
      slipTransRef: '2026112500LINE003',
    });

    // The same slip tapped for the invoice as well: already used.
    const invoiceChoice = postbacks(ask).find((d) => d.includes(`t=invoice.${invoice.id}`))!;
    expect(allText(await press(h, user, invoiceChoice))).toContain('สลิปนี้ถูกใช้แจ้งชำระไปแล้ว');
    expect(await noticesOf(customer.id)).toHaveLength(1);
  });

  it('a choice older than an hour asks for the slip again and stores nothing', async () => {
    const customer = await createCustomer(h.t.ctx, {
      name: 'Late tapper',
      address: '8 Sukhumvit Soi 11, Khlong Toei Nuea, Watthana, Bangkok 10110',
      language: 'en',
    });
    for (const price of [10_000, 20_000]) {
      const invoice = await createInvoice(h.t.ctx, {
        customerId: customer.id,
        dueDate: '2026-12-20',
        lines: [{ description: 'x', quantity: 1, unitPriceSatang: price }],
      });
      await markInvoiceSent(h.t.ctx, invoice.id);
    }
    const user = await bindClient(customer.id);
    const ask = await sendImage(h, user, await slipMessage('2026112500LINE004'));
    h.t.clock.advance(CHOICE_TTL_MS + 1000);
    expect(allText(await press(h, user, postbacks(ask)[0]!))).toContain('This choice has expired. Please send the slip again.');
    expect(await noticesOf(customer.id)).toHaveLength(0);
  });
});

describe('nothing to pay, or nothing to read', () => {
  it('no balance due: a friendly answer with the contact; nothing stored, the image not even fetched', async () => {
    const customer = await createCustomer(h.t.ctx, { name: 'Paid up', language: 'en' });
    const user = await bindClient(customer.id);
    const messageId = await slipMessage('2026112500LINE005');
    const reply = await sendImage(h, user, messageId);
    expect(allText(reply)).toContain('Nothing is due right now');
    expect(allText(reply)).toMatch(/tel:\+?\d+/);
    expect(await noticesOf(customer.id)).toHaveLength(0);
    expect(contentRequests(messageId)).toHaveLength(0);
  });

  it('a photo without a readable QR still goes to review, marked no QR', async () => {
    const { customer, invoice, balance } = await customerWithInvoice('th', 80_000);
    const user = await bindClient(customer.id);
    const reply = await sendImage(h, user, await slipMessage(null));
    expect(allText(reply)).toContain('อ่าน QR บนสลิปไม่ได้');
    expect(await noticesOf(customer.id)).toEqual([
      expect.objectContaining({ invoiceId: invoice.id, amountSatang: balance, slipReadable: false, slipTransRef: null, status: 'pending_review' }),
    ]);
  });

  it('a slip already used by another notice: "already used", nothing stored', async () => {
    const first = await customerWithInvoice('en', 40_000);
    await sendImage(h, await bindClient(first.customer.id), await slipMessage('2026112500LINE006'));
    expect(await noticesOf(first.customer.id)).toHaveLength(1);

    const { customer } = await customerWithInvoice('en', 40_000);
    const user = await bindClient(customer.id);
    const files = await h.t.ctx.db.storedFile.count();
    const reply = await sendImage(h, user, await slipMessage('2026112500LINE006'));
    expect(allText(reply)).toContain('This slip was already used.');
    expect(await noticesOf(customer.id)).toHaveLength(0);
    expect(await h.t.ctx.db.storedFile.count()).toBe(files);
  });

  it('a reused slip from the chat is told to staff in LINE once, however often the client sends it again', async () => {
    const staff = await enrolStaffUser(h);
    const first = await customerWithInvoice('en', 40_000);
    await sendImage(h, await bindClient(first.customer.id), await slipMessage('2026112500LINE016'));
    const { customer, invoice } = await customerWithInvoice('en', 40_000);
    const user = await bindClient(customer.id);
    const told = () =>
      h.line.pushes.filter((p) => p.to === staff && JSON.stringify(p.messages).includes('2026112500LINE016') && /สลิปซ้ำ/.test(JSON.stringify(p.messages)));

    expect(allText(await sendImage(h, user, await slipMessage('2026112500LINE016')))).toContain('This slip was already used.');
    expect(told()).toHaveLength(1);
    const card = allText(told()[0]!.messages);
    expect(card).toContain(customer.name);
    expect(card).toContain(invoice.number);
    expect(card).toContain(`แจ้งชำระ ${first.invoice.number}`);

    h.t.clock.advance(60 * 60 * 1000);
    expect(allText(await sendImage(h, user, await slipMessage('2026112500LINE016')))).toContain('This slip was already used.');
    expect(told()).toHaveLength(1);
    expect(await noticesOf(customer.id)).toHaveLength(0);
  });

  it('LINE no longer has the image (404): a polite "send it again", nothing stored', async () => {
    const { customer } = await customerWithInvoice('en', 30_000);
    const user = await bindClient(customer.id);
    const files = await h.t.ctx.db.storedFile.count();
    const messageId = nextMessageId(); // never registered at the fake
    const reply = await sendImage(h, user, messageId);
    expect(allText(reply)).toContain('we could not open the slip image. Please send the slip again.');
    expect(contentRequests(messageId).map((r) => r.status)).toEqual([404]);
    expect(await noticesOf(customer.id)).toHaveLength(0);
    expect(await h.t.ctx.db.storedFile.count()).toBe(files);
  });
});

describe('not a bound client', () => {
  it('a stranger who sends a photo gets the stranger answer; nothing is fetched or stored', async () => {
    const stranger = fakeLineUserId();
    const notices = await h.t.ctx.db.paymentNotice.count();
    const messageId = await slipMessage('2026112500LINE007');
    const reply = await sendImage(h, stranger, messageId);
    expect(allText(reply)).toContain('open it in the LINE app');
    expect(contentRequests(messageId)).toHaveLength(0);
    expect(await h.t.ctx.db.paymentNotice.count()).toBe(notices);
  });

  it("a stranger's tap on a slip choice gets the stranger answer", async () => {
    const stranger = fakeLineUserId();
    const token = h.line.mintReplyToken();
    await deliver(h, [imageEvent(stranger, nextMessageId(), token)]);
    const reply = await press(h, stranger, `a=${PB.clientSlip}&e=nope&t=invoice.x`);
    expect(allText(reply)).toContain('open it in the LINE app');
  });

  it('staff who send a photo get what the bot can do, as before', async () => {
    const staff = await enrolStaffUser(h);
    const notices = await h.t.ctx.db.paymentNotice.count();
    const reply = await sendImage(h, staff, await slipMessage('2026112500LINE008'));
    expect(reply.length).toBeGreaterThan(0);
    expect(allText(reply)).not.toContain('ได้รับสลิปแล้ว');
    expect(await h.t.ctx.db.paymentNotice.count()).toBe(notices);
  });
});
