/**
 * Builds what one portal link may see (PortalView), straight from the database. Scope is applied
 * here, in the queries themselves: a quote link never loads another record, an invoice link loads
 * that invoice with its payments and receipts only.
 */
import type { AppContext } from '../services/context.ts';
import type { ResolvedLink } from '../services/links.ts';
import { atBangkokTime, bangkokDate, formatDateTime, isoWithBangkokOffset } from '../domain/dates.ts';
import { displayInvoiceStatus, invoiceAmountDueSatang, type InvoiceStatus } from '../domain/invoice-status.ts';
import { effectiveQuoteStatus, type QuoteStatus } from '../domain/quote-status.ts';
import { isTerminalStage, type JobStage } from '../domain/job-stages.ts';
import { depositOutstandingSatang, type DepositStatus } from '../domain/deposit-status.ts';
import { quantityFromMilli } from '../domain/money.ts';
import { DOCUMENT_KIND_LABELS, RECEIPT_TYPE_LABELS, type ReceiptType } from '../domain/labels.ts';
import { statementNumber } from '../domain/account-statement.ts';
import { amountDuePayload, promptPayIdDisplay } from '../payments/promptpay.ts';
import { getBusiness } from '../services/business.ts';
import { businessLogoHash, businessLogoPath } from '../services/business-logo.ts';
import { printedQuote } from '../services/document-fields.ts';
import { documentId } from './document-ids.ts';
import { loadPortalRecords } from './portal-records.ts';
import { earlierYears, recordFilters, windowStart, type PortalWindow } from './portal-window.ts';
import type {
  PortalDeposit,
  PortalDocument,
  PortalInvoice,
  PortalJob,
  PortalLine,
  PortalPayTarget,
  PortalPendingNotice,
  PortalQuote,
  PortalReceipt,
  PortalTotals,
  PortalView,
  PaymentMethod,
} from './portal-view.ts';

type Business = Awaited<ReturnType<typeof getBusiness>>;

const lineView = (l: { description: string; quantityMilli: number; unitPriceSatang: number; amountSatang: number }): PortalLine => ({
  description: l.description,
  quantity: quantityFromMilli(l.quantityMilli),
  unitPriceSatang: l.unitPriceSatang,
  amountSatang: l.amountSatang,
});

const totalsOf = (d: {
  subtotalSatang: number;
  discountSatang: number;
  vatSatang: number;
  vatMode: string;
  totalSatang: number;
  withholdingSatang: number;
  netPayableSatang: number;
}): PortalTotals => ({
  subtotalSatang: d.subtotalSatang,
  discountSatang: d.discountSatang,
  vatSatang: d.vatSatang,
  vatMode: d.vatMode as PortalTotals['vatMode'],
  totalSatang: d.totalSatang,
  withholdingSatang: d.withholdingSatang,
  netPayableSatang: d.netPayableSatang,
});

function payTarget(business: Business, amountSatang: number, documentNumber: string): PortalPayTarget | null {
  // The same payload rule as the printed request (documents/request-state.ts).
  const promptPayPayload = amountDuePayload(business, amountSatang, documentNumber);
  if (promptPayPayload === null) return null;
  return {
    amountSatang,
    promptPayPayload,
    payeeName: business.promptPayName,
    promptPayIdDisplay: promptPayIdDisplay(business.promptPayId),
  };
}

const noticeView = (n: { id: string; amountSatang: number; sentAt: Date; withholdingCertFileId: string | null }): PortalPendingNotice => ({
  id: n.id,
  amountSatang: n.amountSatang,
  sentAt: n.sentAt.toISOString(),
  withholdingCertificate: n.withholdingCertFileId !== null,
});

/** The part of the view that depends only on the data (cached); `now`/link fields are added per request. */
export type PortalData = Omit<PortalView, 'linkId' | 'expiresAt' | 'now' | 'liff'> & { lineBound: boolean };

/**
 * `window`: the page (open and recent records, PortalView) or one earlier Buddhist-era year of a
 * customer link's history (portal-window.ts). Both go through the same scope (the link's filters).
 */
export async function buildPortalData(
  ctx: AppContext,
  link: Pick<ResolvedLink, 'scope' | 'customerId' | 'quoteId' | 'invoiceId'>,
  window: PortalWindow = { kind: 'recent' },
): Promise<PortalData> {
  const db = ctx.db;
  const today = bangkokDate(ctx.clock.now());
  const { scope, customerId } = link;
  const onlyCustomer = scope === 'customer';

  const from = await windowStart(db, link, today);
  const [business, logoHash, customer, lineBound, { jobs, quotes, invoices, deposits }, olderYears] = await Promise.all([
    getBusiness(db),
    businessLogoHash(db),
    db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { name: true, companyName: true, language: true, refundPromptPayId: true } }),
    db.lineUser.count({ where: { customerId } }),
    loadPortalRecords(db, customerId, recordFilters(link, window, from)),
    window.kind === 'recent' ? earlierYears(db, link, from) : Promise.resolve([]),
  ]);

  const documents: PortalDocument[] = [];
  const receipts: PortalReceipt[] = [];
  const addReceipt = (r: { id: string; number: string; type: string; amountSatang: number; issuedAt: Date; cancelledAt: Date | null } | null) => {
    if (!r) return null;
    const id = documentId('receipt', r.id);
    const label = RECEIPT_TYPE_LABELS[r.type as ReceiptType];
    const cancelledAt = r.cancelledAt?.toISOString() ?? null;
    receipts.push({
      id: r.id,
      number: r.number,
      type: r.type as ReceiptType,
      amountSatang: r.amountSatang,
      issuedAt: r.issuedAt.toISOString(),
      documentId: id,
      cancelledAt,
    });
    documents.push({
      id,
      kind: 'receipt',
      number: r.number,
      title: label,
      issuedAt: r.issuedAt.toISOString(),
      fileName: `${r.number}.pdf`,
      cancelled: cancelledAt !== null,
    });
    return id;
  };

  const jobDocs = new Map<string, string[]>();
  const noteJobDoc = (jobId: string | null, docId: string) => {
    if (!jobId) return;
    jobDocs.set(jobId, [...(jobDocs.get(jobId) ?? []), docId]);
  };

  const quoteViews: PortalQuote[] = quotes.map((q) => {
    const status = effectiveQuoteStatus(q.status as QuoteStatus, q.validUntil, today);
    const ids: string[] = [];
    const signed = q.signature !== null;
    const qid = documentId(signed ? 'signed_quote' : 'quote', q.id);
    ids.push(qid);
    documents.push({
      cancelled: false,
      id: qid,
      kind: signed ? 'signed_quote' : 'quote',
      number: q.number,
      title: DOCUMENT_KIND_LABELS[signed ? 'signed_quote' : 'quote'],
      issuedAt: (q.signature?.signedAt ?? q.sentAt ?? q.createdAt).toISOString(),
      fileName: `${q.number}${signed ? '-signed' : ''}.pdf`,
    });
    noteJobDoc(q.jobId, qid);
    return {
      id: q.id,
      number: q.number,
      issueDate: q.issueDate,
      validUntil: q.validUntil,
      status,
      lines: q.lines.map(lineView),
      totals: totalsOf(q),
      depositSatang: q.depositSatang,
      signedBy: q.signature?.signerName ?? null,
      signedAt: q.signature?.signedAt.toISOString() ?? null,
      declineReason: q.declineReason,
      canAccept: status === 'sent',
      canRespond: status === 'sent',
      expired: status === 'expired',
      ...(q.signature
        ? {
            signed: {
              name: q.signature.signerName,
              signedAtIso: isoWithBangkokOffset(q.signature.signedAt),
              signedAtThai: formatDateTime(q.signature.signedAt, 'th'),
            },
          }
        : {}),
      document: printedQuote(q),
      jobNumber: q.job?.number ?? null,
      documentIds: ids,
    };
  });

  const invoiceViews: PortalInvoice[] = invoices.map((inv) => {
    // A void invoice asks for nothing, whatever its amounts were; the PDF prints the same figure.
    const balanceSatang = invoiceAmountDueSatang({ status: inv.status as InvoiceStatus, netPayableSatang: inv.netPayableSatang, paidSatang: inv.paidSatang });
    const status = displayInvoiceStatus(inv.status as InvoiceStatus, inv.dueDate, today, balanceSatang);
    const ids = [documentId('invoice', inv.id)];
    documents.push({
      cancelled: false,
      id: ids[0]!,
      kind: 'invoice',
      number: inv.number,
      title: DOCUMENT_KIND_LABELS.invoice,
      issuedAt: (inv.sentAt ?? inv.createdAt).toISOString(),
      fileName: `${inv.number}.pdf`,
    });
    const payments = inv.payments.map((p) => {
      const receiptDoc = addReceipt(p.receipt);
      if (receiptDoc) ids.push(receiptDoc);
      if (p.taxInvoiceNumber) {
        const taxId = documentId('tax_invoice', p.id);
        ids.push(taxId);
        const at = (p.reviewedAt ?? p.receivedAt).toISOString();
        documents.push({
          cancelled: false,
          id: taxId,
          kind: 'tax_invoice',
          number: p.taxInvoiceNumber,
          title: DOCUMENT_KIND_LABELS.tax_invoice,
          issuedAt: at,
          fileName: `${p.taxInvoiceNumber}.pdf`,
        });
      }
      if (p.creditNoteNumber && p.voidedAt) {
        // The tax invoice stays issued; this document states that it was reversed.
        const creditId = documentId('credit_note', p.id);
        ids.push(creditId);
        documents.push({
          cancelled: false,
          id: creditId,
          kind: 'credit_note',
          number: p.creditNoteNumber,
          title: DOCUMENT_KIND_LABELS.credit_note,
          issuedAt: p.voidedAt.toISOString(),
          fileName: `${p.creditNoteNumber}.pdf`,
        });
      }
      return {
        id: p.id,
        amountSatang: p.amountSatang,
        method: p.method as PaymentMethod,
        status: p.status as PortalInvoice['payments'][number]['status'],
        reference: p.reference,
        receivedAt: p.receivedAt.toISOString(),
        receiptNumber: p.receipt?.number ?? null,
        noticeId: p.notice?.id ?? null,
        withholdingCertificate: p.withholdingCertFileId !== null,
      };
    });
    for (const id of ids) noteJobDoc(inv.jobId, id);
    return {
      id: inv.id,
      number: inv.number,
      // The latest tax invoice (one is issued per payment; all are in `documents`).
      taxInvoiceNumber: inv.payments.filter((p) => p.taxInvoiceNumber && p.status !== 'void').at(-1)?.taxInvoiceNumber ?? null,
      issueDate: inv.issueDate,
      dueDate: inv.dueDate,
      status,
      lines: inv.lines.map(lineView),
      totals: totalsOf(inv),
      paidSatang: inv.paidSatang,
      balanceSatang,
      payments,
      pay: payTarget(business, balanceSatang, inv.number),
      pendingNotices: inv.paymentNotices.map(noticeView),
      jobNumber: inv.job?.number ?? null,
      documentIds: ids,
    };
  });

  const depositViews: PortalDeposit[] = deposits.map((d) => {
    const outstanding = depositOutstandingSatang(d);
    const requestDoc = documentId('deposit_request', d.id);
    documents.push({
      cancelled: false,
      id: requestDoc,
      kind: 'deposit_request',
      number: d.number,
      title: DOCUMENT_KIND_LABELS.deposit_request,
      issuedAt: d.createdAt.toISOString(),
      fileName: `${d.number}.pdf`,
    });
    noteJobDoc(d.jobId, requestDoc);
    const entries: PortalDeposit['entries'] = [
      ...d.collections.map((c) => {
        noteJobDoc(d.jobId, addReceipt(c.receipt) ?? '');
        return {
          kind: 'collection' as const,
          at: c.collectedAt.toISOString(),
          amountSatang: c.amountSatang,
          deductedSatang: 0,
          method: c.method as PaymentMethod,
          reason: null,
          deductions: [],
          receiptNumber: c.receipt?.number ?? null,
        };
      }),
      ...d.returns.map((r) => {
        noteJobDoc(d.jobId, addReceipt(r.receipt) ?? '');
        return {
          kind: 'return' as const,
          at: r.returnedAt.toISOString(),
          amountSatang: r.amountSatang,
          deductedSatang: r.deductedSatang,
          method: (r.method as PaymentMethod | null) ?? null,
          reason: r.reason,
          deductions: r.deductions.map((x) => ({ amountSatang: x.amountSatang, reason: x.reason })),
          receiptNumber: r.receipt?.number ?? null,
        };
      }),
    ].sort((a, b) => a.at.localeCompare(b.at));
    return {
      id: d.id,
      number: d.number,
      requiredSatang: d.requiredSatang,
      heldSatang: d.heldSatang,
      returnedSatang: d.returnedSatang,
      deductedSatang: d.deductedSatang,
      status: d.status as DepositStatus,
      quoteNumber: d.quote?.number ?? null,
      jobNumber: d.job?.number ?? null,
      entries,
      pay: payTarget(business, outstanding, d.number),
      pendingNotices: d.paymentNotices.map(noticeView),
    };
  });

  const jobViews: PortalJob[] = jobs.map((j) => {
    const stage = j.stage as JobStage;
    const timing: PortalJob['timing'] = isTerminalStage(stage)
      ? 'past'
      : j.startDate && j.startDate > today && stage === 'new'
        ? 'upcoming'
        : j.startDate && j.startDate > today
          ? 'upcoming'
          : 'active';
    return {
      id: j.id,
      number: j.number,
      title: j.title,
      startDate: j.startDate,
      endDate: j.endDate,
      siteAddress: j.siteAddress,
      stage,
      timing,
      equipment: j.equipment.map((e) => ({ name: e.name, quantity: e.quantity })),
      history: j.history.map((h) => ({ stage: h.stage as JobStage, at: h.changedAt.toISOString(), note: h.note })),
      documentIds: (jobDocs.get(j.id) ?? []).filter(Boolean),
    };
  });

  documents.sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  if (onlyCustomer && window.kind === 'recent') {
    // The account as of today, first (on the page only, not repeated in each earlier year): rendered on demand (documents/load-statement.ts), in the ZIP too.
    const number = statementNumber(today);
    documents.unshift({
      cancelled: false,
      id: documentId('statement', customerId),
      kind: 'statement',
      number,
      title: DOCUMENT_KIND_LABELS.statement,
      issuedAt: atBangkokTime(today).toISOString(),
      fileName: `${number}.pdf`,
    });
  }
  receipts.sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));

  return {
    scope,
    business: {
      name: business.name,
      nameEn: business.nameEn,
      phone: business.phone,
      email: business.email,
      lineOaId: business.lineOaId,
      vatRegistered: business.vatRegistered,
      logoUrl: logoHash ? businessLogoPath(logoHash) : null,
    },
    customer: {
      name: customer.name,
      contactName: customer.name,
      companyName: customer.companyName,
      language: customer.language === 'en' ? 'en' : 'th',
      refundPromptPay: onlyCustomer && customer.refundPromptPayId ? promptPayIdDisplay(customer.refundPromptPayId) : null,
    },
    jobs: jobViews,
    quotes: quoteViews,
    invoices: invoiceViews,
    deposits: depositViews,
    receipts,
    documents,
    earlierYears: olderYears,
    lineBound: lineBound > 0,
  };
}
