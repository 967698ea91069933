/**
 * Turns a portal document id ('invoice.<id>', 'receipt.<id>', …) into the renderer's plain model,
 * plus who owns it (for the scope check). Amounts come from what was stored when the document
 * was issued; nothing is recomputed here.
 */
import type { AppContext } from '../services/context.ts';
import { notFound } from '../domain/errors.ts';
import { bangkokDate, formatDateTime, isoWithBangkokOffset } from '../domain/dates.ts';
import { printedLines, printedQuote, printedTotals } from '../services/document-fields.ts';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from '../domain/payment-status.ts';
import { getBusiness } from '../services/business.ts';
import { documentPayPayload } from '../payments/promptpay.ts';
import { parseDocumentId } from '../portal/document-ids.ts';
import { taxInvoiceContent } from './tax-invoice-content.ts';
import type { DocumentModel, DocumentSeller, DocumentBuyer, DocumentTotals } from './document-model.ts';

type Business = Awaited<ReturnType<typeof getBusiness>>;

export interface DocumentOwner {
  customerId: string;
  quote?: { id: string; customerId: string; status: string };
  invoice?: { id: string; customerId: string; status: string };
  deposit?: { customerId: string; quoteId: string | null; quoteStatus: string | null };
}

export interface LoadedDocument {
  model: DocumentModel;
  owner: DocumentOwner;
  /** Drafts are never "issued": rendered on demand, not stored. */
  issued: boolean;
}

function seller(b: Business, lang: 'th' | 'en'): DocumentSeller {
  return {
    name: b.name,
    nameEn: b.nameEn,
    address: lang === 'en' && b.addressEn ? b.addressEn : b.address,
    taxId: b.taxId ?? '',
    branch: b.branchCode,
    phone: b.phone,
    email: b.email,
    vatRegistered: b.vatRegistered,
  };
}

function buyer(c: { name: string; companyName: string | null; address: string | null; taxId: string | null; branchCode: string | null }): DocumentBuyer {
  return { name: c.name, companyName: c.companyName, address: c.address, taxId: c.taxId, branch: c.branchCode };
}

const lang = (c: { language: string }) => (c.language === 'en' ? 'en' : 'th') as 'th' | 'en';

const lines = printedLines;
const totals = (d: Parameters<typeof printedTotals>[0]): DocumentTotals => printedTotals(d);

const methodLabel = (method: string | null, l: 'th' | 'en') => {
  const labels = PAYMENT_METHOD_LABELS[(method ?? 'other') as PaymentMethod] ?? PAYMENT_METHOD_LABELS.other;
  return l === 'th' ? `${labels.th} / ${labels.en}` : `${labels.en} / ${labels.th}`;
};

export async function loadDocumentModel(ctx: AppContext, documentId: string): Promise<LoadedDocument> {
  const parsed = parseDocumentId(documentId);
  if (!parsed) throw notFound('Document');
  const { kind, recordId } = parsed;
  const business = await getBusiness(ctx.db);

  if (kind === 'quote' || kind === 'signed_quote') {
    const q = await ctx.db.quote.findUnique({ where: { id: recordId }, include: { customer: true, lines: { orderBy: { position: 'asc' } }, signature: true } });
    if (!q || (kind === 'signed_quote' && !q.signature)) throw notFound('Document');
    const l = lang(q.customer);
    // The same printed facts the portal page shows (services/document-fields.ts).
    const base = { lang: l, seller: seller(business, l), buyer: buyer(q.customer), ...printedQuote(q) };
    const owner = { customerId: q.customerId, quote: { id: q.id, customerId: q.customerId, status: q.status } };
    if (kind === 'quote') return { model: { kind: 'quote', ...base }, owner, issued: q.status !== 'draft' };
    const s = q.signature!;
    return {
      model: {
        kind: 'signed_quote',
        ...base,
        signature: {
          pngBytes: Buffer.from(s.signaturePng),
          signerName: s.signerName,
          signedAtIso: isoWithBangkokOffset(s.signedAt),
          signedAtThai: formatDateTime(s.signedAt, 'th'),
          ip: s.ip ?? '',
          userAgent: s.userAgent ?? '',
          linkId: s.linkId ?? '',
          contentSha256: s.contentSha256,
        },
      },
      owner,
      issued: true,
    };
  }

  if (kind === 'tax_invoice') {
    // One tax invoice per payment (the tax point for services): the whole invoice when one
    // payment settled it, otherwise the part of the pre-VAT amount and VAT this payment covers.
    const p = await ctx.db.payment.findUnique({
      where: { id: recordId },
      include: { invoice: { include: { customer: true, lines: { orderBy: { position: 'asc' } } } } },
    });
    if (!p?.taxInvoiceNumber || p.taxBaseSatang === null || p.taxVatSatang === null) throw notFound('Document');
    const inv = p.invoice;
    const l = lang(inv.customer);
    const content = taxInvoiceContent(inv, { baseSatang: p.taxBaseSatang, vatSatang: p.taxVatSatang }, l);
    return {
      model: {
        kind: 'tax_invoice',
        lang: l,
        seller: seller(business, l),
        buyer: buyer(inv.customer),
        note: inv.notes,
        number: p.taxInvoiceNumber,
        // The tax point: the day the money arrived, which staff may give when recording it.
        issueDate: bangkokDate(p.receivedAt),
        invoiceNumber: inv.number,
        ...content,
      },
      owner: { customerId: inv.customerId, invoice: { id: inv.id, customerId: inv.customerId, status: inv.status } },
      issued: true,
    };
  }

  if (kind === 'credit_note') {
    // Reverses the whole tax invoice of a voided payment: the correct value is nil.
    const p = await ctx.db.payment.findUnique({ where: { id: recordId }, include: { invoice: { include: { customer: true } } } });
    if (!p?.creditNoteNumber || !p.voidedAt || !p.taxInvoiceNumber || p.taxBaseSatang === null || p.taxVatSatang === null) throw notFound('Document');
    const inv = p.invoice;
    const l = lang(inv.customer);
    return {
      model: {
        kind: 'credit_note',
        lang: l,
        seller: seller(business, l),
        buyer: buyer(inv.customer),
        number: p.creditNoteNumber,
        issueDate: bangkokDate(p.voidedAt),
        invoiceNumber: inv.number,
        taxInvoiceNumber: p.taxInvoiceNumber,
        taxInvoiceDate: bangkokDate(p.receivedAt),
        reason: p.voidReason ?? '',
        originalValueSatang: p.taxBaseSatang,
        correctValueSatang: 0,
        differenceSatang: p.taxBaseSatang,
        vatRateBasisPoints: inv.vatRateBasisPoints,
        vatOnDifferenceSatang: p.taxVatSatang,
        totalSatang: p.taxBaseSatang + p.taxVatSatang,
      },
      owner: { customerId: inv.customerId, invoice: { id: inv.id, customerId: inv.customerId, status: inv.status } },
      issued: true,
    };
  }

  if (kind === 'invoice') {
    const inv = await ctx.db.invoice.findUnique({ where: { id: recordId }, include: { customer: true, lines: { orderBy: { position: 'asc' } } } });
    if (!inv) throw notFound('Document');
    const l = lang(inv.customer);
    const owner = { customerId: inv.customerId, invoice: { id: inv.id, customerId: inv.customerId, status: inv.status } };
    const base = { lang: l, seller: seller(business, l), buyer: buyer(inv.customer), note: inv.notes, lines: lines(inv.lines), totals: totals(inv) };
    // The invoice as issued: its full amount and QR. Payments are shown by receipts and tax
    // invoices, so the issued PDF never has to change when money arrives.
    return {
      model: {
        kind: 'invoice',
        ...base,
        number: inv.number,
        issueDate: inv.issueDate,
        dueDate: inv.dueDate,
        paidSatang: 0,
        balanceSatang: inv.netPayableSatang,
        promptPayPayload: inv.netPayableSatang > 0 ? documentPayPayload(business, inv.netPayableSatang, inv.number) : null,
      },
      owner,
      issued: inv.status !== 'draft',
    };
  }

  if (kind === 'deposit_request') {
    const d = await ctx.db.deposit.findUnique({ where: { id: recordId }, include: { customer: true, quote: true, job: true } });
    if (!d) throw notFound('Document');
    const l = lang(d.customer);
    return {
      model: {
        kind: 'deposit_request',
        lang: l,
        seller: seller(business, l),
        buyer: buyer(d.customer),
        number: d.number,
        issueDate: bangkokDate(d.createdAt),
        depositNumber: d.number,
        amountSatang: d.requiredSatang,
        quoteNumber: d.quote?.number ?? null,
        jobNumber: d.job?.number ?? null,
        promptPayPayload: documentPayPayload(business, d.requiredSatang, d.number),
      },
      owner: { customerId: d.customerId, deposit: { customerId: d.customerId, quoteId: d.quoteId, quoteStatus: d.quote?.status ?? null } },
      issued: true,
    };
  }

  // Receipts: by what they acknowledge.
  const r = await ctx.db.receipt.findUnique({
    where: { id: recordId },
    include: {
      customer: true,
      payment: { include: { invoice: { include: { job: true, quote: true } } } },
      depositCollection: { include: { deposit: { include: { quote: { select: { status: true } } } } } },
      depositReturn: { include: { deposit: { include: { quote: { select: { status: true } } } }, deductions: { orderBy: { position: 'asc' } } } },
    },
  });
  if (!r) throw notFound('Document');
  const l = lang(r.customer);
  const common = {
    kind: 'receipt' as const,
    lang: l,
    seller: seller(business, l),
    buyer: buyer(r.customer),
    number: r.number,
    issueDate: bangkokDate(r.issuedAt),
    amountSatang: r.amountSatang,
  };
  if (r.payment) {
    const p = r.payment;
    const inv = p.invoice;
    const paymentInfo = { methodLabel: methodLabel(p.method, l), reference: p.reference, paidAt: bangkokDate(p.receivedAt) };
    const owner = { customerId: r.customerId, invoice: { id: inv.id, customerId: inv.customerId, status: inv.status } };
    const description = `${l === 'th' ? 'ชำระตามใบแจ้งหนี้' : 'Payment for invoice'} ${inv.number}`;
    const invoicePayment = {
      taxInvoiceNumber: p.taxInvoiceNumber,
      settlement:
        p.withheldSatang > 0
          ? {
              grossSatang: p.amountSatang + p.withheldSatang,
              withheldSatang: p.withheldSatang,
              withholdingBasisPoints: inv.withholdingBasisPoints,
              certificateRef: p.withholdingCertRef,
            }
          : null,
    };
    if (r.type === 'PREREC') {
      return {
        model: {
          ...common,
          ...paymentInfo,
          receiptType: 'PREREC',
          description,
          ...invoicePayment,
          quoteNumber: inv.quote?.number ?? null,
          jobNumber: inv.job?.number ?? null,
        },
        owner,
        issued: true,
      };
    }
    return { model: { ...common, ...paymentInfo, receiptType: 'RC', description, invoiceNumber: inv.number, ...invoicePayment }, owner, issued: true };
  }
  if (r.depositCollection) {
    const c = r.depositCollection;
    return {
      model: {
        ...common,
        methodLabel: methodLabel(c.method, l),
        reference: c.reference,
        paidAt: bangkokDate(c.collectedAt),
        receiptType: 'DEPR',
        depositNumber: c.deposit.number,
      },
      owner: {
        customerId: r.customerId,
        deposit: { customerId: c.deposit.customerId, quoteId: c.deposit.quoteId, quoteStatus: c.deposit.quote?.status ?? null },
      },
      issued: true,
    };
  }
  if (r.depositReturn) {
    const ret = r.depositReturn;
    return {
      model: {
        ...common,
        methodLabel: methodLabel(ret.method, l),
        reference: ret.reference,
        paidAt: bangkokDate(ret.returnedAt),
        receiptType: 'DEPRR',
        depositNumber: ret.deposit.number,
        originalHeldSatang: ret.amountSatang + ret.deductedSatang,
        returnedSatang: ret.amountSatang,
        // Itemised where staff gave the items; a return recorded with one reason keeps one line.
        deductions:
          ret.deductions.length > 0
            ? ret.deductions.map((d) => ({ amountSatang: d.amountSatang, reason: d.reason }))
            : ret.deductedSatang > 0
              ? [{ amountSatang: ret.deductedSatang, reason: ret.reason ?? '' }]
              : [],
      },
      owner: {
        customerId: r.customerId,
        deposit: { customerId: ret.deposit.customerId, quoteId: ret.deposit.quoteId, quoteStatus: ret.deposit.quote?.status ?? null },
      },
      issued: true,
    };
  }
  throw notFound('Document');
}
