/**
 * Years of history for one customer, written straight into the database in chunks (the admin API
 * would take minutes for thousands of records): jobs with a stage history and equipment, sent
 * invoices spread over the years before `today`, most paid in full with a confirmed payment and
 * a receipt. The newest `openInvoices` stay unpaid.
 */
import type { Db } from '../../server/data/database.ts';

export interface LongHistory {
  jobs: number;
  invoices: number;
  /** Unpaid, amounts due: their balances sum to `owedSatang`. */
  openInvoices: number;
}

export interface SeededHistory {
  invoiceIds: string[];
  jobIds: string[];
  owedSatang: number;
  paidInvoices: number;
}

const CHUNK = 40;
const DAY = 86_400_000;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function seedLongHistory(db: Db, customerId: string, today: string, size: LongHistory, tag = 'H'): Promise<SeededHistory> {
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const jobIds = Array.from({ length: size.jobs }, (_, i) => `${tag.toLowerCase()}job${i}`);
  // Newest first: job 0 started yesterday, the oldest about five years ago.
  const jobDay = (i: number) => todayMs - DAY * (1 + Math.floor((i * 1800) / Math.max(1, size.jobs)));
  await inChunks(
    jobIds.map((id, i) => ({
      id,
      number: `${tag}-JOB-${String(i).padStart(5, '0')}`,
      customerId,
      title: `งานเช่าอุปกรณ์ ${i}`,
      startDate: isoDay(jobDay(i)),
      endDate: isoDay(jobDay(i) + 2 * DAY),
      stage: i < 3 ? 'on_site' : 'closed',
      createdAt: new Date(jobDay(i)),
    })),
    (data) => db.job.createMany({ data }),
  );
  await inChunks(
    jobIds.map((jobId, i) => ({ jobId, stage: i < 3 ? 'on_site' : 'closed', changedAt: new Date(jobDay(i) + DAY) })),
    (data) => db.jobStageChange.createMany({ data }),
  );
  await inChunks(
    jobIds.map((jobId, position) => ({ jobId, position: 0, name: `Sony FX6 #${position}`, quantity: 1 })),
    (data) => db.jobEquipment.createMany({ data }),
  );

  const invoiceIds = Array.from({ length: size.invoices }, (_, i) => `${tag.toLowerCase()}inv${i}`);
  const invoiceDay = (i: number) => todayMs - DAY * Math.floor((i * 1800) / Math.max(1, size.invoices));
  const amount = (i: number) => 10_000 + (i % 97) * 100;
  const isOpen = (i: number) => i < size.openInvoices;
  await inChunks(
    invoiceIds.map((id, i) => {
      const total = amount(i);
      return {
        id,
        number: `${tag}-INV-${String(i).padStart(5, '0')}`,
        customerId,
        jobId: size.jobs > 0 ? jobIds[i % size.jobs] : null,
        status: isOpen(i) ? 'sent' : 'paid',
        issueDate: isoDay(invoiceDay(i)),
        dueDate: isoDay(invoiceDay(i) + 30 * DAY),
        vatMode: 'none',
        vatRateBasisPoints: 0,
        grossSatang: total,
        subtotalSatang: total,
        vatSatang: 0,
        totalSatang: total,
        withholdingSatang: 0,
        netPayableSatang: total,
        paidSatang: isOpen(i) ? 0 : total,
        sentAt: new Date(invoiceDay(i)),
        paidAt: isOpen(i) ? null : new Date(invoiceDay(i) + DAY),
        createdAt: new Date(invoiceDay(i)),
      };
    }),
    (data) => db.invoice.createMany({ data }),
  );
  await inChunks(
    invoiceIds.map((invoiceId, i) => ({
      invoiceId,
      position: 0,
      description: `ค่าเช่ากล้อง ${i}`,
      quantityMilli: 1000,
      unitPriceSatang: amount(i),
      amountSatang: amount(i),
    })),
    (data) => db.invoiceLine.createMany({ data }),
  );
  const paid = invoiceIds.map((invoiceId, i) => ({ invoiceId, i })).filter(({ i }) => !isOpen(i));
  await inChunks(
    paid.map(({ invoiceId, i }) => ({
      id: `${tag.toLowerCase()}pay${i}`,
      customerId,
      invoiceId,
      amountSatang: amount(i),
      method: 'transfer',
      status: 'confirmed',
      receivedAt: new Date(invoiceDay(i) + DAY),
      reviewedAt: new Date(invoiceDay(i) + DAY),
    })),
    (data) => db.payment.createMany({ data }),
  );
  await inChunks(
    paid.map(({ i }) => ({
      number: `${tag}-RC-${String(i).padStart(5, '0')}`,
      type: 'RC',
      customerId,
      paymentId: `${tag.toLowerCase()}pay${i}`,
      amountSatang: amount(i),
      issuedAt: new Date(invoiceDay(i) + DAY),
    })),
    (data) => db.receipt.createMany({ data }),
  );
  let owedSatang = 0;
  for (let i = 0; i < size.openInvoices && i < size.invoices; i++) owedSatang += amount(i);
  return { invoiceIds, jobIds, owedSatang, paidInvoices: paid.length };
}
