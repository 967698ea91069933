import { describe, expect, it } from 'vitest';
import { QUOTE_STATUSES, assertQuoteTransition, canTransitionQuote, effectiveQuoteStatus, type QuoteStatus } from '../../server/domain/transitions.ts';
import { expectDomainError } from './expect-domain-error.ts';

const ALLOWED: ReadonlyArray<[QuoteStatus, QuoteStatus]> = [
  ['draft', 'sent'],
  ['sent', 'accepted'],
  ['sent', 'declined'],
  ['sent', 'expired'],
];
const allPairs = QUOTE_STATUSES.flatMap((from) => QUOTE_STATUSES.map((to) => [from, to] as [QuoteStatus, QuoteStatus]));
const isAllowed = (from: QuoteStatus, to: QuoteStatus): boolean => ALLOWED.some(([f, t]) => f === from && t === to);

describe('quote transitions', () => {
  it.each(allPairs.map(([from, to]) => [from, to, isAllowed(from, to)] as const))('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransitionQuote(from, to)).toBe(allowed);
    if (allowed) expect(() => assertQuoteTransition(from, to)).not.toThrow();
    else expectDomainError(() => assertQuoteTransition(from, to), 'CONFLICT');
  });

  it.each([
    ['accepted', 'declined', 'Quote is accepted and can no longer change'],
    ['expired', 'accepted', 'Quote is expired and can no longer change'],
    ['draft', 'accepted', 'Quote cannot go from draft to accepted'],
  ] as const)('%s → %s explains why: %s', (from, to, message) => {
    const error = expectDomainError(() => assertQuoteTransition(from, to), 'CONFLICT');
    expect(error.message).toBe(message);
    expect(error.details).toEqual({ from, to });
  });
});

describe('effectiveQuoteStatus', () => {
  it.each<[QuoteStatus, string, string, QuoteStatus]>([
    ['sent', '2026-11-30', '2026-11-30', 'sent'], // valid through its last day
    ['sent', '2026-11-30', '2026-12-01', 'expired'],
    ['sent', '2026-11-30', '2026-11-01', 'sent'],
    ['draft', '2026-11-30', '2026-12-01', 'draft'],
    ['accepted', '2026-11-30', '2027-01-01', 'accepted'],
    ['declined', '2026-11-30', '2027-01-01', 'declined'],
  ])('%s, valid until %s, on %s → %s', (status, validUntil, today, expected) => {
    expect(effectiveQuoteStatus(status, validUntil, today)).toBe(expected);
  });

  it('keeps an expired quote from being accepted', () => {
    expectDomainError(() => assertQuoteTransition(effectiveQuoteStatus('sent', '2026-11-30', '2026-12-01'), 'accepted'), 'CONFLICT');
  });

  it.each([
    ['2026-02-30', '2026-11-01', 'validUntil'],
    ['2026-11-30', '01/12/2026', 'today'],
  ])('refuses bad dates (%s, %s)', (validUntil, today, field) => {
    expectDomainError(() => effectiveQuoteStatus('sent', validUntil, today), 'VALIDATION', field);
  });
});
