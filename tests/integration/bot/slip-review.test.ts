/**
 * Staff review clients' payment notices in LINE, end to end: a notice sent from the portal is
 * pushed to every active staff member (Flex checked by the fake LINE API), its slip opens at a
 * signed URL only, Confirm / Reject go through signed webhooks to the same use cases as the
 * admin API, the first review wins, forged presses change nothing, and `slips` lists what waits.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { messagingApi } from '@line/bot-sdk';
import { allText, fakeLineUserId, postbacks, postbackWith, press, say, startBotHarness, type BotHarness } from './bot-harness.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';
import { slipPayload, slipPng } from '../../helpers/slip-image.ts';
import { createStaffInvitation } from '../../../server/services/staff-enrolment.ts';
import { removeStaff } from '../../../server/services/staff-directory.ts';
import { PB } from '../../../bot/flex/postback.ts';
import { redactPath } from '../../../server/logger.ts';

let h: BotHarness;
let f: PortalFixture;
let token: string;
let nok: string; // English-speaking staff
let ploy: string; // Thai-speaking staff
let removed: string; // was staff, removed
let seq = 0;

async function enrolNamed(displayName: string, language: 'th' | 'en'): Promise<string> {
  const userId = fakeLineUserId();
  h.line.setProfile(userId, { displayName });
  const invitation = await createStaffInvitation(h.t.ctx, { role: 'staff' });
  expect(allText(await say(h, userId, `enrol ${invitation.code}`))).toMatch(/enrolled/);
  await say(h, userId, language === 'th' ? 'ช่วยเหลือ' : 'help');
  return userId;
}

/** A client sends "I have paid" from the portal with a slip carrying its own bank reference. */
async function sendNotice(amountSatang: number, invoiceId = f.secondInvoiceId) {
  const transRef = `0153${String(++seq).padStart(4, '0')}LINEREVIEW01`;
  const png = await slipPng(slipPayload(transRef, '014'));
  const form = new FormData();
  form.set('target', `invoice.${invoiceId}`);
  form.set('amountSatang', String(amountSatang));
  form.set('slip', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'slip.png');
  const res = await fetch(`${h.t.baseUrl}/api/portal/${token}/payment-notices`, { method: 'POST', body: form });
  const body = (await res.json()) as { id: string };
  expect(res.status, JSON.stringify(body)).toBe(201);
  return { id: body.id, transRef, png };
}

/** The slip review pushes for one notice, by recipient. */
function pushesFor(noticeId: string): Map<string, messagingApi.Message[]> {
  const out = new Map<string, messagingApi.Message[]>();
  for (const p of h.line.pushes) {
    if (postbacks(p.messages).some((d) => new URLSearchParams(d).get('n') === noticeId)) out.set(p.to!, p.messages);
  }
  return out;
}

function heroUrl(messages: messagingApi.Message[]): string {
  const flex = messages[0] as messagingApi.FlexMessage;
  const hero = (flex.contents as messagingApi.FlexBubble).hero as messagingApi.FlexImage;
  return hero.url;
}

/** The signed URL as seen from the test (PUBLIC_URL is https://portal.example.test, the app listens locally). */
const local = (url: string) => url.replace('https://portal.example.test', h.t.baseUrl);

async function state() {
  const db = h.t.ctx.db;
  return {
    payments: await db.payment.count(),
    receipts: await db.receipt.count(),
    outbox: await db.outboxMessage.count({ where: { kind: 'payment_received' } }),
    notices: await db.paymentNotice.findMany({ select: { id: true, status: true, reviewedBy: true }, orderBy: { id: 'asc' } }),
  };
}

beforeAll(async () => {
  h = await startBotHarness();
  f = await createPortalFixture(h.t);
  token = (await issueLink(h.t, 'customer', f.customerId)).token;
  nok = await enrolNamed('Nok', 'en');
  ploy = await enrolNamed('พลอย', 'th');
  removed = await enrolNamed('Former', 'en');
  const former = await h.t.ctx.db.staff.findUniqueOrThrow({ where: { lineUserId: removed } });
  await removeStaff(h.t.ctx, former.id);
});

afterAll(async () => {
  await h?.stop();
});

describe('a new payment notice reaches staff in LINE', () => {
  it('is pushed to each active staff member in their language, with the slip at a signed URL and Confirm / Reject', async () => {
    const notice = await sendNotice(5000);
    const pushed = pushesFor(notice.id);
    expect([...pushed.keys()].sort()).toEqual([nok, ploy].sort());

    const en = allText(pushed.get(nok)!);
    expect(en).toContain('Payment slip to review');
    expect(en).toContain('THB 50.00');
    expect(en).toContain('คุณสมชาย ใจดี');
    expect(en).toMatch(/INV-\d{4}-\d{4}/);
    expect(en).toContain('Siam Commercial Bank (014)');
    expect(en).toContain(notice.transRef);
    const th = allText(pushed.get(ploy)!);
    expect(th).toContain('ตรวจสลิปการชำระเงิน');
    expect(th).toContain('ธนาคารไทยพาณิชย์ (014)');
    for (const messages of pushed.values()) {
      expect(postbackWith(messages, PB.slipConfirm, { n: notice.id }).length).toBeLessThanOrEqual(300);
      postbackWith(messages, PB.slipReject, { n: notice.id });
    }
    // A retried push would be accepted once: each recipient's push carries its own retry key.
    expect(new Set(h.line.pushes.filter((p) => pushed.has(p.to!) && p.retryKey).map((p) => p.retryKey)).size).toBeGreaterThanOrEqual(2);

    const url = heroUrl(pushed.get(nok)!);
    expect(url).toMatch(new RegExp(`^https://portal\\.example\\.test/s/${notice.id}/\\d+/[A-Za-z0-9_-]{32}$`));
    expect(url).not.toContain(token);
    const res = await fetch(local(url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await res.arrayBuffer()).equals(notice.png)).toBe(true);
  });

  it('serves the slip only at an untouched, unexpired signed URL (403 tampered, 410 expired)', async () => {
    const notice = await sendNotice(1000);
    const url = heroUrl(pushesFor(notice.id).get(nok)!);
    const [, , , , id, expires, sig] = url.split('/') as string[];
    // The signature is a capability for 24 h: request logs never show it.
    expect(redactPath(`/s/${id}/${expires}/${sig}`)).toBe(`/s/${id}/${expires}/[token]`);
    const other = await sendNotice(1100);
    const flipped = `${sig!.slice(0, -1)}${sig!.endsWith('A') ? 'B' : 'A'}`;
    for (const tampered of [
      `/s/${id}/${expires}/${flipped}`,
      `/s/${id}/${Number(expires) + 3600}/${sig}`,
      `/s/${other.id}/${expires}/${sig}`,
      `/s/${id}/${expires}/`,
    ]) {
      const res = await fetch(`${h.t.baseUrl}${tampered}`);
      if (tampered.endsWith('/')) {
        expect(res.status).toBe(404);
        continue;
      }
      expect(res.status, tampered).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    }
    const start = h.t.clock.now();
    h.t.clock.advance(24 * 60 * 60 * 1000 + 1000);
    try {
      const res = await fetch(local(url));
      expect(res.status).toBe(410);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('GONE');
    } finally {
      h.t.clock.set(start);
    }
    expect((await fetch(local(url))).status).toBe(200);
  });
});

describe('Confirm / Reject from LINE', () => {
  it('Confirm records one payment with its receipt and tells the client; a second Confirm changes nothing and says who acted', async () => {
    const notice = await sendNotice(2000);
    const pushed = pushesFor(notice.id);
    const before = await state();

    const reply = allText(await press(h, nok, postbackWith(pushed.get(nok)!, PB.slipConfirm, { n: notice.id })));
    expect(reply).toMatch(/Payment confirmed: THB 20\.00/);
    expect(reply).toMatch(/Receipt (RC|PREREC)-\d{4}-\d{4}/);
    const after = await state();
    expect(after.payments).toBe(before.payments + 1);
    expect(after.receipts).toBe(before.receipts + 1);
    expect(after.outbox).toBe(before.outbox + 1);
    const payment = await h.t.ctx.db.payment.findFirstOrThrow({ where: { slipTransRef: notice.transRef } });
    expect(payment).toMatchObject({ amountSatang: 2000, reviewedBy: 'Nok', invoiceId: f.secondInvoiceId });
    expect(await h.t.ctx.db.outboxMessage.count({ where: { kind: 'payment_received', idempotencyKey: `payment-received:${payment.id}` } })).toBe(1);
    expect(await h.t.ctx.db.paymentNotice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({ status: 'confirmed', reviewedBy: 'Nok' });

    // Ploy, a moment later, presses Confirm on her own copy of the card: nothing changes.
    const second = allText(await press(h, ploy, postbackWith(pushed.get(ploy)!, PB.slipConfirm, { n: notice.id })));
    expect(second).toMatch(/^ยืนยันแล้วโดย Nok เวลา .+/);
    // …and Reject on it as well: told the same, never asked for a reason.
    const rejectLate = await press(h, ploy, postbackWith(pushed.get(ploy)!, PB.slipReject, { n: notice.id }));
    expect(allText(rejectLate)).toMatch(/^ยืนยันแล้วโดย Nok/);
    expect(postbacks(rejectLate).some((d) => d.startsWith(`a=${PB.slipRejectWith}`))).toBe(false);
    expect(await state()).toEqual(after);
  });

  it('Reject asks the reason with quick replies, then rejects; Confirm afterwards tells who rejected', async () => {
    const notice = await sendNotice(3000);
    const pushed = pushesFor(notice.id);
    const before = await state();

    const ask = await press(h, ploy, postbackWith(pushed.get(ploy)!, PB.slipReject, { n: notice.id }));
    const items = (ask[0] as messagingApi.TextMessage).quickReply?.items ?? [];
    expect(items.map((i) => i.action?.label)).toEqual(['ยอดไม่ตรง', 'ไม่พบยอดเงินเข้า', 'สลิปไม่ชัด', 'อื่นๆ']);
    // Asking changes nothing.
    expect(await state()).toEqual(before);

    const done = allText(await press(h, ploy, postbackWith(ask, PB.slipRejectWith, { n: notice.id, r: 'amount' })));
    expect(done).toContain('ปฏิเสธสลิปแล้ว');
    expect(done).toContain('ยอดไม่ตรง');
    expect(await h.t.ctx.db.paymentNotice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({
      status: 'rejected',
      reviewedBy: 'พลอย',
      rejectReason: 'ยอดไม่ตรง / Amount does not match',
    });
    const after = await state();
    expect(after.payments).toBe(before.payments);

    const late = allText(await press(h, nok, postbackWith(pushed.get(nok)!, PB.slipConfirm, { n: notice.id })));
    expect(late).toMatch(/^Already rejected by พลอย at .+; nothing changed\./);
    expect(await state()).toEqual(after);
  });

  it('a forged press from someone who is not (or no longer) staff does nothing', async () => {
    const notice = await sendNotice(4000);
    const before = await state();
    const stranger = fakeLineUserId();
    for (const user of [stranger, removed]) {
      const reply = await press(h, user, `a=${PB.slipConfirm}&n=${notice.id}`);
      expect(allText(reply)).not.toMatch(/confirmed|ยืนยันรับเงินแล้ว/i);
      await press(h, user, `a=${PB.slipRejectWith}&n=${notice.id}&r=other`);
    }
    // Staff with a made-up reason or id: the button is stale, nothing changes.
    expect(allText(await press(h, nok, `a=${PB.slipRejectWith}&n=${notice.id}&r=because`))).toMatch(/no longer works/);
    expect(allText(await press(h, nok, `a=${PB.slipConfirm}&n=nope`))).toMatch(/not found|ไม่พบ/i);
    expect(await state()).toEqual(before);
    expect(await h.t.ctx.db.paymentNotice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({ status: 'pending_review', reviewedBy: null });
  });
});

describe('`slips` / `สลิป`', () => {
  it('lists the notices waiting for review, oldest first, each with Confirm / Reject', async () => {
    const pending = await h.t.ctx.db.paymentNotice.findMany({ where: { status: 'pending_review' }, orderBy: [{ sentAt: 'asc' }, { id: 'asc' }] });
    expect(pending.length).toBeGreaterThan(1);
    const en = await say(h, nok, 'slips');
    const flex = en[0] as messagingApi.FlexMessage;
    expect(flex.altText).toBe(`${pending.length} slip(s) waiting for review`);
    expect(flex.contents.type).toBe('carousel');
    const confirmIds = postbacks(en)
      .map((d) => new URLSearchParams(d))
      .filter((p) => p.get('a') === PB.slipConfirm)
      .map((p) => p.get('n'));
    expect(confirmIds).toEqual(pending.map((n) => n.id));

    const th = await say(h, ploy, 'สลิป');
    expect((th[0] as messagingApi.FlexMessage).altText).toBe(`สลิปรอตรวจ ${pending.length} รายการ`);

    // Confirmed from the list: it leaves the list.
    await press(h, ploy, postbackWith(th, PB.slipConfirm, { n: pending[0]!.id }));
    const again = postbacks(await say(h, nok, 'slips')).filter((d) => d.startsWith(`a=${PB.slipConfirm}&`));
    expect(again).toHaveLength(pending.length - 1);
  });
});

describe('without https (PUBLIC_URL http://…)', () => {
  let plain: BotHarness;
  beforeAll(async () => {
    plain = await startBotHarness({ env: { PUBLIC_URL: 'http://192.168.1.20:3000' } });
  });
  afterAll(async () => {
    await plain?.stop();
  });

  it('the card has a button to the signed slip URL instead of an image (LINE refuses http images)', async () => {
    const fixture = await createPortalFixture(plain.t);
    const staff = fakeLineUserId();
    const invitation = await createStaffInvitation(plain.t.ctx, { role: 'staff' });
    await say(plain, staff, `enrol ${invitation.code}`);
    const link = await issueLink(plain.t, 'customer', fixture.customerId);
    const png = await slipPng(slipPayload('0153HTTP0001ABCDEF0123'));
    const form = new FormData();
    form.set('target', `invoice.${fixture.secondInvoiceId}`);
    form.set('amountSatang', '700');
    form.set('slip', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'slip.png');
    const res = await fetch(`${plain.t.baseUrl}/api/portal/${link.token}/payment-notices`, { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };

    // Accepted by the fake LINE API, which refuses http image URLs like the real one.
    const push = plain.line.pushes.find((p) => p.to === staff && postbacks(p.messages).some((d) => d.includes(`n=${id}`)));
    expect(push).toBeDefined();
    const card = JSON.stringify(push!.messages);
    expect(card).not.toContain('"hero"');
    const url = /"uri":"(http:\/\/192\.168\.1\.20:3000\/s\/[^"]+)"/.exec(card)?.[1];
    expect(url).toBeDefined();
    const slip = await fetch(url!.replace('http://192.168.1.20:3000', plain.t.baseUrl));
    expect(slip.status).toBe(200);
    expect(Buffer.from(await slip.arrayBuffer()).equals(png)).toBe(true);
  });
});

describe('a bank payment that needs a person', () => {
  it('reaches staff in LINE at once, marked as reported by the bank (no slip)', async () => {
    const secret = 'w'.repeat(40);
    const bank = await startBotHarness({ env: { PAYMENT_WEBHOOK_SECRET: secret } });
    try {
      await createPortalFixture(bank.t);
      const userId = fakeLineUserId();
      bank.line.setProfile(userId, { displayName: 'Nok' });
      const invitation = await createStaffInvitation(bank.t.ctx, { role: 'staff' });
      expect(allText(await say(bank, userId, `enrol ${invitation.code}`))).toMatch(/enrolled/);
      await say(bank, userId, 'help');

      const body = JSON.stringify({
        transRef: '2026112509BANKSTAFF1',
        sendingBank: '014',
        amountSatang: 5000,
        paidAt: '2026-11-25T02:55:00+00:00',
        billerId: '010556123456000',
        reference1: 'INV20269999',
      });
      const timestamp = Math.floor(bank.t.clock.now().getTime() / 1000);
      const signature = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
      const res = await fetch(`${bank.t.baseUrl}/api/webhooks/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-timestamp': String(timestamp), 'x-signature': signature },
        body,
      });
      const answer = (await res.json()) as { status: string; noticeId: string };
      expect(res.status).toBe(202);
      expect(answer.status).toBe('pending_review');

      const push = bank.line.pushes.find((p) => p.to === userId && postbacks(p.messages).some((d) => new URLSearchParams(d).get('n') === answer.noticeId));
      expect(push, 'the unmatched bank payment is pushed to staff').toBeDefined();
      const card = JSON.stringify(push!.messages);
      expect(card).toContain('None (reported by the bank)');
      expect(card).not.toContain('"hero"');
      expect(postbacks(push!.messages).map((d) => new URLSearchParams(d).get('a'))).toEqual(expect.arrayContaining([PB.slipConfirm, PB.slipReject]));
    } finally {
      await bank.stop();
    }
  });
});

describe('a reused slip', () => {
  /** Posts a slip image for an invoice from the portal; answers the status and body. */
  async function post(png: Buffer, invoiceId: string, amountSatang: number) {
    const form = new FormData();
    form.set('target', `invoice.${invoiceId}`);
    form.set('amountSatang', String(amountSatang));
    form.set('slip', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'slip.png');
    const res = await fetch(`${h.t.baseUrl}/api/portal/${token}/payment-notices`, { method: 'POST', body: form });
    return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
  }
  const duplicatePushes = (transRef: string) =>
    h.line.pushes.filter((p) => JSON.stringify(p.messages).includes(transRef) && /Slip already used|สลิปซ้ำ/.test(JSON.stringify(p.messages)));

  it('is refused (409) and each active staff member is told once, in their language; the same slip again pushes nothing more', async () => {
    const first = await sendNotice(3000);
    const used = await h.t.ctx.db.invoice.findUniqueOrThrow({ where: { id: f.secondInvoiceId } });
    const other = await h.t.ctx.db.invoice.findUniqueOrThrow({ where: { id: f.invoiceId } });
    h.t.clock.advance(2 * 60 * 60 * 1000);
    const notices = await h.t.ctx.db.paymentNotice.count();

    const refused = await post(first.png, f.invoiceId, 4200);
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('DUPLICATE_SLIP');
    expect(await h.t.ctx.db.paymentNotice.count()).toBe(notices);

    // Accepted by the fake LINE API, so valid Flex by its schema.
    const pushed = duplicatePushes(first.transRef);
    expect(pushed.map((p) => p.to).sort()).toEqual([nok, ploy].sort());
    const en = allText(pushed.find((p) => p.to === nok)!.messages);
    expect(en).toContain('Slip already used: refused');
    expect(en).toContain('คุณสมชาย ใจดี');
    expect(en).toContain(other.number); // what it was sent for
    expect(en).toContain('THB 42.00');
    expect(en).toContain('Siam Commercial Bank (014)');
    expect(en).toContain(first.transRef);
    expect(en).toContain(`Payment notice for ${used.number}`);
    const th = allText(pushed.find((p) => p.to === ploy)!.messages);
    expect(th).toContain('สลิปซ้ำ: ปฏิเสธแล้ว');
    expect(th).toContain('ธนาคารไทยพาณิชย์ (014)');
    expect(th).toContain(`แจ้งชำระ ${used.number}`);

    // The client retries the same slip an hour later: refused again, staff are not paged again.
    h.t.clock.advance(60 * 60 * 1000);
    const accepted = h.line.pushes.length;
    const attempts = h.line.counts.pushAttempts;
    const again = await post(first.png, f.invoiceId, 4200);
    expect(again.status).toBe(409);
    // Each staff member's push was tried again with the same retry key, and LINE took neither (409).
    expect(h.line.counts.pushAttempts).toBe(attempts + 2);
    expect(h.line.pushes.length).toBe(accepted);
    expect(duplicatePushes(first.transRef)).toHaveLength(2);
  });
});
