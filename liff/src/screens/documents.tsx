import type { PortalDocument, PortalReceipt } from '../../../server/portal/portal-view.ts';
import { urls } from '../api.ts';
import { usePortal } from '../context.ts';
import { formatDate } from '../format.ts';
import { paths } from '../router.ts';
import { Badge, DocumentRow, Empty, FileLink, Link, Money, Page } from '../ui.tsx';

const BUDDHIST_ERA_OFFSET = 543;

/** Customer links only (the server lists it for no other scope): the last 12 months, or a year. */
function StatementCard({ doc }: { doc: PortalDocument }) {
  const { view, token, lang, t } = usePortal();
  const name = `${doc.title[lang]} ${doc.number}`;
  // The year on Bangkok's calendar (UTC+7, no daylight saving).
  const thisYear = new Date(Date.parse(view.now) + 7 * 3_600_000).getUTCFullYear();
  // Buddhist-era years in Thai, as on the PDF; the server takes the Buddhist-era year either way.
  const years = [0, 1, 2].map((back) => thisYear - back + BUDDHIST_ERA_OFFSET);
  const shown = (be: number) => (lang === 'th' ? be : be - BUDDHIST_ERA_OFFSET);
  return (
    <section class="card statement" aria-labelledby="statement-title">
      <h2 id="statement-title" class="card-title">
        {t('statement.title')}
      </h2>
      <p class="muted small">{t('statement.hint')}</p>
      <div class="doc-actions">
        <FileLink class="btn btn-small btn-soft" url={urls.document(token, doc.id)} aria-label={t('docs.viewLabel', { name })}>
          {t('docs.view')}
        </FileLink>
        <FileLink class="btn btn-small btn-quiet" url={urls.document(token, doc.id, true)} download aria-label={t('docs.downloadLabel', { name })}>
          {t('docs.download')}
        </FileLink>
      </div>
      <p class="statement-years small">
        <span class="muted">{t('statement.byYear')}:</span>
        {years.map((be) => (
          <FileLink
            key={be}
            class="btn btn-small btn-quiet"
            url={urls.statement(token, doc.id, be)}
            aria-label={t('statement.yearLabel', { year: String(shown(be)) })}
          >
            {t('statement.year', { year: String(shown(be)) })}
          </FileLink>
        ))}
      </p>
    </section>
  );
}

export function Documents() {
  const { view, token, t } = usePortal();
  const statement = view.documents.find((d) => d.kind === 'statement');
  const documents = view.documents.filter((d) => d.kind !== 'statement');
  return (
    <Page title={t('docs.title')}>
      {statement && <StatementCard doc={statement} />}
      {(view.receipts.length > 0 || view.quotes.length > 0) && (
        <nav class="quick-links" aria-label={t('docs.more')}>
          {view.receipts.length > 0 && (
            <Link to={paths.receipts()} class="btn btn-quiet">
              {t('receipts.title')} ({view.receipts.length})
            </Link>
          )}
          {view.quotes.length > 0 && (
            <Link to={paths.quotes()} class="btn btn-quiet">
              {t('quotes.title')} ({view.quotes.length})
            </Link>
          )}
        </nav>
      )}
      {documents.length ? (
        <>
          <FileLink class="btn btn-primary btn-block" url={urls.documentsZip(token)} download>
            {t('docs.all')}
          </FileLink>
          <ul class="docs card">
            {documents.map((d) => (
              <DocumentRow key={d.id} doc={d} />
            ))}
          </ul>
        </>
      ) : (
        <Empty text={t('docs.empty')} />
      )}
    </Page>
  );
}

function ReceiptRow({ receipt: r }: { receipt: PortalReceipt }) {
  const { token, lang, t } = usePortal();
  const name = `${t(`receipt.${r.type}`)} ${r.number}`;
  return (
    <li class="doc">
      <div class="doc-info">
        <span class="row">
          <span class="doc-title">{t(`receipt.${r.type}`)}</span>
          {r.cancelledAt && <Badge tone="neutral">{t('receipt.cancelled')}</Badge>}
          <Money satang={r.amountSatang} class="strong" />
        </span>
        <span class="muted small">
          {r.number} · {formatDate(lang, r.issuedAt)}
        </span>
      </div>
      <div class="doc-actions">
        <FileLink class="btn btn-small btn-soft" url={urls.document(token, r.documentId)} aria-label={t('docs.viewLabel', { name })}>
          {t('docs.view')}
        </FileLink>
        <FileLink class="btn btn-small btn-quiet" url={urls.document(token, r.documentId, true)} download aria-label={t('docs.downloadLabel', { name })}>
          {t('docs.download')}
        </FileLink>
      </div>
    </li>
  );
}

export function ReceiptList() {
  const { view } = usePortal();
  return (
    <ul class="docs card">
      {view.receipts.map((r) => (
        <ReceiptRow key={r.id} receipt={r} />
      ))}
    </ul>
  );
}

export function Receipts() {
  const { view, t } = usePortal();
  return (
    <Page title={t('receipts.title')} back={paths.invoices()}>
      {view.receipts.length ? <ReceiptList /> : <Empty text={t('receipts.empty')} />}
    </Page>
  );
}
