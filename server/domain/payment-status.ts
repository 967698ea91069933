/** Payment review: pending_review → confirmed | rejected; methods with their labels. */
import type { Lang } from './dates.ts';
import { defineStateMachine } from './state-machine.ts';

export type PaymentStatus = 'pending_review' | 'confirmed' | 'rejected';

const paymentMachine = defineStateMachine<PaymentStatus>('Payment', {
  pending_review: ['confirmed', 'rejected'],
  confirmed: [],
  rejected: [],
});

export const PAYMENT_STATUSES = paymentMachine.statuses;
export const isPaymentStatus = paymentMachine.isStatus;

export function canTransitionPayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return paymentMachine.canTransition(from, to);
}

export function assertPaymentTransition(from: PaymentStatus, to: PaymentStatus): void {
  paymentMachine.assertTransition(from, to);
}

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, Record<Lang, string>> = {
  pending_review: { th: 'รอตรวจสอบ', en: 'Pending review' },
  confirmed: { th: 'ยืนยันแล้ว', en: 'Confirmed' },
  rejected: { th: 'ไม่ผ่านการตรวจสอบ', en: 'Rejected' },
};

export const PAYMENT_METHODS = ['promptpay', 'bank_transfer', 'cash', 'card', 'cheque', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export function isPaymentMethod(value: string): value is PaymentMethod {
  return (PAYMENT_METHODS as readonly string[]).includes(value);
}

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, Record<Lang, string>> = {
  promptpay: { th: 'พร้อมเพย์', en: 'PromptPay' },
  bank_transfer: { th: 'โอนเงินผ่านธนาคาร', en: 'Bank transfer' },
  cash: { th: 'เงินสด', en: 'Cash' },
  card: { th: 'บัตรเครดิต/เดบิต', en: 'Card' },
  cheque: { th: 'เช็ค', en: 'Cheque' },
  other: { th: 'อื่น ๆ', en: 'Other' },
};
