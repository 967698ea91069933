/**
 * The parties of a document as they were when it was issued. Legal documents (tax invoices,
 * receipts, credit notes, the sealed signed quote) are rendered and stored when issued; invoices
 * and deposit requests keep only the snapshot and may be re-rendered from it. Either way the
 * seller's and buyer's names, address, tax ID, branch and VAT status are those of that moment.
 */
export interface SellerSnapshot {
  name: string;
  nameEn: string;
  address: string;
  addressEn: string | null;
  taxId: string | null;
  branchCode: string;
  phone: string | null;
  email: string | null;
  vatRegistered: boolean;
  promptPayId: string;
  promptPayName: string;
}

export interface BuyerSnapshot {
  name: string;
  companyName: string | null;
  address: string | null;
  taxId: string | null;
  branchCode: string | null;
  language: string;
}

export interface PartiesSnapshot {
  seller: SellerSnapshot;
  buyer: BuyerSnapshot;
}

/** Rendered and stored in the issuing unit of work (a durable render job); never re-rendered after. */
const STORED_AT_ISSUE: readonly string[] = ['tax_invoice', 'receipt_tax_invoice', 'receipt', 'credit_note', 'signed_quote'];

/** `kind`: a portal document kind (portal/document-ids.ts). */
export function isStoredAtIssue(kind: string): boolean {
  return STORED_AT_ISSUE.includes(kind);
}

/** Picks exactly the snapshot's fields from a business and a customer row (extra fields are left out). */
export function takeParties(business: SellerSnapshot, customer: BuyerSnapshot): PartiesSnapshot {
  return {
    seller: {
      name: business.name,
      nameEn: business.nameEn,
      address: business.address,
      addressEn: business.addressEn,
      taxId: business.taxId,
      branchCode: business.branchCode,
      phone: business.phone,
      email: business.email,
      vatRegistered: business.vatRegistered,
      promptPayId: business.promptPayId,
      promptPayName: business.promptPayName,
    },
    buyer: {
      name: customer.name,
      companyName: customer.companyName,
      address: customer.address,
      taxId: customer.taxId,
      branchCode: customer.branchCode,
      language: customer.language,
    },
  };
}

export function serializeParties(parties: PartiesSnapshot): string {
  return JSON.stringify(parties);
}

/** A stored snapshot; throws on a row that is not one (a bug or a hand-edited database, never input). */
export function parseParties(json: string): PartiesSnapshot {
  const value = JSON.parse(json) as Partial<PartiesSnapshot>;
  if (!value || typeof value !== 'object' || typeof value.seller?.name !== 'string' || typeof value.buyer?.name !== 'string') {
    throw new Error('document snapshot is not a { seller, buyer } object');
  }
  return value as PartiesSnapshot;
}
