/** A security deposit: collect it, or return it with itemised deductions (each kept amount and its reason). */
import { useState } from 'preact/hooks';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../server/domain/labels.ts';
import { api, enc, idempotencyKey, type ApiError } from '../api.ts';
import { useStaff } from '../context.ts';
import { bahtInput, satangOf } from '../format.ts';
import { useLoad } from '../load.ts';
import { paths } from '../router.ts';
import type { DepositCollectedDto, DepositDetail, DepositReturnedDto } from '../types.ts';
import { Done, ErrorLine, Facts, Field, Loading, Money, Page, Section, Select } from '../ui.tsx';
import { PdfLink } from './send-panel.tsx';

type Receipt = { id: string; number: string; type: 'RC' | 'PREREC' | 'DEPR' | 'DEPRR' };

export function DepositPage({ id }: { id: string }) {
  const { t } = useStaff();
  const loaded = useLoad<DepositDetail>(`/deposits/${enc(id)}`);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error') return <ErrorLine error={loaded.error} />;
  const d = loaded.data;
  const done = (r: Receipt) => {
    setReceipt(r);
    loaded.reload();
  };
  return (
    <Page title={`${t('doc.deposit')} ${d.number}`} back={paths.customer(d.customerId)}>
      <Section title={d.customerName}>
        <Facts
          rows={[
            [t('doc.status'), t(`dep.${d.status}`)],
            [t('deposit.required'), <Money key="r" satang={d.requiredSatang} />],
            [t('deposit.held'), <Money key="h" satang={d.remainingHeldSatang} />],
            d.returnedSatang > 0 && [t('deposit.returned'), <Money key="ret" satang={d.returnedSatang} />],
            d.deductedSatang > 0 && [t('deposit.deducted'), <Money key="ded" satang={d.deductedSatang} />],
          ]}
        />
        {receipt && (
          <div class="receipt">
            <Done>{t('pay.recorded', { number: `${t(`receipt.${receipt.type}`)} ${receipt.number}` })}</Done>
            <PdfLink documentId={`receipt.${receipt.id}`} label={t('pay.receipt')} />
          </div>
        )}
      </Section>
      {d.outstandingSatang > 0 && <Collect deposit={d} onDone={done} />}
      {d.remainingHeldSatang > 0 && <Return deposit={d} onDone={done} />}
    </Page>
  );
}

function MethodSelect({ name, value, onChange }: { name: string; value: PaymentMethod; onChange: (m: PaymentMethod) => void }) {
  const { t } = useStaff();
  return (
    <Select
      name={name}
      label={t('pay.method')}
      value={value}
      options={PAYMENT_METHODS.map((m): [PaymentMethod, string] => [m, t(`method.${m}`)])}
      onChange={onChange}
    />
  );
}

function Collect({ deposit, onDone }: { deposit: DepositDetail; onDone: (r: Receipt) => void }) {
  const { t } = useStaff();
  const [amount, setAmount] = useState(bahtInput(deposit.outstandingSatang));
  const [method, setMethod] = useState<PaymentMethod>('bank_transfer');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string | null>(null);
  const [key, setKey] = useState(idempotencyKey);
  const submit = async (e: Event) => {
    e.preventDefault();
    const amountSatang = satangOf(amount);
    if (!amountSatang) return setError(t('editor.fixFirst', { field: t('pay.amount') }));
    if (busy) return;
    setBusy(true);
    setError(null);
    const r = await api.post<DepositCollectedDto>(`/deposits/${enc(deposit.id)}/collections`, { amountSatang, method }, { 'Idempotency-Key': key });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setKey(idempotencyKey());
    onDone(r.data.receipt);
  };
  return (
    <Section title={t('deposit.collect')}>
      <form onSubmit={submit} noValidate>
        <Field name="collectAmount" label={t('pay.amount')} value={amount} inputMode="decimal" onInput={setAmount} />
        <MethodSelect name="collectMethod" value={method} onChange={setMethod} />
        <ErrorLine error={error} />
        <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
          {t('deposit.collect')}
        </button>
      </form>
    </Section>
  );
}

interface Deduction {
  amount: string;
  reason: string;
}

function Return({ deposit, onDone }: { deposit: DepositDetail; onDone: (r: Receipt) => void }) {
  const { t } = useStaff();
  const held = deposit.remainingHeldSatang;
  const [deductions, setDeductions] = useState<Deduction[]>([]);
  const [method, setMethod] = useState<PaymentMethod>('bank_transfer');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string | null>(null);
  const [key, setKey] = useState(idempotencyKey);
  const amounts = deductions.map((d) => satangOf(d.amount));
  const kept = amounts.reduce<number>((sum, a) => sum + (a ?? 0), 0);
  const back = held - kept;
  const setDeduction = (i: number, patch: Partial<Deduction>) => setDeductions((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  const submit = async (e: Event) => {
    e.preventDefault();
    const bad = deductions.findIndex((d, i) => !amounts[i] || d.reason.trim() === '');
    if (bad >= 0) return setError(t('editor.fixFirst', { field: t('deposit.deduction', { n: bad + 1 }) }));
    if (back < 0) return setError(t('deposit.tooMuch'));
    if (busy) return;
    setBusy(true);
    setError(null);
    const body = {
      amountSatang: back,
      deductions: deductions.length ? deductions.map((d, i) => ({ amountSatang: amounts[i]!, reason: d.reason.trim() })) : null,
      method,
    };
    const r = await api.post<DepositReturnedDto>(`/deposits/${enc(deposit.id)}/returns`, body, { 'Idempotency-Key': key });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setKey(idempotencyKey());
    onDone(r.data.receipt);
  };

  return (
    <Section title={t('deposit.return')}>
      <form onSubmit={submit} noValidate>
        {deductions.map((d, i) => (
          <fieldset key={i} class="line">
            <legend>{t('deposit.deduction', { n: i + 1 })}</legend>
            <Field name={`deduction-${i}-reason`} label={t('deposit.reason')} value={d.reason} onInput={(v) => setDeduction(i, { reason: v })} />
            <Field
              name={`deduction-${i}-amount`}
              label={t('pay.amount')}
              value={d.amount}
              inputMode="decimal"
              onInput={(v) => setDeduction(i, { amount: v })}
            />
            <button type="button" class="link danger" onClick={() => setDeductions((ds) => ds.filter((_, j) => j !== i))}>
              {t('deposit.removeDeduction', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        <button type="button" onClick={() => setDeductions((ds) => [...ds, { amount: '', reason: '' }])}>
          + {t('deposit.addDeduction')}
        </button>
        <table class="totals" aria-live="polite">
          <tbody>
            <tr>
              <th scope="row">{t('deposit.held')}</th>
              <td>
                <Money satang={held} />
              </td>
            </tr>
            <tr>
              <th scope="row">{t('deposit.deducted')}</th>
              <td>
                <Money satang={kept} />
              </td>
            </tr>
            <tr class="strong">
              <th scope="row">{t('deposit.toReturn')}</th>
              <td>
                <Money satang={back} />
              </td>
            </tr>
          </tbody>
        </table>
        <MethodSelect name="returnMethod" value={method} onChange={setMethod} />
        <ErrorLine error={error} />
        <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
          {t('deposit.return')}
        </button>
      </form>
    </Section>
  );
}
