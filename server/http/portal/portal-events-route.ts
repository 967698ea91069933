/**
 * Server-Sent Events for an open portal: job stage changes arrive within a second, no reload.
 * The browser's EventSource reconnects by itself; the app refetches the view on reconnect so a
 * change made while it was offline is not missed. A comment line every 20 s keeps proxies and
 * mobile networks from closing an idle connection. The link is checked again before every event
 * and heartbeat, and at once when a link of the customer is revoked (here, or by another process
 * through the stage-change feed): a revoked link's streams close within a second.
 */
import type { Request, Response } from 'express';
import type { AppContext } from '../../services/context.ts';
import { resolvePortalToken, type ResolvedLink } from '../../services/links.ts';
import type { PortalEvent } from '../../services/portal-events.ts';
import { DomainError } from '../../domain/errors.ts';

export const MAX_STREAMS_PER_LINK = 10;

/**
 * Open streams per link. The 11th is refused (429) rather than dropping the oldest: an open tab
 * never loses its live updates silently, and the refused one retries with backoff (liff/src/live.ts)
 * and gets in once another tab closes.
 */
export class LiveStreams {
  readonly #open = new Map<string, number>();

  tryOpen(linkId: string): (() => void) | null {
    const count = this.#open.get(linkId) ?? 0;
    if (count >= MAX_STREAMS_PER_LINK) return null;
    this.#open.set(linkId, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#open.get(linkId) ?? 1) - 1;
      if (left > 0) this.#open.set(linkId, left);
      else this.#open.delete(linkId);
    };
  }
}

export function streamPortalEvents(ctx: AppContext, streams: LiveStreams, req: Request, res: Response, link: ResolvedLink, token: string): Promise<void> {
  const release = streams.tryOpen(link.id);
  if (!release) {
    res.setHeader('Retry-After', '30');
    throw new DomainError('RATE_LIMITED', `At most ${MAX_STREAMS_PER_LINK} live connections per link; close another tab or wait`, {
      limit: MAX_STREAMS_PER_LINK,
    });
  }
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  res.write('retry: 2000\n\n');
  const stillOpen = async () => {
    if (await resolvePortalToken(ctx, token)) return true;
    res.end();
    return false;
  };
  // Every stream hears its customer's revocations; only customer-wide links show jobs, so only
  // they are sent job events.
  const unsubscribe = ctx.events.subscribe(link.customerId, (event: PortalEvent) => {
    if (event.type === 'links.revoked') return void stillOpen();
    // Money changed: every link of the customer refetches its own (scoped) view; the event says nothing more.
    if (event.type === 'payments.changed') {
      return void stillOpen().then((open) => open && res.write('event: refresh\ndata: {}\n\n'));
    }
    if (link.scope !== 'customer') return;
    void stillOpen().then((open) => {
      if (!open) return;
      const { customerId: _c, type, changeId: _id, ...data } = event;
      res.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
    });
  });
  const heartbeat = setInterval(() => {
    void stillOpen().then((open) => open && res.write(': keep-alive\n\n'));
  }, 20_000);
  heartbeat.unref();
  return new Promise((resolve) => {
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      release();
      resolve();
    };
    req.on('close', end);
    res.on('close', end);
  });
}
