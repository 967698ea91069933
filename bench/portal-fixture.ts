/**
 * The portal benchmark's customer: 50 jobs (half closed) and 200 sent invoices (half part-paid),
 * written through the use cases on a fresh database (SQLite in `dataDir`, or the PostgreSQL
 * database named), with a customer link. Also times the cold view build (what the first view
 * after a change pays) in the same process.
 */
import { benchConfig } from './bench-config.ts';
import { buildApplication } from '../server/composition.ts';
import { createLogger } from '../server/logger.ts';
import { saveBusiness } from '../server/services/business.ts';
import { createCustomer } from '../server/services/customers.ts';
import { createJob, moveJobStage } from '../server/services/jobs.ts';
import { createInvoice, markInvoiceSent } from '../server/services/invoices.ts';
import { recordPayment } from '../server/services/payments.ts';
import { issuePortalLink } from '../server/services/links.ts';
import { addDays, bangkokDate } from '../server/domain/dates.ts';
import { buildPortalData } from '../server/portal/build-portal-view.ts';

export { BENCH_ADMIN_KEY } from './bench-config.ts';

export interface PortalCustomer {
  token: string;
  customerId: string;
  /** Median of 12 view builds straight from the database, in ms. */
  coldBuildMs: number;
}

export async function preparePortalCustomer(dataDir: string, databaseUrl?: string): Promise<PortalCustomer> {
  const config = benchConfig(dataDir, databaseUrl);
  const app = await buildApplication(config, { logger: createLogger('error') });
  const ctx = app.ctx;
  await saveBusiness(ctx, {
    name: 'บริษัท ทดสอบ จำกัด',
    nameEn: 'Bench Co., Ltd.',
    address: 'กรุงเทพฯ',
    taxId: '0105561234560',
    vatRegistered: true,
    promptPayId: '0105561234560',
    promptPayName: 'บจก. ทดสอบ',
  });
  const customer = await createCustomer(ctx, {
    name: 'คุณทดสอบ โหลดหนัก',
    companyName: 'บริษัท ลูกค้ารายใหญ่ จำกัด',
    address: '999 ถนนวิภาวดีรังสิต แขวงจตุจักร เขตจตุจักร กรุงเทพมหานคร 10900',
  });
  const today = bangkokDate(new Date());
  const jobs = [];
  for (let i = 0; i < 50; i++) {
    const job = await createJob(ctx, {
      customerId: customer.id,
      title: `งานเช่าอุปกรณ์ครั้งที่ ${i + 1}`,
      startDate: addDays(today, i - 25),
      endDate: addDays(today, i - 23),
      siteAddress: 'ศูนย์ประชุมแห่งชาติสิริกิติ์',
      equipment: [
        { name: 'กล้อง Sony FX6', quantity: 2 },
        { name: 'ไฟ Aputure 600d', quantity: 4 },
        { name: 'ไมค์ไร้สาย', quantity: 3 },
      ],
    });
    await moveJobStage(ctx, { jobId: job.id, stage: 'picking' });
    if (i < 25) await moveJobStage(ctx, { jobId: job.id, stage: 'closed' });
    jobs.push(job);
  }
  for (let i = 0; i < 200; i++) {
    const invoice = await createInvoice(ctx, {
      customerId: customer.id,
      jobId: jobs[i % 50]!.id,
      issueDate: addDays(today, -40),
      dueDate: addDays(today, (i % 60) - 30),
      lines: [
        { description: 'ค่าเช่ากล้องและเลนส์ (ต่อวัน)', quantity: 2, unitPriceSatang: 450000 },
        { description: 'ค่าขนส่งและติดตั้ง', quantity: 1, unitPriceSatang: 350000 },
      ],
      withholdingPercent: i % 3 === 0 ? 3 : 0,
    });
    await markInvoiceSent(ctx, invoice.id);
    if (i % 2 === 0) await recordPayment(ctx, { invoiceId: invoice.id, amountSatang: 100000, method: 'promptpay' });
  }
  const link = await issuePortalLink(ctx, { scope: 'customer', id: customer.id });
  // Cold cost: building the view from the database (what the first view after a change pays).
  const resolved = { id: link.id, scope: 'customer' as const, customerId: customer.id, quoteId: null, invoiceId: null, expiresAt: link.expiresAt };
  const times: number[] = [];
  for (let i = 0; i < 12; i++) {
    const t0 = performance.now();
    await buildPortalData(ctx, resolved);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  await app.close();
  return { token: link.token, customerId: customer.id, coldBuildMs: times[Math.floor(times.length / 2)]! };
}
