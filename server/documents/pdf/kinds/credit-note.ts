/**
 * ใบลดหนี้ / Credit Note, issued when a payment recorded in error is voided: it reverses the
 * tax invoice of that payment. Revenue Code s.86/10 asks for the words ใบลดหนี้, the seller's and
 * buyer's names, addresses and tax IDs, the number and date, the original tax invoice's number and
 * date, the original value, the correct value, the difference, the VAT on the difference, and the
 * reason. The amounts come computed in the model; this file only prints them.
 */
import type { CreditNoteDocument } from '../../document-model.ts';
import { DEFAULT_VAT_RATE_BASIS_POINTS } from '../../../domain/money.ts';
import { L, bi } from '../../labels.ts';
import { drawDetails, drawNote, drawTotalsSection, type KindLayout } from '../blocks.ts';
import { formatBaht, printDate } from '../format.ts';
import { drawTable, simpleColumns } from '../line-table.ts';
import type { MetaRow } from '../page.ts';
import { drawSignatureSlots } from '../signature.ts';
import type { SummaryRow } from '../totals.ts';

const CN = {
  taxInvoiceRef: bi('ใบกำกับภาษีเดิม', 'Orig. tax invoice'),
  taxInvoiceDate: bi('ลงวันที่', 'Dated'),
  originalValue: bi('มูลค่าตามใบกำกับภาษีเดิม', 'Original value'),
  correctValue: bi('มูลค่าที่ถูกต้อง', 'Correct value'),
  difference: bi('ผลต่าง', 'Difference'),
  creditTotal: bi('รวมลดหนี้ทั้งสิ้น', 'Total credited'),
  reason: bi('เหตุที่ลดหนี้', 'Reason'),
  details: bi('รายละเอียดการลดหนี้', 'Credit note details'),
};

function percent(basisPoints: number): string {
  return `${(basisPoints / 100).toString()}%`;
}

export function creditNoteLayout(model: CreditNoteDocument): KindLayout {
  const meta: MetaRow[] = [
    { label: L.number, value: model.number },
    { label: L.date, value: printDate(model.issueDate, model.lang) },
    { label: CN.taxInvoiceRef, value: model.taxInvoiceNumber },
    { label: CN.taxInvoiceDate, value: printDate(model.taxInvoiceDate, model.lang) },
  ];
  if (model.invoiceNumber) meta.push({ label: L.invoiceRef, value: model.invoiceNumber });
  const rate = percent(model.vatRateBasisPoints || DEFAULT_VAT_RATE_BASIS_POINTS);
  const line = bi(
    `ลดหนี้ตามใบกำกับภาษีเลขที่ ${model.taxInvoiceNumber} ลงวันที่ ${printDate(model.taxInvoiceDate, 'th')}`,
    `Credit against tax invoice ${model.taxInvoiceNumber} dated ${printDate(model.taxInvoiceDate, 'en')}`,
  );
  const summary: SummaryRow[] = [
    { label: CN.originalValue, value: formatBaht(model.originalValueSatang) },
    { label: CN.correctValue, value: formatBaht(model.correctValueSatang) },
    { label: CN.difference, value: formatBaht(model.differenceSatang) },
    { label: bi(`ภาษีมูลค่าเพิ่มของผลต่าง ${rate}`, `VAT ${rate} on difference`), value: formatBaht(model.vatOnDifferenceSatang) },
    { label: CN.creditTotal, value: formatBaht(model.totalSatang), strong: true },
  ];
  return {
    meta,
    badges: [L.original],
    promptPay: null,
    drawBody(ctx) {
      const primaryFirst = ctx.lang === 'th' ? `${line.th}\n${line.en}` : `${line.en}\n${line.th}`;
      drawTable(ctx, simpleColumns(), [{ cells: ['1', primaryFirst, formatBaht(model.differenceSatang)] }]);
      drawTotalsSection(ctx, summary, model.totalSatang);
      drawDetails(ctx, CN.details, [
        { label: CN.reason, value: model.reason },
        { label: CN.taxInvoiceRef, value: `${model.taxInvoiceNumber} (${printDate(model.taxInvoiceDate, ctx.lang)})` },
      ]);
      drawNote(ctx, model.note);
      drawSignatureSlots(ctx, [{ label: bi('ผู้รับใบลดหนี้', 'Received by') }, { label: L.authorized, onBehalfOfSeller: true }]);
    },
  };
}
