/** ใบเสนอราคา / Quotation, and the same quote signed online (signature + audit record). */
import type { QuoteDocument, SignedQuoteDocument } from '../../document-model.ts';
import { L } from '../../labels.ts';
import { drawNote, drawTotalsSection, type KindLayout } from '../blocks.ts';
import { formatBaht, printDate } from '../format.ts';
import { itemColumns, itemRows, drawTable } from '../line-table.ts';
import type { MetaRow, RenderContext } from '../page.ts';
import { drawSignatureAudit, drawSignatureSlots } from '../signature.ts';
import { totalsRows, type SummaryRow } from '../totals.ts';

function quoteMeta(model: QuoteDocument | SignedQuoteDocument): MetaRow[] {
  const rows: MetaRow[] = [
    { label: L.number, value: model.number },
    { label: L.date, value: printDate(model.issueDate, model.lang) },
  ];
  if (model.validUntil) rows.push({ label: L.validUntil, value: printDate(model.validUntil, model.lang) });
  return rows;
}

function drawQuoteBody(ctx: RenderContext, model: QuoteDocument | SignedQuoteDocument): void {
  drawTable(ctx, itemColumns(), itemRows(model.lines));
  const rows: SummaryRow[] = totalsRows(model, model.totals);
  if (model.depositSatang && model.depositSatang > 0) {
    // Not part of the total: a refundable deposit asked on acceptance.
    rows.push({ label: L.securityDeposit, value: formatBaht(model.depositSatang) });
  }
  drawTotalsSection(ctx, rows, model.totals.totalSatang);
  if (model.depositSatang && model.depositSatang > 0) {
    drawNote(
      ctx,
      [
        model.note?.trim(),
        model.lang === 'th'
          ? 'เงินประกันชำระแยกจากยอดใบเสนอราคา คืนได้เมื่อจบงาน และไม่อยู่ในบังคับภาษีมูลค่าเพิ่ม'
          : 'The security deposit is paid separately from the quoted total, is refundable at the end of the job and is not subject to VAT.',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  } else {
    drawNote(ctx, model.note);
  }
}

export function quoteLayout(model: QuoteDocument): KindLayout {
  return {
    meta: quoteMeta(model),
    badges: [],
    promptPay: null,
    drawBody(ctx) {
      drawQuoteBody(ctx, model);
      drawSignatureSlots(ctx, [{ label: L.customerAcceptance }, { label: L.authorized, onBehalfOfSeller: true }]);
    },
  };
}

export function signedQuoteLayout(model: SignedQuoteDocument): KindLayout {
  const { signature } = model;
  return {
    meta: quoteMeta(model),
    badges: [L.signed],
    promptPay: null,
    drawBody(ctx) {
      drawQuoteBody(ctx, model);
      drawSignatureSlots(ctx, [
        { label: L.customerAcceptance, image: signature.pngBytes, name: signature.signerName, date: signature.signedAtThai },
        { label: L.authorized, onBehalfOfSeller: true },
      ]);
      drawSignatureAudit(ctx, signature);
    },
  };
}
