/**
 * Live job stages and payment changes over Server-Sent Events. EventSource retries by itself while the
 * connection is merely interrupted; when it gives up (CLOSED, e.g. a 5xx or a proxy
 * cutting the stream) we reopen with backoff. After any interruption the caller refetches
 * the whole view, so changes made while we were disconnected are not missed.
 */
import type { JobStage } from '../../server/portal/portal-view.ts';
import { urls } from './api.ts';

export interface StageEvent {
  jobId: string;
  stage: JobStage;
  at: string;
  note: string | null;
}
export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export interface LiveHandlers {
  onStage(event: StageEvent): void;
  /** Called when the stream is back after an interruption, and when the server says money changed. */
  onResync(): void;
  onStatus(status: LiveStatus): void;
}

export function connectLive(token: string, handlers: LiveHandlers): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  let source: EventSource | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  let interrupted = false;
  let stopped = false;

  const open = () => {
    clearTimeout(retryTimer);
    source?.close();
    const es = new EventSource(urls.events(token));
    source = es;
    es.addEventListener('open', () => {
      attempts = 0;
      handlers.onStatus('live');
      if (interrupted) {
        interrupted = false;
        handlers.onResync();
      }
    });
    es.addEventListener('job.stage', (e) => {
      try {
        const data = JSON.parse((e as MessageEvent<string>).data) as StageEvent;
        if (data && typeof data.jobId === 'string' && typeof data.stage === 'string') handlers.onStage(data);
      } catch {
        /* ignore a malformed event; the next resync repairs state */
      }
    });
    // A payment notice was sent, confirmed or rejected: the event carries nothing; refetch the view.
    es.addEventListener('refresh', () => handlers.onResync());
    es.addEventListener('error', () => {
      if (stopped || source !== es) return;
      interrupted = true;
      handlers.onStatus('reconnecting');
      if (es.readyState === EventSource.CLOSED) {
        es.close();
        const delay = Math.min(30_000, 1_000 * 2 ** attempts++);
        retryTimer = setTimeout(open, delay);
      }
    });
  };

  // Phones suspend background tabs; reconnect at once when the page is visible/online again.
  const wake = () => {
    if (!stopped && document.visibilityState === 'visible' && source?.readyState === EventSource.CLOSED) {
      interrupted = true;
      open();
    }
  };

  handlers.onStatus('connecting');
  open();
  document.addEventListener('visibilitychange', wake);
  window.addEventListener('online', wake);
  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    source?.close();
    document.removeEventListener('visibilitychange', wake);
    window.removeEventListener('online', wake);
  };
}
