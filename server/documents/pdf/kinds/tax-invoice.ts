/**
 * ใบกำกับภาษี / Tax Invoice and the combined ใบเสร็จรับเงิน/ใบกำกับภาษี. Carries what
 * the Revenue Code asks for: the word ใบกำกับภาษี, seller and buyer name, address, tax
 * ID and branch, number, date, description, quantity and value, VAT shown separately.
 */
import type { ReceiptTaxInvoiceDocument, TaxInvoiceDocument } from '../../document-model.ts';
import { L } from '../../labels.ts';
import { drawDetails, drawNote, drawTotalsSection, type KindLayout } from '../blocks.ts';
import { formatBaht, printDate, printDateOrDateTime } from '../format.ts';
import { drawTable, itemColumns, itemRows } from '../line-table.ts';
import type { MetaRow } from '../page.ts';
import { drawSignatureSlots } from '../signature.ts';
import { totalsRows } from '../totals.ts';

export function taxInvoiceLayout(model: TaxInvoiceDocument | ReceiptTaxInvoiceDocument): KindLayout {
  const meta: MetaRow[] = [
    { label: L.number, value: model.number },
    { label: L.date, value: printDate(model.issueDate, model.lang) },
  ];
  if (model.invoiceNumber) meta.push({ label: L.invoiceRef, value: model.invoiceNumber });

  return {
    meta,
    badges: [L.original],
    promptPay: null,
    drawBody(ctx) {
      drawTable(ctx, itemColumns(), itemRows(model.lines));
      drawTotalsSection(ctx, totalsRows(model, model.totals), model.totals.totalSatang);
      if (model.kind === 'receipt_tax_invoice') {
        const { payment } = model;
        const rows: MetaRow[] = [
          { label: L.amountReceived, value: `${formatBaht(payment.amountSatang)}` },
          { label: L.paymentMethod, value: payment.methodLabel },
        ];
        if (payment.reference) rows.push({ label: L.paymentReference, value: payment.reference });
        rows.push({ label: L.paidAt, value: printDateOrDateTime(payment.paidAt, model.lang) });
        drawDetails(ctx, L.paymentDetails, rows);
      }
      drawNote(ctx, model.note);
      drawSignatureSlots(
        ctx,
        model.kind === 'receipt_tax_invoice'
          ? [{ label: L.receivedBy }, { label: L.authorized, onBehalfOfSeller: true }]
          : [{ label: L.goodsReceivedBy }, { label: L.authorized, onBehalfOfSeller: true }],
      );
    },
  };
}
