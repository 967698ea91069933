/**
 * Stopping an HTTP server without cutting anyone off: no new connections; live streams (SSE)
 * end at once (browsers reconnect to another instance after the stream's `retry`); requests in
 * progress finish; idle keep-alive connections close. What is still running after `graceMs` is cut.
 */
import type { Server, ServerResponse } from 'node:http';

export function gracefulCloser(server: Server, graceMs = 10_000): { close(): Promise<void> } {
  const open = new Set<ServerResponse>();
  server.on('request', (_req, res: ServerResponse) => {
    open.add(res);
    res.on('close', () => open.delete(res));
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const res of open) {
          if (String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) res.end();
        }
        server.closeIdleConnections();
        // A keep-alive connection goes idle when its request ends: close those as they do.
        const idle = setInterval(() => server.closeIdleConnections(), 100);
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        server.once('close', () => {
          clearInterval(idle);
          clearTimeout(cut);
        });
      }),
  };
}
