/** LINE accounts bound to a customer, as the admin API answers them. */
import { z } from 'zod';
import type { LineAccount } from '../../../services/line-accounts.ts';
import { id, instant, isoOrNull } from './common.ts';

const lineUserId = z
  .string()
  .regex(/^U[0-9a-f]{32}$/)
  .describe('LINE user id');

export const lineAccountDto = z.strictObject({
  lineUserId,
  displayName: z.string().nullable(),
  boundAt: instant.nullable(),
  /** The customer-wide link the client confirmed the binding on. */
  boundViaLinkId: id.nullable(),
  /** From LINE only (follow/unfollow events, profile API); LINE messages go only to a follower. */
  following: z.boolean(),
});
export const lineAccountsDto = z.array(lineAccountDto).describe('Oldest binding first: the earliest that follows receives LINE messages');
export type LineAccountDto = z.infer<typeof lineAccountDto>;

export function toLineAccountDto(account: LineAccount): LineAccountDto {
  return { ...account, boundAt: isoOrNull(account.boundAt) };
}

export const lineAccountUnboundDto = z.strictObject({ customerId: id, lineUserId, unbound: z.literal(true) });
