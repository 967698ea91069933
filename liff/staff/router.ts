/**
 * Paths of the staff app, all under /staff (the server answers every one with the app). LINE
 * opens `https://liff.line.me/<id>/…` at the endpoint with the target in `liff.state`; boot
 * moves there once `liff.init` has resolved.
 */
import { useEffect, useState } from 'preact/hooks';

export const BASE = '/staff';

export type Route =
  | { name: 'today' }
  | { name: 'customers' }
  | { name: 'customerNew' }
  | { name: 'customer'; id: string }
  | { name: 'customerEdit'; id: string }
  | { name: 'quoteNew'; customerId: string }
  | { name: 'invoiceNew'; customerId: string; quoteId: string | null; jobId: string | null }
  | { name: 'quote'; id: string }
  | { name: 'quoteEdit'; id: string }
  | { name: 'invoiceEdit'; id: string }
  | { name: 'invoice'; id: string }
  | { name: 'deposit'; id: string }
  | { name: 'jobs' }
  | { name: 'money' }
  | { name: 'business' };

export function parseRoute(pathname: string, search = ''): Route {
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [a, b, c, d] = parts;
  if (a === 'customers') {
    if (b === undefined) return { name: 'customers' };
    if (b === 'new') return { name: 'customerNew' };
    if (c === 'edit') return { name: 'customerEdit', id: b };
    if (c === 'quotes' && d === 'new') return { name: 'quoteNew', customerId: b };
    if (c === 'invoices' && d === 'new') {
      const query = new URLSearchParams(search);
      return { name: 'invoiceNew', customerId: b, quoteId: query.get('quote'), jobId: query.get('job') };
    }
    return { name: 'customer', id: b };
  }
  if (a === 'quotes' && b) return c === 'edit' ? { name: 'quoteEdit', id: b } : { name: 'quote', id: b };
  if (a === 'invoices' && b) return c === 'edit' ? { name: 'invoiceEdit', id: b } : { name: 'invoice', id: b };
  if (a === 'deposits' && b) return { name: 'deposit', id: b };
  if (a === 'jobs') return { name: 'jobs' };
  if (a === 'money') return { name: 'money' };
  if (a === 'business') return { name: 'business' };
  return { name: 'today' };
}

const enc = encodeURIComponent;
export const paths = {
  today: () => `${BASE}`,
  customers: () => `${BASE}/customers`,
  customerNew: () => `${BASE}/customers/new`,
  customer: (id: string) => `${BASE}/customers/${enc(id)}`,
  customerEdit: (id: string) => `${BASE}/customers/${enc(id)}/edit`,
  quoteNew: (customerId: string) => `${BASE}/customers/${enc(customerId)}/quotes/new`,
  invoiceNew: (customerId: string, quoteId?: string) => `${BASE}/customers/${enc(customerId)}/invoices/new${quoteId ? `?quote=${enc(quoteId)}` : ''}`,
  /** An invoice for a job: the editor copies the lines of the job's accepted quotation, if it has one. */
  invoiceForJob: (customerId: string, jobId: string) => `${BASE}/customers/${enc(customerId)}/invoices/new?job=${enc(jobId)}`,
  quote: (id: string) => `${BASE}/quotes/${enc(id)}`,
  quoteEdit: (id: string) => `${BASE}/quotes/${enc(id)}/edit`,
  invoiceEdit: (id: string) => `${BASE}/invoices/${enc(id)}/edit`,
  invoice: (id: string) => `${BASE}/invoices/${enc(id)}`,
  deposit: (id: string) => `${BASE}/deposits/${enc(id)}`,
  jobs: () => `${BASE}/jobs`,
  money: () => `${BASE}/money`,
  business: () => `${BASE}/business`,
};

const listeners = new Set<() => void>();

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  for (const l of listeners) l();
}

/** The current route; re-renders on navigate() and the back button. */
export function useRoute(): Route {
  const read = () => parseRoute(location.pathname, location.search);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const update = () => setRoute(read());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}
