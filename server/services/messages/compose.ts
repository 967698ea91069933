/**
 * Shared pieces of message content: who is writing to whom (business and customer names in the
 * customer's language) and where the button goes (a reference to the portal link plus an optional
 * deep path such as '/receipts' that the portal app understands; URLs are resolved at send time).
 */
import type { Tx } from '../../data/database.ts';
import type { AppContext } from '../context.ts';
import type { Lang } from '../../domain/dates.ts';
import { bangkokDate } from '../../domain/dates.ts';
import { notFound } from '../../domain/errors.ts';
import { issuePortalLink, type IssuedLink } from '../links.ts';
import { getBusiness } from '../business.ts';
import type { Audience, LinkRef } from '../../messaging/message-content.ts';

export async function loadAudience(tx: Tx, customerId: string): Promise<Audience> {
  const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { name: true, language: true } });
  if (!customer) throw notFound('Customer');
  const business = await getBusiness(tx);
  const lang: Lang = customer.language === 'en' ? 'en' : 'th';
  return {
    lang,
    businessName: lang === 'en' ? business.nameEn || business.name : business.name,
    customerName: customer.name,
    smsSenderName: business.smsSenderName,
  };
}

/** `path` is a portal path after /c/<token>, e.g. '/receipts' or '/jobs/<id>'. */
export function linkRef(link: Pick<IssuedLink, 'id'>, path = ''): LinkRef {
  return { link: { id: link.id, path } };
}

/** Audience + a customer-wide link (issued or reused) in one go: for notifications after a change. */
export async function customerContentBase(tx: Tx, ctx: AppContext, customerId: string, path: string): Promise<Audience & LinkRef> {
  const audience = await loadAudience(tx, customerId);
  const link = await issuePortalLink(ctx, { scope: 'customer', id: customerId, createdBy: 'outbox' }, tx);
  return { ...audience, ...linkRef(link, path) };
}

export function expiresOn(link: Pick<IssuedLink, 'expiresAt'>): string {
  return bangkokDate(link.expiresAt);
}

/** Explicit "send" requests within the same minute are one message: a double click sends once. */
export function requestBucket(now: Date): number {
  return Math.floor(now.getTime() / 60_000);
}
