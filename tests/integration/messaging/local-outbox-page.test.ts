/**
 * The demo without credentials: nothing is dropped — messages are kept in the local outbox and
 * shown, rendered, on the operator page (HTTP Basic auth with the admin key, strict CSP, escaped).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeLineUserId } from '../../fakes/fake-line-api.ts';
import { startTestApp, TEST_ADMIN_KEY, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
const HOSTILE = '<script>alert(1)</script> "Bobby" & Sons';
const basic = (password: string) => `Basic ${Buffer.from(`operator:${password}`).toString('base64')}`;
const page = (path = '/admin/outbox', password = TEST_ADMIN_KEY) => fetch(`${t.baseUrl}${path}`, { headers: { authorization: basic(password) } });

beforeAll(async () => {
  t = await startTestApp();
  await t.admin('PUT', '/business', VAT_BUSINESS);
});
afterAll(() => t.stop());

describe('local channels (no credentials)', () => {
  it('says at start-up which channels are live', () => {
    const line = t.logLines.find((l) => l.includes('messaging channels'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({
      line: 'local',
      email: 'local',
      sms: 'local',
      msg: expect.stringContaining('LINE local outbox, email local outbox, SMS local outbox'),
    });
  });

  it('keeps every message as delivered to the local outbox, for each channel', async () => {
    const emailCustomer = (await t.admin('POST', '/customers', { name: HOSTILE, email: 'bobby@example.com' })).body.id;
    const smsCustomer = (await t.admin('POST', '/customers', { name: 'คุณเอสเอ็มเอส', phone: '0812345678' })).body.id;
    const lineCustomer = (await t.admin('POST', '/customers', { name: 'คุณไลน์' })).body.id;
    await t.ctx.db.lineUser.create({ data: { lineUserId: fakeLineUserId(), customerId: lineCustomer, following: true, boundAt: t.clock.now() } });
    const sent = [];
    for (const id of [emailCustomer, smsCustomer, lineCustomer]) {
      const res = await t.admin('POST', `/customers/${id}/send-link`, {});
      expect(res.status).toBe(201);
      sent.push(res.body);
    }
    expect(sent.map((s) => s.channel)).toEqual(['email', 'sms', 'line']);
    expect((await t.messaging.drainOnce()).sent).toBe(3);
    for (const s of sent) {
      const row = await t.ctx.db.outboxMessage.findUniqueOrThrow({ where: { id: s.messageId } });
      expect(row).toMatchObject({ status: 'sent', providerMessageId: `local-${row.id}`, deliveryStatus: 'local' });
    }
  });
});

describe('operator page', () => {
  it('requires the admin key as the Basic auth password', async () => {
    const none = await fetch(`${t.baseUrl}/admin/outbox`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect(await none.json()).toMatchObject({
      error: { code: 'UNAUTHORIZED', message: expect.stringContaining('ADMIN_API_KEY'), messages: { th: expect.any(String) } },
    });
    expect((await page('/admin/outbox', 'wrong-password')).status).toBe(401);
    expect((await page('/admin/outbox/outbox.css', 'wrong-password')).status).toBe(401);
  });

  it('lists every message, escaped, under a strict CSP, with each rendering', async () => {
    const res = await page();
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/\sstyle="/); // no inline styles on the page itself
    expect(html).toContain('LINE: local outbox');
    expect(html).toMatch(/<iframe sandbox="" loading="lazy" title="Email HTML" src="\/admin\/outbox\/[^"]+\/preview">/);
    expect(html).toMatch(/<iframe sandbox="" loading="lazy" title="LINE preview" src="\/admin\/outbox\/[^"]+\/preview">/);
    expect(html).toContain('&quot;type&quot;: &quot;flex&quot;'); // the Flex JSON next to the preview
    expect(html).toMatch(/<div class="sms">https:\/\/portal\.example\.test\/c\/[A-Za-z0-9_-]{32} ทดสอบ: ลิงก์พอร์ทัลลูกค้าของคุณ<\/div>/);
    const css = await page('/admin/outbox/outbox.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);

    const filtered = await (await page('/admin/outbox?channel=sms&status=sent')).text();
    expect(filtered).toContain('<div class="sms">');
    expect(filtered).not.toContain('title="Email HTML"');
  });

  it('serves the email and Flex previews as sandboxed documents', async () => {
    const rows = await t.ctx.db.outboxMessage.findMany({ orderBy: { createdAt: 'asc' } });
    const email = rows.find((r) => r.channel === 'email')!;
    const line = rows.find((r) => r.channel === 'line')!;
    const emailPreview = await page(`/admin/outbox/${email.id}/preview`);
    expect(emailPreview.status).toBe(200);
    expect(emailPreview.headers.get('content-security-policy')).toMatch(/sandbox$/);
    expect(emailPreview.headers.get('content-security-policy')).toContain("default-src 'none'");
    const emailHtml = await emailPreview.text();
    expect(emailHtml).toContain('&lt;script&gt;');
    expect(emailHtml).not.toContain('<script>');
    const flex = await (await page(`/admin/outbox/${line.id}/preview`)).text();
    expect(flex).toContain('class="lfp-bubble"');
    expect(flex).toContain('พอร์ทัลลูกค้าของคุณ');
    const asSms = await (await page(`/admin/outbox/${line.id}/preview?as=sms`)).text();
    expect(asSms).toContain('https://portal.example.test/c/');
    expect((await page('/admin/outbox/nope/preview')).status).toBe(404);
  });

  it('answers preview errors through the one error mapper', async () => {
    const missing = await page('/admin/outbox/nope/preview');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: 'Message not found', messages: { en: 'Not found' } } });
    const customerId = (await t.admin('POST', '/customers', { name: 'คุณอ่านไม่ออก', email: 'garbled@example.com' })).body.id;
    const { messageId } = (await t.admin('POST', `/customers/${customerId}/send-link`, {})).body;
    await t.ctx.db.outboxMessage.update({ where: { id: messageId }, data: { payload: '{}' } });
    const garbled = await page(`/admin/outbox/${messageId}/preview`);
    expect(garbled.status).toBe(422);
    expect(await garbled.json()).toMatchObject({
      error: { code: 'UNPROCESSABLE', message: 'This message cannot be rendered', messages: { th: expect.any(String) } },
    });
  });
});
