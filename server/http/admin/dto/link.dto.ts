/** Portal links as the admin API answers them: the URLs, never the stored hash or sealed token. */
import { z } from 'zod';
import type { IssuedLink } from '../../../services/links.ts';
import { id, instant, iso } from './common.ts';

export const issuedLinkDto = z.strictObject({
  id,
  scope: z.enum(['customer', 'quote', 'invoice']),
  customerId: id,
  url: z.url(),
  liffUrl: z.url().nullable(),
  expiresAt: instant,
  /** True when the still-valid link for the same scope was handed back. */
  reused: z.boolean(),
});
export type IssuedLinkDto = z.infer<typeof issuedLinkDto>;

export function toIssuedLinkDto(link: IssuedLink): IssuedLinkDto {
  return {
    id: link.id,
    scope: link.scope,
    customerId: link.customerId,
    url: link.url,
    liffUrl: link.liffUrl,
    expiresAt: iso(link.expiresAt),
    reused: link.reused,
  };
}

export const linkRevokedDto = z.strictObject({ id, revoked: z.literal(true) });
export const customerLinksRevokedDto = z.strictObject({
  customerId: id,
  revoked: z.number().int().describe('How many links were revoked'),
  unboundLineAccounts: z.number().int().describe('How many LINE accounts were unbound (only with `unbindLine: true`)'),
});
