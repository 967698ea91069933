/**
 * Deposit and payment lists of the back office, newest first, with the customer's name. The
 * deposit filter `to_return` is what staff must give back now: money still held on a job whose
 * equipment is coming back or is back (stage returning or closed).
 */
import type { AppContext } from './context.ts';
import type { Prisma } from '../data/database.ts';
import type { DepositStatus } from '../domain/deposit-status.ts';
import type { PaymentStatus } from '../domain/payment-status.ts';
import { byInstant, keysetPage, type KeysetArgs, type PageRequest } from './pagination.ts';

const withCustomerName = { customer: { select: { name: true } } } as const;

export type DepositListStatus = DepositStatus | 'to_return';

/** Held money whose job no longer needs it; nothing has been returned or kept from it yet. */
export const DEPOSITS_TO_RETURN: Prisma.DepositWhereInput = {
  status: { in: ['held', 'partially_held'] },
  heldSatang: { gt: 0 },
  job: { stage: { in: ['returning', 'closed'] } },
};

export async function listDeposits(ctx: AppContext, input: PageRequest & { status?: DepositListStatus; customerId?: string }) {
  const filter: Prisma.DepositWhereInput = {
    ...(input.status === 'to_return' ? DEPOSITS_TO_RETURN : input.status ? { status: input.status } : {}),
    ...(input.customerId ? { customerId: input.customerId } : {}),
  };
  return keysetPage(
    input,
    ({ after, orderBy, take }: KeysetArgs<Prisma.DepositWhereInput>) =>
      ctx.db.deposit.findMany({ where: after ? { AND: [filter, after] } : filter, orderBy, take, include: withCustomerName }),
    byInstant('createdAt', 'desc', (d) => d.createdAt),
  );
}

export async function listPayments(ctx: AppContext, input: PageRequest & { status?: PaymentStatus; customerId?: string; invoiceId?: string }) {
  const filter: Prisma.PaymentWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.customerId ? { customerId: input.customerId } : {}),
    ...(input.invoiceId ? { invoiceId: input.invoiceId } : {}),
  };
  return keysetPage(
    input,
    ({ after, orderBy, take }: KeysetArgs<Prisma.PaymentWhereInput>) =>
      ctx.db.payment.findMany({
        where: after ? { AND: [filter, after] } : filter,
        orderBy,
        take,
        include: { receipt: true, customer: { select: { name: true } }, invoice: { select: { number: true } } },
      }),
    byInstant('receivedAt', 'desc', (p) => p.receivedAt),
  );
}
