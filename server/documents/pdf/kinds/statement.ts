/**
 * ใบแจ้งยอดบัญชี / Statement of account: the opening balance, then each Buddhist-era month with
 * its invoices (debits) and payments (credits) and the running balance, the closing balance, the
 * period's totals, and what the balance leaves out (deposits).
 */
import { formatDate, formatMonth } from '../../../domain/dates.ts';
import type { StatementDocument } from '../../document-model.ts';
import { L, both } from '../../labels.ts';
import { drawNotice, type KindLayout } from '../blocks.ts';
import { formatBaht } from '../format.ts';
import { drawTable, type Column, type TableRow } from '../line-table.ts';
import { CONTENT_WIDTH, ensureSpace, type MetaRow } from '../page.ts';
import { drawSummary, summaryHeight, type SummaryRow } from '../totals.ts';

const WIDTH = { date: 68, document: 80, money: 68, balance: 74 };

function columns(): Column[] {
  return [
    { label: L.colDate, width: WIDTH.date, align: 'left' },
    { label: L.colDocument, width: WIDTH.document, align: 'left' },
    { label: L.colDescription, width: CONTENT_WIDTH - WIDTH.date - WIDTH.document - 2 * WIDTH.money - WIDTH.balance, align: 'left' },
    { label: L.colDebit, width: WIDTH.money, align: 'right' },
    { label: L.colCredit, width: WIDTH.money, align: 'right' },
    { label: L.colBalance, width: WIDTH.balance, align: 'right' },
  ];
}

const amount = (satang: number) => (satang === 0 ? '' : formatBaht(satang));

function rows(model: StatementDocument): TableRow[] {
  const { lang } = model;
  const out: TableRow[] = [
    { cells: [formatDate(model.period.from, lang, 'short'), '', both(L.openingBalance, lang), '', '', formatBaht(model.openingBalanceSatang)], bold: true },
  ];
  for (const month of model.months) {
    // In the customer's language, like the dates in the rows (Buddhist era in Thai).
    out.push({ cells: ['', '', formatMonth(month.month, lang), '', '', ''], bold: true });
    for (const r of month.rows) {
      out.push({
        cells: [formatDate(r.date, lang, 'short'), r.documentNumber, r.description, amount(r.debitSatang), amount(r.creditSatang), formatBaht(r.balanceSatang)],
      });
    }
  }
  out.push({
    cells: [
      formatDate(model.period.to, lang, 'short'),
      '',
      both(L.closingBalance, lang),
      formatBaht(model.totalDebitSatang),
      formatBaht(model.totalCreditSatang),
      formatBaht(model.closingBalanceSatang),
    ],
    bold: true,
  });
  return out;
}

export function statementLayout(model: StatementDocument): KindLayout {
  const meta: MetaRow[] = [
    { label: L.period, value: `${formatDate(model.period.from, model.lang, 'short')} – ${formatDate(model.period.to, model.lang, 'short')}` },
    { label: L.date, value: formatDate(model.issueDate, model.lang, 'short') },
  ];
  return {
    meta,
    badges: [],
    promptPay: null,
    drawBody(ctx) {
      drawTable(ctx, columns(), rows(model));
      const summary: SummaryRow[] = [
        { label: L.openingBalance, value: formatBaht(model.openingBalanceSatang) },
        { label: L.totalDebits, value: formatBaht(model.totalDebitSatang) },
        { label: L.totalCredits, value: formatBaht(model.totalCreditSatang) },
        { label: L.closingBalance, value: formatBaht(model.closingBalanceSatang), strong: true },
      ];
      const gap = 10;
      ensureSpace(ctx, gap + summaryHeight(ctx, summary));
      ctx.y += gap + drawSummary(ctx, summary, ctx.y + gap);
      drawNotice(ctx, both(L.statementNotes, ctx.lang, '\n'));
    },
  };
}
