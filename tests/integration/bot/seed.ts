/** A small business's records for bot tests, created through the use cases (clock: 2026-11-25). */
import type { AppContext } from '../../../server/services/context.ts';
import { createCustomer } from '../../../server/services/customers.ts';
import { createJob } from '../../../server/services/jobs.ts';
import { createInvoice, markInvoiceSent } from '../../../server/services/invoices.ts';
import { createQuote, markQuoteSent } from '../../../server/services/quotes.ts';

const line = (unitPriceSatang: number) => [{ description: 'เช่าเครื่องเสียง', quantity: 1, unitPriceSatang }];

export async function seedShop(ctx: AppContext) {
  const somchai = await createCustomer(ctx, {
    name: 'คุณสมชาย ใจดี',
    address: '88/8 ถนนพหลโยธิน แขวงสามเสนใน เขตพญาไท กรุงเทพมหานคร 10400',
    phone: '081-234-5678',
    email: 'somchai@example.com',
    language: 'th',
  });
  const somchai2 = await createCustomer(ctx, {
    name: 'นายสมชัย ใจเย็น',
    address: '45 หมู่ 3 ตำบลบางพระ อำเภอศรีราชา จังหวัดชลบุรี 20110',
    phone: '089-000-1111',
  });
  const fahsai = await createCustomer(ctx, {
    name: 'คุณวิภา รักงาน',
    companyName: 'บริษัท ฟ้าใส จำกัด',
    address: '123/45 ถนนรัชดาภิเษก แขวงดินแดง เขตดินแดง กรุงเทพมหานคร 10400',
    email: 'wipa@fahsai.example',
    language: 'en',
  });
  const job = await createJob(ctx, { customerId: somchai.id, title: 'งานแต่งงาน โรงแรมริมน้ำ', startDate: '2026-11-28', endDate: '2026-11-29' });
  const fahsaiJob = await createJob(ctx, { customerId: fahsai.id, title: 'Product launch' });
  // Overdue since 15 Oct, and a newer one overdue since 1 Nov (oldest first in the list).
  const overdueOld = await createInvoice(ctx, {
    customerId: somchai.id,
    jobId: job.id,
    issueDate: '2026-10-01',
    dueDate: '2026-10-15',
    lines: line(1_000_000),
  });
  await markInvoiceSent(ctx, overdueOld.id);
  const overdueNew = await createInvoice(ctx, { customerId: fahsai.id, issueDate: '2026-10-20', dueDate: '2026-11-01', lines: line(250_000) });
  await markInvoiceSent(ctx, overdueNew.id);
  const notDue = await createInvoice(ctx, { customerId: somchai.id, dueDate: '2026-12-20', lines: line(50_000) });
  await markInvoiceSent(ctx, notDue.id);
  const quote = await createQuote(ctx, { customerId: fahsai.id, validUntil: '2026-12-31', lines: line(300_000) });
  await markQuoteSent(ctx, quote.id);
  return { somchai, somchai2, fahsai, job, fahsaiJob, overdueOld, overdueNew, notDue, quote };
}
