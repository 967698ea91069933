/**
 * GET /admin/outbox — the operator's view of every outgoing message: status, channel, recipient,
 * attempts, error, provider id and delivery status, and the message itself as the client sees it
 * (email HTML and text, SMS text, the LINE Flex Message drawn as a preview next to its JSON).
 * In the no-credentials demo this page IS the local outbox. Open operator alarms (a stored
 * document missing or altered, services/operator-alarms.ts) are listed above the messages.
 *
 * HTTP Basic auth; the password is the ADMIN_API_KEY (any user name). Every value is escaped. The
 * page runs no script and allows styles only from its own stylesheet; the rendered email and
 * Flex previews (which carry inline styles, as mail apps and LINE need) are separate documents
 * shown in sandboxed iframes with their own CSP, so they can neither run script nor style the page.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type RequestHandler, type Response } from 'express';
import type { Db } from '../../data/database.ts';
import { asyncHandler } from '../errors.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import { escapeHtml, renderEmail } from '../../messaging/templates/email.ts';
import { renderSms } from '../../messaging/templates/sms.ts';
import {
  CHANNELS,
  MESSAGE_STATUSES,
  parseStoredContent,
  withUrls,
  type Channel,
  type MessageContent,
  type StoredContent,
} from '../../messaging/message-content.ts';
import type { LinkResolver } from '../../messaging/channel-ports.ts';

/** How LINE messages are drawn (bot/line-push-channel.ts + bot/preview), injected by the wiring. */
export interface LinePreview {
  messagesFor(content: MessageContent): unknown[];
  toHtml(messages: unknown[]): string;
  css: string;
}

export interface OutboxPageOptions {
  db: Db;
  adminApiKey: string;
  linePreview: LinePreview;
  channelModes: Record<Channel, 'live' | 'local'>;
  links: LinkResolver;
  /** Where the router is mounted, e.g. '/admin/outbox' (links and iframes use absolute paths). */
  basePath: string;
}

const PAGE_SIZE = 50;

const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; form-action 'none'; base-uri 'none'; frame-ancestors 'self'; sandbox";

const PAGE_CSS = `
body{margin:0;font:14px/1.45 "Sarabun","Noto Sans Thai",system-ui,sans-serif;background:#f3f4f6;color:#111}
header{padding:16px 24px;background:#111827;color:#fff}
header h1{margin:0 0 4px;font-size:20px}
header p{margin:0;color:#cbd5e1}
main{padding:16px 24px;max-width:1400px}
form.filters{display:flex;gap:8px;flex-wrap:wrap;align-items:end;margin-bottom:16px}
form.filters label{display:flex;flex-direction:column;font-size:12px;color:#4b5563}
.counts{display:flex;gap:8px;flex-wrap:wrap;margin-bottom:16px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;background:#e5e7eb}
.s-queued,.s-sending{background:#dbeafe;color:#1e40af}.s-sent{background:#dcfce7;color:#166534}
.s-failed{background:#fef3c7;color:#92400e}.s-dead{background:#fee2e2;color:#991b1b}.s-cancelled{background:#e5e7eb;color:#374151}
.mode-live{background:#dcfce7;color:#166534}.mode-local{background:#fef3c7;color:#92400e}
article{background:#fff;border-radius:10px;padding:12px 16px;margin-bottom:16px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
article h2{margin:0 0 6px;font-size:15px;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 10px;font-size:13px}
dt{color:#6b7280}dd{margin:0;overflow-wrap:anywhere}
.error{color:#991b1b}
.alarms{background:#fee2e2;border:1px solid #fca5a5;border-radius:10px;padding:10px 16px;margin-bottom:16px;color:#7f1d1d}
.alarms h2{margin:0 0 6px;font-size:16px}.alarms ul{margin:0;padding-left:18px}
.render{display:grid;grid-template-columns:minmax(300px,380px) 1fr;gap:12px;align-items:start}
iframe{width:100%;height:520px;border:1px solid #e5e7eb;border-radius:8px;background:#fff}
pre{margin:0;padding:10px;background:#f9fafb;border:1px solid #e5e7eb;border-radius:8px;white-space:pre-wrap;overflow-wrap:anywhere;font-size:12px;max-height:520px;overflow:auto}
.sms{max-width:380px;background:#e5e7eb;border-radius:14px;padding:10px 12px;white-space:pre-wrap;overflow-wrap:anywhere}
nav.pages{display:flex;gap:12px}
@media (max-width:800px){.render{grid-template-columns:1fr}}
`;

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function basicAuth(adminApiKey: string): RequestHandler {
  const expected = sha256(adminApiKey);
  return (req, res, next) => {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(req.get('authorization') ?? '');
    const decoded = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : '';
    const password = decoded.includes(':') ? decoded.slice(decoded.indexOf(':') + 1) : '';
    if (!password || !timingSafeEqual(sha256(password), expected)) {
      res.set('WWW-Authenticate', 'Basic realm="Outbox (password: ADMIN_API_KEY)", charset="UTF-8"');
      next(new DomainError('UNAUTHORIZED', 'Authentication required: any user name, the ADMIN_API_KEY as password.'));
      return;
    }
    next();
  };
}

function noStore(res: Response): void {
  res.set('Cache-Control', 'no-store');
  res.set('Referrer-Policy', 'no-referrer');
  res.set('X-Robots-Tag', 'noindex');
}

function formatTime(date: Date | null): string {
  return date ? date.toISOString().replace('T', ' ').slice(0, 19) + 'Z' : '—';
}

type Row = Awaited<ReturnType<Db['outboxMessage']['findFirstOrThrow']>>;
type Alarm = Awaited<ReturnType<Db['operatorAlarm']['findFirstOrThrow']>>;

function renderAlarms(alarms: Alarm[]): string {
  if (alarms.length === 0) return '';
  const items = alarms
    .map(
      (a) =>
        `<li><strong>${escapeHtml(a.kind)}</strong> ${escapeHtml(a.subject)} — ${escapeHtml(a.detail)} <small>(${a.count}× · first ${escapeHtml(formatTime(a.firstAt))} · last ${escapeHtml(formatTime(a.lastAt))})</small></li>`,
    )
    .join('');
  return `<section class="alarms" id="alarms"><h2>Operator alarms (${alarms.length})</h2><ul>${items}</ul></section>`;
}

export function outboxPageRouter(options: OutboxPageOptions): Router {
  const router = Router();
  router.use(basicAuth(options.adminApiKey));

  router.get('/outbox.css', (_req, res) => {
    res.type('text/css').set('Cache-Control', 'no-cache').send(PAGE_CSS);
  });

  router.get(
    '/',
    asyncHandler(async (req, res) => {
      const q = req.query as Record<string, string | undefined>;
      const status = MESSAGE_STATUSES.find((s) => s === q.status);
      const channel = CHANNELS.find((c) => c === q.channel);
      const customerId = typeof q.customerId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(q.customerId) ? q.customerId : undefined;
      const page = Math.max(0, Math.min(10_000, Number.parseInt(q.page ?? '0', 10) || 0));
      const where = { ...(status ? { status } : {}), ...(channel ? { channel } : {}), ...(customerId ? { customerId } : {}) };
      const [rows, counts, alarms] = await Promise.all([
        options.db.outboxMessage.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: page * PAGE_SIZE, take: PAGE_SIZE + 1 }),
        options.db.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } }),
        options.db.operatorAlarm.findMany({ where: { resolvedAt: null }, orderBy: { lastAt: 'desc' }, take: 100 }),
      ]);
      const shown = rows.slice(0, PAGE_SIZE);
      const contents = await renderable(options.links, shown);
      noStore(res);
      res.set('Content-Security-Policy', PAGE_CSP);
      res
        .type('html')
        .send(renderPage({ rows: shown, contents, hasMore: rows.length > PAGE_SIZE, page, filters: { status, channel, customerId }, counts, alarms, options }));
    }),
  );

  router.get(
    '/:id/preview',
    asyncHandler(async (req, res) => {
      const row = await options.db.outboxMessage.findUnique({ where: { id: String(req.params.id) } });
      const as = CHANNELS.find((c) => c === req.query.as) ?? (row?.channel as Channel | undefined);
      noStore(res);
      res.set('Content-Security-Policy', PREVIEW_CSP);
      if (!row || !as) throw notFound('Message');
      const [content] = await renderable(options.links, [row]);
      if (!content) throw new DomainError('UNPROCESSABLE', 'This message cannot be rendered');
      res.type('html').send(previewDocument(content, as, options.linePreview));
    }),
  );
  return router;
}

/**
 * The messages as the client sees them. A link that no longer opens still renders (with a
 * placeholder address) so the operator can read what was sent.
 */
async function renderable(links: LinkResolver, rows: Row[]): Promise<(MessageContent | null)[]> {
  const parsed = rows.map((row) => {
    try {
      return parseStoredContent(row.payload);
    } catch {
      return null;
    }
  });
  const stored = parsed.filter((p): p is StoredContent => p !== null);
  const resolved = await links.resolve(stored, { requireUsable: false });
  let i = 0;
  return parsed.map((p) => {
    if (!p) return null;
    const content = resolved[i++];
    return content ?? withUrls(p, { webUrl: 'https://link-unavailable.invalid/', liffUrl: null, shortUrl: 'https://link-unavailable.invalid/' });
  });
}

function previewDocument(content: MessageContent, channel: Channel, line: LinePreview): string {
  if (channel === 'email') return renderEmail(content).html;
  if (channel === 'line') {
    return `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0}${line.css}</style></head><body>${line.toHtml(line.messagesFor(content))}</body></html>`;
  }
  return `<!doctype html><html><head><meta charset="utf-8"></head><body><pre>${escapeHtml(renderSms(content))}</pre></body></html>`;
}

function link(basePath: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  const text = search.toString();
  return text ? `${basePath}?${text}` : basePath;
}

function renderPage(input: {
  rows: Row[];
  contents: (MessageContent | null)[];
  hasMore: boolean;
  page: number;
  filters: { status?: string; channel?: string; customerId?: string };
  counts: { status: string; _count: { _all: number } }[];
  alarms: Alarm[];
  options: OutboxPageOptions;
}): string {
  const { filters, options } = input;
  const modes = CHANNELS.map(
    (c) => `<span class="badge mode-${options.channelModes[c]}">${c.toUpperCase()}: ${options.channelModes[c] === 'live' ? 'live' : 'local outbox'}</span>`,
  ).join(' ');
  const counts = input.counts
    .sort((a, b) => a.status.localeCompare(b.status))
    .map(
      (c) =>
        `<a class="badge s-${escapeHtml(c.status)}" href="${escapeHtml(link(options.basePath, { status: c.status }))}">${escapeHtml(c.status)}: ${c._count._all}</a>`,
    )
    .join(' ');
  const option = (value: string, selected: string | undefined) =>
    `<option value="${escapeHtml(value)}"${value === selected ? ' selected' : ''}>${escapeHtml(value || 'any')}</option>`;
  const filtersForm = `<form class="filters" method="get" action="${escapeHtml(options.basePath)}">
<label>Status<select name="status">${['', ...MESSAGE_STATUSES].map((s) => option(s, filters.status ?? '')).join('')}</select></label>
<label>Channel<select name="channel">${['', ...CHANNELS].map((c) => option(c, filters.channel ?? '')).join('')}</select></label>
<label>Customer id<input name="customerId" value="${escapeHtml(filters.customerId ?? '')}" size="28"></label>
<button type="submit">Filter</button></form>`;
  const articles = input.rows.map((row, i) => renderMessage(row, input.contents[i] ?? null, options)).join('\n');
  const pager = `<nav class="pages">${input.page > 0 ? `<a href="${escapeHtml(link(options.basePath, { ...filters, page: input.page - 1 }))}">← newer</a>` : ''}${input.hasMore ? `<a href="${escapeHtml(link(options.basePath, { ...filters, page: input.page + 1 }))}">older →</a>` : ''}</nav>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>Outbox</title><link rel="stylesheet" href="${escapeHtml(options.basePath)}/outbox.css"></head>
<body><header><h1>Outbox</h1><p>Every message to clients, newest first. ${modes}</p></header>
<main>${renderAlarms(input.alarms)}<div class="counts">${counts || 'No messages yet.'}</div>${filtersForm}${articles}${pager}</main></body></html>`;
}

function renderMessage(row: Row, content: MessageContent | null, options: OutboxPageOptions): string {
  const line = options.linePreview;
  const facts: [string, string][] = [
    ['Created', formatTime(row.createdAt)],
    ['Recipient', row.recipient],
    ['Customer', row.customerId ?? '—'],
    ['Attempts', String(row.attempts)],
    ['Next attempt', row.status === 'queued' || row.status === 'failed' ? formatTime(row.nextAttemptAt) : '—'],
    ['Sent', formatTime(row.sentAt)],
    ['Provider id', row.providerMessageId ?? '—'],
    ['Delivery', row.deliveryStatus ?? '—'],
    ['Idempotency key', row.idempotencyKey],
  ];
  const dl = facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  const error = row.lastError ? `<p class="error">${escapeHtml(row.lastError)}</p>` : '';
  const preview = `${options.basePath}/${encodeURIComponent(row.id)}/preview`;
  let body = '<p class="error">The stored content cannot be read.</p>';
  if (content) {
    if (row.channel === 'email') {
      const email = renderEmail(content);
      body = `<p><strong>Subject:</strong> ${escapeHtml(email.subject)}</p><div class="render"><iframe sandbox="" loading="lazy" title="Email HTML" src="${escapeHtml(preview)}"></iframe><pre>${escapeHtml(email.text)}</pre></div>`;
    } else if (row.channel === 'line') {
      const json = JSON.stringify(line.messagesFor(content), null, 2);
      body = `<div class="render"><iframe sandbox="" loading="lazy" title="LINE preview" src="${escapeHtml(preview)}"></iframe><pre>${escapeHtml(json)}</pre></div>`;
    } else {
      body = `<div class="sms">${escapeHtml(renderSms(content))}</div>`;
    }
  }
  return `<article id="m-${escapeHtml(row.id)}"><h2><span class="badge s-${escapeHtml(row.status)}">${escapeHtml(row.status)}</span> ${escapeHtml(row.channel.toUpperCase())} · ${escapeHtml(row.kind)} <small>${escapeHtml(row.id)}</small></h2><dl>${dl}</dl>${error}${body}</article>`;
}
