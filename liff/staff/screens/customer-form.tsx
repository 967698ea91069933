/** Create or edit a customer: the admin API checks every field (tax ID check digit, phone, email). */
import { useState } from 'preact/hooks';
import { api, enc, type ApiError } from '../api.ts';
import { useStaff } from '../context.ts';
import type { MessageKey } from '../i18n.ts';
import { useLoad } from '../load.ts';
import { navigate, paths } from '../router.ts';
import type { CustomerDto, CustomerSummaryDto } from '../types.ts';
import { ErrorLine, Field, Loading, Page, Select } from '../ui.tsx';

const TEXT_FIELDS = ['name', 'companyName', 'taxId', 'branchCode', 'address', 'phone', 'email', 'notes'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type Values = Record<TextField, string> & { language: 'th' | 'en' };

const EMPTY: Values = { name: '', companyName: '', taxId: '', branchCode: '', address: '', phone: '', email: '', notes: '', language: 'th' };
const INPUT_TYPES: Partial<Record<TextField, { type?: string; inputMode?: 'numeric' | 'tel' | 'email'; autoComplete?: string }>> = {
  name: { autoComplete: 'name' },
  taxId: { inputMode: 'numeric' },
  branchCode: { inputMode: 'numeric' },
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
  email: { type: 'email', inputMode: 'email', autoComplete: 'email' },
};

function valuesOf(c: CustomerDto): Values {
  return {
    name: c.name,
    companyName: c.companyName ?? '',
    taxId: c.taxId ?? '',
    branchCode: c.branchCode ?? '',
    address: c.address ?? '',
    phone: c.phone ?? '',
    email: c.email ?? '',
    notes: c.notes ?? '',
    language: c.language,
  };
}

export function CustomerNew() {
  return <CustomerForm initial={EMPTY} id={null} />;
}

export function CustomerEdit({ id }: { id: string }) {
  const loaded = useLoad<CustomerSummaryDto>(`/customers/${enc(id)}`);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error') return <ErrorLine error={loaded.error} />;
  return <CustomerForm initial={valuesOf(loaded.data)} id={id} />;
}

function CustomerForm({ initial, id }: { initial: Values; id: string | null }) {
  const { t } = useStaff();
  const [values, setValues] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const set = (name: keyof Values) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const body: Record<string, string | null> = { language: values.language };
    for (const name of TEXT_FIELDS) {
      const value = values[name].trim();
      // A new customer leaves empty fields out; an edit clears them.
      if (value !== '' || id !== null) body[name] = value === '' ? null : value;
    }
    const result = id === null ? await api.post<CustomerDto>('/customers', body) : await api.patch<CustomerDto>(`/customers/${enc(id)}`, body);
    setBusy(false);
    if (result.ok) navigate(paths.customer(result.data.id), true);
    else setError(result.error);
  };

  const fieldError = (name: string) => (error?.field === name ? t('editor.fixFirst', { field: t(`customer.${name}` as MessageKey) }) : null);
  return (
    <Page title={t(id === null ? 'customer.newTitle' : 'customer.editTitle')} back={id === null ? paths.customers() : paths.customer(id)}>
      <form class="card form" onSubmit={submit} noValidate>
        {TEXT_FIELDS.map((name) => (
          <Field
            key={name}
            name={name}
            label={t(`customer.${name}` as MessageKey)}
            value={values[name]}
            onInput={set(name)}
            error={fieldError(name)}
            multiline={name === 'address' || name === 'notes'}
            required={name === 'name'}
            {...INPUT_TYPES[name]}
          />
        ))}
        <Select
          name="language"
          label={t('customer.language')}
          value={values.language}
          options={[
            ['th', 'ไทย'],
            ['en', 'English'],
          ]}
          onChange={(v) => setValues((s) => ({ ...s, language: v }))}
        />
        <ErrorLine error={error} />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
            {t('app.save')}
          </button>
        </div>
      </form>
    </Page>
  );
}
