/**
 * A voided invoice asks for nothing: the page's embedded view gives it no balance, no pay target,
 * and the QR route answers 404 for it, in the portal JSON and in the HTML page alike.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';

let t: TestApp;
let f: PortalFixture;
let token: string;
let voidId: string;

beforeAll(async () => {
  t = await startTestApp();
  f = await createPortalFixture(t);
  const created = await t.admin('POST', '/invoices', {
    customerId: f.customerId,
    dueDate: '2026-12-20',
    lines: [{ description: 'เช่าไฟ', quantity: 1, unitPriceSatang: 321000 }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  voidId = created.body.id;
  expect((await t.admin('POST', `/invoices/${voidId}/send`, {})).status).toBeLessThan(300);
  await t.adminOk('voidInvoice', { params: { id: voidId }, body: { reason: 'ลูกค้ายกเลิกงาน' } });
  token = (await issueLink(t, 'customer', f.customerId)).token;
});
afterAll(() => t.stop());

async function embeddedView() {
  const res = await fetch(`${t.baseUrl}/c/${token}`);
  expect(res.status).toBe(200);
  const m = /<script type="application\/json" id="portal-data">([\s\S]*?)<\/script>/.exec(await res.text());
  expect(m, 'the page embeds its view').not.toBeNull();
  return JSON.parse(m![1]!);
}

describe('a void invoice in the portal', () => {
  it('has no balance due and nothing to pay, in the embedded view and the JSON', async () => {
    const json = await (await fetch(`${t.baseUrl}/api/portal/${token}`)).json();
    for (const view of [await embeddedView(), json]) {
      const inv = view.invoices.find((i: any) => i.id === voidId);
      expect(inv).toMatchObject({ status: 'void', balanceSatang: 0, pay: null });
      expect(inv.totals.netPayableSatang).toBe(343470); // 3,210.00 + VAT; // what it was is still shown, as void
      // Still owing invoices are untouched.
      const owing = view.invoices.find((i: any) => i.id === f.secondInvoiceId);
      expect(owing.balanceSatang).toBeGreaterThan(0);
      expect(owing.pay.amountSatang).toBe(owing.balanceSatang);
    }
  });

  it('has no PromptPay QR (404, shown and downloaded)', async () => {
    expect((await fetch(`${t.baseUrl}/api/portal/${token}/qr/invoice/${voidId}.png`)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/api/portal/${token}/qr/invoice/${voidId}.png?download=1`)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/api/portal/${token}/qr/invoice/${f.secondInvoiceId}.png`)).status).toBe(200);
  });
});
