/**
 * A tiny history.pushState router. The portal's own paths are always `/c/<token>/…`;
 * inside LINE the browser shows them under `/liff` (the LIFF endpoint), so a reload in
 * LINE stays in the LIFF page. `liff.state` (how LINE passes the target path) is read here.
 */
export type JobsTab = 'active' | 'upcoming' | 'past';

export type Route =
  | { name: 'home' }
  | { name: 'jobs'; tab: JobsTab }
  | { name: 'job'; id: string }
  | { name: 'invoices' }
  | { name: 'invoice'; id: string }
  | { name: 'quotes' }
  | { name: 'quote'; id: string }
  | { name: 'deposits' }
  | { name: 'receipts' }
  | { name: 'documents' }
  | { name: 'notFound' };

export interface PortalLocation {
  /** '/liff' inside LINE, '' on the web. */
  prefix: string;
  token: string | null;
  /** Path after `/c/<token>`, with search and hash: '/', '/jobs?tab=past', '/deposits#dep-1'. */
  sub: string;
  /** True when the portal path came from `liff.state` rather than the address bar's path. */
  fromLiffState: boolean;
}

const PORTAL_PATH = /^\/c\/([^/?#]+)(\/[^?#]*)?/;

function splitPortalPath(path: string): { token: string; rest: string } | null {
  const m = PORTAL_PATH.exec(path);
  if (!m?.[1]) return null;
  try {
    return { token: decodeURIComponent(m[1]), rest: (m[2] ?? '/') + path.slice(m[0].length) };
  } catch {
    return null;
  }
}

export function readLocation(loc: Location = window.location): PortalLocation {
  const inLiff = loc.pathname === '/liff' || loc.pathname.startsWith('/liff/');
  const prefix = inLiff ? '/liff' : '';
  const fromPath = splitPortalPath(loc.pathname.slice(prefix.length) + loc.search + loc.hash);
  if (fromPath) return { prefix, token: fromPath.token, sub: cleanSub(fromPath.rest), fromLiffState: false };
  if (inLiff) {
    const state = new URLSearchParams(loc.search).get('liff.state');
    const fromState = state ? splitPortalPath(state.startsWith('/') ? state : `/${state}`) : null;
    if (fromState) return { prefix, token: fromState.token, sub: cleanSub(fromState.rest), fromLiffState: true };
  }
  return { prefix, token: null, sub: '/', fromLiffState: false };
}

/** Drops LIFF's own query parameters so they never end up in portal links. */
function cleanSub(sub: string): string {
  const url = new URL(sub, 'http://x');
  for (const key of [...url.searchParams.keys()]) if (key.startsWith('liff.')) url.searchParams.delete(key);
  const path = url.pathname.replace(/\/+$/, '') || '/';
  return path + url.search + url.hash;
}

export function parseRoute(sub: string): Route {
  const url = new URL(sub, 'http://x');
  const parts = url.pathname
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  const [section, id, extra] = parts;
  if (extra !== undefined) return { name: 'notFound' };
  if (!section) return { name: 'home' };
  switch (section) {
    case 'jobs': {
      if (id) return { name: 'job', id };
      const tab = url.searchParams.get('tab');
      return { name: 'jobs', tab: tab === 'upcoming' || tab === 'past' ? tab : 'active' };
    }
    case 'invoices':
      return id ? { name: 'invoice', id } : { name: 'invoices' };
    case 'quotes':
      return id ? { name: 'quote', id } : { name: 'quotes' };
    case 'deposits':
      return id ? { name: 'notFound' } : { name: 'deposits' };
    case 'receipts':
      return id ? { name: 'notFound' } : { name: 'receipts' };
    case 'documents':
      return id ? { name: 'notFound' } : { name: 'documents' };
    default:
      return { name: 'notFound' };
  }
}

export const paths = {
  home: () => '/',
  jobs: (tab: JobsTab = 'active') => (tab === 'active' ? '/jobs' : `/jobs?tab=${tab}`),
  job: (id: string) => `/jobs/${encodeURIComponent(id)}`,
  invoices: () => '/invoices',
  invoice: (id: string, toPay = false) => `/invoices/${encodeURIComponent(id)}${toPay ? '#pay' : ''}`,
  quotes: () => '/quotes',
  quote: (id: string) => `/quotes/${encodeURIComponent(id)}`,
  deposits: (anchorId?: string) => (anchorId ? `/deposits#dep-${encodeURIComponent(anchorId)}` : '/deposits'),
  receipts: () => '/receipts',
  documents: () => '/documents',
};

/** The address-bar URL for a portal sub-path. */
export function hrefFor(loc: Pick<PortalLocation, 'prefix' | 'token'>, sub: string): string {
  const base = `${loc.prefix}/c/${encodeURIComponent(loc.token ?? '')}`;
  return sub === '/' ? base : base + sub;
}
