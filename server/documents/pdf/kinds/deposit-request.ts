/** ใบแจ้งชำระเงินประกัน / Security Deposit Request, with a PromptPay QR. */
import type { DepositRequestDocument } from '../../document-model.ts';
import { SECURITY_DEPOSIT } from '../../../domain/labels.ts';
import { L, bi, both } from '../../labels.ts';
import { drawNote, drawNotice, drawTotalsSection, type KindLayout } from '../blocks.ts';
import { formatBaht, formatMinusBaht, printDate } from '../format.ts';
import { drawTable, simpleColumns } from '../line-table.ts';
import type { MetaRow } from '../page.ts';
import { drawSignatureSlots } from '../signature.ts';
import type { SummaryRow } from '../totals.ts';
import { depositNotVatNote } from './receipt.ts';

export function depositRequestLayout(model: DepositRequestDocument): KindLayout {
  const meta: MetaRow[] = [{ label: L.number, value: model.number }];
  if (model.depositNumber !== model.number) meta.push({ label: L.depositRef, value: model.depositNumber });
  meta.push({ label: L.date, value: printDate(model.issueDate, model.lang) });
  if (model.dueDate) meta.push({ label: L.dueDate, value: printDate(model.dueDate, model.lang) });
  if (model.quoteNumber) meta.push({ label: L.quoteRef, value: model.quoteNumber });
  if (model.jobNumber) meta.push({ label: L.jobRef, value: model.jobNumber });
  const collected = model.collectedSatang ?? 0;
  const outstanding = model.balanceSatang ?? Math.max(0, model.amountSatang - collected);
  const promptPay = model.promptPayPayload && outstanding > 0 ? { payload: model.promptPayPayload, amountSatang: outstanding } : null;

  return {
    meta,
    badges: [],
    promptPay,
    drawBody(ctx, assets) {
      const ref = model.quoteNumber ?? model.jobNumber;
      const label = ref ? bi(`${SECURITY_DEPOSIT.th} ตาม ${ref}`, `${SECURITY_DEPOSIT.en} for ${ref}`) : SECURITY_DEPOSIT;
      drawTable(ctx, simpleColumns(), [{ cells: ['1', both(label, model.lang), formatBaht(model.amountSatang)] }]);
      drawNotice(ctx, depositNotVatNote(model.lang));
      const qr = promptPay && assets.qrPng ? { png: assets.qrPng, amountSatang: promptPay.amountSatang } : null;
      const rows: SummaryRow[] = [{ label: L.depositAmount, value: formatBaht(model.amountSatang), strong: collected === 0 }];
      if (collected > 0) {
        rows.push({ label: L.paid, value: formatMinusBaht(collected) });
        rows.push({ label: L.balance, value: formatBaht(outstanding), strong: true });
      }
      drawTotalsSection(ctx, rows, model.amountSatang, qr);
      drawNote(ctx, model.note);
      drawSignatureSlots(ctx, [{ label: L.authorized, onBehalfOfSeller: true }]);
    },
  };
}
