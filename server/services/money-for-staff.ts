/** What staff see before they record money in the bot: the invoice or deposit, its customer and what is still open. */
import type { AppContext } from './context.ts';
import { notFound } from '../domain/errors.ts';
import { invoiceBalanceSatang } from '../domain/invoice-status.ts';
import { assertPaymentFits } from '../domain/payment-fit.ts';
import { assertCanCollect, depositOutstandingSatang, type DepositStatus } from '../domain/deposit-status.ts';

/** The invoice a payment is for, refused (as recording it would be) when the amount does not fit. */
export async function previewPayment(ctx: AppContext, input: { number: string; amountSatang: number }) {
  const invoice = await ctx.db.invoice.findUnique({
    where: { number: input.number },
    select: { id: true, number: true, status: true, netPayableSatang: true, paidSatang: true, customer: { select: { name: true } } },
  });
  if (!invoice) throw notFound(`Invoice ${input.number}`);
  assertPaymentFits(invoice, input.amountSatang);
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    customerName: invoice.customer.name,
    balanceSatang: invoiceBalanceSatang(invoice.netPayableSatang, invoice.paidSatang),
  };
}

export interface DepositForStaff {
  id: string;
  number: string;
  status: DepositStatus;
  customerId: string;
  customerName: string;
  /** The client's own PromptPay ID for refunds (portal), normalised; null when they gave none. */
  refundPromptPayId: string | null;
  requiredSatang: number;
  /** Still to collect. */
  outstandingSatang: number;
  /** Collected and not yet returned or kept: what a return settles. */
  remainingHeldSatang: number;
}

export async function getDepositForStaff(ctx: AppContext, ref: { number: string } | { id: string }): Promise<DepositForStaff> {
  const deposit = await ctx.db.deposit.findUnique({
    where: 'id' in ref ? { id: ref.id } : { number: ref.number },
    include: { customer: { select: { name: true, refundPromptPayId: true } } },
  });
  if (!deposit) throw notFound('number' in ref ? `Deposit ${ref.number}` : 'Deposit');
  return {
    id: deposit.id,
    number: deposit.number,
    status: deposit.status as DepositStatus,
    customerId: deposit.customerId,
    customerName: deposit.customer.name,
    refundPromptPayId: deposit.customer.refundPromptPayId,
    requiredSatang: deposit.requiredSatang,
    outstandingSatang: depositOutstandingSatang(deposit),
    remainingHeldSatang: deposit.returnedSatang + deposit.deductedSatang > 0 ? 0 : deposit.heldSatang,
  };
}

/** The deposit money is collected for, refused (as recording it would be) when the amount does not fit. */
export async function previewDepositCollection(ctx: AppContext, input: { number: string; amountSatang: number }): Promise<DepositForStaff> {
  const deposit = await getDepositForStaff(ctx, { number: input.number });
  const amounts = await ctx.db.deposit.findUniqueOrThrow({ where: { id: deposit.id } });
  assertCanCollect(amounts, input.amountSatang);
  return deposit;
}
