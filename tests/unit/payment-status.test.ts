import { describe, expect, it } from 'vitest';
import {
  PAYMENT_METHODS,
  PAYMENT_METHOD_LABELS,
  PAYMENT_STATUSES,
  assertPaymentTransition,
  canTransitionPayment,
  isPaymentMethod,
  type PaymentStatus,
} from '../../server/domain/transitions.ts';
import { expectDomainError } from './expect-domain-error.ts';

const allPairs = PAYMENT_STATUSES.flatMap((from) => PAYMENT_STATUSES.map((to) => [from, to] as [PaymentStatus, PaymentStatus]));
const isAllowed = (from: PaymentStatus, to: PaymentStatus): boolean =>
  (from === 'pending_review' && (to === 'confirmed' || to === 'rejected')) || (from === 'confirmed' && to === 'void');

describe('payment review transitions', () => {
  it.each(allPairs.map(([from, to]) => [from, to, isAllowed(from, to)] as const))('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransitionPayment(from, to)).toBe(allowed);
    if (allowed) expect(() => assertPaymentTransition(from, to)).not.toThrow();
    else expectDomainError(() => assertPaymentTransition(from, to), 'CONFLICT');
  });
});

describe('payment methods', () => {
  it.each([
    ['promptpay', 'พร้อมเพย์', 'PromptPay'],
    ['bank_transfer', 'โอนผ่านธนาคาร', 'Bank transfer'],
    ['cash', 'เงินสด', 'Cash'],
    ['card', 'บัตรเครดิต/เดบิต', 'Card'],
    ['cheque', 'เช็ค', 'Cheque'],
    ['other', 'อื่น ๆ', 'Other'],
  ] as const)('%s is labelled %s / %s', (method, th, en) => {
    expect(isPaymentMethod(method)).toBe(true);
    expect(PAYMENT_METHOD_LABELS[method]).toEqual({ th, en });
  });

  it('has exactly six methods', () => {
    expect(PAYMENT_METHODS).toHaveLength(6);
  });

  it.each(['PromptPay', 'crypto', ''])('%j is not a method key', (value) => {
    expect(isPaymentMethod(value)).toBe(false);
  });
});
