import { usePortal } from '../context.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { paths } from '../router.ts';
import { DocumentList, Empty, Facts, LinesTable, Money, Page, QuoteBadge, Section, TotalsTable } from '../ui.tsx';
import { DepositCard } from './deposits.tsx';
import { QuoteActions } from './quote-actions.tsx';
import { QuoteRow } from './home.tsx';

export function Quotes() {
  const { view, t } = usePortal();
  return (
    <Page title={t('quotes.title')} back={paths.documents()}>
      {view.quotes.length ? (
        <ul class="stack">
          {view.quotes.map((q) => <QuoteRow key={q.id} quote={q} />)}
        </ul>
      ) : <Empty text={t('quotes.empty')} />}
    </Page>
  );
}

/** Read-only quote. A quote link shows only this page (plus its deposit once accepted). */
export function QuotePage({ id, standalone }: { id: string; standalone?: boolean }) {
  const { view, lang, t } = usePortal();
  const quote = view.quotes.find((q) => q.id === id);
  if (!quote) return <Page title={t('quote.notFound')} back={standalone ? undefined : paths.home()}>{null}</Page>;
  const deposits = standalone ? view.deposits : [];
  return (
    <Page
      title={t('quote.title', { number: quote.number })}
      back={standalone ? undefined : paths.quotes()}
      sub={<p class="row"><QuoteBadge status={quote.status} />{quote.jobNumber && <span class="muted small">{t('invoice.job')} {quote.jobNumber}</span>}</p>}
    >
      <div class="card">
        <Facts rows={[
          [t('quote.issueDate'), formatDate(lang, quote.issueDate)],
          [t('quote.validUntil'), formatDate(lang, quote.validUntil)],
          [t('totals.total'), <Money satang={quote.totals.totalSatang} class="strong" />],
          quote.depositSatang > 0 ? [t('quote.deposit'), <Money satang={quote.depositSatang} />] : false,
        ]} />
        {quote.signedBy && quote.signedAt && (
          <p class="note">{t('quote.signed', { name: quote.signedBy, date: formatDateTime(lang, quote.signedAt, t('app.timeSuffix')) })}</p>
        )}
        {quote.declineReason && <p class="note">{t('quote.declineReason', { reason: quote.declineReason })}</p>}
      </div>

      <Section title={t('invoice.items')}>
        <div class="card">
          <LinesTable lines={quote.lines} />
          <TotalsTable totals={quote.totals} />
        </div>
      </Section>

      <QuoteActions quote={quote} />

      {deposits.map((d) => <DepositCard key={d.id} deposit={d} />)}

      {quote.documentIds.length > 0 && (
        <Section title={t('docs.title')}>
          <DocumentList ids={quote.documentIds} />
        </Section>
      )}
    </Page>
  );
}
