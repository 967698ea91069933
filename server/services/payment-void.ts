/**
 * Voiding a confirmed payment that was recorded in error (the owner's correction). Nothing issued
 * is deleted or renumbered: the payment becomes 'void', its receipt is marked cancelled, and when
 * the payment had a tax invoice a credit note (ใบลดหนี้, Revenue Code s.86/10) with its own gapless
 * CN number reverses it. The amount goes back to the invoice's balance. Voiding a deposit collection
 * is not supported here (a deposit is corrected with a return).
 */
import type { AppContext } from './context.ts';
import { conflict, notFound, validation } from '../domain/errors.ts';
import { assertPaymentTransition, type PaymentStatus } from '../domain/payment-status.ts';
import { assertInvoiceTransition, invoiceBalanceSatang, invoiceStatusAfterPayment, type InvoiceStatus } from '../domain/invoice-status.ts';
import { nextDocumentNumber } from './numbering.ts';
import { snapshotIssuedDocument } from './document-snapshots.ts';
import { notifyPaymentVoided } from './messages/notify-client.ts';
import { paymentVoidedEvent } from './portal-events.ts';

export interface VoidPaymentInput {
  paymentId: string;
  reason: string;
  voidedBy?: string | null;
}

export async function voidPayment(ctx: AppContext, input: VoidPaymentInput) {
  const reason = (input.reason ?? '').trim();
  if (!reason) throw validation('reason', 'reason is required: say why this payment is voided (it is printed on the credit note)');
  const now = ctx.clock.now();
  const result = await ctx.db.$transaction(async (tx) => {
    const payment = await tx.payment.findUnique({ where: { id: input.paymentId }, include: { invoice: true, receipt: true } });
    if (!payment) throw notFound('Payment');
    assertPaymentTransition(payment.status as PaymentStatus, 'void');
    const invoice = payment.invoice;
    const paidSatang = invoice.paidSatang - payment.amountSatang;
    if (paidSatang < 0) throw conflict(`Invoice ${invoice.number} has less paid than this payment; reload and try again`);
    const status = invoiceStatusAfterPayment(invoice.netPayableSatang, paidSatang);
    if (status !== invoice.status) assertInvoiceTransition(invoice.status as InvoiceStatus, status);
    // The credit note reverses a tax invoice, so only a payment that had one gets one.
    const creditNoteNumber = payment.taxInvoiceNumber ? await nextDocumentNumber(tx, 'CN', now) : null;
    const voided = await tx.payment.updateMany({
      where: { id: payment.id, status: 'confirmed' },
      data: { status: 'void', voidedAt: now, voidedBy: input.voidedBy ?? null, voidReason: reason, creditNoteNumber },
    });
    if (voided.count === 0) throw conflict('This payment was changed by someone else; reload and try again');
    if (creditNoteNumber) await snapshotIssuedDocument(tx, { kind: 'credit_note', recordId: payment.id, customerId: payment.customerId }, now);
    const reopened = await tx.invoice.updateMany({
      where: { id: invoice.id, status: invoice.status, paidSatang: invoice.paidSatang },
      data: { paidSatang, status, paidAt: status === 'paid' ? invoice.paidAt : null },
    });
    if (reopened.count === 0) throw conflict(`Invoice ${invoice.number} was changed by someone else; reload and try again`);
    if (invoice.status === 'paid') {
      // Invoice links ended when the invoice was paid; reopening it must not bring them back (a
      // forwarded old link would open again). Staff send a new link if the client should pay here.
      await tx.portalLink.updateMany({ where: { invoiceId: invoice.id, scope: 'invoice', revokedAt: null }, data: { revokedAt: now } });
    }
    const receipt = payment.receipt ? await tx.receipt.update({ where: { id: payment.receipt.id }, data: { cancelledAt: now, cancelReason: reason } }) : null;
    const balanceSatang = invoiceBalanceSatang(invoice.netPayableSatang, paidSatang);
    // Never fails the void: an unreachable client is logged and skipped.
    await notifyPaymentVoided(tx, ctx, {
      paymentId: payment.id,
      customerId: payment.customerId,
      amountSatang: payment.amountSatang,
      invoiceNumber: invoice.number,
      receiptNumber: receipt?.number ?? null,
      creditNote: creditNoteNumber ? { number: creditNoteNumber, documentId: `credit_note.${payment.id}` } : null,
      reason,
      balanceSatang,
    });
    return {
      customerId: payment.customerId,
      payment: {
        id: payment.id,
        amountSatang: payment.amountSatang,
        status: 'void' as const,
        voidedAt: now,
        voidReason: reason,
        taxInvoiceNumber: payment.taxInvoiceNumber,
        creditNoteNumber,
      },
      receipt: receipt ? { id: receipt.id, number: receipt.number, type: receipt.type, cancelledAt: now } : null,
      invoice: { id: invoice.id, number: invoice.number, status, paidSatang, balanceSatang },
    };
  });
  // After the commit (held until the outer commit when run as an idempotent request): open
  // portals of the customer refetch their balance and receipts.
  await ctx.documents.storePending();
  const { customerId, ...voided } = result;
  ctx.events.publish(paymentVoidedEvent(customerId, voided.payment.id));
  return voided;
}
