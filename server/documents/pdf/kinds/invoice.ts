/** ใบแจ้งหนี้ / Invoice, with a PromptPay QR for the balance while unpaid. */
import type { InvoiceDocument } from '../../document-model.ts';
import { L } from '../../labels.ts';
import { drawNote, drawTotalsSection, type KindLayout } from '../blocks.ts';
import { formatBaht, formatMinusBaht, printDate } from '../format.ts';
import { drawTable, itemColumns, itemRows } from '../line-table.ts';
import type { MetaRow } from '../page.ts';
import { drawSignatureSlots } from '../signature.ts';
import { totalsRows } from '../totals.ts';

export function invoiceLayout(model: InvoiceDocument): KindLayout {
  const meta: MetaRow[] = [
    { label: L.number, value: model.number },
    { label: L.date, value: printDate(model.issueDate, model.lang) },
  ];
  if (model.dueDate) meta.push({ label: L.dueDate, value: printDate(model.dueDate, model.lang) });
  const promptPay = model.promptPayPayload && model.balanceSatang > 0 ? { payload: model.promptPayPayload, amountSatang: model.balanceSatang } : null;

  return {
    meta,
    // The state (paid, partly paid, void, draft) is the model's stamp, drawn for every kind.
    badges: [],
    promptPay,
    drawBody(ctx, assets) {
      drawTable(ctx, itemColumns(), itemRows(model.lines));
      const rows = totalsRows(model, model.totals);
      if (model.paidSatang > 0) {
        const last = rows[rows.length - 1];
        if (last) last.strong = false;
        rows.push({ label: L.paid, value: formatMinusBaht(model.paidSatang) });
        rows.push({ label: L.balance, value: formatBaht(model.balanceSatang), strong: true });
      }
      const qr = promptPay && assets.qrPng ? { png: assets.qrPng, amountSatang: promptPay.amountSatang } : null;
      drawTotalsSection(ctx, rows, model.totals.totalSatang, qr);
      drawNote(ctx, model.note);
      drawSignatureSlots(ctx, [{ label: L.billReceivedBy }, { label: L.authorized, onBehalfOfSeller: true }]);
    },
  };
}
