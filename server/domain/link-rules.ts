/**
 * When a portal link stops working. A link is the client's only credential, so each
 * scope lives only as long as it is useful: a customer link for 30 days, a quote link
 * until the quote is answered or its valid-until day ends, an invoice link until the
 * invoice is settled or 30 days pass.
 */
import { DAY_MS, endOfBangkokDay } from './dates.ts';
import { validation } from './errors.ts';
import type { InvoiceStatus } from './invoice-status.ts';
import type { QuoteStatus } from './quote-status.ts';

export type LinkScope = 'customer' | 'quote' | 'invoice';

export const CUSTOMER_LINK_DAYS = 30;
export const INVOICE_LINK_DAYS = 30;

export interface LinkedQuote {
  status: QuoteStatus;
  validUntil: string;
}

export interface LinkedInvoice {
  status: InvoiceStatus;
}

export interface LinkExpiryInput {
  scope: LinkScope;
  issuedAt: Date;
  quote?: LinkedQuote;
  invoice?: LinkedInvoice;
}

export interface LinkUsableInput {
  scope: LinkScope;
  expiresAt: Date;
  revokedAt: Date | null;
  now: Date;
  quote?: LinkedQuote | null;
  invoice?: LinkedInvoice | null;
}

const QUOTE_OPEN_STATUSES: readonly QuoteStatus[] = ['draft', 'sent'];
const INVOICE_CLOSED_STATUSES: readonly InvoiceStatus[] = ['paid', 'void'];

function afterDays(issuedAt: Date, days: number): Date {
  if (!Number.isFinite(issuedAt.getTime())) throw validation('issuedAt', 'issuedAt must be a valid date and time');
  // Bangkok has no daylight saving, so a day is always 24 hours.
  return new Date(issuedAt.getTime() + days * DAY_MS);
}

export function linkExpiry(input: LinkExpiryInput): Date {
  switch (input.scope) {
    case 'customer':
      return afterDays(input.issuedAt, CUSTOMER_LINK_DAYS);
    case 'invoice':
      return afterDays(input.issuedAt, INVOICE_LINK_DAYS);
    case 'quote':
      if (!input.quote) throw validation('quote', 'a quote link needs its quote');
      // The quote can be accepted through the whole of its last valid day, Bangkok time.
      return endOfBangkokDay(input.quote.validUntil);
    default:
      throw validation('scope', `unknown link scope ${String((input as { scope: unknown }).scope)}`);
  }
}

/** False for revoked, expired or finished links; callers show one page for all of them. */
export function isLinkUsable(input: LinkUsableInput): boolean {
  if (input.revokedAt) return false;
  if (input.now.getTime() > input.expiresAt.getTime()) return false;
  switch (input.scope) {
    case 'customer':
      return true;
    case 'quote':
      return !!input.quote && QUOTE_OPEN_STATUSES.includes(input.quote.status);
    case 'invoice':
      return !!input.invoice && !INVOICE_CLOSED_STATUSES.includes(input.invoice.status);
    default:
      return false;
  }
}

/**
 * Which quotes a link may see (and answer): a customer link every non-draft quote of its customer,
 * a quote link exactly its quote. Drafts are never shown to a client.
 */
export function linkSeesQuote(
  link: { scope: LinkScope; customerId: string; quoteId: string | null },
  quote: { id: string; customerId: string; status: string },
): boolean {
  if (quote.customerId !== link.customerId || quote.status === 'draft') return false;
  if (link.scope === 'customer') return true;
  return link.scope === 'quote' && link.quoteId === quote.id;
}

/**
 * A deposit asked with a quote is payable only once that quote is accepted: before, no link shows
 * it (nor its QR). Deposits not tied to a quote follow the customer.
 */
export function linkSeesDeposit(
  link: { scope: LinkScope; customerId: string; quoteId: string | null },
  deposit: { customerId: string; quoteId: string | null; quoteStatus: string | null },
): boolean {
  if (deposit.customerId !== link.customerId) return false;
  if (deposit.quoteId !== null && deposit.quoteStatus !== 'accepted') return false;
  if (link.scope === 'customer') return true;
  return link.scope === 'quote' && deposit.quoteId !== null && deposit.quoteId === link.quoteId;
}
