/**
 * Each channel end to end through the real adapters: LINE push to the fake LINE API (bearer,
 * retry key, Flex schema), email to a real SMTP server (parsed), SMS to the fake Twilio with
 * signed status callbacks; channel choice, LINE quota fallback, 409, unfollow.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateLineMessages } from '../../fakes/fake-line-api.ts';
import { smtpEmailChannel } from '../../../server/channels/smtp-email.ts';
import type { MessageContent } from '../../../server/messaging/message-content.ts';
import { startMessagingFixture, LIFF_ID, type MessagingFixture } from './messaging-fixture.ts';
import { VAT_BUSINESS } from '../../helpers/test-app.ts';
import { resolvePortalToken } from '../../../server/services/links.ts';

let f: MessagingFixture;

beforeAll(async () => {
  f = await startMessagingFixture();
});
afterAll(() => f.stop());
beforeEach(async () => {
  await f.t.messaging.drainOnce();
  f.line.reset();
  f.line.setQuotaExhausted(false);
  await f.t.ctx.db.channelStatus.deleteMany();
});

describe('LINE', () => {
  it('pushes a valid Flex message with the bearer token and a stable retry key, and records the provider id', async () => {
    const customerId = await f.customer({ email: 'line@example.com' });
    const lineUserId = await f.bindLine(customerId);
    const sent = await f.t.admin('POST', `/customers/${customerId}/send-link`, {});
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ channel: 'line', recipient: lineUserId, duplicate: false });
    expect(sent.body.link.url).toMatch(/^https:\/\/portal\.example\.test\/c\/[A-Za-z0-9_-]{32}$/);

    const result = await f.t.messaging.drainOnce();
    expect(result.sent).toBe(1);
    const [push] = f.line.pushes;
    expect(f.line.pushes).toHaveLength(1);
    expect(push!.to).toBe(lineUserId);
    const row = await f.outbox(sent.body.messageId);
    expect(push!.retryKey).toBe(row.retryKey);
    expect(row.retryKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(row).toMatchObject({ status: 'sent', channel: 'line', attempts: 1, providerMessageId: push!.sentMessageIds[0] });
    expect(validateLineMessages(push!.messages)).toEqual([]);
    // The button opens the LIFF app at the link.
    const json = JSON.stringify(push!.messages);
    expect(json).toContain(`https://liff.line.me/${LIFF_ID}/c/`);
    expect(f.line.requests.every((r) => r.path !== '/v2/bot/message/push' || r.status === 200)).toBe(true);
  });

  it('counts a 409 "retry key already accepted" as sent, once', async () => {
    const customerId = await f.customer();
    await f.bindLine(customerId);
    const sent = await f.t.admin('POST', `/customers/${customerId}/send-link`, {});
    f.line.acceptThenDropNext(1); // LINE accepts, the answer is lost: our worker sees a network error
    const first = await f.t.messaging.drainOnce();
    expect(first.retried).toBe(1);
    expect((await f.outbox(sent.body.messageId)).status).toBe('failed');
    f.t.clock.advance(60 * 60_000);
    const second = await f.t.messaging.drainOnce();
    expect(second.sent).toBe(1);
    expect(f.line.pushes).toHaveLength(1); // the client saw it once
    expect(f.line.requests.filter((r) => r.path === '/v2/bot/message/push').map((r) => r.status)).toEqual([0, 409]);
    const row = await f.outbox(sent.body.messageId);
    expect(row.status).toBe('sent');
    expect(row.providerMessageId).toBe(f.line.pushes[0]!.sentMessageIds[0]);
  });

  it('re-routes to email when LINE says the monthly quota is used up, and new messages skip LINE', async () => {
    const customerId = await f.customer({ email: 'quota@example.com' });
    await f.bindLine(customerId);
    const before = f.smtp.mails.length;
    const sent = await f.t.admin('POST', `/customers/${customerId}/send-link`, {});
    expect(sent.body.channel).toBe('line');
    f.line.setQuotaExhausted(true);
    const result = await f.t.messaging.drainOnce();
    expect(result).toMatchObject({ rerouted: 1, sent: 1 });
    const row = await f.outbox(sent.body.messageId);
    expect(row).toMatchObject({ status: 'sent', channel: 'email', recipient: 'quota@example.com' });
    expect(row.lastError).toMatch(/re-routed from line/);
    expect(f.smtp.mails.length).toBe(before + 1);
    // Every instance now knows: the next message goes to email straight away.
    const next = await f.t.admin('POST', `/customers/${customerId}/send-link`, { channel: null });
    expect(next.body.channel === 'email' || next.body.duplicate).toBe(true);
    const invoice = await f.t.admin('POST', '/invoices', {
      customerId,
      dueDate: '2026-12-10',
      lines: [{ description: 'x', quantity: 1, unitPriceSatang: 1000 }],
    });
    const inv = await f.t.admin('POST', `/invoices/${invoice.body.id}/send`, {});
    expect(inv.body.channel).toBe('email');
    // Forcing LINE while its quota is used up is refused with a clear reason.
    const forced = await f.t.admin('POST', `/invoices/${invoice.body.id}/remind`, { channel: 'line' });
    expect(forced.status).toBe(409);
    expect(forced.body.error.message).toMatch(/quota/);
  });

  it('asks the quota endpoints and clears the mark when LINE has quota again', async () => {
    f.line.setMonthlyQuota(1);
    const customerId = await f.customer();
    await f.bindLine(customerId);
    await f.t.admin('POST', `/customers/${customerId}/send-link`, {});
    await f.t.messaging.drainOnce();
    expect(await f.t.messaging.worker.checkLineQuota()).toBe(true);
    expect(await f.t.ctx.db.channelStatus.findUnique({ where: { channel: 'line' } })).toMatchObject({ channel: 'line' });
    f.line.setMonthlyQuota(undefined);
    expect(await f.t.messaging.worker.checkLineQuota()).toBe(false);
    expect((await f.t.ctx.db.channelStatus.findUnique({ where: { channel: 'line' } }))?.unavailableUntil ?? null).toBeNull();
  });

  it('re-routes a queued LINE message when the client unfollowed before it went out', async () => {
    const customerId = await f.customer({ phone: '081-234-5678' });
    const lineUserId = await f.bindLine(customerId);
    const sent = await f.t.admin('POST', `/customers/${customerId}/send-link`, {});
    expect(sent.body.channel).toBe('line');
    await f.t.ctx.db.lineUser.update({ where: { lineUserId }, data: { following: false } });
    const before = f.twilio.messages.length;
    await f.t.messaging.drainOnce();
    expect(f.line.pushes).toHaveLength(0);
    expect(await f.outbox(sent.body.messageId)).toMatchObject({ status: 'sent', channel: 'sms', recipient: '+66812345678' });
    expect(f.twilio.messages.length).toBe(before + 1);
  });
});

describe('email', () => {
  it('sends HTML and plain text from the same template, in Thai, to a real SMTP server', async () => {
    const customerId = await f.customer({ name: 'คุณสมหญิง <b>ใจดี</b>', email: 'somying@example.com' });
    const invoice = await f.t.admin('POST', '/invoices', {
      customerId,
      dueDate: '2026-12-10',
      lines: [{ description: 'เช่าไฟ', quantity: 1, unitPriceSatang: 123456 }],
    });
    const before = f.smtp.mails.length;
    const sent = await f.t.admin('POST', `/invoices/${invoice.body.id}/send`, {});
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ channel: 'email', recipient: 'somying@example.com', invoice: { status: 'sent' } });
    await f.t.messaging.drainOnce();
    const [mail] = (await f.smtp.waitForMails(before + 1)).slice(before);
    expect(mail!.to).toEqual(['somying@example.com']);
    expect(mail!.parsed.subject).toBe(`${'บริษัท ทดสอบ จำกัด'}: ใบแจ้งหนี้ ${invoice.body.number} ยอด ฿1,320.98`);
    const html = String(mail!.parsed.html);
    const text = mail!.parsed.text ?? '';
    expect(html).toContain('ใบแจ้งหนี้');
    expect(html).toContain('10 ธันวาคม 2569');
    expect(html).toContain('&lt;b&gt;ใจดี&lt;/b&gt;'); // a customer's name is text, never markup
    expect(html).not.toContain('<b>ใจดี</b>');
    expect(text).toContain('ยอดที่ต้องชำระ: ฿1,320.98');
    expect(text).toContain('คุณสมหญิง <b>ใจดี</b>');
    expect(text).toContain(sent.body.link.url);
    expect(html).toContain(sent.body.link.url);
    const row = await f.outbox(sent.body.messageId);
    expect(row.status).toBe('sent');
    expect(row.providerMessageId).toBe(mail!.parsed.messageId);
  });

  it('writes English for an English-speaking customer', async () => {
    const customerId = await f.customer({ name: 'Jane Doe', email: 'jane@example.com', language: 'en' });
    const before = f.smtp.mails.length;
    await f.t.admin('POST', `/customers/${customerId}/send-link`, {});
    await f.t.messaging.drainOnce();
    const [mail] = (await f.smtp.waitForMails(before + 1)).slice(before);
    expect(mail!.parsed.subject).toBe('Test Co., Ltd.: Your client portal');
    expect(mail!.parsed.text).toContain('Dear Jane Doe,');
  });

  it('attaches the document PDF when the documents port has one', async () => {
    const asked: string[] = [];
    const channel = smtpEmailChannel({
      smtpUrl: `${f.smtp.url}?pool=false`,
      from: 'Test Co. <billing@test.example>',
      attachments: {
        pdfFor: async (id) => {
          asked.push(id);
          return { fileName: 'RC-2026-0001.pdf', content: Buffer.from('%PDF-1.7 test') };
        },
      },
    });
    const content = {
      kind: 'payment_received',
      lang: 'th',
      businessName: 'ร้านทดสอบ',
      customerName: 'คุณเอ',
      webUrl: 'https://portal.example.test/c/x/receipts',
      liffUrl: null,
      shortUrl: 'https://portal.example.test/c/x',
      receiptNumber: 'RC-2026-0001',
      amountSatang: 100,
      invoiceNumber: 'INV-2026-0001',
      paidOn: '2026-11-25',
      balanceRemainingSatang: 0,
      attachDocumentId: 'receipt.r1',
    } as MessageContent;
    const before = f.smtp.mails.length;
    const sent = await channel.send({ id: 'm1', retryKey: '4b0e3c0e-6f57-4f55-9d3c-1f6f7f0b2a11', recipient: 'pdf@example.com', content, attempt: 1 });
    const [mail] = (await f.smtp.waitForMails(before + 1)).slice(before);
    expect(asked).toEqual(['receipt.r1']);
    expect(mail!.parsed.attachments.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([
      ['RC-2026-0001.pdf', 'application/pdf', '%PDF-1.7 test'],
    ]);
    expect(sent.providerMessageId).toBe('<4b0e3c0e-6f57-4f55-9d3c-1f6f7f0b2a11@client-portal>');
    await channel.close?.();
  });

  it('retries a temporary SMTP refusal and dead-letters a permanent one', async () => {
    const customerId = await f.customer({ email: 'bounce@example.com' });
    f.smtp.rejectNext(451);
    const sent = await f.t.admin('POST', `/customers/${customerId}/send-link`, {});
    expect((await f.t.messaging.drainOnce()).retried).toBe(1);
    expect((await f.outbox(sent.body.messageId)).lastError).toMatch(/451/);
    f.smtp.rejectNext(550);
    f.t.clock.advance(60 * 60_000);
    expect((await f.t.messaging.drainOnce()).dead).toBe(1);
    expect(await f.outbox(sent.body.messageId)).toMatchObject({ status: 'dead', attempts: 2 });
  });
});

describe('SMS', () => {
  it('sends one short line with the link through Twilio, and signed status callbacks update delivery', async () => {
    const customerId = await f.customer({ phone: '089 999 8888' });
    const before = f.twilio.messages.length;
    const sent = await f.t.admin('POST', `/customers/${customerId}/send-link`, {});
    expect(sent.body).toMatchObject({ channel: 'sms', recipient: '+66899998888' });
    await f.t.messaging.drainOnce();
    const sms = f.twilio.messages[before]!;
    expect(sms).toMatchObject({ to: '+66899998888', from: '+15005550006', statusCallback: 'https://portal.example.test/webhooks/twilio/status' });
    expect(sms.body).not.toContain('\n');
    // Link first, then the business name without its legal form (no short sender name is set).
    expect(sms.body).toBe(`${sent.body.link.url} ทดสอบ: ลิงก์พอร์ทัลลูกค้าของคุณ`);
    expect(sms.userAgent).toMatch(/^twilio-node\//);
    const row = await f.outbox(sent.body.messageId);
    expect(row).toMatchObject({ status: 'sent', providerMessageId: sms.sid, deliveryStatus: 'queued' });

    expect(await f.twilio.sendStatusCallback(sms.sid, 'delivered', { deliverTo: f.t.baseUrl, forge: true })).toBe(403);
    expect((await f.outbox(sent.body.messageId)).deliveryStatus).toBe('queued');
    expect(await f.twilio.sendStatusCallback(sms.sid, 'sent', { deliverTo: f.t.baseUrl })).toBe(204);
    expect(await f.twilio.sendStatusCallback(sms.sid, 'delivered', { deliverTo: f.t.baseUrl })).toBe(204);
    // A late 'sent' arriving after 'delivered' does not move it back.
    expect(await f.twilio.sendStatusCallback(sms.sid, 'sent', { deliverTo: f.t.baseUrl })).toBe(204);
    expect((await f.outbox(sent.body.messageId)).deliveryStatus).toBe('delivered');
  });

  it('opens with the short sender name from the business profile; a longer one is refused and changes nothing', async () => {
    const tooLong = await f.t.admin('PUT', '/business', { ...VAT_BUSINESS, smsSenderName: 'ทดสอบช็อปปิ้งมอลล์' });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain('smsSenderName');
    expect((await f.t.admin('GET', '/business')).body.smsSenderName).toBeNull();

    expect((await f.t.admin('PUT', '/business', { ...VAT_BUSINESS, smsSenderName: 'ทดสอบช็อป' })).status).toBe(200);
    try {
      const customerId = await f.customer({ phone: '089 999 7777' });
      const before = f.twilio.messages.length;
      const sent = await f.t.admin('POST', `/customers/${customerId}/send-link`, {});
      await f.t.messaging.drainOnce();
      expect(f.twilio.messages[before]!.body).toBe(`${sent.body.link.url} ทดสอบช็อป: ลิงก์พอร์ทัลลูกค้าของคุณ`);
    } finally {
      expect((await f.t.admin('PUT', '/business', { ...VAT_BUSINESS, smsSenderName: null })).body.smsSenderName).toBeNull();
    }
  });

  it('records an undelivered SMS and refuses unsigned callbacks', async () => {
    const customerId = await f.customer({ phone: '+66 81 000 0001' });
    const before = f.twilio.messages.length;
    const sent = await f.t.admin('POST', `/customers/${customerId}/send-link`, {});
    await f.t.messaging.drainOnce();
    const sms = f.twilio.messages[before]!;
    const unsigned = await fetch(`${f.t.baseUrl}/webhooks/twilio/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ MessageSid: sms.sid, MessageStatus: 'delivered' }).toString(),
    });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.json()).toMatchObject({ error: { code: 'FORBIDDEN', field: 'X-Twilio-Signature', messages: { en: 'Not allowed' } } });
    expect(await f.twilio.sendStatusCallback(sms.sid, 'undelivered', { deliverTo: f.t.baseUrl, errorCode: '30003' })).toBe(204);
    expect(await f.outbox(sent.body.messageId)).toMatchObject({
      status: 'sent',
      deliveryStatus: 'undelivered',
      lastError: 'Twilio: undelivered (error 30003)',
    });
  });

  it('dead-letters a number Twilio refuses (400) at once', async () => {
    const customerId = await f.customer({ phone: '0812223333' });
    f.twilio.failNext(400, 21211);
    const sent = await f.t.admin('POST', `/customers/${customerId}/send-link`, {});
    expect((await f.t.messaging.drainOnce()).dead).toBe(1);
    expect((await f.outbox(sent.body.messageId)).lastError).toMatch(/Twilio 400 \(error 21211\)/);
  });
});

describe('channel choice at the API', () => {
  it('refuses a customer with no reachable channel and a forced channel they lack, changing nothing', async () => {
    const nobody = await f.customer({ phone: '02 123 4567' }); // a landline cannot take SMS
    const count = await f.t.ctx.db.outboxMessage.count();
    const res = await f.t.admin('POST', `/customers/${nobody}/send-link`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('customer has no reachable channel (no LINE, email or phone)');
    const emailOnly = await f.customer({ email: 'only@example.com' });
    const forced = await f.t.admin('POST', `/customers/${emailOnly}/send-link`, { channel: 'sms' });
    expect(forced.status).toBe(409);
    expect(forced.body.error.field).toBe('channel');
    const links = await f.t.ctx.db.portalLink.count({ where: { customerId: { in: [nobody, emailOnly] } } });
    expect(links).toBe(0); // the link issued inside the failed transaction was rolled back
    expect(await f.t.ctx.db.outboxMessage.count()).toBe(count);
    const bad = await f.t.admin('POST', `/customers/${emailOnly}/send-link`, { channel: 'fax' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('channel');
  });

  it('honours a forced channel', async () => {
    const customerId = await f.customer({ email: 'both@example.com', phone: '0891112222' });
    await f.bindLine(customerId);
    const res = await f.t.admin('POST', `/customers/${customerId}/send-link`, { channel: 'sms' });
    expect(res.body).toMatchObject({ channel: 'sms', recipient: '+66891112222' });
  });

  it('never stores a working link token in the outbox', async () => {
    const customerId = await f.customer({ email: 'token@example.com' });
    const sent = await f.t.adminOk('sendPortalLink', { params: { id: customerId }, body: {} });
    const token = sent.link.url.split('/c/')[1]!;
    // The token is a working one (so "not stored" is not vacuous): it opens the portal.
    expect(await resolvePortalToken(f.t.ctx, token)).toMatchObject({ id: sent.link.id, customerId });
    // No column of the queued row holds it; the payload refers to the link by id only.
    const row = await f.outbox(sent.messageId);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.parse(row.payload).link.id).toBe(sent.link.id);
    // It is put in at delivery time: the mail the client receives carries the working URL.
    const before = f.smtp.mails.length;
    await f.t.messaging.drainOnce();
    const [mail] = (await f.smtp.waitForMails(before + 1)).slice(before);
    expect(mail!.parsed.text).toContain(sent.link.url);
    expect(JSON.stringify(await f.outbox(sent.messageId))).not.toContain(token);
  });
});
