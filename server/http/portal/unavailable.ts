/**
 * The one answer for expired, revoked and unknown links: the same status and body in every case,
 * carrying only the business's public contact details.
 */
import type { AppContext } from '../../services/context.ts';
import { getBusiness } from '../../services/business.ts';

export async function unavailableJson(ctx: AppContext): Promise<string> {
  const business = await getBusiness(ctx.db).catch(() => null);
  return JSON.stringify({
    unavailable: true,
    business: business
      ? { name: business.name, nameEn: business.nameEn, phone: business.phone, email: business.email, lineOaId: business.lineOaId, vatRegistered: business.vatRegistered }
      : null,
  });
}
