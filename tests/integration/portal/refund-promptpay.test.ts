import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';

let t: TestApp;
let f: PortalFixture;

beforeAll(async () => {
  t = await startTestApp();
  f = await createPortalFixture(t);
});
afterAll(() => t.stop());

const put = (token: string, body: unknown, contentType = 'application/json') =>
  fetch(`${t.baseUrl}/api/portal/${token}/refund-promptpay`, {
    method: 'PUT',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const stored = async () => (await t.ctx.db.customer.findUniqueOrThrow({ where: { id: f.customerId } })).refundPromptPayId;

describe('PUT /api/portal/{token}/refund-promptpay', () => {
  it('saves the ID normalised on the customer, answers it masked, shows it in the view and logs the change', async () => {
    const { token } = await issueLink(t, 'customer', f.customerId);
    const res = await put(token, { promptPayId: '+66 81 234 5678' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ refundPromptPay: '081-xxx-5678' });
    expect(await stored()).toBe('0812345678');
    const view = await (await fetch(`${t.baseUrl}/api/portal/${token}`)).json();
    expect(view.customer.refundPromptPay).toBe('081-xxx-5678');
    await t.ctx.activity.flush();
    expect(await t.ctx.db.activityLog.count({ where: { customerId: f.customerId, action: 'refund_promptpay' } })).toBe(1);

    // A 13-digit citizen ID with dashes is kept as digits; null removes it.
    expect((await put(token, { promptPayId: '1-1017-00230-70-8' })).status).toBe(200);
    expect(await stored()).toBe('1101700230708');
    expect((await put(token, { promptPayId: null })).status).toBe(200);
    expect(await stored()).toBeNull();
  });

  it.each([
    ['a landline', { promptPayId: '02-123-4567' }, /mobile/],
    ['a wrong check digit', { promptPayId: '1101700230709' }, /13-digit/],
    ['letters', { promptPayId: 'my-phone' }, /PromptPay must be/],
    ['no field', {}, /PromptPay must be/],
    ['a number, not text', { promptPayId: 812345678 }, /PromptPay must be/],
  ])('refuses %s with a 400 naming promptPayId, in Thai and English, and changes nothing', async (_name, body, en) => {
    const { token } = await issueLink(t, 'customer', f.customerId);
    expect((await put(token, { promptPayId: '0899999999' })).status).toBe(200);
    const res = await put(token, body);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.field).toBe('promptPayId');
    expect(error.messages.en).toMatch(en);
    expect(error.messages.th).toMatch(/[\u0e00-\u0e7f]/);
    expect(await stored()).toBe('0899999999');
  });

  it('is not there for an invoice or quote link (404, nothing changed; the view shows no refund ID)', async () => {
    const { token } = await issueLink(t, 'customer', f.customerId);
    expect((await put(token, { promptPayId: '0811111111' })).status).toBe(200);
    for (const [scope, id] of [
      ['invoice', f.invoiceId],
      ['quote', f.quoteId],
    ] as const) {
      const link = await issueLink(t, scope, id);
      const res = await put(link.token, { promptPayId: '0822222222' });
      expect(res.status, scope).toBe(404);
      const view = await (await fetch(`${t.baseUrl}/api/portal/${link.token}`)).json();
      expect(view.customer.refundPromptPay, scope).toBeNull();
    }
    expect(await stored()).toBe('0811111111');
  });

  it('an unknown token gets the one unavailable answer', async () => {
    expect((await put('A'.repeat(32), { promptPayId: '0811111111' })).status).toBe(410);
  });
});
