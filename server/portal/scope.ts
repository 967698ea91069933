/**
 * What a link may see, record by record — the single place every portal endpoint asks.
 * customer: everything of that customer; quote: that quote and deposits requested with it;
 * invoice: that invoice, its payments and their receipts. The statement of account: customer links only.
 */
import type { ResolvedLink } from '../services/links.ts';
import { linkSeesDeposit, linkSeesQuote } from '../domain/link-rules.ts';

type Link = Pick<ResolvedLink, 'scope' | 'customerId' | 'quoteId' | 'invoiceId'>;

export function canSeeQuote(link: Link, quote: { id: string; customerId: string; status: string }): boolean {
  return linkSeesQuote(link, quote);
}

export function canSeeInvoice(link: Link, invoice: { id: string; customerId: string; status: string }): boolean {
  if (invoice.customerId !== link.customerId) return false;
  if (link.scope === 'customer') return invoice.status !== 'draft';
  return link.scope === 'invoice' && link.invoiceId === invoice.id;
}

/** `quoteStatus`: the status of the deposit's quote (null when it has none). */
export function canSeeDeposit(link: Link, deposit: { customerId: string; quoteId: string | null; quoteStatus: string | null }): boolean {
  return linkSeesDeposit(link, deposit);
}

/** A receipt belongs to a payment (of an invoice) or to a deposit collection/return. */
export function canSeeReceipt(
  link: Link,
  receipt: {
    customerId: string;
    invoice: { id: string; customerId: string; status: string } | null;
    deposit: { customerId: string; quoteId: string | null; quoteStatus: string | null } | null;
  },
): boolean {
  if (receipt.customerId !== link.customerId) return false;
  if (receipt.invoice) return canSeeInvoice(link, receipt.invoice);
  if (receipt.deposit) return canSeeDeposit(link, receipt.deposit);
  return link.scope === 'customer';
}

/** A document is visible when the record it belongs to is (documents/load-document-model.ts owner). */
export function canSeeDocument(
  link: Link,
  owner: {
    customerId: string;
    quote?: { id: string; customerId: string; status: string };
    invoice?: { id: string; customerId: string; status: string };
    deposit?: { customerId: string; quoteId: string | null; quoteStatus: string | null };
    statement?: true;
  },
): boolean {
  if (owner.customerId !== link.customerId) return false;
  // The whole account's money: a quote or invoice link must not learn about the other records.
  if (owner.statement) return link.scope === 'customer';
  if (owner.quote) return canSeeQuote(link, owner.quote);
  if (owner.invoice) return canSeeInvoice(link, owner.invoice);
  if (owner.deposit) return canSeeDeposit(link, owner.deposit);
  return false;
}
