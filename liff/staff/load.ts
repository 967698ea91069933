/** Loading a screen's data: one hook, and a small cache of documents this app just created. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, type ApiError, type ApiResult } from './api.ts';

export type Loadable<T> = { state: 'loading' } | { state: 'ok'; data: T } | { state: 'error'; error: ApiError };

/** GETs `path` (admin API) when it changes; `reload` fetches again after a change. */
export function useLoad<T>(path: string | null, fallback?: () => T | undefined): Loadable<T> & { reload: () => void } {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    void api.get<T>(path).then((r: ApiResult<T>) => {
      if (!live) return;
      if (r.ok) setResult({ state: 'ok', data: r.data });
      else {
        const cached = fallback?.();
        setResult(cached === undefined ? { state: 'error', error: r.error } : { state: 'ok', data: cached });
      }
    });
    return () => {
      live = false;
    };
  }, [path, round]);
  return { ...result, reload };
}

/** Quotes and invoices as created or last changed in this app, by id (shown if a read fails). */
export const recent = new Map<string, unknown>();
