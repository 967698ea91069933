/**
 * The use case behind every portal page and API read: resolve the token, load (or reuse) the
 * scoped view, log the access. Returns the view as JSON text, ready to embed or send, plus a key
 * that identifies exactly that text (so transports can cache what they derive from it).
 */
import type { AppContext } from '../services/context.ts';
import { resolvePortalToken, type ResolvedLink } from '../services/links.ts';
import type { AccessMeta, ActivityAction } from '../services/activity.ts';
import { bangkokDate } from '../domain/dates.ts';
import { buildPortalData } from './build-portal-view.ts';

export interface PortalViewText {
  json: string;
  /** Same key ⇒ same JSON text. */
  key: string;
}

export type OpenedPortal = ({ ok: true; link: ResolvedLink } & PortalViewText) | { ok: false };

const MINUTE = 60_000;

export async function portalViewJson(ctx: AppContext, link: ResolvedLink): Promise<PortalViewText> {
  const now = ctx.clock.now();
  const dataKey = `${link.scope}:${link.customerId}:${link.quoteId ?? ''}:${link.invoiceId ?? ''}:${bangkokDate(now)}`;
  let data = ctx.viewCache.get(dataKey);
  if (data === null) {
    const version = ctx.dataVersion();
    const built = await buildPortalData(ctx, link);
    const { lineBound, ...rest } = built;
    data = { value: JSON.stringify({ ...rest, liff: { liffId: ctx.config.line.liffId ?? null, bound: lineBound } }), version };
    ctx.viewCache.set(dataKey, data.value, version);
  }
  // `now` is to the minute: the app shows dates, not seconds, and a stable text can be cached.
  const minute = new Date(Math.floor(now.getTime() / MINUTE) * MINUTE);
  const head = `{"linkId":${JSON.stringify(link.id)},"expiresAt":${JSON.stringify(link.expiresAt.toISOString())},"now":${JSON.stringify(minute.toISOString())},`;
  return { json: head + data.value.slice(1), key: `${dataKey}|${data.version}|${link.id}|${link.expiresAt.getTime()}|${minute.getTime()}` };
}

export async function openPortal(ctx: AppContext, token: string, meta: AccessMeta, action: ActivityAction = 'open'): Promise<OpenedPortal> {
  const link = await resolvePortalToken(ctx, token);
  if (!link) return { ok: false };
  const view = await portalViewJson(ctx, link);
  ctx.activity.record({
    customerId: link.customerId,
    linkId: link.id,
    action,
    channel: meta.channel,
    ip: meta.ip,
    userAgent: meta.userAgent,
    at: ctx.clock.now(),
  });
  return { ok: true, link, ...view };
}
