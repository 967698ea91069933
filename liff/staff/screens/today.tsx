/** Today: overdue invoices, payment notices waiting, deposits to return, jobs moving out or back today. */
import { useStaff } from '../context.ts';
import { formatDate } from '../format.ts';
import { useLoad } from '../load.ts';
import { paths } from '../router.ts';
import type { TodayDto } from '../types.ts';
import { ErrorLine, Link, Loading, Money, Page, Section } from '../ui.tsx';
import { JobInvoiceLink } from './job-invoice-link.tsx';

export function Today() {
  const { t, lang } = useStaff();
  const loaded = useLoad<TodayDto>('/today');
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error') return <ErrorLine error={loaded.error} />;
  const d = loaded.data;
  const nothing = <p class="muted">{t('today.nothing')}</p>;
  return (
    <Page title={`${t('today.title')} · ${formatDate(lang, d.today)}`}>
      <Section title={`${t('today.overdue')} (${d.overdueInvoices.totalCount})`} id="today-overdue">
        {d.overdueInvoices.items.length === 0 ? (
          nothing
        ) : (
          <ul class="list">
            {d.overdueInvoices.items.map((i) => (
              <li key={i.invoiceId}>
                <Link to={paths.invoice(i.invoiceId)} class="row-link">
                  <span>
                    {i.invoiceNumber} · {i.customerName}
                    <small>{t('today.daysOverdue', { days: i.daysOverdue })}</small>
                  </span>
                  <Money satang={i.amountDueSatang} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={`${t('today.notices')} (${d.paymentNotices.totalCount})`} id="today-notices">
        {d.paymentNotices.items.length === 0 ? (
          nothing
        ) : (
          <ul class="list">
            {d.paymentNotices.items.map((n) => (
              <li key={n.noticeId}>
                <Link to={paths.money()} class="row-link">
                  <span>
                    {n.target.number} · {n.customerName}
                  </span>
                  <Money satang={n.amountSatang} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={`${t('today.depositsToReturn')} (${d.depositsToReturn.totalCount})`} id="today-deposits">
        {d.depositsToReturn.items.length === 0 ? (
          nothing
        ) : (
          <ul class="list">
            {d.depositsToReturn.items.map((dep) => (
              <li key={dep.depositId}>
                <Link to={paths.deposit(dep.depositId)} class="row-link">
                  <span>
                    {dep.depositNumber} · {dep.customerName}
                    {dep.job && <small>{`${dep.job.number} · ${t(`stage.${dep.job.stage}`)}`}</small>}
                  </span>
                  <Money satang={dep.heldSatang} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('today.jobsToday')} id="today-jobs">
        {d.jobsToday.length === 0 ? (
          nothing
        ) : (
          <ul class="list">
            {d.jobsToday.map((j) => (
              <li key={j.jobId}>
                <Link to={paths.customer(j.customerId)} class="row-link">
                  <span>
                    {j.jobNumber} · {j.title}
                    <small>
                      {j.customerName} · {t(`today.moving.${j.moving}`)}
                    </small>
                  </span>
                  <span class="chip">{t(`stage.${j.stage}`)}</span>
                </Link>
                <JobInvoiceLink customerId={j.customerId} jobId={j.jobId} jobNumber={j.jobNumber} />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </Page>
  );
}
