import { useState } from 'preact/hooks';
import { saveRefundPromptPay } from '../api.ts';
import { usePortal } from '../context.ts';
import { FormFooter } from '../ui.tsx';

/**
 * "Refund to my PromptPay": where the shop sends deposit refunds. Only on a customer link (the
 * server refuses it on an invoice or quote link, which may have been forwarded). The ID is shown
 * masked as the server stored it; the server checks and normalises what is typed.
 */
export function RefundPromptPay() {
  const { view, t, lang, token, refresh } = usePortal();
  const saved = view.customer.refundPromptPay ?? null;
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (view.scope !== 'customer') return null;

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const reply = await saveRefundPromptPay(token, value);
    setBusy(false);
    if (!reply.ok) return setError(reply.error.messages?.[lang] ?? t('refund.failed'));
    setOpen(false);
    setValue('');
    await refresh();
  };

  return (
    <section class="card" aria-labelledby="refund-pp-title">
      <h2 id="refund-pp-title" class="card-title">
        {t('refund.title')}
      </h2>
      <p class="muted small">{saved ? t('refund.saved', { id: saved }) : t('refund.none')}</p>
      {!open ? (
        <button type="button" class="btn btn-soft btn-block" onClick={() => setOpen(true)}>
          {t(saved ? 'refund.change' : 'refund.open')}
        </button>
      ) : (
        <form class="paid-form" onSubmit={submit} noValidate>
          <label class="field" for="refund-pp-id">
            <span class="field-label">{t('refund.label')}</span>
            <input
              id="refund-pp-id"
              name="promptPayId"
              type="text"
              inputMode="tel"
              autoComplete="off"
              value={value}
              aria-describedby="refund-pp-hint"
              onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
            />
            <span id="refund-pp-hint" class="muted small">
              {t('refund.hint')}
            </span>
          </label>
          <FormFooter error={error} busy={busy} onCancel={() => setOpen(false)} submitLabel={t(busy ? 'refund.saving' : 'refund.save')} />
        </form>
      )}
    </section>
  );
}
