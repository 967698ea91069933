/**
 * The client's own PromptPay ID for deposit refunds, given in the portal. Only a customer-wide
 * link may set it (an invoice or quote link may be forwarded to someone else, who must not be able
 * to redirect the customer's refunds); it is stored normalised and the change is logged.
 */
import type { AppContext } from './context.ts';
import type { AccessMeta } from './activity.ts';
import type { ResolvedLink } from './links.ts';
import { DomainError } from '../domain/errors.ts';
import { parsePromptPayId, PROMPTPAY_ID_MESSAGES } from '../domain/promptpay-id.ts';
import { promptPayIdDisplay } from '../payments/promptpay.ts';

export async function setRefundPromptPay(ctx: AppContext, input: { link: ResolvedLink; promptPayId: unknown; meta: AccessMeta }) {
  // Other scopes see no such route: the same 404 as an unknown path.
  if (input.link.scope !== 'customer') throw new DomainError('NOT_FOUND', 'Not found');
  const raw = input.promptPayId;
  let id: string | null = null;
  if (raw !== null && raw !== '') {
    if (typeof raw !== 'string' || raw.length > 40) {
      throw new DomainError('VALIDATION', `promptPayId ${PROMPTPAY_ID_MESSAGES.format}`, { field: 'promptPayId', reason: 'promptpay_id_format' });
    }
    const parsed = parsePromptPayId(raw);
    if (!parsed.ok) {
      throw new DomainError('VALIDATION', `promptPayId ${PROMPTPAY_ID_MESSAGES[parsed.problem]}`, {
        field: 'promptPayId',
        reason: `promptpay_id_${parsed.problem}`,
      });
    }
    id = parsed.id;
  }
  await ctx.db.customer.update({ where: { id: input.link.customerId }, data: { refundPromptPayId: id } });
  ctx.activity.record({
    customerId: input.link.customerId,
    linkId: input.link.id,
    action: 'refund_promptpay',
    channel: input.meta.channel,
    ip: input.meta.ip,
    userAgent: input.meta.userAgent,
    at: ctx.clock.now(),
  });
  return { refundPromptPay: id ? promptPayIdDisplay(id) : null };
}
