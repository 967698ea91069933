/** Money: payment notices waiting for review, with the slip image; Confirm (records the payment) or Reject with a reason. */
import { useState } from 'preact/hooks';
import { api, enc, type ApiError } from '../api.ts';
import { useStaff } from '../context.ts';
import { formatDateTime } from '../format.ts';
import { useLoad } from '../load.ts';
import { paths } from '../router.ts';
import type { PaymentNoticeDto } from '../types.ts';
import { Done, ErrorLine, Facts, Field, Link, Loading, Money as Amount, Page, Section } from '../ui.tsx';

export function Money() {
  const { t } = useStaff();
  const loaded = useLoad<{ notices: PaymentNoticeDto[] }>('/payment-notices?status=pending_review');
  return (
    <Page title={t('money.title')}>
      <Section title={t('money.notices')}>
        {loaded.state === 'loading' && <Loading />}
        {loaded.state === 'error' && <ErrorLine error={loaded.error} />}
        {loaded.state === 'ok' &&
          (loaded.data.notices.length === 0 ? <p class="muted">{t('today.nothing')}</p> : loaded.data.notices.map((n) => <NoticeCard key={n.id} notice={n} />))}
      </Section>
    </Page>
  );
}

function NoticeCard({ notice }: { notice: PaymentNoticeDto }) {
  const { t, lang } = useStaff();
  const [state, setState] = useState<'open' | 'rejecting' | 'confirmed' | 'rejected'>('open');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);
  const base = `/payment-notices/${enc(notice.id)}`;
  const title = notice.target ? notice.target.number : t('app.none');

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const r = await api.post<{ receipt: { number: string } }>(`${base}/confirm`, {});
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setReceipt(r.data.receipt.number);
    setState('confirmed');
  };
  const reject = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const r = await api.post<PaymentNoticeDto>(`${base}/reject`, { reason: reason.trim() });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setState('rejected');
  };

  return (
    <article class="notice" aria-label={title}>
      <h3>
        {notice.target?.kind === 'invoice' ? <Link to={paths.invoice(notice.target.id)}>{title}</Link> : title}
        {notice.customer && <small> · {notice.customer.name}</small>}
      </h3>
      <Facts
        rows={[
          [t('money.amount'), <Amount key="a" satang={notice.amountSatang} />],
          !!notice.target && [t('doc.balance'), <Amount key="b" satang={notice.target.balanceSatang} />],
          [t('money.sentAt'), formatDateTime(lang, notice.sentAt)],
          !!notice.slip.transRef && [t('money.transRef'), notice.slip.transRef],
        ]}
      />
      {notice.slip.url && <img class="slip" src={notice.slip.url} alt={t('money.slip', { number: title })} loading="lazy" />}
      {state === 'confirmed' && <Done>{t('pay.recorded', { number: receipt ?? '' })}</Done>}
      {state === 'rejected' && <Done>{t('payment.rejected')}</Done>}
      {state === 'open' && (
        <div class="actions">
          <button type="button" class="primary" onClick={confirm} disabled={busy}>
            {t('money.confirm')}
          </button>
          <button type="button" class="danger" onClick={() => setState('rejecting')}>
            {t('money.reject')}
          </button>
        </div>
      )}
      {state === 'rejecting' && (
        <form onSubmit={reject} noValidate>
          <Field name={`reason-${notice.id}`} label={t('money.rejectReason')} value={reason} onInput={setReason} required />
          <div class="actions">
            <button type="submit" class="danger" disabled={busy}>
              {t('money.reject')}
            </button>
            <button type="button" onClick={() => setState('open')}>
              {t('app.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorLine error={error} />
    </article>
  );
}
