/** The business profile: everyone reads it; only the owner edits it (the server refuses staff with 403 too). */
import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api.ts';
import { useStaff } from '../context.ts';
import type { MessageKey } from '../i18n.ts';
import { useLoad } from '../load.ts';
import type { BusinessDto } from '../types.ts';
import { BusinessLogo } from './business-logo.tsx';
import { Done, ErrorLine, Facts, Field, Loading, Page, Section } from '../ui.tsx';

const FIELDS = ['name', 'nameEn', 'address', 'taxId', 'branchCode', 'promptPayId', 'promptPayName', 'phone', 'email'] as const;
type FieldName = (typeof FIELDS)[number];

function valuesOf(b: BusinessDto): Record<FieldName, string> {
  const out = {} as Record<FieldName, string>;
  for (const f of FIELDS) out[f] = b[f] ?? '';
  return out;
}

export function Business() {
  const { t, staff } = useStaff();
  const loaded = useLoad<BusinessDto>('/business');
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error') return <ErrorLine error={loaded.error} />;
  const b = loaded.data;
  if (staff.role !== 'owner') {
    return (
      <Page title={t('business.title')}>
        <Section title={b.name}>
          <Facts rows={FIELDS.map((f): [string, string] => [t(`business.${f}` as MessageKey), b[f] ?? t('app.none')])} />
          <p class="muted">{t('business.ownerOnly')}</p>
        </Section>
        <BusinessLogo canEdit={false} />
      </Page>
    );
  }
  return <BusinessForm business={b} />;
}

function BusinessForm({ business }: { business: BusinessDto }) {
  const { t } = useStaff();
  const [values, setValues] = useState(() => valuesOf(business));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    const blankToNull = (v: string) => (v.trim() === '' ? null : v.trim());
    // The profile is saved whole: the fields this screen does not show are sent back as they are.
    const body = {
      name: values.name.trim(),
      nameEn: values.nameEn.trim(),
      address: values.address.trim(),
      addressEn: business.addressEn,
      taxId: values.taxId.trim(),
      branchCode: values.branchCode.trim() || undefined,
      vatRegistered: business.vatRegistered,
      promptPayId: values.promptPayId.trim(),
      promptPayName: values.promptPayName.trim(),
      promptPayBillerId: business.promptPayBillerId,
      phone: blankToNull(values.phone),
      email: blankToNull(values.email),
      lineOaId: business.lineOaId,
      smsSenderName: business.smsSenderName,
    };
    const r = await api.put<BusinessDto>('/business', body);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setValues(valuesOf(r.data));
    setSaved(true);
  };

  return (
    <Page title={t('business.title')}>
      <form class="card form" onSubmit={submit} noValidate>
        {FIELDS.map((f) => (
          <Field
            key={f}
            name={f}
            label={t(`business.${f}` as MessageKey)}
            value={values[f]}
            multiline={f === 'address'}
            inputMode={f === 'taxId' || f === 'branchCode' ? 'numeric' : undefined}
            error={error?.field === f ? t('editor.fixFirst', { field: t(`business.${f}` as MessageKey) }) : null}
            onInput={(v) => setValues((s) => ({ ...s, [f]: v }))}
          />
        ))}
        <ErrorLine error={error} />
        {saved && <Done>{t('business.saved')}</Done>}
        <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
          {t('app.save')}
        </button>
      </form>
      <BusinessLogo canEdit />
    </Page>
  );
}
