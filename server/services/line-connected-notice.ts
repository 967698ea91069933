/**
 * "A LINE account was connected to your records": queued on the customer's other channel (email,
 * else SMS; never LINE) inside the binding's transaction, so a forwarded link that someone else
 * opened in LINE does not go unnoticed. The notice carries no portal link: it only says who, when,
 * and how to reach the business, and it still goes out if staff revoke every link meanwhile.
 */
import type { Tx } from '../data/database.ts';
import type { AppContext } from './context.ts';
import { DomainError } from '../domain/errors.ts';
import { getBusiness } from './business.ts';
import { loadAudience } from './messages/compose.ts';
import { enqueueMessage, type EnqueuedMessage } from '../messaging/enqueue.ts';
import type { StoredContent } from '../messaging/message-content.ts';

export async function queueLineConnectedNotice(
  tx: Tx,
  ctx: AppContext,
  input: { customerId: string; lineUserRowId: string; displayName: string | null; boundAt: Date },
): Promise<EnqueuedMessage | null> {
  try {
    const audience = await loadAudience(tx, input.customerId);
    const business = await getBusiness(tx);
    const content: StoredContent = {
      kind: 'line_connected',
      ...audience,
      link: null,
      lineDisplayName: input.displayName,
      connectedAt: input.boundAt.toISOString(),
      businessPhone: business.phone || null,
      businessLineOaId: business.lineOaId || null,
    };
    return await enqueueMessage(tx, ctx, {
      idempotencyKey: `line-connected:${input.lineUserRowId}:${input.boundAt.getTime()}`,
      customerId: input.customerId,
      content,
    });
  } catch (error) {
    // No email and no phone: there is no other channel to tell. The binding still stands.
    if (!(error instanceof DomainError)) throw error;
    ctx.logger.info({ customerId: input.customerId, reason: error.message }, 'LINE account connected; the customer could not be told on another channel');
    return null;
  }
}
