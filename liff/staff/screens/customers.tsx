/** Customer search (the server's Thai-aware search) and the way to add one. */
import { useEffect, useState } from 'preact/hooks';
import { api, enc, type ApiError } from '../api.ts';
import { useStaff } from '../context.ts';
import { paths } from '../router.ts';
import type { CustomerDto, Page as ListPage } from '../types.ts';
import { ErrorLine, Link, Loading, Page } from '../ui.tsx';

export function Customers() {
  const { t } = useStaff();
  const [q, setQ] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const [items, setItems] = useState<CustomerDto[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = async (query: string, cursor: string | null) => {
    const r = await api.get<ListPage<CustomerDto>>(`/customers?q=${enc(query.trim())}${cursor ? `&cursor=${enc(cursor)}` : ''}`);
    if (!r.ok) return setError(r.error);
    setError(null);
    setItems((prev) => (cursor && prev ? [...prev, ...r.data.items] : r.data.items));
    setNext(r.data.nextCursor);
  };
  // Searching as one types, a moment after the last key (not one request per letter).
  useEffect(() => {
    const timer = setTimeout(() => {
      history.replaceState(null, '', q.trim() ? `${paths.customers()}?q=${enc(q.trim())}` : paths.customers());
      void load(q, null);
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);

  return (
    <Page title={t('customers.title')}>
      <div class="actions">
        <Link to={paths.customerNew()} class="button primary">
          + {t('customers.new')}
        </Link>
      </div>
      <search class="search">
        <label for="customer-search">{t('customers.search')}</label>
        <input
          id="customer-search"
          type="search"
          value={q}
          placeholder={t('customers.searchHint')}
          onInput={(e) => setQ((e.target as HTMLInputElement).value)}
        />
      </search>
      <ErrorLine error={error} />
      {items === null && !error && <Loading />}
      {items !== null &&
        (items.length === 0 ? (
          <p class="muted">{t('customers.none')}</p>
        ) : (
          <ul class="list card">
            {items.map((c) => (
              <li key={c.id}>
                <Link to={paths.customer(c.id)} class="row-link">
                  <span>
                    {c.name}
                    {(c.companyName || c.phone) && <small>{[c.companyName, c.phone].filter(Boolean).join(' · ')}</small>}
                  </span>
                  <span aria-hidden="true">›</span>
                </Link>
              </li>
            ))}
          </ul>
        ))}
      {next && (
        <button type="button" onClick={() => load(q, next)}>
          {t('customers.more')}
        </button>
      )}
    </Page>
  );
}
