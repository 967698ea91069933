/** The PromptPay QR for something the link may pay: an invoice balance or a deposit still to collect. */
import type { AppContext } from '../services/context.ts';
import type { ResolvedLink } from '../services/links.ts';
import { invoiceAmountDueSatang, type InvoiceStatus } from '../domain/invoice-status.ts';
import { depositOutstandingSatang } from '../domain/deposit-status.ts';
import { getBusiness } from '../services/business.ts';
import { amountDuePayload, qrPng } from '../payments/promptpay.ts';
import { canSeeDeposit, canSeeInvoice } from './scope.ts';

export async function payQrPng(ctx: AppContext, link: ResolvedLink, target: { kind: 'invoice' | 'deposit'; id: string }) {
  let amountSatang = 0;
  let number = '';
  if (target.kind === 'invoice') {
    const invoice = await ctx.db.invoice.findUnique({ where: { id: target.id } });
    if (!invoice || !canSeeInvoice(link, invoice)) return null;
    amountSatang = invoiceAmountDueSatang({
      status: invoice.status as InvoiceStatus,
      netPayableSatang: invoice.netPayableSatang,
      paidSatang: invoice.paidSatang,
    });
    number = invoice.number;
  } else {
    const deposit = await ctx.db.deposit.findUnique({ where: { id: target.id }, include: { quote: { select: { status: true } } } });
    if (!deposit || !canSeeDeposit(link, { ...deposit, quoteStatus: deposit.quote?.status ?? null })) return null;
    amountSatang = depositOutstandingSatang(deposit);
    number = deposit.number;
  }
  const business = await getBusiness(ctx.db);
  const payload = amountDuePayload(business, amountSatang, number);
  if (payload === null) return null;
  return { png: await qrPng(payload), payload, amountSatang, fileName: `PromptPay-${number}.png` };
}
