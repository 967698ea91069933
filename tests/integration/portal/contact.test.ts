/**
 * Every link scope carries the business's own contact details (LINE OA, phone, email) in the view
 * embedded in its page, so the contact card can be drawn on every screen — never the customer's.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';

let t: TestApp;
let f: PortalFixture;
const BUSINESS = { ...VAT_BUSINESS, phone: '02-123-4567', email: 'hello@shop.example', lineOaId: '@testshop' };

beforeAll(async () => {
  t = await startTestApp();
  f = await createPortalFixture(t);
  expect((await t.admin('PUT', '/business', BUSINESS)).status).toBe(200);
});
afterAll(() => t.stop());

async function embeddedView(token: string) {
  const res = await fetch(`${t.baseUrl}/c/${token}`);
  expect(res.status).toBe(200);
  const html = await res.text();
  const m = /<script type="application\/json" id="portal-data">([\s\S]*?)<\/script>/.exec(html);
  expect(m, 'the page embeds its view').not.toBeNull();
  return JSON.parse(m![1]!);
}

describe('the business contact in every scope', () => {
  it.each(['quote', 'invoice', 'customer'] as const)('a %s link embeds the business LINE, phone and email, not the customer’s', async (scope) => {
    const id = scope === 'quote' ? f.quoteId : scope === 'invoice' ? f.invoiceId : f.customerId;
    const view = await embeddedView((await issueLink(t, scope, id)).token);
    expect(view.scope).toBe(scope);
    expect(view.business).toMatchObject({ phone: '02-123-4567', email: 'hello@shop.example', lineOaId: '@testshop' });
    // The customer's own phone and email (fixture: 0812345678, somchai@example.com) are not offered as contact.
    expect(JSON.stringify(view.business)).not.toMatch(/0812345678|somchai@example\.com/);
  });

  it('a changed business phone reaches an already opened quote link at once', async () => {
    const token = (await issueLink(t, 'quote', f.quoteId)).token;
    expect((await embeddedView(token)).business.phone).toBe('02-123-4567');
    expect((await t.admin('PUT', '/business', { ...BUSINESS, phone: '02-765-4321' })).status).toBe(200);
    expect((await embeddedView(token)).business.phone).toBe('02-765-4321');
    expect((await t.admin('PUT', '/business', BUSINESS)).status).toBe(200);
  });
});
