/**
 * Receipts, one sequence per type: RC (payment of an invoice), PREREC (pre-payment before
 * the job starts), DEPR (security deposit received: not subject to VAT) and DEPRR
 * (deposit returned, with each deduction and its reason). Every receipt writes the
 * amount in words.
 */
import { DEPOSIT_NOT_VAT_NOTE_EN, DEPOSIT_NOT_VAT_NOTE_TH, type DocumentLang, type ReceiptDocument } from '../../document-model.ts';
import { SECURITY_DEPOSIT } from '../../../domain/labels.ts';
import { L, bi, both, type Bilingual } from '../../labels.ts';
import { drawDetails, drawNote, drawNotice, drawTotalsSection, type KindLayout } from '../blocks.ts';
import { formatBaht, formatMinusBaht, printDate, printDateOrDateTime } from '../format.ts';
import { drawTable, simpleColumns, type TableRow } from '../line-table.ts';
import type { MetaRow } from '../page.ts';
import { drawSignatureSlots, type SignatureSlot } from '../signature.ts';
import type { SummaryRow } from '../totals.ts';

export function depositNotVatNote(lang: DocumentLang): string {
  return both(bi(DEPOSIT_NOT_VAT_NOTE_TH, DEPOSIT_NOT_VAT_NOTE_EN), lang);
}

function withDescription(main: Bilingual, lang: DocumentLang, description: string | null | undefined): string {
  const extra = description?.trim();
  return extra ? `${both(main, lang)}\n${extra}` : both(main, lang);
}

function receiptMeta(model: ReceiptDocument): MetaRow[] {
  const rows: MetaRow[] = [
    { label: L.number, value: model.number },
    { label: L.date, value: printDate(model.issueDate, model.lang) },
  ];
  switch (model.receiptType) {
    case 'RC':
      if (model.invoiceNumber) rows.push({ label: L.invoiceRef, value: model.invoiceNumber });
      if (model.taxInvoiceNumber) rows.push({ label: L.taxInvoiceRef, value: model.taxInvoiceNumber });
      break;
    case 'PREREC':
      if (model.quoteNumber) rows.push({ label: L.quoteRef, value: model.quoteNumber });
      if (model.jobNumber) rows.push({ label: L.jobRef, value: model.jobNumber });
      if (model.taxInvoiceNumber) rows.push({ label: L.taxInvoiceRef, value: model.taxInvoiceNumber });
      break;
    case 'DEPR':
    case 'DEPRR':
      rows.push({ label: L.depositRef, value: model.depositNumber });
      break;
  }
  return rows;
}

function receiptRows(model: ReceiptDocument): TableRow[] {
  const { lang } = model;
  switch (model.receiptType) {
    case 'RC': {
      const label = model.invoiceNumber
        ? bi(`รับชำระเงินตามใบแจ้งหนี้เลขที่ ${model.invoiceNumber}`, `Payment for invoice ${model.invoiceNumber}`)
        : bi('รับชำระเงิน', 'Payment received');
      return [{ cells: ['1', withDescription(label, lang, model.description), formatBaht(settledSatang(model))] }];
    }
    case 'PREREC': {
      const ref = model.quoteNumber ?? model.jobNumber;
      const label = ref
        ? bi(`รับเงินล่วงหน้าก่อนเริ่มงาน ตาม ${ref}`, `Advance payment before the job starts, for ${ref}`)
        : bi('รับเงินล่วงหน้าก่อนเริ่มงาน', 'Advance payment before the job starts');
      return [{ cells: ['1', withDescription(label, lang, model.description), formatBaht(settledSatang(model))] }];
    }
    case 'DEPR': {
      const label = bi(`${SECURITY_DEPOSIT.th} เลขที่ ${model.depositNumber}`, `${SECURITY_DEPOSIT.en} ${model.depositNumber}`);
      return [{ cells: ['1', withDescription(label, lang, model.description), formatBaht(model.amountSatang)] }];
    }
    case 'DEPRR': {
      const rows: TableRow[] = [
        {
          cells: ['1', `${both(L.depositHeld, lang)} (${model.depositNumber})`, formatBaht(model.originalHeldSatang)],
        },
      ];
      model.deductions.forEach((deduction, index) => {
        rows.push({
          cells: [String(index + 2), `${both(L.deduction, lang)}: ${deduction.reason}`, formatMinusBaht(deduction.amountSatang)],
        });
      });
      return rows;
    }
  }
}

/** The part of the invoice a payment settled: the cash plus the tax the customer withheld on it. */
function settledSatang(model: ReceiptDocument): number {
  return (model.receiptType === 'RC' || model.receiptType === 'PREREC') && model.settlement ? model.settlement.grossSatang : model.amountSatang;
}

function percent(basisPoints: number): string {
  return basisPoints > 0 ? ` ${(basisPoints / 100).toString()}%` : '';
}

function receiptSummary(model: ReceiptDocument): SummaryRow[] {
  if ((model.receiptType === 'RC' || model.receiptType === 'PREREC') && model.settlement) {
    const { grossSatang, withheldSatang, withholdingBasisPoints } = model.settlement;
    const rate = percent(withholdingBasisPoints);
    return [
      { label: L.grossSettled, value: formatBaht(grossSatang) },
      { label: bi(`${L.withholding.th}${rate}`, `${L.withholding.en}${rate}`), value: formatMinusBaht(withheldSatang) },
      { label: L.amountReceived, value: formatBaht(model.amountSatang), strong: true },
    ];
  }
  if (model.receiptType === 'DEPRR') {
    const deducted = model.deductions.reduce((sum, d) => sum + d.amountSatang, 0);
    return [
      { label: L.depositHeld, value: formatBaht(model.originalHeldSatang) },
      { label: bi('รวมหักค่าใช้จ่าย', 'Total deductions'), value: formatMinusBaht(deducted) },
      { label: L.amountReturned, value: formatBaht(model.returnedSatang), strong: true },
    ];
  }
  return [{ label: L.amountReceived, value: formatBaht(model.amountSatang), strong: true }];
}

function receiptSignatures(model: ReceiptDocument): SignatureSlot[] {
  if (model.receiptType === 'DEPRR') {
    return [{ label: L.refundReceivedBy }, { label: L.authorized, onBehalfOfSeller: true }];
  }
  return [{ label: L.receivedBy }, { label: L.authorized, onBehalfOfSeller: true }];
}

export function receiptLayout(model: ReceiptDocument): KindLayout {
  return {
    meta: receiptMeta(model),
    badges: [L.original],
    promptPay: null,
    drawBody(ctx) {
      drawTable(ctx, simpleColumns(), receiptRows(model));
      if (model.receiptType === 'DEPR') drawNotice(ctx, depositNotVatNote(model.lang));
      drawTotalsSection(ctx, receiptSummary(model), model.amountSatang);
      const details: MetaRow[] = [{ label: model.receiptType === 'DEPRR' ? bi('วิธีคืนเงิน', 'Refund method') : L.paymentMethod, value: model.methodLabel }];
      if (model.reference) details.push({ label: L.paymentReference, value: model.reference });
      if ((model.receiptType === 'RC' || model.receiptType === 'PREREC') && model.settlement) {
        details.push({ label: L.withholdingCertificate, value: model.settlement.certificateRef ?? both(L.certificateToFollow, model.lang) });
      }
      details.push({
        label: model.receiptType === 'DEPRR' ? bi('วันที่คืนเงิน', 'Refunded on') : L.paidAt,
        value: printDateOrDateTime(model.paidAt, model.lang),
      });
      drawDetails(ctx, model.receiptType === 'DEPRR' ? bi('รายละเอียดการคืนเงิน', 'Refund details') : L.paymentDetails, details);
      drawNote(ctx, model.note);
      drawSignatureSlots(ctx, receiptSignatures(model));
    },
  };
}
