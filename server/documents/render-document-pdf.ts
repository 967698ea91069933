/**
 * renderDocumentPdf: a document model in, PDF bytes out. Pure apart from reading the
 * font files once per process: no clock, no randomness (the PDF dates and /ID come from
 * the issue date and the model), so the same model always gives the same bytes.
 */
import PDFDocument from 'pdfkit';
import { atBangkokTime } from '../domain/dates.ts';
import { conflict, validation } from '../domain/errors.ts';
import type { DocumentModel } from './document-model.ts';
import { documentTitle, L, both, primary } from './labels.ts';
import type { KindLayout } from './pdf/blocks.ts';
import { registerFonts } from './pdf/fonts.ts';
import { drawRunningHeader } from './pdf/header.ts';
import { creditNoteLayout } from './pdf/kinds/credit-note.ts';
import { depositRequestLayout } from './pdf/kinds/deposit-request.ts';
import { invoiceLayout } from './pdf/kinds/invoice.ts';
import { quoteLayout, signedQuoteLayout } from './pdf/kinds/quote.ts';
import { receiptLayout } from './pdf/kinds/receipt.ts';
import { statementLayout } from './pdf/kinds/statement.ts';
import { taxInvoiceLayout } from './pdf/kinds/tax-invoice.ts';
import { COLOR, CONTENT_RIGHT, CONTENT_WIDTH, PAGE, hRule, startPage, type RenderContext } from './pdf/page.ts';
import { promptPayQrPng } from './pdf/qr.ts';
import { drawStampBanner, drawStampWatermarks, stampLabel } from './pdf/stamp.ts';
import { drawLines, setKeepWholeWords } from './pdf/text-layout.ts';

export type { DocumentModel } from './document-model.ts';

const TAX_ID = /^\d{13}$/;
const BRANCH = /^\d{5}$/;

/** Refuses models that would print a wrong or unlawful document. */
export function assertPrintable(model: DocumentModel): void {
  const { seller } = model;
  if ((model.kind === 'tax_invoice' || model.kind === 'receipt_tax_invoice' || model.kind === 'credit_note') && !seller.vatRegistered) {
    throw conflict('a business that is not VAT-registered cannot issue a tax invoice', { kind: model.kind });
  }
  if (!TAX_ID.test(seller.taxId)) throw validation('seller.taxId', 'seller tax ID must be 13 digits');
  if (!BRANCH.test(seller.branch)) throw validation('seller.branch', 'seller branch must be 5 digits');
  const { buyer } = model;
  if (buyer.taxId && !TAX_ID.test(buyer.taxId)) throw validation('buyer.taxId', 'buyer tax ID must be 13 digits');
  if (buyer.branch && !BRANCH.test(buyer.branch)) throw validation('buyer.branch', 'buyer branch must be 5 digits');
  if ('totals' in model && !seller.vatRegistered && model.totals.vatSatang !== 0) {
    throw conflict('a business that is not VAT-registered cannot charge VAT', { vatSatang: model.totals.vatSatang });
  }
  if (model.kind === 'credit_note') {
    const { originalValueSatang: original, correctValueSatang: correct, differenceSatang: difference } = model;
    if (original - correct !== difference || difference + model.vatOnDifferenceSatang !== model.totalSatang) {
      throw validation('differenceSatang', 'the difference must be the original value less the correct value, and the total the difference plus its VAT');
    }
  }
  if (model.kind === 'receipt' && model.receiptType === 'DEPRR') {
    const deducted = model.deductions.reduce((sum, d) => sum + d.amountSatang, 0);
    if (model.originalHeldSatang - deducted !== model.returnedSatang || model.amountSatang !== model.returnedSatang) {
      throw validation('returnedSatang', 'returned amount must equal the amount held minus the deductions');
    }
  }
}

function layoutFor(model: DocumentModel): KindLayout {
  switch (model.kind) {
    case 'quote':
      return quoteLayout(model);
    case 'signed_quote':
      return signedQuoteLayout(model);
    case 'invoice':
      return invoiceLayout(model);
    case 'tax_invoice':
    case 'receipt_tax_invoice':
      return taxInvoiceLayout(model);
    case 'receipt':
      return receiptLayout(model);
    case 'deposit_request':
      return depositRequestLayout(model);
    case 'credit_note':
      return creditNoteLayout(model);
    case 'statement':
      return statementLayout(model);
  }
}

function createDocument(model: DocumentModel): PDFKit.PDFDocument {
  // Midday Bangkok time of the issue date: the same instant wherever the server runs.
  const stamp = atBangkokTime(model.issueDate, 12);
  const title = documentTitle(model);
  return new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    compress: true,
    lang: model.lang === 'th' ? 'th-TH' : 'en-US',
    displayTitle: true,
    // No default Helvetica: every glyph comes from the embedded Sarabun.
    font: null as unknown as string,
    info: {
      Title: `${both(title, model.lang)} ${model.number}`,
      Author: model.seller.name,
      Subject: model.number,
      Creator: 'Client Portal',
      Producer: 'Client Portal (PDFKit)',
      // pdfkit derives the trailer /ID from these fields, so fixing them fixes the ID.
      CreationDate: stamp,
      ModDate: stamp,
    },
  });
}

function drawFooters(ctx: RenderContext): void {
  const { doc, lang } = ctx;
  const range = doc.bufferedPageRange();
  const total = range.count;
  const style = { size: 7.5, color: COLOR.muted };
  const left = `${primary(documentTitle(ctx.model), lang)} ${ctx.model.number}`;
  for (let i = 0; i < total; i += 1) {
    doc.switchToPage(range.start + i);
    hRule(doc, PAGE.left, CONTENT_RIGHT, PAGE.footerY - 4, COLOR.faintRule, 0.6);
    drawLines(doc, [left], PAGE.left, PAGE.footerY, CONTENT_WIDTH / 2, style);
    drawLines(doc, [`${both(L.page, lang)} ${i + 1}/${total}`], PAGE.left + CONTENT_WIDTH / 2, PAGE.footerY, CONTENT_WIDTH / 2, style, {
      align: 'right',
    });
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export async function renderDocumentPdf(model: DocumentModel): Promise<Buffer> {
  assertPrintable(model);
  const layout = layoutFor(model);
  const qrPng = layout.promptPay ? await promptPayQrPng(layout.promptPay.payload) : null;

  const doc = createDocument(model);
  const done = collect(doc);
  registerFonts(doc);
  setKeepWholeWords(doc, model.seller.keepWholeWords ?? []);
  const ctx: RenderContext = {
    doc,
    model,
    lang: model.lang,
    y: PAGE.top,
    meta: layout.meta,
    badges: model.stamp ? [...layout.badges, stampLabel(model.stamp)] : layout.badges,
    drawRunningHeader,
    onPageBreak: null,
  };
  startPage(ctx, true);
  if (model.stamp) drawStampBanner(ctx, model.stamp);
  layout.drawBody(ctx, { qrPng });
  if (model.stamp) drawStampWatermarks(ctx, model.stamp);
  drawFooters(ctx);
  doc.end();
  return done;
}
