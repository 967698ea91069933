/** A quote: its amounts, the PDF, send it, and invoice it in one tap. */
import { enc } from '../api.ts';
import { useStaff } from '../context.ts';
import { formatDate } from '../format.ts';
import { recent, useLoad } from '../load.ts';
import { paths } from '../router.ts';
import type { QuoteDto } from '../types.ts';
import { ErrorLine, Facts, Link, Loading, Money, Page, Section } from '../ui.tsx';
import { TotalsTable } from './document-editor.tsx';
import { PdfLink, SendPanel } from './send-panel.tsx';

export function QuotePage({ id }: { id: string }) {
  const { t, lang } = useStaff();
  const loaded = useLoad<QuoteDto>(`/quotes/${enc(id)}`, () => recent.get(id) as QuoteDto | undefined);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error') return <ErrorLine error={loaded.error} />;
  const q = loaded.data;
  return (
    <Page title={`${t('doc.quote')} ${q.number}`} back={paths.customer(q.customerId)}>
      <Section title={t('doc.status')}>
        <Facts
          rows={[
            [t('doc.status'), t(`quote.${q.status}`)],
            [t('doc.issueDate'), formatDate(lang, q.issueDate)],
            [t('editor.validUntil'), formatDate(lang, q.validUntil)],
            q.depositSatang > 0 && [t('doc.deposit'), <Money key="d" satang={q.depositSatang} />],
          ]}
        />
        <TotalsTable totals={q} />
        <div class="actions">
          <PdfLink documentId={`quote.${q.id}`} label={t('doc.preview')} />
          {q.status === 'draft' && (
            <Link to={paths.quoteEdit(q.id)} class="button">
              {t('editor.edit')}
            </Link>
          )}
          <Link to={paths.invoiceNew(q.customerId, q.id)} class="button">
            {t('doc.toInvoice')}
          </Link>
        </div>
      </Section>
      <Section title={t('doc.send')}>
        <SendPanel<{ quote: QuoteDto }>
          path={`/quotes/${enc(q.id)}/send`}
          onSent={(answer) => {
            recent.set(q.id, answer.quote);
            loaded.reload();
          }}
        />
      </Section>
    </Page>
  );
}
