/** Reading one payment for staff: what was issued for it and whether it was voided. */
import type { AppContext } from './context.ts';
import { notFound } from '../domain/errors.ts';

export async function getPayment(ctx: AppContext, paymentId: string) {
  const payment = await ctx.db.payment.findUnique({ where: { id: paymentId }, include: { receipt: true } });
  if (!payment) throw notFound('Payment');
  return payment;
}
