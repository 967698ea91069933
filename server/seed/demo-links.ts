/**
 * Demo portal links, printed on purpose only. A plaintext token in stdout ends up in whatever
 * collects the logs, so `npm start` prints links only on the run that seeds the demo;
 * `npm run demo:links` prints them again when the operator asks. Which customers and quote are
 * the demo is recorded at seeding in DATA_DIR/demo.json (the seed's own messages already issue
 * links, so "links created by the demo" cannot tell): customers added later are never listed, and
 * a link staff revoked is not replaced unless the operator says so (--reissue-revoked).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../services/context.ts';
import { issuePortalLink } from '../services/links.ts';
import { isDomainError } from '../domain/errors.ts';
import type { LinkScope } from '../domain/link-rules.ts';
import { isDatabaseEmpty, seedDemo } from './demo-seed.ts';

export const DEMO_LINK_CREATOR = 'demo';
export const REISSUE_FLAG = '--reissue-revoked';

export interface DemoLink {
  label: string;
  /** Null when no link was issued; `note` says why. */
  url: string | null;
  note?: string;
}

interface DemoTarget {
  scope: LinkScope;
  id: string;
}

async function labelOf(ctx: AppContext, target: DemoTarget): Promise<string> {
  if (target.scope === 'customer') {
    const c = await ctx.db.customer.findUniqueOrThrow({ where: { id: target.id }, select: { name: true, companyName: true } });
    return c.companyName ? `${c.name} (${c.companyName})` : c.name;
  }
  const doc =
    target.scope === 'quote'
      ? await ctx.db.quote.findUniqueOrThrow({ where: { id: target.id }, select: { number: true } })
      : await ctx.db.invoice.findUniqueOrThrow({ where: { id: target.id }, select: { number: true } });
  return `${target.scope} ${doc.number} only`;
}

async function issue(ctx: AppContext, target: DemoTarget): Promise<DemoLink> {
  const label = await labelOf(ctx, target);
  try {
    const link = await issuePortalLink(ctx, { scope: target.scope, id: target.id, createdBy: DEMO_LINK_CREATOR });
    return { label, url: link.url };
  } catch (error) {
    // A quote accepted or declined since, an invoice paid: its link would not open.
    if (isDomainError(error)) return { label, url: null, note: error.message };
    throw error;
  }
}

/**
 * First start of an empty database (demo enabled): seeds the demo and issues its links, which
 * the caller prints once. Null when the database already had data: nothing is issued or printed.
 */
export async function seedDemoOnFirstStart(ctx: AppContext): Promise<DemoLink[] | null> {
  if (!(await isDatabaseEmpty(ctx))) return null;
  const seeded = await seedDemo(ctx);
  const targets: DemoTarget[] = [
    ...[seeded.customerIds.main, seeded.customerIds.quote, seeded.customerIds.caughtUp, seeded.customerIds.english].map((id) => ({
      scope: 'customer' as const,
      id,
    })),
    { scope: 'quote', id: seeded.quoteId },
  ];
  writeFileSync(demoRecordFile(ctx), JSON.stringify({ seededAt: ctx.clock.now().toISOString(), targets }, null, 2) + '\n', { mode: 0o600 });
  const links: DemoLink[] = [];
  for (const target of targets) links.push(await issue(ctx, target));
  return links;
}

function demoRecordFile(ctx: AppContext): string {
  return path.join(ctx.config.dataDir, 'demo.json');
}

/** The seeded customers and quote that still exist (a database seeded before demo.json: its demo links' targets). */
async function demoTargets(ctx: AppContext): Promise<DemoTarget[]> {
  const file = demoRecordFile(ctx);
  if (existsSync(file)) {
    const recorded = (JSON.parse(readFileSync(file, 'utf8')) as { targets: DemoTarget[] }).targets;
    const present: DemoTarget[] = [];
    for (const t of recorded) if (await targetExists(ctx, t)) present.push(t);
    return present;
  }
  const rows = await ctx.db.portalLink.findMany({
    where: { createdBy: DEMO_LINK_CREATOR },
    orderBy: { createdAt: 'asc' },
    select: { scope: true, customerId: true, quoteId: true, invoiceId: true },
  });
  const seen = new Set<string>();
  const targets: DemoTarget[] = [];
  for (const row of rows) {
    const scope = row.scope as LinkScope;
    const id = scope === 'quote' ? row.quoteId! : scope === 'invoice' ? row.invoiceId! : row.customerId;
    if (seen.has(`${scope}:${id}`)) continue;
    seen.add(`${scope}:${id}`);
    targets.push({ scope, id });
  }
  return targets;
}

/**
 * `npm run demo:links`: a still-valid link is reused (same URL as before). When the newest link
 * of a demo customer was revoked, staff's decision stands: no link, unless `reissueRevoked`.
 * Links that merely expired are replaced, so the demo keeps working. Empty when there is no demo.
 */
export async function reprintDemoLinks(ctx: AppContext, options: { reissueRevoked?: boolean } = {}): Promise<DemoLink[]> {
  const now = ctx.clock.now();
  const out: DemoLink[] = [];
  for (const target of await demoTargets(ctx)) {
    const where = {
      scope: target.scope,
      ...(target.scope === 'customer' ? { customerId: target.id } : target.scope === 'quote' ? { quoteId: target.id } : { invoiceId: target.id }),
    };
    const live = await ctx.db.portalLink.count({ where: { ...where, revokedAt: null, expiresAt: { gt: now } } });
    if (live === 0 && !options.reissueRevoked) {
      const newest = await ctx.db.portalLink.findFirst({ where, orderBy: { createdAt: 'desc' }, select: { revokedAt: true } });
      if (newest?.revokedAt) {
        out.push({ label: await labelOf(ctx, target), url: null, note: `revoked by staff; run again with ${REISSUE_FLAG} to issue a new link` });
        continue;
      }
    }
    out.push(await issue(ctx, target));
  }
  return out;
}

async function targetExists(ctx: AppContext, t: DemoTarget): Promise<boolean> {
  const where = { where: { id: t.id } };
  const count =
    t.scope === 'customer' ? await ctx.db.customer.count(where) : t.scope === 'quote' ? await ctx.db.quote.count(where) : await ctx.db.invoice.count(where);
  return count > 0;
}

export function formatDemoLinks(links: DemoLink[]): string[] {
  return links.map((l) => `    ${l.label}: ${l.url ?? `(no link: ${l.note})`}`);
}
