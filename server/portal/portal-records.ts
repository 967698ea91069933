/**
 * The records one portal link may see, loaded so that no statement grows with the customer's
 * history. Prisma loads an `include` by binding every parent id into one `IN (…)` list, and SQLite
 * through Prisma refuses more than 999 bound values: a customer with 1,000 invoices could not open
 * the portal. So each kind of child is read with one query filtered by its parents' own condition
 * (`where: { invoice: invoiceWhere }`: a sub-select, a fixed number of values) and grouped here.
 */
import type { Db, Prisma } from '../data/database.ts';

export interface RecordFilters {
  /** Whether the link sees jobs at all (customer links only). */
  jobs: Prisma.JobWhereInput | null;
  quotes: Prisma.QuoteWhereInput | null;
  invoices: Prisma.InvoiceWhereInput | null;
  deposits: Prisma.DepositWhereInput | null;
}

function groupBy<T>(rows: T[], key: (row: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

function byKey<T>(rows: T[], key: (row: T) => string | null): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows) {
    const k = key(row);
    if (k !== null) map.set(k, row);
  }
  return map;
}

const none = <T>(): Promise<T[]> => Promise.resolve([]);

const pendingNoticeSelect = { id: true, amountSatang: true, sentAt: true, withholdingCertFileId: true, invoiceId: true, depositId: true } as const;

async function loadJobs(db: Db, where: Prisma.JobWhereInput | null) {
  if (!where) return [];
  const [jobs, equipment, history] = await Promise.all([
    db.job.findMany({ where, orderBy: [{ startDate: 'desc' }, { createdAt: 'desc' }] }),
    db.jobEquipment.findMany({ where: { job: where }, orderBy: [{ jobId: 'asc' }, { position: 'asc' }] }),
    db.jobStageChange.findMany({ where: { job: where }, orderBy: [{ jobId: 'asc' }, { changedAt: 'asc' }] }),
  ]);
  const equipmentOf = groupBy(equipment, (e) => e.jobId);
  const historyOf = groupBy(history, (h) => h.jobId);
  return jobs.map((j) => ({ ...j, equipment: equipmentOf.get(j.id) ?? [], history: historyOf.get(j.id) ?? [] }));
}

async function loadQuotes(db: Db, where: Prisma.QuoteWhereInput | null, jobNumber: (id: string | null) => { number: string } | null) {
  if (!where) return [];
  const [quotes, lines, signatures] = await Promise.all([
    db.quote.findMany({ where, orderBy: { createdAt: 'desc' } }),
    db.quoteLine.findMany({ where: { quote: where }, orderBy: [{ quoteId: 'asc' }, { position: 'asc' }] }),
    db.quoteSignature.findMany({ where: { quote: where }, select: { quoteId: true, signerName: true, signedAt: true } }),
  ]);
  const linesOf = groupBy(lines, (l) => l.quoteId);
  const signatureOf = byKey(signatures, (s) => s.quoteId);
  return quotes.map((q) => {
    const signature = signatureOf.get(q.id);
    return {
      ...q,
      lines: linesOf.get(q.id) ?? [],
      signature: signature ? { signerName: signature.signerName, signedAt: signature.signedAt } : null,
      job: jobNumber(q.jobId),
    };
  });
}

async function loadInvoices(db: Db, where: Prisma.InvoiceWhereInput | null, jobNumber: (id: string | null) => { number: string } | null) {
  if (!where) return [];
  const ofInvoices = { invoice: where };
  const [invoices, lines, payments, receipts, paymentNotices, pending] = await Promise.all([
    db.invoice.findMany({ where, orderBy: [{ issueDate: 'desc' }, { number: 'desc' }] }),
    db.invoiceLine.findMany({ where: ofInvoices, orderBy: [{ invoiceId: 'asc' }, { position: 'asc' }] }),
    db.payment.findMany({ where: ofInvoices, orderBy: [{ invoiceId: 'asc' }, { receivedAt: 'asc' }] }),
    db.receipt.findMany({ where: { payment: ofInvoices } }),
    db.paymentNotice.findMany({ where: { payment: ofInvoices }, select: { id: true, paymentId: true } }),
    db.paymentNotice.findMany({ where: { ...ofInvoices, status: 'pending_review' }, orderBy: { sentAt: 'asc' }, select: pendingNoticeSelect }),
  ]);
  const linesOf = groupBy(lines, (l) => l.invoiceId);
  const receiptOf = byKey(receipts, (r) => r.paymentId);
  const noticeOf = byKey(paymentNotices, (n) => n.paymentId);
  const paymentsOf = groupBy(payments, (p) => p.invoiceId);
  const pendingOf = groupBy(pending, (n) => n.invoiceId);
  return invoices.map((inv) => ({
    ...inv,
    lines: linesOf.get(inv.id) ?? [],
    payments: (paymentsOf.get(inv.id) ?? []).map((p) => {
      const notice = noticeOf.get(p.id);
      return { ...p, receipt: receiptOf.get(p.id) ?? null, notice: notice ? { id: notice.id } : null };
    }),
    paymentNotices: pendingOf.get(inv.id) ?? [],
    job: jobNumber(inv.jobId),
  }));
}

async function loadDeposits(db: Db, where: Prisma.DepositWhereInput | null, jobNumber: (id: string | null) => { number: string } | null) {
  if (!where) return [];
  const ofDeposits = { deposit: where };
  const [deposits, collections, returns, receipts, deductions, quotes, pending] = await Promise.all([
    db.deposit.findMany({ where, orderBy: { createdAt: 'desc' } }),
    db.depositCollection.findMany({ where: ofDeposits, orderBy: [{ depositId: 'asc' }, { collectedAt: 'asc' }] }),
    db.depositReturn.findMany({ where: ofDeposits, orderBy: [{ depositId: 'asc' }, { returnedAt: 'asc' }] }),
    db.receipt.findMany({ where: { OR: [{ depositCollection: ofDeposits }, { depositReturn: ofDeposits }] } }),
    db.depositDeduction.findMany({ where: { depositReturn: ofDeposits }, orderBy: [{ depositReturnId: 'asc' }, { position: 'asc' }] }),
    db.quote.findMany({ where: { deposits: { some: where } }, select: { id: true, number: true } }),
    db.paymentNotice.findMany({ where: { ...ofDeposits, status: 'pending_review' }, orderBy: { sentAt: 'asc' }, select: pendingNoticeSelect }),
  ]);
  const collectionReceipt = byKey(receipts, (r) => r.depositCollectionId);
  const returnReceipt = byKey(receipts, (r) => r.depositReturnId);
  const deductionsOf = groupBy(deductions, (d) => d.depositReturnId);
  const collectionsOf = groupBy(collections, (c) => c.depositId);
  const returnsOf = groupBy(returns, (r) => r.depositId);
  const quoteOf = byKey(quotes, (q) => q.id);
  const pendingOf = groupBy(pending, (n) => n.depositId);
  return deposits.map((d) => {
    const quote = d.quoteId ? quoteOf.get(d.quoteId) : undefined;
    return {
      ...d,
      collections: (collectionsOf.get(d.id) ?? []).map((c) => ({ ...c, receipt: collectionReceipt.get(c.id) ?? null })),
      returns: (returnsOf.get(d.id) ?? []).map((r) => ({ ...r, receipt: returnReceipt.get(r.id) ?? null, deductions: deductionsOf.get(r.id) ?? [] })),
      quote: quote ? { number: quote.number } : null,
      job: jobNumber(d.jobId),
      paymentNotices: pendingOf.get(d.id) ?? [],
    };
  });
}

/** Numbers of the jobs the loaded records point at: those of the customer that any of them uses. */
async function loadJobNumbers(db: Db, customerId: string, filters: RecordFilters) {
  const uses: Prisma.JobWhereInput[] = [];
  if (filters.quotes) uses.push({ quotes: { some: filters.quotes } });
  if (filters.invoices) uses.push({ invoices: { some: filters.invoices } });
  if (filters.deposits) uses.push({ deposits: { some: filters.deposits } });
  if (uses.length === 0) return new Map<string, { number: string }>();
  const jobs = await db.job.findMany({ where: { customerId, OR: uses }, select: { id: true, number: true } });
  return new Map(jobs.map((j) => [j.id, { number: j.number }]));
}

export async function loadPortalRecords(db: Db, customerId: string, filters: RecordFilters) {
  const jobNumbers = await loadJobNumbers(db, customerId, filters);
  const jobNumber = (id: string | null) => (id ? (jobNumbers.get(id) ?? null) : null);
  const [jobs, quotes, invoices, deposits] = await Promise.all([
    filters.jobs ? loadJobs(db, filters.jobs) : none<Awaited<ReturnType<typeof loadJobs>>[number]>(),
    loadQuotes(db, filters.quotes, jobNumber),
    loadInvoices(db, filters.invoices, jobNumber),
    loadDeposits(db, filters.deposits, jobNumber),
  ]);
  return { jobs, quotes, invoices, deposits };
}
