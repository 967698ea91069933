/** A small but complete data set, created through the admin API, for portal tests. */
import { expect } from 'vitest';
import { VAT_BUSINESS, type TestApp } from './test-app.ts';

export interface PortalFixture {
  customerId: string;
  otherCustomerId: string;
  jobId: string;
  quoteId: string;
  otherQuoteId: string;
  invoiceId: string;
  secondInvoiceId: string;
  otherInvoiceId: string;
  quoteDepositId: string;
  jobDepositId: string;
}

async function ok(p: Promise<{ status: number; body: any }>, status = 201) {
  const res = await p;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

export async function createPortalFixture(t: TestApp): Promise<PortalFixture> {
  await ok(t.admin('PUT', '/business', VAT_BUSINESS), 200);
  const customer = await ok(
    t.admin('POST', '/customers', {
      name: 'คุณสมชาย ใจดี',
      companyName: 'บริษัท ฟ้าใส จำกัด',
      address: '88/8 ถนนพหลโยธิน แขวงสามเสนใน เขตพญาไท กรุงเทพมหานคร 10400',
      email: 'somchai@example.com',
      phone: '0812345678',
    }),
  );
  const other = await ok(
    t.admin('POST', '/customers', { name: 'คุณวิภา อื่น', address: '12 ถนนนิมมานเหมินท์ ตำบลสุเทพ อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50200', email: 'wipa@example.com' }),
  );
  const job = await ok(
    t.admin('POST', '/jobs', {
      customerId: customer.id,
      title: 'ถ่ายโฆษณา',
      startDate: '2026-11-24',
      endDate: '2026-11-27',
      equipment: [{ name: 'Sony FX6', quantity: 2 }],
    }),
  );
  const quote = await ok(
    t.admin('POST', '/quotes', {
      customerId: customer.id,
      jobId: job.id,
      validUntil: '2026-12-10',
      lines: [{ description: 'แพ็กเกจไลฟ์สด', quantity: 1, unitPriceSatang: 1000000 }],
      depositSatang: 500000,
    }),
  );
  await ok(t.admin('POST', `/quotes/${quote.id}/send`), 200);
  const otherQuote = await ok(
    t.admin('POST', '/quotes', { customerId: customer.id, validUntil: '2026-12-10', lines: [{ description: 'อีกใบ', quantity: 1, unitPriceSatang: 1000 }] }),
  );
  await ok(t.admin('POST', `/quotes/${otherQuote.id}/send`), 200);
  const invoice = await ok(
    t.admin('POST', '/invoices', {
      customerId: customer.id,
      jobId: job.id,
      dueDate: '2026-11-30',
      lines: [{ description: 'ค่าเช่ากล้อง', quantity: 2, unitPriceSatang: 450000 }],
      withholdingPercent: 3,
    }),
  );
  await t.ctx.db.invoice.update({ where: { id: invoice.id }, data: { status: 'sent' } });
  await ok(t.admin('POST', `/invoices/${invoice.id}/payments`, { amountSatang: 100000, method: 'cash' }));
  const second = await ok(
    t.admin('POST', '/invoices', { customerId: customer.id, dueDate: '2026-12-30', lines: [{ description: 'ค่าไฟ', quantity: 1, unitPriceSatang: 10000 }] }),
  );
  await t.ctx.db.invoice.update({ where: { id: second.id }, data: { status: 'sent' } });
  const otherInvoice = await ok(
    t.admin('POST', '/invoices', { customerId: other.id, dueDate: '2026-12-30', lines: [{ description: 'ของคนอื่น', quantity: 1, unitPriceSatang: 99900 }] }),
  );
  await t.ctx.db.invoice.update({ where: { id: otherInvoice.id }, data: { status: 'sent' } });
  const quoteDeposit = await ok(t.admin('POST', '/deposits', { customerId: customer.id, requiredSatang: 500000, quoteId: quote.id }));
  const jobDeposit = await ok(t.admin('POST', '/deposits', { customerId: customer.id, requiredSatang: 300000, jobId: job.id }));
  await ok(t.admin('POST', `/deposits/${jobDeposit.id}/collections`, { amountSatang: 300000, method: 'cash' }));
  return {
    customerId: customer.id,
    otherCustomerId: other.id,
    jobId: job.id,
    quoteId: quote.id,
    otherQuoteId: otherQuote.id,
    invoiceId: invoice.id,
    secondInvoiceId: second.id,
    otherInvoiceId: otherInvoice.id,
    quoteDepositId: quoteDeposit.id,
    jobDepositId: jobDeposit.id,
  };
}

export async function issueLink(t: TestApp, scope: 'customer' | 'quote' | 'invoice', id: string) {
  const body = await ok(t.admin('POST', '/links', { scope, id }));
  return { ...body, token: String(body.url).split('/c/')[1] as string };
}
