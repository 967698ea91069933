/**
 * Server-Sent Events for an open portal: job stage changes arrive within a second, no reload.
 * The browser's EventSource reconnects by itself; the app refetches the view on reconnect so a
 * change made while it was offline is not missed. A comment line every 20 s keeps proxies and
 * mobile networks from closing an idle connection. The link is checked again before every event
 * and heartbeat: a revoked or expired link stops hearing anything at once.
 */
import type { Request, Response } from 'express';
import type { AppContext } from '../../services/context.ts';
import { resolvePortalToken, type ResolvedLink } from '../../services/links.ts';
import type { PortalEvent } from '../../services/portal-events.ts';

export function streamPortalEvents(ctx: AppContext, req: Request, res: Response, link: ResolvedLink, token: string): Promise<void> {
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
  // Only customer-wide links show jobs, so only they get job events.
  const unsubscribe =
    link.scope === 'customer'
      ? ctx.events.subscribe(link.customerId, (event: PortalEvent) => {
          void stillOpen().then((open) => {
            if (!open) return;
            const { customerId: _c, type, changeId: _id, ...data } = event;
            res.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
          });
        })
      : () => {};
  const heartbeat = setInterval(() => {
    void stillOpen().then((open) => open && res.write(': keep-alive\n\n'));
  }, 20_000);
  heartbeat.unref();
  return new Promise((resolve) => {
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      resolve();
    };
    req.on('close', end);
    res.on('close', end);
  });
}
