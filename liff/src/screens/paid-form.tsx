import { useState } from 'preact/hooks';
import type { PortalPendingNotice } from '../../../server/portal/portal-view.ts';
import { sendPaymentNotice } from '../api.ts';
import { usePortal } from '../context.ts';
import { formatDateTime, formatMoney } from '../format.ts';
import { AttachCertificate } from './attach-certificate.tsx';
import { FormFooter } from '../ui.tsx';

/** "1,500.50" / "1500" → satang; null when it is not an amount. */
function bahtToSatang(text: string): number | null {
  const clean = text.replace(/[,\s฿]/g, '');
  const m = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(clean);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Total of notices waiting for staff. */
export const pendingSatang = (notices: PortalPendingNotice[]) => notices.reduce((sum, n) => sum + n.amountSatang, 0);

const satangToBaht = (satang: number) => `${Math.floor(satang / 100)}.${String(satang % 100).padStart(2, '0')}`;

/** What is waiting for staff: shown on the pay card and next to the balance. */
export function PendingNotices({ notices, withholding = false }: { notices: PortalPendingNotice[]; withholding?: boolean }) {
  const { t, lang } = usePortal();
  if (!notices.length) return null;
  return (
    <div class="note pending" role="status">
      <p class="strong">{t('paid.waiting')}</p>
      <ul class="plain">
        {notices.map((n) => (
          <li key={n.id}>
            {t('paid.waitingItem', { amount: formatMoney(n.amountSatang, lang), date: formatDateTime(lang, n.sentAt, t('app.timeSuffix')) })}
            {withholding && <AttachCertificate noticeId={n.id} attached={n.withholdingCertificate} />}
          </li>
        ))}
      </ul>
      <p class="small">{t('paid.waitingNote')}</p>
    </div>
  );
}

/**
 * "I have paid": the slip (camera or gallery: no `capture` attribute, which would force the
 * camera on Android), the amount (prefilled with the balance, editable) and, where tax is
 * withheld, the 50 ทวิ. The server checks everything again; its messages are shown as sent.
 */
export function PaidForm(props: { target: string; balanceSatang: number; withholding: boolean; formId: string }) {
  const { t, lang, token, refresh } = usePortal();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [amount, setAmount] = useState(() => satangToBaht(props.balanceSatang));
  const id = props.formId;

  if (!open) {
    return (
      <button
        type="button"
        class="btn btn-soft btn-block"
        onClick={() => {
          setOpen(true);
          setError(null);
        }}
      >
        {t('paid.open')}
      </button>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const slip = (form.elements.namedItem('slip') as HTMLInputElement).files?.[0];
    const satang = bahtToSatang(amount);
    if (!slip) return setError(t('paid.noSlip'));
    if (satang === null || satang <= 0) return setError(t('paid.badAmount'));
    const data = new FormData();
    data.set('target', props.target);
    data.set('amountSatang', String(satang));
    data.set('slip', slip);
    const cert = (form.elements.namedItem('withholdingCertificate') as HTMLInputElement | null)?.files?.[0];
    if (cert) data.set('withholdingCertificate', cert);
    setBusy(true);
    setError(null);
    const reply = await sendPaymentNotice(token, data);
    setBusy(false);
    if (!reply.ok) return setError(reply.error.messages?.[lang] ?? t('paid.failed'));
    setOpen(false);
    await refresh();
  };

  return (
    <form class="paid-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`} class="subhead">
        {t('paid.title')}
      </h3>
      <label class="field" for={`${id}-slip`}>
        <span class="field-label">{t('paid.slip')}</span>
        <input id={`${id}-slip`} name="slip" type="file" accept="image/jpeg,image/png,image/webp" aria-describedby={`${id}-slip-hint`} />
        <span id={`${id}-slip-hint`} class="muted small">
          {t('paid.slipHint')}
        </span>
      </label>
      <label class="field" for={`${id}-amount`}>
        <span class="field-label">{t('paid.amount')}</span>
        <input
          id={`${id}-amount`}
          name="amount"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onInput={(e) => setAmount((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      {props.withholding && (
        <label class="field" for={`${id}-cert`}>
          <span class="field-label">{t('paid.cert')}</span>
          <input
            id={`${id}-cert`}
            name="withholdingCertificate"
            type="file"
            accept="image/jpeg,image/png,image/webp,application/pdf"
            aria-describedby={`${id}-cert-hint`}
          />
          <span id={`${id}-cert-hint`} class="muted small">
            {t('paid.certHint')}
          </span>
        </label>
      )}
      <FormFooter error={error} busy={busy} onCancel={() => setOpen(false)} submitLabel={t(busy ? 'paid.sending' : 'paid.send')} />
    </form>
  );
}
