/**
 * Turns a portal document id ('invoice.<id>', 'receipt.<id>', …) into the renderer's plain model,
 * plus who owns it (for the scope check). Amounts come from what was stored when the document
 * was issued; nothing is recomputed here. The seller and buyer of an issued document come from its
 * snapshot (DocumentSnapshot, taken when it was issued); only drafts use the current data. A
 * document issued before snapshots existed gets one at first use, from the data of that moment.
 */
import type { AppContext } from '../services/context.ts';
import { notFound } from '../domain/errors.ts';
import { readKeepWholeWords } from '../domain/keep-whole-words.ts';
import { bangkokDate, formatDateTime, isoWithBangkokOffset } from '../domain/dates.ts';
import { printedLines, printedQuote, printedTotals } from '../services/document-fields.ts';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from '../domain/payment-status.ts';
import { getBusiness } from '../services/business.ts';
import { findBusinessLogo } from '../services/business-logo.ts';
import { parseDocumentId } from '../portal/document-ids.ts';
import { taxInvoiceContent } from './tax-invoice-content.ts';
import { depositRequestState, invoiceRequestState } from './request-state.ts';
import type { DocumentModel, DocumentSeller, DocumentBuyer, DocumentTotals } from './document-model.ts';
import {
  isStoredAtIssue,
  parseParties,
  serializeParties,
  takeParties,
  type BuyerSnapshot,
  type PartiesSnapshot,
  type SellerSnapshot,
} from '../domain/document-snapshot.ts';

export interface DocumentOwner {
  customerId: string;
  quote?: { id: string; customerId: string; status: string };
  invoice?: { id: string; customerId: string; status: string };
  deposit?: { customerId: string; quoteId: string | null; quoteStatus: string | null };
  /** The customer's statement of account: customer-wide links only (portal/scope.ts). */
  statement?: true;
}

export interface LoadedDocument {
  model: DocumentModel;
  owner: DocumentOwner;
  /** Stored at first render. Drafts and requests for payment (invoice, deposit request) are not: rendered on demand with their current state. */
  issued: boolean;
}

/**
 * `current`: today's business row, for its keep-whole words — how lines break is layout, not a
 * fact of the parties, so it is not part of the snapshot — and the logo of this moment (issued
 * documents are rendered and stored once, at issue, so they keep the logo they were issued with).
 */
export function seller(b: SellerSnapshot, lang: 'th' | 'en', current: { keepWholeWords: string; logo?: { png: Uint8Array } | null }): DocumentSeller {
  return {
    name: b.name,
    nameEn: b.nameEn,
    address: lang === 'en' && b.addressEn ? b.addressEn : b.address,
    taxId: b.taxId ?? '',
    branch: b.branchCode,
    phone: b.phone,
    email: b.email,
    vatRegistered: b.vatRegistered,
    keepWholeWords: readKeepWholeWords(current.keepWholeWords),
    logo: current.logo ? Buffer.from(current.logo.png) : null,
  };
}

export function buyer(c: Omit<BuyerSnapshot, 'language'>): DocumentBuyer {
  return { name: c.name, companyName: c.companyName, address: c.address, taxId: c.taxId, branch: c.branchCode };
}

export const lang = (c: { language: string }) => (c.language === 'en' ? 'en' : 'th') as 'th' | 'en';

const lines = printedLines;
const totals = (d: Parameters<typeof printedTotals>[0]): DocumentTotals => printedTotals(d);

const methodLabel = (method: string | null, l: 'th' | 'en') => {
  const labels = PAYMENT_METHOD_LABELS[(method ?? 'other') as PaymentMethod] ?? PAYMENT_METHOD_LABELS.other;
  return l === 'th' ? `${labels.th} / ${labels.en}` : `${labels.en} / ${labels.th}`;
};

/**
 * The parties to print. Issued: the snapshot; a snapshot without parties (issued before snapshots
 * existed) is filled now. A legal document with no snapshot row at all is left as it is: the
 * caller treats it as unknown (document-pdfs.ts), it is never given a new identity here.
 */
async function partiesFor(ctx: AppContext, kind: string, recordId: string, issued: boolean, current: PartiesSnapshot): Promise<PartiesSnapshot> {
  if (!issued) return current;
  const key = { documentType: kind, documentId: recordId };
  const row = await ctx.db.documentSnapshot.findUnique({ where: { documentType_documentId: key } });
  if (row?.parties) return parseParties(row.parties);
  const parties = serializeParties(current);
  if (row) await ctx.db.documentSnapshot.updateMany({ where: { ...key, parties: null }, data: { parties } });
  else if (!isStoredAtIssue(kind)) {
    await ctx.db.documentSnapshot.upsert({ where: { documentType_documentId: key }, create: { ...key, parties, takenAt: ctx.clock.now() }, update: {} });
  }
  // A concurrent first use may have filled it first: print what is stored.
  const stored = row ? await ctx.db.documentSnapshot.findUnique({ where: { documentType_documentId: key } }) : null;
  return stored?.parties ? parseParties(stored.parties) : current;
}

export async function loadDocumentModel(ctx: AppContext, documentId: string): Promise<LoadedDocument> {
  const parsed = parseDocumentId(documentId);
  if (!parsed) throw notFound('Document');
  const { kind, recordId } = parsed;
  const business = await getBusiness(ctx.db);
  const printing = { keepWholeWords: business.keepWholeWords, logo: await findBusinessLogo(ctx.db) };

  if (kind === 'quote' || kind === 'signed_quote') {
    const q = await ctx.db.quote.findUnique({ where: { id: recordId }, include: { customer: true, lines: { orderBy: { position: 'asc' } }, signature: true } });
    if (!q || (kind === 'signed_quote' && !q.signature)) throw notFound('Document');
    const issued = kind === 'signed_quote' || q.status !== 'draft';
    const parties = await partiesFor(ctx, kind, recordId, issued, takeParties(business, q.customer));
    const l = lang(parties.buyer);
    // The same printed facts the portal page shows (services/document-fields.ts).
    const base = { lang: l, seller: seller(parties.seller, l, printing), buyer: buyer(parties.buyer), ...printedQuote(q) };
    const owner = { customerId: q.customerId, quote: { id: q.id, customerId: q.customerId, status: q.status } };
    if (kind === 'quote') {
      const stamp = q.status === 'draft' ? { kind: 'draft' as const } : null;
      return { model: { kind: 'quote', ...base, stamp }, owner, issued };
    }
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
    const parties = await partiesFor(ctx, kind, recordId, true, takeParties(business, inv.customer));
    const l = lang(parties.buyer);
    const content = taxInvoiceContent(inv, { baseSatang: p.taxBaseSatang, vatSatang: p.taxVatSatang }, l);
    return {
      model: {
        kind: 'tax_invoice',
        lang: l,
        seller: seller(parties.seller, l, printing),
        buyer: buyer(parties.buyer),
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
    const parties = await partiesFor(ctx, kind, recordId, true, takeParties(business, inv.customer));
    const l = lang(parties.buyer);
    return {
      model: {
        kind: 'credit_note',
        lang: l,
        seller: seller(parties.seller, l, printing),
        buyer: buyer(parties.buyer),
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
    const issued = inv.status !== 'draft';
    const parties = await partiesFor(ctx, kind, recordId, issued, takeParties(business, inv.customer));
    const l = lang(parties.buyer);
    const owner = { customerId: inv.customerId, invoice: { id: inv.id, customerId: inv.customerId, status: inv.status } };
    const base = {
      lang: l,
      seller: seller(parties.seller, l, printing),
      buyer: buyer(parties.buyer),
      note: inv.notes,
      lines: lines(inv.lines),
      totals: totals(inv),
    };
    // A request for payment, not a legal record: the issued content (from its snapshot) stamped with
    // its state now (request-state.ts), rendered at each download and never stored.
    return {
      model: {
        kind: 'invoice',
        ...base,
        number: inv.number,
        issueDate: inv.issueDate,
        dueDate: inv.dueDate,
        ...invoiceRequestState(inv, business),
      },
      owner,
      issued: false,
    };
  }

  if (kind === 'deposit_request') {
    const d = await ctx.db.deposit.findUnique({ where: { id: recordId }, include: { customer: true, quote: true, job: true } });
    if (!d) throw notFound('Document');
    const parties = await partiesFor(ctx, kind, recordId, true, takeParties(business, d.customer));
    const l = lang(parties.buyer);
    return {
      model: {
        kind: 'deposit_request',
        lang: l,
        seller: seller(parties.seller, l, printing),
        buyer: buyer(parties.buyer),
        number: d.number,
        issueDate: bangkokDate(d.createdAt),
        depositNumber: d.number,
        amountSatang: d.requiredSatang,
        quoteNumber: d.quote?.number ?? null,
        jobNumber: d.job?.number ?? null,
        ...depositRequestState(d, business),
      },
      owner: { customerId: d.customerId, deposit: { customerId: d.customerId, quoteId: d.quoteId, quoteStatus: d.quote?.status ?? null } },
      // A request for payment: rendered with its current state at each download, never stored.
      issued: false,
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
  const parties = await partiesFor(ctx, kind, recordId, true, takeParties(business, r.customer));
  const l = lang(parties.buyer);
  const common = {
    kind: 'receipt' as const,
    lang: l,
    seller: seller(parties.seller, l, printing),
    buyer: buyer(parties.buyer),
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
