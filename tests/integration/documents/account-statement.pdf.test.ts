/**
 * The statement of account (ใบแจ้งยอดบัญชี), read back with pdftotext as a client's accountant
 * would: opening balance, each invoice and payment with its running balance, closing balance;
 * drafts, voids, voided payments and deposits left out; customer links only; in the ZIP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';
import { issueLink } from '../../helpers/portal-fixtures.ts';
import { readZip } from '../../helpers/read-zip.ts';
import { flat, nfkc, pdfText } from '../../unit/documents/pdf-tools.ts';

const TODAY = '2026-11-25T03:00:00.000Z'; // 10:00 in Bangkok
let t: TestApp;
let customerId: string;
const numbers: Record<string, string> = {};
let tokens: { customer: string; invoice: string; quote: string };

async function ok(p: Promise<{ status: number; body: any }>, status = 201) {
  const res = await p;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** An invoice issued on `day` (Bangkok) for `unitSatang` + 7% VAT, sent. */
async function invoiceOn(day: string, unitSatang: number, key: string) {
  t.clock.set(`${day}T03:00:00.000Z`);
  const inv = await ok(
    t.admin('POST', '/invoices', { customerId, dueDate: day, lines: [{ description: `งาน ${key}`, quantity: 1, unitPriceSatang: unitSatang }] }),
  );
  await t.ctx.db.invoice.update({ where: { id: inv.id }, data: { status: 'sent' } });
  numbers[key] = inv.number;
  return inv.id as string;
}

async function payOn(day: string, invoiceId: string, amountSatang: number) {
  t.clock.set(`${day}T05:00:00.000Z`);
  return ok(t.admin('POST', `/invoices/${invoiceId}/payments`, { amountSatang, method: 'bank_transfer' }));
}

beforeAll(async () => {
  t = await startTestApp({ now: TODAY });
  await ok(t.admin('PUT', '/business', VAT_BUSINESS), 200);
  customerId = (
    await ok(
      t.admin('POST', '/customers', {
        name: 'คุณมานี บัญชี',
        companyName: 'บริษัท บัญชี จำกัด',
        address: '199 ถนนสาทรใต้ แขวงทุ่งมหาเมฆ เขตสาทร กรุงเทพมหานคร 10120',
        email: 'acct@example.com',
      }),
    )
  ).id;
  // Before the period (the last 12 months from Dec 2025): the opening balance 1,070.00 − 500.00 = 570.00.
  const a = await invoiceOn('2025-10-15', 100_000, 'A');
  await payOn('2025-10-20', a, 50_000);
  // In the period.
  const b = await invoiceOn('2026-01-10', 200_000, 'B'); // 2,140.00 → 2,710.00
  await payOn('2026-01-10', a, 57_000); // same day, after the invoice → 2,140.00
  const c = await invoiceOn('2026-03-05', 300_000, 'C'); // voided: not in the statement
  await ok(t.admin('POST', `/invoices/${c}/void`, { reason: 'ออกผิด' }), 200);
  const wrong = await payOn('2026-06-01', b, 100_000); // voided payment: not in the statement
  t.clock.set('2026-06-02T03:00:00.000Z');
  await ok(t.admin('POST', `/payments/${wrong.payment?.id ?? wrong.id}/void`, { reason: 'บันทึกผิด' }), 200);
  await invoiceOn('2026-11-20', 50_000, 'D'); // 535.00 → 2,675.00
  t.clock.set('2026-11-21T03:00:00.000Z');
  await ok(t.admin('POST', '/invoices', { customerId, dueDate: '2026-12-01', lines: [{ description: 'ร่าง', quantity: 1, unitPriceSatang: 99_900 }] })); // draft
  const deposit = await ok(t.admin('POST', '/deposits', { customerId, requiredSatang: 1_000_000 }));
  await ok(t.admin('POST', `/deposits/${deposit.id}/collections`, { amountSatang: 1_000_000, method: 'cash' })); // held money
  t.clock.set(TODAY);
  tokens = {
    customer: (await issueLink(t, 'customer', customerId)).token,
    invoice: (await issueLink(t, 'invoice', b)).token,
    quote: '',
  };
  const quote = await ok(
    t.admin('POST', '/quotes', { customerId, validUntil: '2026-12-10', lines: [{ description: 'q', quantity: 1, unitPriceSatang: 1000 }] }),
  );
  await ok(t.admin('POST', `/quotes/${quote.id}/send`), 200);
  tokens.quote = (await issueLink(t, 'quote', quote.id)).token;
});
afterAll(() => t.stop());

const statementUrl = (token: string, query = '') => `${t.baseUrl}/api/portal/${token}/documents/statement.${customerId}${query}`;

/** The layout-mode line that names `needle` (one table row), NFKC. */
function lineWith(text: string, needle: string): string {
  const line = nfkc(text)
    .split('\n')
    .find((l) => l.includes(needle));
  expect(line, `no line with ${needle}`).toBeDefined();
  return line!;
}

describe('the statement of account', () => {
  it('opens with everything before the period, runs each invoice and payment in date order, and closes with the balance', async () => {
    const res = await fetch(statementUrl(tokens.customer));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    const layout = pdfText(pdf, 'layout');
    const words = flat(pdfText(pdf, 'raw'));
    expect(words).toContain(flat('ใบแจ้งยอดบัญชี'));
    expect(words).toContain('Statement of Account');
    expect(words).toContain(flat('1 ธ.ค. 2568 – 25 พ.ย. 2569')); // the last 12 months, Buddhist era
    expect(lineWith(layout, 'Opening balance')).toContain('570.00');
    expect(lineWith(layout, numbers.B!)).toMatch(/2,140\.00\s+2,710\.00/);
    expect(lineWith(layout, numbers.A!)).toContain(flat('รับชำระ'));
    expect(lineWith(layout, numbers.A!)).toMatch(/570\.00\s+2,140\.00/);
    expect(lineWith(layout, numbers.D!)).toMatch(/535\.00\s+2,675\.00/);
    expect(lineWith(layout, 'Closing balance')).toContain('2,675.00');
    // Grouped by Buddhist-era month.
    expect(words).toContain(flat('มกราคม 2569'));
    expect(words).toContain(flat('พฤศจิกายน 2569'));
    // Left out: the void invoice, the voided payment, the draft, the deposit (said in a note).
    expect(words).not.toContain(numbers.C!);
    expect(words).not.toContain('1,000.00');
    expect(words).not.toContain('10,000.00');
    expect(words).toContain('Security deposits are held money');
    // The same data on the same day gives the same bytes.
    expect(Buffer.from(await (await fetch(statementUrl(tokens.customer))).arrayBuffer()).equals(pdf)).toBe(true);
    expect(await t.ctx.db.issuedDocument.count({ where: { documentType: 'statement' } })).toBe(0);
    // The balance agrees with what the portal says is owed.
    const view = await (await fetch(`${t.baseUrl}/api/portal/${tokens.customer}`)).json();
    expect(view.invoices.reduce((sum: number, i: any) => sum + i.balanceSatang, 0)).toBe(267_500);
  });

  it('takes a Buddhist-era year; refuses a bad one with 400 naming the field', async () => {
    const pdf = Buffer.from(await (await fetch(statementUrl(tokens.customer, '?year=2568'))).arrayBuffer());
    const layout = pdfText(pdf, 'layout');
    expect(flat(pdfText(pdf, 'raw'))).toContain(flat('1 ม.ค. 2568 – 31 ธ.ค. 2568'));
    expect(lineWith(layout, 'Opening balance')).toContain('0.00');
    expect(lineWith(layout, numbers.A!)).toMatch(/1,070\.00\s+1,070\.00/);
    expect(lineWith(layout, 'Closing balance')).toContain('570.00');
    for (const bad of ['2571', 'abc', '2026', '2569&year=2568']) {
      const res = await fetch(statementUrl(tokens.customer, `?year=${bad}`));
      expect(res.status, bad).toBe(400);
      expect((await res.json()).error.field).toBe('year');
    }
  });

  it('is for customer-wide links only: an invoice or a quote link gets 404 and does not list it', async () => {
    for (const token of [tokens.invoice, tokens.quote]) {
      expect((await fetch(statementUrl(token))).status).toBe(404);
      const view = await (await fetch(`${t.baseUrl}/api/portal/${token}`)).json();
      expect(view.documents.some((d: any) => d.kind === 'statement')).toBe(false);
    }
    const other = await ok(t.admin('POST', '/customers', { name: 'คนอื่น', email: 'other@example.com' }));
    const otherLink = await issueLink(t, 'customer', other.id);
    expect((await fetch(statementUrl(otherLink.token))).status).toBe(404);
  });

  it('staff fetch it through the admin API; an unknown customer is 404', async () => {
    const headers = { authorization: `Bearer ${t.adminApiKey}` };
    const res = await fetch(`${t.baseUrl}/api/admin/documents/statement.${customerId}`, { headers });
    expect(res.status).toBe(200);
    expect(flat(pdfText(Buffer.from(await res.arrayBuffer()), 'raw'))).toContain(numbers.D!);
    expect((await fetch(`${t.baseUrl}/api/admin/documents/statement.nosuchcustomer`, { headers })).status).toBe(404);
  });

  it('is listed first for a customer link and is in "download all"', async () => {
    const view = await (await fetch(`${t.baseUrl}/api/portal/${tokens.customer}`)).json();
    expect(view.documents[0]).toMatchObject({ id: `statement.${customerId}`, kind: 'statement', number: 'STM-2026-11-25' });
    const zip = readZip(Buffer.from(await (await fetch(`${t.baseUrl}/api/portal/${tokens.customer}/documents.zip`)).arrayBuffer()));
    // "Download all" holds the page's documents and those of every earlier year (not embedded).
    let earlier = 0;
    for (const year of view.earlierYears)
      earlier += (await (await fetch(`${t.baseUrl}/api/portal/${tokens.customer}/history/${year}`)).json()).documents.length;
    expect(zip.size).toBe(view.documents.length + earlier);
    const name = [...zip.keys()].find((n) => n.includes('STM-2026-11-25'));
    expect(name).toBe('ใบแจ้งยอดบัญชี STM-2026-11-25.pdf');
    expect(flat(pdfText(zip.get(name!)!, 'raw'))).toContain(flat('ใบแจ้งยอดบัญชี'));
  });
});
