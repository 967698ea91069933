/**
 * What a full tax invoice must say about the buyer (Revenue Code s.86/4, Director-General's
 * notification No. 199): name and address; for a VAT-registered buyer — one that gave a tax ID —
 * that tax ID and its head office (00000) or branch number. Checked when the customer is saved
 * and again before a tax invoice would be issued, so a payment is never half-recorded.
 */
import { DomainError, validation } from './errors.ts';
import { STAFF_REASONS } from './error-messages.ts';

export interface BuyerTaxFields {
  name: string | null;
  address: string | null;
  taxId: string | null;
  branchCode: string | null;
}

export type BuyerField = 'name' | 'address' | 'branchCode';

const present = (v: string | null | undefined) => typeof v === 'string' && v.trim().length > 0;

/**
 * The first field a full tax invoice for this buyer would lack, or null when it is complete.
 * Every buyer needs name and address (s.86/4 (3) applies to all buyers, not only VAT-registered
 * ones); a buyer with a tax ID also needs its branch, since its auditors reject the VAT claim
 * without it.
 */
export function missingBuyerField(buyer: BuyerTaxFields): BuyerField | null {
  if (!present(buyer.name)) return 'name';
  if (!present(buyer.address)) return 'address';
  if (!present(buyer.taxId)) return null;
  if (!present(buyer.branchCode)) return 'branchCode';
  return null;
}

/** A customer saved with a tax ID is VAT-registered: its tax invoices need its branch and address. */
export function checkCustomerTaxFields(customer: BuyerTaxFields): void {
  if (!present(customer.taxId)) return;
  if (!present(customer.branchCode)) {
    throw validation('branchCode', 'branchCode is required with a tax ID: 00000 for the head office, or the 5-digit branch number');
  }
  if (!present(customer.address)) throw validation('address', 'address is required with a tax ID: a tax invoice must print the buyer address');
}

const REFUSAL: Record<BuyerField, { reason: 'buyer_no_name' | 'buyer_no_address' | 'buyer_no_branch'; en: string }> = {
  name: { reason: 'buyer_no_name', en: 'name' },
  address: { reason: 'buyer_no_address', en: 'address' },
  branchCode: { reason: 'buyer_no_branch', en: 'head office or branch number (branchCode, 00000 = head office)' },
};

/** Refuses (409, naming the customer field) before anything is written when a tax invoice could not be complete. */
export function assertBuyerReadyForTaxInvoice(buyer: BuyerTaxFields, number?: string): void {
  const missing = missingBuyerField(buyer);
  if (!missing) return;
  const { reason, en } = REFUSAL[missing];
  throw new DomainError('CONFLICT', `the customer has no ${en}, which their tax invoice must show; add it to the customer first (nothing was recorded)`, {
    field: `customer.${missing}`,
    reason,
    ...(number ? { number } : {}),
    clientMessages: STAFF_REASONS[reason],
  });
}
