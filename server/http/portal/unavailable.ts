/**
 * The one answer for expired, revoked and unknown links: the same status and body in every case,
 * carrying only the business's public contact details.
 */
import type { AppContext } from '../../services/context.ts';
import { getBusiness } from '../../services/business.ts';

export async function unavailableJson(ctx: AppContext, opts: { busy?: boolean } = {}): Promise<string> {
  const business = await getBusiness(ctx.db).catch(() => null);
  return JSON.stringify({
    unavailable: true,
    // Rate limited: the same page, telling the client to wait instead of asking for a new link.
    ...(opts.busy ? { busy: true } : {}),
    business: business
      ? {
          name: business.name,
          nameEn: business.nameEn,
          phone: business.phone,
          email: business.email,
          lineOaId: business.lineOaId,
          vatRegistered: business.vatRegistered,
        }
      : null,
  });
}
