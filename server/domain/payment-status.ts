/**
 * Payment review: pending_review → confirmed | rejected; a confirmed payment recorded in error
 * can be voided (→ void) by the owner. Which payment methods exist.
 */
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS, type PaymentMethod, type PaymentStatus } from './labels.ts';
import { defineStateMachine } from './state-machine.ts';

// Methods and their names live in labels.ts (shared with the portal as plain data).
export { PAYMENT_METHOD_LABELS, PAYMENT_METHODS, type PaymentMethod, type PaymentStatus };

const paymentMachine = defineStateMachine<PaymentStatus>('Payment', {
  pending_review: ['confirmed', 'rejected'],
  confirmed: ['void'],
  rejected: [],
  void: [],
});

export const PAYMENT_STATUSES = paymentMachine.statuses;
export const isPaymentStatus = paymentMachine.isStatus;

export function canTransitionPayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return paymentMachine.canTransition(from, to);
}

export function assertPaymentTransition(from: PaymentStatus, to: PaymentStatus): void {
  paymentMachine.assertTransition(from, to);
}

export function isPaymentMethod(value: string): value is PaymentMethod {
  return (PAYMENT_METHODS as readonly string[]).includes(value);
}
