/**
 * The use case behind every portal page and API read: resolve the token, load (or reuse) the
 * scoped view, log the access. Returns the view as JSON text, ready to embed or send.
 */
import type { AppContext } from '../services/context.ts';
import { resolvePortalToken, type ResolvedLink } from '../services/links.ts';
import type { ActivityAction, ActivityChannel } from '../services/activity.ts';
import { bangkokDate } from '../domain/dates.ts';
import { buildPortalData } from './build-portal-view.ts';

export interface AccessMeta {
  channel: ActivityChannel;
  ip: string | null;
  userAgent: string | null;
}

export type OpenedPortal = { ok: true; link: ResolvedLink; json: string } | { ok: false };

export async function portalViewJson(ctx: AppContext, link: ResolvedLink): Promise<string> {
  const now = ctx.clock.now();
  const key = `${link.scope}:${link.customerId}:${link.quoteId ?? ''}:${link.invoiceId ?? ''}:${bangkokDate(now)}`;
  let data = ctx.viewCache.get(key, now.getTime());
  if (data === null) {
    const version = ctx.dataVersion();
    const built = await buildPortalData(ctx, link);
    const { lineBound, ...rest } = built;
    data = JSON.stringify({ ...rest, liff: { liffId: ctx.config.line.liffId ?? null, bound: lineBound } });
    ctx.viewCache.set(key, data, version, now.getTime());
  }
  // Per-request fields are spliced in front of the cached text instead of re-serialising it.
  const head = `{"linkId":${JSON.stringify(link.id)},"expiresAt":${JSON.stringify(link.expiresAt.toISOString())},"now":${JSON.stringify(now.toISOString())},`;
  return head + data.slice(1);
}

export async function openPortal(ctx: AppContext, token: string, meta: AccessMeta, action: ActivityAction = 'open'): Promise<OpenedPortal> {
  const link = await resolvePortalToken(ctx, token);
  if (!link) return { ok: false };
  const json = await portalViewJson(ctx, link);
  ctx.activity.record({ customerId: link.customerId, linkId: link.id, action, channel: meta.channel, ip: meta.ip, userAgent: meta.userAgent, at: ctx.clock.now() });
  return { ok: true, link, json };
}
