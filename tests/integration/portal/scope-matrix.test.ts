import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { decodeQrPng } from '../../helpers/decode-qr.ts';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';
import { parsePromptPayPayload } from '../../helpers/promptpay-payload.ts';
import { readStreamUntil } from '../../helpers/sse.ts';
import { errorBody } from '../../../server/http/errors.ts';
import { DomainError } from '../../../server/domain/errors.ts';

let t: TestApp;
let f: PortalFixture;
const tokens: Record<'customer' | 'quote' | 'invoice', string> = { customer: '', quote: '', invoice: '' };

beforeAll(async () => {
  t = await startTestApp();
  f = await createPortalFixture(t);
  tokens.customer = (await issueLink(t, 'customer', f.customerId)).token;
  tokens.quote = (await issueLink(t, 'quote', f.quoteId)).token;
  tokens.invoice = (await issueLink(t, 'invoice', f.invoiceId)).token;
});
afterAll(() => t.stop());

async function view(scope: keyof typeof tokens) {
  const res = await fetch(`${t.baseUrl}/api/portal/${tokens[scope]}`);
  expect(res.status).toBe(200);
  return res.json();
}

describe('GET /api/portal/:token returns exactly what the scope allows', () => {
  it('customer link: everything of the customer, nothing of anyone else', async () => {
    const v = await view('customer');
    expect(v.scope).toBe('customer');
    expect(v.jobs.map((j: any) => j.id)).toEqual([f.jobId]);
    expect(v.quotes.map((q: any) => q.id).sort()).toEqual([f.quoteId, f.otherQuoteId].sort());
    expect(v.invoices.map((i: any) => i.id).sort()).toEqual([f.invoiceId, f.secondInvoiceId].sort());
    // The deposit asked with a quote stays hidden until that quote is accepted.
    expect(v.deposits.map((d: any) => d.id)).toEqual([f.jobDepositId]);
    expect(JSON.stringify(v)).not.toContain(f.otherInvoiceId);
    expect(v.receipts.length).toBe(2); // the RC of the part payment and the DEPR of the job deposit
  });

  it('quote link: that quote only (its deposit appears once it is accepted), nothing else', async () => {
    const v = await view('quote');
    expect(v.quotes.map((q: any) => q.id)).toEqual([f.quoteId]);
    expect(v.jobs).toEqual([]);
    expect(v.invoices).toEqual([]);
    expect(v.deposits).toEqual([]);
    expect(v.receipts).toEqual([]);
    expect(v.documents.map((d: any) => d.kind)).toEqual(['quote']);
    const text = JSON.stringify(v);
    for (const id of [f.otherQuoteId, f.invoiceId, f.secondInvoiceId, f.jobDepositId, f.jobId]) expect(text).not.toContain(id);
  });

  it('invoice link: that invoice with its payments and receipts, nothing else', async () => {
    const v = await view('invoice');
    expect(v.invoices.map((i: any) => i.id)).toEqual([f.invoiceId]);
    expect(v.quotes).toEqual([]);
    expect(v.jobs).toEqual([]);
    expect(v.deposits).toEqual([]);
    expect(v.invoices[0].payments).toHaveLength(1);
    expect(v.receipts.map((r: any) => r.type)).toEqual(['RC']);
    const text = JSON.stringify(v);
    for (const id of [f.secondInvoiceId, f.quoteId, f.jobDepositId, f.jobId]) expect(text).not.toContain(id);
  });

  it('the invoice view carries the net payable after withholding and the balance', async () => {
    const v = await view('invoice');
    const inv = v.invoices[0];
    // 2 × 4,500.00 + VAT 7% = 9,630.00; withholding 3% of 9,000.00 = 270.00; net 9,360.00; paid 1,000.00
    expect(inv.totals).toMatchObject({ subtotalSatang: 900000, vatSatang: 63000, totalSatang: 963000, withholdingSatang: 27000, netPayableSatang: 936000 });
    expect(inv.balanceSatang).toBe(836000);
    expect(inv.pay.amountSatang).toBe(836000);
    const parsed = parsePromptPayPayload(inv.pay.promptPayPayload);
    // No biller ID in the profile: a plain PromptPay transfer (tag 29), not a bill payment.
    expect(parsed).toMatchObject({
      tag: '29',
      billPayment: null,
      crcValid: true,
      amount: '8360.00',
      currency: '764',
      country: 'TH',
      proxyType: 'taxId',
      proxy: '0105561234560',
    });
  });
});

describe('PromptPay QR images follow the scope', () => {
  const qr = (scope: keyof typeof tokens, kind: string, id: string) => fetch(`${t.baseUrl}/api/portal/${tokens[scope]}/qr/${kind}/${id}.png`);

  it.each([
    ['customer', 'invoice', 'invoiceId', 200],
    ['customer', 'invoice', 'otherInvoiceId', 404],
    ['customer', 'deposit', 'quoteDepositId', 404], // its quote is not accepted yet: nothing payable
    ['customer', 'deposit', 'jobDepositId', 404], // fully held: nothing to pay
    ['quote', 'deposit', 'quoteDepositId', 404],
    ['quote', 'invoice', 'invoiceId', 404],
    ['invoice', 'invoice', 'invoiceId', 200],
    ['invoice', 'invoice', 'secondInvoiceId', 404],
    ['invoice', 'deposit', 'quoteDepositId', 404],
  ] as const)('%s link, %s %s → %i', async (scope, kind, key, status) => {
    const res = await qr(scope, kind, f[key]);
    expect(res.status).toBe(status);
    // Refusals come from the one error mapper (code, message and the Thai/English wording).
    if (status === 404) expect(await res.json()).toEqual(errorBody(new DomainError('NOT_FOUND', 'Nothing to pay here')));
  });

  it('the PNG decodes to a valid PromptPay payload for the exact balance, and downloads with a file name', async () => {
    const res = await qr('invoice', 'invoice', f.invoiceId);
    expect(res.headers.get('content-type')).toBe('image/png');
    const decoded = decodeQrPng(Buffer.from(await res.arrayBuffer()));
    expect(decoded).not.toBeNull();
    expect(parsePromptPayPayload(decoded!)).toMatchObject({ tag: '29', crcValid: true, amount: '8360.00' });
    const dl = await fetch(`${t.baseUrl}/api/portal/${tokens.invoice}/qr/invoice/${f.invoiceId}.png?download=1`);
    expect(dl.headers.get('content-disposition')).toMatch(/^attachment; filename="PromptPay-INV-2026-\d{4}\.png"/);
  });
});

describe('live job updates (SSE) follow the scope', () => {
  it('a customer link hears stage changes; a quote link does not', async () => {
    const controller = new AbortController();
    const customerStream = await fetch(`${t.baseUrl}/api/portal/${tokens.customer}/events`, { signal: controller.signal });
    const quoteStream = await fetch(`${t.baseUrl}/api/portal/${tokens.quote}/events`, { signal: controller.signal });
    expect(customerStream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const moved = t.admin('POST', `/jobs/${f.jobId}/stage`, { stage: 'picking', note: 'กำลังจัดของ' });
    const heard = await readStreamUntil(customerStream.body!, 'job.stage', 1000);
    expect((await moved).status).toBe(200);
    expect(heard).toContain('event: job.stage');
    expect(heard).toContain(`"jobId":"${f.jobId}"`);
    expect(heard).toContain('"stage":"picking"');
    const quoteHeard = await readStreamUntil(quoteStream.body!, 'job.stage', 300);
    expect(quoteHeard).not.toContain('job.stage');
    controller.abort();
  });
});
