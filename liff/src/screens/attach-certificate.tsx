import { useState } from 'preact/hooks';
import { sendWithholdingCertificate } from '../api.ts';
import { usePortal } from '../context.ts';
import { FormFooter } from '../ui.tsx';

/**
 * The 50 ทวิ sent after the slip (accounts departments often issue it days later): a button that
 * opens a one-file form for one notice. Once attached it says so; a second one is for staff to ask.
 */
export function AttachCertificate(props: { noticeId: string; attached: boolean }) {
  const { t, lang, token, refresh } = usePortal();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `cert-${props.noticeId}`;

  if (props.attached) return <p class="cert-attached strong">✓ {t('cert.attached')}</p>;
  if (!open) {
    return (
      <button
        type="button"
        class="btn btn-soft btn-block cert-open"
        onClick={() => {
          setOpen(true);
          setError(null);
        }}
      >
        {t('cert.attach')}
      </button>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const file = (form.elements.namedItem('withholdingCertificate') as HTMLInputElement).files?.[0];
    if (!file) return setError(t('cert.none'));
    const data = new FormData();
    data.set('withholdingCertificate', file);
    setBusy(true);
    setError(null);
    const reply = await sendWithholdingCertificate(token, props.noticeId, data);
    setBusy(false);
    if (!reply.ok) return setError(reply.error.messages?.[lang] ?? t('paid.failed'));
    setOpen(false);
    await refresh();
  };

  return (
    <form class="paid-form cert-form" onSubmit={submit} aria-label={t('cert.attach')} noValidate>
      <label class="field" for={id}>
        <span class="field-label">{t('cert.file')}</span>
        <input id={id} name="withholdingCertificate" type="file" accept="image/jpeg,image/png,image/webp,application/pdf" />
      </label>
      <FormFooter error={error} busy={busy} onCancel={() => setOpen(false)} submitLabel={t(busy ? 'paid.sending' : 'cert.send')} />
    </form>
  );
}
