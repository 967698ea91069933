/** An invoice's payments with their receipts; the owner voids one with a reason (its receipt is cancelled). */
import { useState } from 'preact/hooks';
import { api, enc, type ApiError } from '../api.ts';
import { useStaff } from '../context.ts';
import { formatDateTime } from '../format.ts';
import { useLoad } from '../load.ts';
import type { Page as ListPage, PaymentItem } from '../types.ts';
import { ErrorLine, Field, Money, Section } from '../ui.tsx';
import { PdfLink } from './send-panel.tsx';

export function InvoicePayments({ invoiceId, onVoided }: { invoiceId: string; onVoided: () => void }) {
  const { t } = useStaff();
  const loaded = useLoad<ListPage<PaymentItem>>(`/payments?invoiceId=${enc(invoiceId)}&limit=100`);
  if (loaded.state !== 'ok' || loaded.data.items.length === 0) return null;
  return (
    <Section title={t('payments.title')}>
      <ul class="list">
        {loaded.data.items.map((p) => (
          <PaymentRow
            key={p.id}
            payment={p}
            onVoided={() => {
              loaded.reload();
              onVoided();
            }}
          />
        ))}
      </ul>
    </Section>
  );
}

function PaymentRow({ payment, onVoided }: { payment: PaymentItem; onVoided: () => void }) {
  const { t, lang, staff } = useStaff();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string | null>(null);
  const voidIt = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!reason.trim()) return setError(t('editor.fixFirst', { field: t('void.reason') }));
    setBusy(true);
    setError(null);
    const r = await api.post(`/payments/${enc(payment.id)}/void`, { reason: reason.trim() });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setOpen(false);
    onVoided();
  };
  return (
    <li>
      <div class="row">
        <span>
          {formatDateTime(lang, payment.receivedAt)} · {t(`payment.${payment.status}`)}
          {payment.receipt && <small>{`${t(`receipt.${payment.receipt.type}`)} ${payment.receipt.number}`}</small>}
          {payment.voidReason && <small>{`${t('void.reason')}: ${payment.voidReason}`}</small>}
        </span>
        <Money satang={payment.amountSatang} />
      </div>
      <div class="actions">
        {payment.receipt && <PdfLink documentId={`receipt.${payment.receipt.id}`} label={t('pay.receipt')} />}
        {staff.role === 'owner' && payment.status === 'confirmed' && !open && (
          <button type="button" class="danger" onClick={() => setOpen(true)}>
            {t('payments.void')}
          </button>
        )}
      </div>
      {open && (
        <form onSubmit={voidIt} noValidate>
          <Field
            name={`void-${payment.id}`}
            label={t('void.reason')}
            value={reason}
            onInput={setReason}
            required
            error={typeof error === 'string' ? error : null}
          />
          {typeof error !== 'string' && <ErrorLine error={error} />}
          <div class="actions">
            <button type="submit" class="danger" disabled={busy} aria-busy={busy}>
              {t('payments.voidConfirm')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('app.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
