/** One customer: balance, deposits, LINE, open jobs and invoices, and what to do next. */
import { useState } from 'preact/hooks';
import { api, enc, type ApiError } from '../api.ts';
import { useStaff } from '../context.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { useLoad } from '../load.ts';
import { paths } from '../router.ts';
import type { CustomerActivityDto, CustomerSummaryDto, DepositItem, Page as ListPage, QuoteItem, Sent } from '../types.ts';
import { CustomerLineAccounts } from './customer-line-accounts.tsx';
import { JobInvoiceLink } from './job-invoice-link.tsx';
import { JobMover } from './job-mover.tsx';
import { Done, ErrorLine, Facts, Link, Loading, Money, Page, Section } from '../ui.tsx';

export function CustomerPage({ id }: { id: string }) {
  const { t, lang } = useStaff();
  const loaded = useLoad<CustomerSummaryDto>(`/customers/${enc(id)}`);
  const quotes = useLoad<ListPage<QuoteItem>>(`/quotes?customerId=${enc(id)}&limit=20`);
  const deposits = useLoad<ListPage<DepositItem>>(`/deposits?customerId=${enc(id)}&limit=20`);
  const activity = useLoad<CustomerActivityDto>(`/customers/${enc(id)}/activity`);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [issued, setIssued] = useState<{ url: string; expiresAt: string } | null>(null);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error') return <ErrorLine error={loaded.error} />;
  const c = loaded.data;
  // "Viewed" per document: PDF views and downloads in the portal, by record id (quote and signed quote share one).
  const views = new Map<string, { count: number; last: string }>();
  if (activity.state === 'ok') {
    for (const v of activity.data.viewedDocuments) {
      const seen = views.get(v.documentId);
      views.set(v.documentId, {
        count: (seen?.count ?? 0) + v.count,
        last: seen && seen.last > v.lastViewedAt ? seen.last : v.lastViewedAt,
      });
    }
  }
  const viewed = (documentId: string) => {
    if (activity.state !== 'ok') return null;
    const v = views.get(documentId);
    return <small class="viewed">{v ? t('customer.viewed', { count: v.count, date: formatDateTime(lang, v.last) }) : t('customer.notViewed')}</small>;
  };

  const sendLink = async () => {
    setError(null);
    const r = await api.post<Sent>(`/customers/${enc(id)}/send-link`, {});
    if (r.ok) setDone(t('customer.linkSent', { channel: t(`doc.channel.${r.data.channel}`) }));
    else setError(r.error);
  };
  const issueLink = async () => {
    setError(null);
    const r = await api.post<{ url: string; expiresAt: string }>('/links', { scope: 'customer', id });
    if (r.ok) setIssued(r.data);
    else setError(r.error);
  };
  const revokeLinks = async () => {
    setError(null);
    const r = await api.post<{ revoked: number }>(`/customers/${enc(id)}/revoke-links`, {});
    if (r.ok) setDone(t('customer.linksRevoked', { count: r.data.revoked }));
    else setError(r.error);
  };

  return (
    <Page title={c.name} back={paths.customers()}>
      {c.companyName && <p class="sub">{c.companyName}</p>}
      <div class="actions">
        <Link to={paths.quoteNew(id)} class="button primary">
          {t('customer.newQuote')}
        </Link>
        <Link to={paths.invoiceNew(id)} class="button">
          {t('customer.newInvoice')}
        </Link>
      </div>
      <Section title={t('customer.overview')}>
        <Facts
          rows={[
            [t('customer.balance'), <Money key="b" satang={c.balanceDueSatang} />],
            c.overdueCount > 0 && [t('inv.overdue'), t('customer.overdue', { count: c.overdueCount })],
            [t('customer.depositsHeld'), <Money key="d" satang={c.depositsHeldSatang} />],
            [t('customer.line'), t(c.lineBound ? 'customer.lineBound' : 'customer.lineNotBound')],
            [t('customer.lastSeen'), c.lastSeenAt ? formatDateTime(lang, c.lastSeenAt) : t('app.none')],
            !!c.phone && [t('customer.phone'), c.phone],
            !!c.email && [t('customer.email'), c.email],
          ]}
        />
        <Link to={paths.customerEdit(id)} class="button">
          {t('customer.edit')}
        </Link>
      </Section>
      <Section title={t('customer.openInvoices')}>
        {c.openInvoices.length === 0 ? (
          <p class="muted">{t('today.nothing')}</p>
        ) : (
          <ul class="list">
            {c.openInvoices.map((inv) => (
              <li key={inv.id}>
                <Link to={paths.invoice(inv.id)} class="row-link">
                  <span>
                    {inv.number} · {t(`inv.${inv.status}`)}
                    <small>{formatDate(lang, inv.dueDate)}</small>
                    {viewed(inv.id)}
                  </span>
                  <Money satang={inv.balanceSatang} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('customer.quotes')}>
        {quotes.state === 'ok' && quotes.data.items.length > 0 ? (
          <ul class="list">
            {quotes.data.items.map((q) => (
              <li key={q.id}>
                <Link to={paths.quote(q.id)} class="row-link">
                  <span>
                    {q.number} · {t(`quote.${q.status}`)}
                    <small>{formatDate(lang, q.issueDate)}</small>
                    {viewed(q.id)}
                  </span>
                  <Money satang={q.netPayableSatang} />
                </Link>
              </li>
            ))}
          </ul>
        ) : quotes.state === 'error' ? (
          <ErrorLine error={quotes.error} />
        ) : (
          <p class="muted">{t('today.nothing')}</p>
        )}
      </Section>
      <Section title={t('doc.deposit')}>
        {deposits.state === 'ok' && deposits.data.items.length > 0 ? (
          <ul class="list">
            {deposits.data.items.map((d) => (
              <li key={d.id}>
                <Link to={paths.deposit(d.id)} class="row-link">
                  <span>
                    {d.number} · {t(`dep.${d.status}`)}
                  </span>
                  <Money satang={d.requiredSatang} />
                </Link>
              </li>
            ))}
          </ul>
        ) : deposits.state === 'error' ? (
          <ErrorLine error={deposits.error} />
        ) : (
          <p class="muted">{t('today.nothing')}</p>
        )}
      </Section>
      <Section title={t('customer.openJobs')}>
        {c.openJobs.length === 0 ? (
          <p class="muted">{t('today.nothing')}</p>
        ) : (
          <ul class="list">
            {c.openJobs.map((job) => (
              <li key={job.id}>
                <div class="row">
                  <span>
                    {job.number} · {job.title}
                  </span>
                  <span class="chip">{t(`stage.${job.stage}`)}</span>
                </div>
                <JobMover job={job} onMoved={() => loaded.reload()} />
                <JobInvoiceLink customerId={id} jobId={job.id} jobNumber={job.number} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      <CustomerLineAccounts customerId={id} onChange={() => loaded.reload()} />
      <Section title={t('customer.links')}>
        <div class="actions">
          <button type="button" onClick={sendLink}>
            {t('customer.sendLink')}
          </button>
          <button type="button" onClick={issueLink}>
            {t('customer.issueLink')}
          </button>
          <button type="button" class="danger" onClick={revokeLinks}>
            {t('customer.revokeLinks')}
          </button>
        </div>
        {issued && (
          <div class="issued">
            <label for="issued-link">{t('customer.issuedLink', { date: formatDateTime(lang, issued.expiresAt) })}</label>
            <input id="issued-link" readOnly value={issued.url} onFocus={(e) => (e.target as HTMLInputElement).select()} />
          </div>
        )}
        {done && <Done>{done}</Done>}
        <ErrorLine error={error} />
      </Section>
    </Page>
  );
}
