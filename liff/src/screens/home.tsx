import type { ComponentChildren } from 'preact';
import type { PortalJob, PortalQuote } from '../../../server/portal/portal-view.ts';
import { usePortal } from '../context.ts';
import { formatDate, formatDateRange, politeName } from '../format.ts';
import { paths } from '../router.ts';
import { InvoiceBadge, Link, Money, QuoteBadge, Section, StageChip } from '../ui.tsx';

export function JobCard({ job }: { job: PortalJob }) {
  const { lang } = usePortal();
  const dates = formatDateRange(lang, job.startDate, job.endDate);
  return (
    <li>
      <Link to={paths.job(job.id)} class="card card-link">
        <span class="row">
          <span class="card-title">{job.title}</span>
          <StageChip stage={job.stage} />
        </span>
        <span class="muted small meta">
          <span>{job.number}</span>
          {dates && <span>{dates}</span>}
        </span>
      </Link>
    </li>
  );
}

/** Something to pay now: what, how much, and one Pay button. */
function PayCard(props: { title: string; badge?: ComponentChildren; amountSatang: number; detail: string | null; to: string; label: string }) {
  const { t } = usePortal();
  return (
    <li class="card">
      <div class="row">
        <span class="card-title">{props.title}</span>
        {props.badge}
      </div>
      <div class="row row-end">
        <div>
          <Money satang={props.amountSatang} class="amount" />
          {props.detail && <span class="muted small block">{props.detail}</span>}
        </div>
        <Link to={props.to} class="btn btn-primary" aria-label={props.label}>
          {t('pay.button')}
        </Link>
      </div>
    </li>
  );
}

/** A quote in a list: number, status, valid-until and total. Used on Home and Quotes. */
export function QuoteRow({ quote: q }: { quote: PortalQuote }) {
  const { lang, t } = usePortal();
  return (
    <li>
      <Link to={paths.quote(q.id)} class="card card-link">
        <span class="row">
          <span class="card-title">{q.number}</span>
          <QuoteBadge status={q.status} />
        </span>
        <span class="row">
          <span class="muted small">{t('quote.validUntilShort', { date: formatDate(lang, q.validUntil) })}</span>
          <Money satang={q.totals.totalSatang} class="strong" />
        </span>
      </Link>
    </li>
  );
}

export function Home() {
  const { view, lang, t } = usePortal();
  const businessName = lang === 'th' ? view.business.name : view.business.nameEn;
  const toPay = view.invoices.filter((i) => i.pay && i.status !== 'void');
  const depositsToPay = view.deposits.filter((d) => d.pay);
  const quotes = view.quotes.filter((q) => q.status === 'sent');
  const activeJobs = view.jobs.filter((j) => j.timing === 'active');
  const caughtUp = !toPay.length && !depositsToPay.length && !quotes.length;

  return (
    <>
      <h1 id="page-title" tabIndex={-1}>
        {t('home.greeting', { name: politeName(view.customer.name, lang) })}
      </h1>
      <p class="muted intro">{t('home.intro', { business: businessName })}</p>

      {caughtUp && (
        <div class="card caught-up" role="status">
          <span class="caught-up-icon" aria-hidden="true">
            ✓
          </span>
          <div>
            <h2>{t('home.caughtUpTitle')}</h2>
            <p class="muted">{t('home.caughtUpBody')}</p>
          </div>
        </div>
      )}

      {toPay.length > 0 && (
        <Section title={t('home.toPay')}>
          <ul class="stack">
            {toPay.map((inv) => (
              <PayCard
                key={inv.id}
                title={inv.number}
                badge={<InvoiceBadge status={inv.status} />}
                amountSatang={inv.pay!.amountSatang}
                detail={t('invoice.due', { date: formatDate(lang, inv.dueDate) })}
                to={paths.invoice(inv.id, true)}
                label={`${t('pay.button')} ${inv.number}`}
              />
            ))}
          </ul>
        </Section>
      )}

      {depositsToPay.length > 0 && (
        <Section title={t('home.depositsToPay')}>
          <ul class="stack">
            {depositsToPay.map((dep) => (
              <PayCard
                key={dep.id}
                title={t('deposit.title', { number: dep.number })}
                amountSatang={dep.pay!.amountSatang}
                detail={dep.jobNumber ? `${t('deposit.job')} ${dep.jobNumber}` : null}
                to={paths.deposits(dep.id)}
                label={`${t('pay.button')} ${dep.number}`}
              />
            ))}
          </ul>
        </Section>
      )}

      {quotes.length > 0 && (
        <Section title={t('home.quotes')}>
          <ul class="stack">
            {quotes.map((q) => (
              <QuoteRow key={q.id} quote={q} />
            ))}
          </ul>
        </Section>
      )}

      {activeJobs.length > 0 && (
        <Section
          title={t('home.activeJobs')}
          action={
            <Link to={paths.jobs()} class="text-link">
              {t('home.allJobs')}
            </Link>
          }
        >
          <ul class="stack">
            {activeJobs.map((j) => (
              <JobCard key={j.id} job={j} />
            ))}
          </ul>
        </Section>
      )}

      <p class="muted small center footnote">{t('home.expires', { date: formatDate(lang, view.expiresAt) })}</p>
    </>
  );
}
