/** An invoice: amounts and balance, the PDF, send it, record a payment and open its receipt. */
import { useState } from 'preact/hooks';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../server/domain/labels.ts';
import { api, enc, idempotencyKey, type ApiError } from '../api.ts';
import { useStaff } from '../context.ts';
import { bahtInput, formatDate, satangOf } from '../format.ts';
import { recent, useLoad } from '../load.ts';
import { paths } from '../router.ts';
import type { InvoiceDto, PaymentRecordedDto } from '../types.ts';
import { Done, ErrorLine, Facts, Field, Link, Loading, Money, Page, Section, Select } from '../ui.tsx';
import { TotalsTable } from './document-editor.tsx';
import { PdfLink, SendPanel } from './send-panel.tsx';
import { InvoicePayments } from './invoice-payments.tsx';

export function InvoicePage({ id }: { id: string }) {
  const { t, lang, staff } = useStaff();
  const loaded = useLoad<InvoiceDto>(`/invoices/${enc(id)}`, () => recent.get(id) as InvoiceDto | undefined);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error') return <ErrorLine error={loaded.error} />;
  const inv = loaded.data;
  const update = (next: InvoiceDto) => {
    recent.set(inv.id, next);
    loaded.reload();
  };
  const payable = inv.status === 'sent' || inv.status === 'partially_paid' || inv.status === 'draft';
  return (
    <Page title={`${t('doc.invoice')} ${inv.number}`} back={paths.customer(inv.customerId)}>
      <Section title={t('doc.status')}>
        <Facts
          rows={[
            [t('doc.status'), t(`inv.${inv.status}`)],
            [t('doc.issueDate'), formatDate(lang, inv.issueDate)],
            [t('editor.dueDate'), formatDate(lang, inv.dueDate)],
            [t('doc.paid'), <Money key="p" satang={inv.paidSatang} />],
            [t('doc.balance'), <Money key="b" satang={inv.balanceSatang} />],
            !!inv.voidReason && [t('void.reason'), inv.voidReason],
          ]}
        />
        <TotalsTable totals={inv} />
        <div class="actions">
          <PdfLink documentId={`invoice.${inv.id}`} label={t('doc.preview')} />
          {inv.status === 'draft' && (
            <Link to={paths.invoiceEdit(inv.id)} class="button">
              {t('editor.edit')}
            </Link>
          )}
        </div>
      </Section>
      {inv.status !== 'void' && inv.status !== 'paid' && (
        <Section title={t('doc.send')}>
          <SendPanel<{ invoice: InvoiceDto }> path={`/invoices/${enc(inv.id)}/send`} onSent={(answer) => update(answer.invoice)} />
        </Section>
      )}
      {staff.role === 'owner' && inv.status !== 'void' && inv.paidSatang === 0 && <VoidInvoice invoice={inv} onVoided={update} />}
      {/* Keyed by the amount paid: a payment recorded below lists itself here. */}
      <InvoicePayments key={inv.paidSatang} invoiceId={inv.id} onVoided={loaded.reload} />
      <RecordPayment
        invoice={inv}
        payable={payable && inv.balanceSatang > 0}
        onRecorded={(r) => update({ ...inv, status: r.invoice.status, paidSatang: r.invoice.paidSatang, balanceSatang: r.invoice.balanceSatang })}
      />
    </Page>
  );
}

function RecordPayment(props: { invoice: InvoiceDto; payable: boolean; onRecorded: (r: PaymentRecordedDto) => void }) {
  const { t } = useStaff();
  const [amount, setAmount] = useState(bahtInput(props.invoice.balanceSatang));
  const [method, setMethod] = useState<PaymentMethod>('bank_transfer');
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string | null>(null);
  const [recorded, setRecorded] = useState<PaymentRecordedDto | null>(null);
  // One key per intended payment: a retry after a lost answer records it once.
  const [key, setKey] = useState(idempotencyKey);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const amountSatang = satangOf(amount);
    if (amountSatang === null || amountSatang === 0) return setError(t('editor.fixFirst', { field: t('pay.amount') }));
    setBusy(true);
    setError(null);
    const body = { amountSatang, method, reference: reference.trim() || null };
    const r = await api.post<PaymentRecordedDto>(`/invoices/${enc(props.invoice.id)}/payments`, body, { 'Idempotency-Key': key });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setKey(idempotencyKey());
    setRecorded(r.data);
    props.onRecorded(r.data);
  };

  return (
    <Section title={t('pay.title')}>
      {recorded && (
        <div class="receipt">
          <Done>{t('pay.recorded', { number: `${t(`receipt.${recorded.receipt.type}`)} ${recorded.receipt.number}` })}</Done>
          <PdfLink documentId={`receipt.${recorded.receipt.id}`} label={t('pay.receipt')} />
        </div>
      )}
      {props.payable && (
        <form onSubmit={submit} noValidate>
          <Field name="amount" label={t('pay.amount')} value={amount} inputMode="decimal" onInput={setAmount} />
          <Select
            name="method"
            label={t('pay.method')}
            value={method}
            options={PAYMENT_METHODS.map((m): [PaymentMethod, string] => [m, t(`method.${m}`)])}
            onChange={setMethod}
          />
          <Field name="reference" label={t('pay.reference')} value={reference} onInput={setReference} />
          <ErrorLine error={error} />
          <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
            {t('pay.record')}
          </button>
        </form>
      )}
    </Section>
  );
}

/** Owner only (the server refuses staff too): an unpaid invoice is voided with the reason kept. */
function VoidInvoice(props: { invoice: InvoiceDto; onVoided: (next: InvoiceDto) => void }) {
  const { t } = useStaff();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!reason.trim()) return setError(t('editor.fixFirst', { field: t('void.reason') }));
    setBusy(true);
    setError(null);
    const r = await api.post<InvoiceDto>(`/invoices/${enc(props.invoice.id)}/void`, { reason: reason.trim() });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    props.onVoided(r.data);
  };
  return (
    <Section title={t('void.title')}>
      {!open ? (
        <button type="button" class="danger" onClick={() => setOpen(true)}>
          {t('void.title')}
        </button>
      ) : (
        <form onSubmit={submit} noValidate>
          <Field name="voidReason" label={t('void.reason')} value={reason} onInput={setReason} required error={typeof error === 'string' ? error : null} />
          {typeof error !== 'string' && <ErrorLine error={error} />}
          <div class="actions">
            <button type="submit" class="danger" disabled={busy} aria-busy={busy}>
              {t('void.confirm')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('app.cancel')}
            </button>
          </div>
        </form>
      )}
    </Section>
  );
}
