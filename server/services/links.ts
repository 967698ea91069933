/** Portal links: issue (or reuse), resolve, revoke. Scope and expiry rules: domain/link-rules.ts. */
import type { AppContext } from './context.ts';
import type { Tx } from '../data/database.ts';
import { conflict, notFound } from '../domain/errors.ts';
import { isLinkUsable, linkExpiry, type LinkScope } from '../domain/link-rules.ts';
import type { QuoteStatus } from '../domain/quote-status.ts';
import type { InvoiceStatus } from '../domain/invoice-status.ts';
import { bangkokDate } from '../domain/dates.ts';
import { effectiveQuoteStatus } from '../domain/quote-status.ts';
import { unbindAllLineAccounts } from './line-accounts.ts';
import { loadCachedLink, type CachedLink } from './cached-link.ts';
import { randomUUID } from 'node:crypto';
import { linksRevokedEvent } from './portal-events.ts';
import { TOKEN_PATTERN, hashToken, newToken, sealToken, tokenMatches, unsealToken } from './link-tokens.ts';

export interface IssueLinkInput {
  scope: LinkScope;
  /** Customer id, quote id or invoice id, by scope. */
  id: string;
  createdBy?: string | null;
}

export interface IssuedLink {
  id: string;
  scope: LinkScope;
  customerId: string;
  token: string;
  url: string;
  liffUrl: string | null;
  expiresAt: Date;
  reused: boolean;
}

export function portalUrls(ctx: Pick<AppContext, 'config' | 'liffUrl'>, token: string) {
  const base = ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;
  return {
    url: `${base}/c/${token}`,
    liffUrl: ctx.liffUrl ? ctx.liffUrl(`/c/${token}`) : null,
  };
}

async function loadTarget(tx: Tx, scope: LinkScope, id: string) {
  if (scope === 'customer') {
    const customer = await tx.customer.findUnique({ where: { id }, select: { id: true } });
    if (!customer) throw notFound('Customer');
    return { customerId: id, quoteId: null, invoiceId: null, quote: undefined, invoice: undefined };
  }
  if (scope === 'quote') {
    const quote = await tx.quote.findUnique({ where: { id }, select: { id: true, number: true, customerId: true, status: true, validUntil: true } });
    if (!quote) throw notFound('Quote');
    return {
      customerId: quote.customerId,
      quoteId: id,
      invoiceId: null,
      quote: { number: quote.number, status: quote.status as QuoteStatus, validUntil: quote.validUntil },
      invoice: undefined,
    };
  }
  const invoice = await tx.invoice.findUnique({ where: { id }, select: { id: true, number: true, customerId: true, status: true } });
  if (!invoice) throw notFound('Invoice');
  return {
    customerId: invoice.customerId,
    quoteId: null,
    invoiceId: id,
    quote: undefined,
    invoice: { number: invoice.number, status: invoice.status as InvoiceStatus },
  };
}

/** Issues a link for a scope, or hands back the still-valid one for the same scope. */
export async function issuePortalLink(ctx: AppContext, input: IssueLinkInput, tx?: Tx): Promise<IssuedLink> {
  const run = async (db: Tx): Promise<IssuedLink> => {
    const now = ctx.clock.now();
    const target = await loadTarget(db, input.scope, input.id);
    // A draft is still being written: the client sees a document only once staff send it.
    const draft = target.quote?.status === 'draft' ? 'quote' : target.invoice?.status === 'draft' ? 'invoice' : null;
    if (draft) throw conflict(`The ${draft} is still a draft: send it to the client first; a draft has no link`, { status: 'draft' });
    if (target.quote) {
      const status = effectiveQuoteStatus(target.quote.status, target.quote.validUntil, bangkokDate(now));
      if (status !== 'sent')
        throw conflict(`The quote is ${status}; a quote link would not open`, { status, reason: 'quote_not_linkable', number: target.quote.number });
    }
    if (target.invoice && (target.invoice.status === 'paid' || target.invoice.status === 'void')) {
      throw conflict(`The invoice is ${target.invoice.status}; an invoice link would not open`, {
        status: target.invoice.status,
        reason: 'invoice_not_linkable',
        number: target.invoice.number,
      });
    }
    const candidates = await db.portalLink.findMany({
      where: {
        scope: input.scope,
        customerId: target.customerId,
        quoteId: target.quoteId,
        invoiceId: target.invoiceId,
        revokedAt: null,
        expiresAt: { gt: now },
      },
      orderBy: { createdAt: 'desc' },
      take: 1,
    });
    const existing = candidates[0];
    if (existing && isLinkUsable({ scope: input.scope, expiresAt: existing.expiresAt, revokedAt: null, now, quote: target.quote, invoice: target.invoice })) {
      const token = unsealToken(existing.tokenSealed, ctx.linkSecret);
      if (token) {
        return {
          id: existing.id,
          scope: input.scope,
          customerId: target.customerId,
          token,
          ...portalUrls(ctx, token),
          expiresAt: existing.expiresAt,
          reused: true,
        };
      }
    }
    const token = newToken();
    const expiresAt = linkExpiry({ scope: input.scope, issuedAt: now, quote: target.quote, invoice: target.invoice });
    const link = await db.portalLink.create({
      data: {
        tokenHash: hashToken(token),
        tokenSealed: sealToken(token, ctx.linkSecret),
        scope: input.scope,
        customerId: target.customerId,
        quoteId: target.quoteId,
        invoiceId: target.invoiceId,
        createdBy: input.createdBy ?? null,
        createdAt: now,
        expiresAt,
      },
    });
    return { id: link.id, scope: input.scope, customerId: target.customerId, token, ...portalUrls(ctx, token), expiresAt, reused: false };
  };
  return tx ? run(tx) : ctx.db.$transaction(run);
}

export interface ResolvedLink {
  id: string;
  scope: LinkScope;
  customerId: string;
  quoteId: string | null;
  invoiceId: string | null;
  expiresAt: Date;
}

/**
 * The link a token opens, or null — for unknown, revoked and expired alike, so callers cannot
 * tell the cases apart (and neither can whoever holds the token).
 */
export async function resolvePortalToken(ctx: AppContext, token: string): Promise<ResolvedLink | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const tokenHash = hashToken(token);
  const now = ctx.clock.now();
  // Hot path of every page view: a resolved link is reused until any write (a revocation, a
  // payment that closes an invoice link…) bumps the data version. Usability is re-checked below
  // against the clock on every request, so expiry needs no invalidation.
  let link: CachedLink | null;
  const cached = ctx.linkCache.get(tokenHash);
  if (cached) link = cached.value;
  else {
    const version = ctx.dataVersion();
    link = await loadCachedLink(ctx.db, tokenHash);
    if (link) ctx.linkCache.set(tokenHash, link, version);
  }
  if (!link || !tokenMatches(token, link.tokenHash)) return null;
  const scope = link.scope as LinkScope;
  const quote = link.quote
    ? { status: effectiveQuoteStatus(link.quote.status as QuoteStatus, link.quote.validUntil, bangkokDate(now)), validUntil: link.quote.validUntil }
    : null;
  const usable = isLinkUsable({
    scope,
    expiresAt: link.expiresAt,
    revokedAt: link.revokedAt,
    now,
    quote: scope === 'quote' ? quote : undefined,
    invoice: scope === 'invoice' && link.invoice ? { status: link.invoice.status as InvoiceStatus } : scope === 'invoice' ? null : undefined,
  });
  if (!usable) return null;
  return { id: link.id, scope, customerId: link.customerId, quoteId: link.quoteId, invoiceId: link.invoiceId, expiresAt: link.expiresAt };
}

/** The customer behind a token even if the link no longer opens (used only to re-send a fresh link). */
export async function customerBehindToken(ctx: AppContext, token: string): Promise<string | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const link = await ctx.db.portalLink.findUnique({ where: { tokenHash: hashToken(token) }, select: { customerId: true, tokenHash: true } });
  return link && tokenMatches(token, link.tokenHash) ? link.customerId : null;
}

export async function revokeLink(ctx: AppContext, linkId: string) {
  const link = await ctx.db.portalLink.findUnique({ where: { id: linkId } });
  if (!link) throw notFound('Link');
  if (!link.revokedAt) {
    const { count } = await ctx.db.portalLink.updateMany({ where: { id: linkId, revokedAt: null }, data: { revokedAt: ctx.clock.now() } });
    // Open live streams of this link close now, not at their next heartbeat.
    if (count > 0) ctx.events.publish(linksRevokedEvent(link.customerId, linkId));
  }
  return { id: linkId, revoked: true };
}

/**
 * Revokes every link of the customer; with `unbindLine`, also unbinds every LINE account, in the
 * same transaction. Without it, bound accounts stay the customer's recipients, but the bot stops
 * handing them fresh links until staff issue a new one (chat-portal-link.ts).
 */
export async function revokeCustomerLinks(ctx: AppContext, customerId: string, options: { unbindLine?: boolean } = {}) {
  const result = await ctx.db.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { id: true } });
    if (!customer) throw notFound('Customer');
    const { count } = await tx.portalLink.updateMany({ where: { customerId, revokedAt: null }, data: { revokedAt: ctx.clock.now() } });
    const unbound = options.unbindLine ? await unbindAllLineAccounts(tx, customerId) : 0;
    return { customerId, revoked: count, unboundLineAccounts: unbound };
  });
  if (result.revoked > 0) ctx.events.publish(linksRevokedEvent(customerId, randomUUID()));
  return result;
}
