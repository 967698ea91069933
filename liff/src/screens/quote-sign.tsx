/**
 * Accept & sign: the signer's name (prefilled with the contact's, editable), a signature pad
 * (finger, stylus or mouse: `signature_pad` on pointer events), the consent sentence with its
 * checkbox, confirm. Loaded as its own chunk (quote-actions.tsx imports it on demand), so only a
 * client who signs downloads the pad.
 *
 * The canvas is sized to its box in device pixels (sharp on any screen) and follows the box when
 * it changes size (rotation, a narrow phone) without losing what was drawn: the pad keeps its
 * points in CSS pixels and redraws them.
 */
import SignaturePad from 'signature_pad';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { PortalQuote } from '../../../server/portal/portal-view.ts';
import { acceptQuote, errorText, type AcceptResult } from '../api.ts';
import { usePortal } from '../context.ts';
import { formatMoney } from '../format.ts';
import { signatureProblem } from '../../../server/domain/signature-ink-rule.ts';
import { Modal, Money } from '../ui.tsx';

type Field = 'name' | 'signature' | 'consent';
interface FormError {
  field: Field | null;
  text: string;
}

const FIELDS: readonly string[] = ['name', 'signature', 'consent'];

export function SignDialog(props: { quote: PortalQuote; onClose: () => void; onAccepted: (result: AcceptResult, name: string) => void }) {
  const { quote } = props;
  const { view, token, lang, t, refresh } = usePortal();
  const ids = { title: useId(), name: useId(), pad: useId(), padHelp: useId(), consent: useId(), error: useId() };
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const consentRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(view.customer.contactName || view.customer.name);
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const pad = new SignaturePad(canvas, { minWidth: 1, maxWidth: 3, penColor: '#101828', backgroundColor: 'rgba(0,0,0,0)' });
    padRef.current = pad;
    const fitCanvas = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const width = Math.round(canvas.offsetWidth * ratio);
      const height = Math.round(canvas.offsetHeight * ratio);
      if (!width || !height || (canvas.width === width && canvas.height === height)) return;
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d')!.scale(ratio, ratio);
      pad.redraw();
    };
    fitCanvas();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(fitCanvas) : null;
    observer?.observe(canvas);
    if (!observer) window.addEventListener('resize', fitCanvas);
    // Drawing again answers a "sign first" message.
    const onStroke = () => setError((e) => (e?.field === 'signature' ? null : e));
    pad.addEventListener('endStroke', onStroke);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', fitCanvas);
      pad.removeEventListener('endStroke', onStroke);
      pad.off();
    };
  }, []);

  const fail = (field: Field | null, text: string) => {
    setError({ field, text });
    if (field === 'name') nameRef.current?.focus();
    else if (field === 'consent') consentRef.current?.focus();
  };

  const clear = () => {
    padRef.current?.clear();
    setError((e) => (e?.field === 'signature' ? null : e));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending.current) return;
    const pad = padRef.current;
    const canvas = canvasRef.current;
    if (!pad || !canvas) return;
    const signer = name.trim().replace(/\s+/g, ' ');
    if (!signer) return fail('name', t('sign.errName'));
    const problem = pad.isEmpty() ? 'empty' : signatureProblem(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height));
    if (problem) return fail('signature', t(problem === 'empty' ? 'sign.errEmpty' : 'sign.errSmall'));
    if (!consent) return fail('consent', t('sign.errConsent'));

    sending.current = true;
    setBusy(true);
    setError(null);
    const res = await acceptQuote(token, quote.id, { name: signer, signature: pad.toDataURL('image/png'), consent: true });
    if (res.ok) {
      props.onAccepted(res.data, signer);
      return;
    }
    sending.current = false;
    setBusy(false);
    // Answered or expired meanwhile (another tab, the clock): show the page as it now stands.
    if (res.error.status === 409 || res.error.status === 410) void refresh();
    const field = res.error.field && FIELDS.includes(res.error.field) ? (res.error.field as Field) : null;
    fail(field, errorText(res.error, lang, t));
  };

  const message = (field: Field | null) =>
    error && error.field === field ? (
      <p id={ids.error} class="field-error" role="alert">
        {error.text}
      </p>
    ) : null;
  const describedBy = (field: Field, extra?: string) => [extra, error?.field === field ? ids.error : null].filter(Boolean).join(' ') || undefined;
  const total = quote.document.totals.withholdingSatang ? quote.document.totals.netPayableSatang : quote.document.totals.totalSatang;

  return (
    <Modal
      labelledBy={ids.title}
      class="sheet"
      onClose={() => {
        if (!sending.current) props.onClose();
      }}
    >
      <form class="modal-body sign" onSubmit={submit} noValidate>
        <h2 id={ids.title} tabIndex={-1}>
          {t('sign.title', { number: quote.number })}
        </h2>
        <p class="row sign-total">
          <span class="muted">{t(quote.document.totals.withholdingSatang ? 'totals.net' : 'totals.total')}</span>
          <Money satang={total} class="strong" />
        </p>

        <label class="field-label" for={ids.name}>
          {t('sign.name')}
        </label>
        <input
          ref={nameRef}
          id={ids.name}
          class="input"
          type="text"
          autocomplete="name"
          maxLength={120}
          value={name}
          onInput={(e) => {
            setName(e.currentTarget.value);
            if (error?.field === 'name') setError(null);
          }}
          aria-invalid={error?.field === 'name' || undefined}
          aria-describedby={describedBy('name')}
        />
        {message('name')}

        <p class="field-label" id={ids.pad}>
          {t('sign.pad')}
        </p>
        <p class="muted small" id={ids.padHelp}>
          {t('sign.padHelp')}
        </p>
        <div class={error?.field === 'signature' ? 'pad pad-invalid' : 'pad'}>
          <canvas ref={canvasRef} role="img" aria-labelledby={ids.pad} aria-describedby={describedBy('signature', ids.padHelp)} data-pad />
        </div>
        <div class="pad-tools">
          <button type="button" class="btn btn-small btn-quiet" onClick={clear} disabled={busy}>
            {t('sign.clear')}
          </button>
        </div>
        {message('signature')}

        <div class="consent">
          <input
            ref={consentRef}
            id={ids.consent}
            class="check"
            type="checkbox"
            checked={consent}
            onChange={(e) => {
              setConsent(e.currentTarget.checked);
              if (error?.field === 'consent') setError(null);
            }}
            aria-invalid={error?.field === 'consent' || undefined}
            aria-describedby={describedBy('consent')}
          />
          <label for={ids.consent}>{t('sign.consent', { number: quote.number, total: formatMoney(total, lang) })}</label>
        </div>
        {message('consent')}
        {message(null)}

        <div class="modal-actions">
          <button type="submit" class="btn btn-primary" disabled={busy} data-action="confirm-sign">
            {busy ? t('sign.sending') : t('sign.confirm')}
          </button>
          <button type="button" class="btn btn-quiet" disabled={busy} onClick={props.onClose}>
            {t('sign.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
