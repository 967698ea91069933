import { useState } from 'preact/hooks';
import type { PortalQuoteDocument } from '../../../server/portal/portal-view.ts';
import { usePortal } from '../context.ts';
import { formatDate } from '../format.ts';
import { paths } from '../router.ts';
import { AmountRows, DocumentList, Empty, Facts, LinesTable, Money, Page, QuoteBadge, Section } from '../ui.tsx';
import { DepositCard } from './deposits.tsx';
import { QuoteActions, type QuoteOutcome } from './quote-actions.tsx';
import { QuoteRow } from './home.tsx';

export function Quotes() {
  const { view, t } = usePortal();
  return (
    <Page title={t('quotes.title')} back={paths.documents()}>
      {view.quotes.length ? (
        <ul class="stack">
          {view.quotes.map((q) => (
            <QuoteRow key={q.id} quote={q} />
          ))}
        </ul>
      ) : (
        <Empty text={t('quotes.empty')} />
      )}
    </Page>
  );
}

const percent = (basisPoints: number) => `${basisPoints / 100}%`;

/** The totals in the order and wording of the quote PDF (documents/pdf/totals.ts). */
function QuoteTotals({ totals }: { totals: PortalQuoteDocument['totals'] }) {
  const { view, t } = usePortal();
  const showVat = view.business.vatRegistered && totals.vatMode !== 'none';
  const rows: Array<[string, number, string?]> = [];
  rows.push([t(showVat && totals.vatMode === 'inclusive' ? 'totals.grossInclusive' : 'totals.subtotal'), totals.grossSatang]);
  if (totals.discountSatang > 0) rows.push([t('totals.discount'), -totals.discountSatang]);
  if (showVat) {
    rows.push([t('totals.beforeVat'), totals.subtotalSatang]);
    rows.push([t('totals.vatRate', { rate: percent(totals.vatRateBasisPoints) }), totals.vatSatang]);
  } else if (totals.discountSatang > 0) {
    rows.push([t('totals.afterDiscount'), totals.subtotalSatang]);
  }
  rows.push([t('totals.total'), totals.totalSatang, totals.withholdingSatang ? undefined : 'strong']);
  if (totals.withholdingSatang > 0) {
    rows.push([
      totals.withholdingBasisPoints ? t('totals.whtRate', { rate: percent(totals.withholdingBasisPoints) }) : t('totals.wht'),
      -totals.withholdingSatang,
    ]);
    rows.push([t('totals.net'), totals.netPayableSatang, 'strong']);
  }
  return <AmountRows rows={rows} />;
}

/**
 * One quote, rendered from the same printed model as its PDF, with the client's answer
 * (Accept & Sign / Decline) while it can still be given. A quote link shows only this page;
 * it stops opening once the quote is answered, so what follows an answer lives in this page's
 * state (`outcome`) rather than in a reloaded view.
 */
export function QuotePage({ id, standalone }: { id: string; standalone?: boolean }) {
  const { view, lang, t } = usePortal();
  const [outcome, setOutcome] = useState<QuoteOutcome | null>(null);
  const quote = view.quotes.find((q) => q.id === id);
  if (!quote)
    return (
      <Page title={t('quote.notFound')} back={standalone ? undefined : paths.home()}>
        {null}
      </Page>
    );
  const doc = quote.document;
  const status = outcome?.kind ?? quote.status;
  const answered = status === 'accepted' || status === 'declined';
  // Deposits of a quote appear (with their QR) only once it is accepted; the server sends none before.
  const deposits = standalone && !outcome ? view.deposits : [];
  // Answered here through a quote link: the link no longer opens, so neither would its files.
  const filesReachable = !outcome || view.scope === 'customer';
  return (
    <Page
      title={t('quote.title', { number: quote.number })}
      back={standalone ? undefined : paths.quotes()}
      sub={
        <p class="row">
          <QuoteBadge status={status} />
          {quote.jobNumber && (
            <span class="muted small">
              {t('invoice.job')} {quote.jobNumber}
            </span>
          )}
        </p>
      }
    >
      {answered && <QuoteActions quote={quote} outcome={outcome} onOutcome={setOutcome} />}

      <div class="card">
        <Facts
          rows={[
            [t('quote.issueDate'), formatDate(lang, doc.issueDate)],
            [t(quote.expired ? 'quote.expiredOnLabel' : 'quote.validUntil'), formatDate(lang, doc.validUntil)],
            [
              doc.totals.withholdingSatang ? t('totals.net') : t('totals.total'),
              <Money satang={doc.totals.withholdingSatang ? doc.totals.netPayableSatang : doc.totals.totalSatang} class="strong" />,
            ],
            doc.depositSatang ? [t('quote.deposit'), <Money satang={doc.depositSatang} />] : false,
          ]}
        />
        {doc.depositSatang && !answered && quote.canRespond ? <p class="muted small">{t('quote.depositAfterAccept')}</p> : null}
        {quote.expired && (
          <div class="note note-warn" role="status">
            <p class="strong">{t('quote.expiredOn', { date: formatDate(lang, doc.validUntil) })}</p>
            <p>{t('quote.expiredHelp')}</p>
          </div>
        )}
      </div>

      <Section title={t('invoice.items')}>
        <div class="card">
          <LinesTable lines={doc.lines} />
          <QuoteTotals totals={doc.totals} />
        </div>
        {doc.note && (
          <p class="card quote-note">
            <span class="strong block">{t('quote.note')}</span>
            {doc.note}
          </p>
        )}
      </Section>

      {!answered && <QuoteActions quote={quote} outcome={outcome} onOutcome={setOutcome} />}

      {deposits.map((d) => (
        <DepositCard key={d.id} deposit={d} />
      ))}

      {filesReachable && quote.documentIds.length > 0 && (
        <Section title={t('docs.title')}>
          <DocumentList ids={quote.documentIds} />
        </Section>
      )}
    </Page>
  );
}
