/**
 * A bound client sends a slip photo in LINE chat: the same "I have paid" as the portal
 * (submitPaymentNotice, channel 'line', no link), seen customer-wide like their own portal.
 * A slip's mini QR carries no amount, so the notice is for the one balance due, for the full
 * balance; with several due the client chooses (the bot asks), and nothing is stored until then.
 */
import type { AppContext } from '../services/context.ts';
import type { LineMessageContent } from '../services/ports.ts';
import { invoiceBalanceSatang } from '../domain/invoice-status.ts';
import { depositOutstandingSatang } from '../domain/deposit-status.ts';
import { canSeeDeposit, canSeeInvoice } from './scope.ts';
import { submitPaymentNotice, type Payer, type SubmittedNotice } from './submit-payment-notice.ts';

export interface OutstandingBalance {
  /** `invoice.<id>` or `deposit.<id>`, as a notice names its target. */
  target: string;
  kind: 'invoice' | 'deposit';
  number: string;
  balanceSatang: number;
}

export type LineSlipResult =
  | { kind: 'nothing_due' }
  | { kind: 'choose'; balances: OutstandingBalance[] }
  /** LINE no longer has the image (or never had it): ask the client to send it again. */
  | { kind: 'unavailable' }
  | ({ kind: 'received'; balance: OutstandingBalance } & SubmittedNotice);

const customerWide = (customerId: string): Payer => ({ id: null, scope: 'customer', customerId, quoteId: null, invoiceId: null });

/** What the customer may pay now, oldest first: the balances their customer-wide portal shows as payable. */
export async function outstandingBalances(ctx: AppContext, customerId: string): Promise<OutstandingBalance[]> {
  const payer = customerWide(customerId);
  const [invoices, deposits] = await Promise.all([
    ctx.db.invoice.findMany({
      where: { customerId, status: { in: ['sent', 'partially_paid'] } },
      orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
      select: { id: true, customerId: true, status: true, number: true, netPayableSatang: true, paidSatang: true },
    }),
    ctx.db.deposit.findMany({
      where: { customerId },
      orderBy: [{ createdAt: 'asc' }, { number: 'asc' }],
      include: { quote: { select: { status: true } } },
    }),
  ]);
  const due: OutstandingBalance[] = [];
  for (const invoice of invoices) {
    const balance = invoiceBalanceSatang(invoice.netPayableSatang, invoice.paidSatang);
    if (balance > 0 && canSeeInvoice(payer, invoice))
      due.push({ target: `invoice.${invoice.id}`, kind: 'invoice', number: invoice.number, balanceSatang: balance });
  }
  for (const deposit of deposits) {
    if (!canSeeDeposit(payer, { ...deposit, quoteStatus: deposit.quote?.status ?? null })) continue;
    const balance = depositOutstandingSatang(deposit);
    if (balance > 0) due.push({ target: `deposit.${deposit.id}`, kind: 'deposit', number: deposit.number, balanceSatang: balance });
  }
  return due;
}

export interface LineSlipInput {
  customerId: string;
  messageId: string;
  /** The balance the client chose (a quick reply); null for a slip just sent. */
  target: string | null;
}

export async function sendSlipFromLine(ctx: AppContext, ports: { content: LineMessageContent }, input: LineSlipInput): Promise<LineSlipResult> {
  const balances = await outstandingBalances(ctx, input.customerId);
  if (balances.length === 0) return { kind: 'nothing_due' };
  // A chosen balance paid meanwhile (or not this customer's): offer what is still due.
  const balance = input.target !== null ? balances.find((b) => b.target === input.target) : balances.length === 1 ? balances[0] : undefined;
  if (!balance) return { kind: 'choose', balances };
  const content = await ports.content.fetch(input.messageId);
  if (!content) return { kind: 'unavailable' };
  const submitted = await submitPaymentNotice(ctx, {
    link: customerWide(input.customerId),
    target: balance.target,
    amountSatang: balance.balanceSatang,
    slip: content.bytes,
    withholdingCertificate: null,
    meta: { channel: 'line_chat', ip: null, userAgent: null },
  });
  return { kind: 'received', balance, ...submitted };
}
