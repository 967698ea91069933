/**
 * Who owns a portal document, with one small query and nothing rendered: the portal checks scope
 * with this BEFORE rendering or storing a PDF, so probing another customer's document ids costs
 * nothing and leaves nothing behind. Mirrors the owners of load-document-model.ts.
 */
import type { AppContext } from '../services/context.ts';
import { parseDocumentId } from '../portal/document-ids.ts';
import type { DocumentOwner } from './load-document-model.ts';

const invoiceOwner = { select: { id: true, customerId: true, status: true } } as const;
const depositOwner = { select: { customerId: true, quoteId: true, quote: { select: { status: true } } } } as const;
/** A deposit is visible only once its quote is accepted (scope.ts), so the owner carries the quote's status. */
const toDepositOwner = (d: { customerId: string; quoteId: string | null; quote: { status: string } | null }) => ({
  customerId: d.customerId,
  quoteId: d.quoteId,
  quoteStatus: d.quote?.status ?? null,
});

export async function loadDocumentOwner(ctx: AppContext, documentId: string): Promise<DocumentOwner | null> {
  const parsed = parseDocumentId(documentId);
  if (!parsed) return null;
  const { kind, recordId: id } = parsed;
  if (kind === 'quote' || kind === 'signed_quote') {
    const q = await ctx.db.quote.findUnique({ where: { id }, select: { id: true, customerId: true, status: true } });
    return q ? { customerId: q.customerId, quote: q } : null;
  }
  if (kind === 'invoice') {
    const inv = await ctx.db.invoice.findUnique({ where: { id }, ...invoiceOwner });
    return inv ? { customerId: inv.customerId, invoice: inv } : null;
  }
  if (kind === 'tax_invoice' || kind === 'credit_note') {
    const p = await ctx.db.payment.findUnique({ where: { id }, select: { invoice: invoiceOwner } });
    return p ? { customerId: p.invoice.customerId, invoice: p.invoice } : null;
  }
  if (kind === 'statement') {
    const c = await ctx.db.customer.findUnique({ where: { id }, select: { id: true } });
    return c ? { customerId: c.id, statement: true } : null;
  }
  if (kind === 'deposit_request') {
    const d = await ctx.db.deposit.findUnique({ where: { id }, ...depositOwner });
    return d ? { customerId: d.customerId, deposit: toDepositOwner(d) } : null;
  }
  const r = await ctx.db.receipt.findUnique({
    where: { id },
    select: {
      customerId: true,
      payment: { select: { invoice: invoiceOwner } },
      depositCollection: { select: { deposit: depositOwner } },
      depositReturn: { select: { deposit: depositOwner } },
    },
  });
  if (!r) return null;
  if (r.payment) return { customerId: r.customerId, invoice: r.payment.invoice };
  const deposit = r.depositCollection?.deposit ?? r.depositReturn?.deposit;
  return deposit ? { customerId: r.customerId, deposit: toDepositOwner(deposit) } : { customerId: r.customerId };
}
