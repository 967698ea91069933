/** Quote lifecycle: draft → sent → accepted | declined | expired. An accepted quote is frozen. */
import { validation } from './errors.ts';
import { isValidCalendarDate } from './dates.ts';
import { defineStateMachine } from './state-machine.ts';

import type { QuoteStatus } from './labels.ts';

export type { QuoteStatus };

const quoteMachine = defineStateMachine<QuoteStatus>('Quote', {
  draft: ['sent'],
  sent: ['accepted', 'declined', 'expired'],
  accepted: [],
  declined: [],
  expired: [],
});

export const QUOTE_STATUSES = quoteMachine.statuses;
export const isQuoteStatus = quoteMachine.isStatus;

export function canTransitionQuote(from: QuoteStatus, to: QuoteStatus): boolean {
  return quoteMachine.canTransition(from, to);
}

export function assertQuoteTransition(from: QuoteStatus, to: QuoteStatus): void {
  quoteMachine.assertTransition(from, to);
}

/**
 * A sent quote whose valid-until day has passed (Bangkok calendar) is expired even
 * before a job stores that; check the effective status before accepting, so an expired
 * quote cannot be signed: `assertQuoteTransition(effectiveQuoteStatus(...), 'accepted')`.
 */
export function effectiveQuoteStatus(status: QuoteStatus, validUntil: string, today: string): QuoteStatus {
  if (!isValidCalendarDate(validUntil)) throw validation('validUntil', 'validUntil must be a calendar date YYYY-MM-DD');
  if (!isValidCalendarDate(today)) throw validation('today', 'today must be a calendar date YYYY-MM-DD');
  // ISO calendar dates compare correctly as strings.
  return status === 'sent' && today > validUntil ? 'expired' : status;
}
