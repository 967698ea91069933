/**
 * The client's answer to a quote: "Accept & sign" and "Decline" while the quote can still be
 * answered (`canRespond`), then what follows — the signed state and the deposit's PromptPay QR,
 * or the declined state. The signing dialog (with `signature_pad`) is a separate chunk, loaded
 * when the client reaches for the button, so the first load of every page stays small.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { PortalQuote } from '../../../server/portal/portal-view.ts';
import { declineQuote, errorText, urls, type AcceptResult } from '../api.ts';
import { usePortal } from '../context.ts';
import { formatDateTime, formatMoney } from '../format.ts';
import type { Translate } from '../i18n.ts';
import { paths } from '../router.ts';
import { FileLink, Link, Modal, Money, Section } from '../ui.tsx';

export type QuoteOutcome = { kind: 'accepted'; name: string; result: AcceptResult } | { kind: 'declined'; reason: string };

type SignModule = typeof import('./quote-sign.tsx');
let signModule: Promise<SignModule> | null = null;
/** One download of the signing chunk, shared; a failed one can be tried again. */
function loadSignModule(): Promise<SignModule> {
  signModule ??= import('./quote-sign.tsx').catch((error: unknown) => {
    signModule = null;
    throw error;
  });
  return signModule;
}

export function QuoteActions({ quote, outcome, onOutcome }: { quote: PortalQuote; outcome: QuoteOutcome | null; onOutcome: (o: QuoteOutcome) => void }) {
  if (outcome?.kind === 'accepted') return <AcceptedPanel quote={quote} outcome={outcome} />;
  if (outcome?.kind === 'declined') return <DeclinedPanel reason={outcome.reason} fresh />;
  if (quote.status === 'accepted') return <SignedSummary quote={quote} />;
  if (quote.status === 'declined') return <DeclinedPanel reason={quote.declineReason} />;
  if (!quote.canRespond) return null;
  return <Respond quote={quote} onOutcome={onOutcome} />;
}

function Respond({ quote, onOutcome }: { quote: PortalQuote; onOutcome: (o: QuoteOutcome) => void }) {
  const { t, refresh, view } = usePortal();
  const [dialog, setDialog] = useState<'none' | 'sign' | 'decline'>('none');
  const [Sign, setSign] = useState<SignModule['SignDialog'] | null>(null);
  const [loading, setLoading] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);

  const openSign = async () => {
    if (loading) return;
    setLoading(true);
    setLoadFailed(false);
    try {
      const mod = await loadSignModule();
      setSign(() => mod.SignDialog);
      setDialog('sign');
    } catch {
      setLoadFailed(true);
    } finally {
      setLoading(false);
    }
  };
  const after = (o: QuoteOutcome) => {
    setDialog('none');
    onOutcome(o);
    // A customer-wide link still opens: bring Documents, Deposits and Home up to date.
    if (view.scope === 'customer') void refresh();
  };

  return (
    <Section title={t('quote.respondTitle')}>
      <div class="card respond">
        <p>{t('quote.respondHelp')}</p>
        <button
          type="button"
          class="btn btn-primary btn-block"
          data-action="accept"
          onPointerEnter={() => void loadSignModule().catch(() => null)}
          onFocus={() => void loadSignModule().catch(() => null)}
          onClick={openSign}
          aria-busy={loading}
        >
          {loading ? t('quote.opening') : t('quote.accept')}
        </button>
        <button type="button" class="btn btn-quiet btn-block" data-action="decline" onClick={() => setDialog('decline')}>
          {t('quote.decline')}
        </button>
        {loadFailed && (
          <p class="field-error" role="alert">
            {t('quote.loadFailed')}
          </p>
        )}
      </div>
      {dialog === 'sign' && Sign && (
        <Sign quote={quote} onClose={() => setDialog('none')} onAccepted={(result, name) => after({ kind: 'accepted', name, result })} />
      )}
      {dialog === 'decline' && <DeclineDialog quote={quote} onClose={() => setDialog('none')} onDeclined={(reason) => after({ kind: 'declined', reason })} />}
    </Section>
  );
}

function DeclineDialog({ quote, onClose, onDeclined }: { quote: PortalQuote; onClose: () => void; onDeclined: (reason: string) => void }) {
  const { token, lang, t, refresh } = usePortal();
  const titleId = useId();
  const reasonId = useId();
  const errorId = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sending = useRef(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    setError(null);
    const trimmed = reason.trim();
    const res = await declineQuote(token, quote.id, trimmed);
    if (res.ok) {
      onDeclined(trimmed);
      return;
    }
    sending.current = false;
    setBusy(false);
    setError(errorText(res.error, lang, t));
    // Answered or expired meanwhile: show the page as it now stands.
    if (res.error.status === 409 || res.error.status === 410) void refresh();
  };

  return (
    <Modal
      labelledBy={titleId}
      onClose={() => {
        if (!sending.current) onClose();
      }}
    >
      <form class="modal-body" onSubmit={submit} noValidate>
        <h2 id={titleId} tabIndex={-1}>
          {t('decline.title', { number: quote.number })}
        </h2>
        <p>{t('decline.body')}</p>
        <label class="field-label" for={reasonId}>
          {t('decline.reason')}
        </label>
        <textarea
          id={reasonId}
          class="input"
          rows={3}
          maxLength={500}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
          aria-describedby={error ? errorId : undefined}
        />
        {error && (
          <p id={errorId} class="field-error" role="alert">
            {error}
          </p>
        )}
        <div class="modal-actions">
          <button type="submit" class="btn btn-danger" disabled={busy} data-action="confirm-decline">
            {busy ? t('sign.sending') : t('decline.confirm')}
          </button>
          <button type="button" class="btn btn-quiet" disabled={busy} onClick={onClose}>
            {t('sign.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Puts the panel that replaced the buttons in view and in focus, so the client sees what happened. */
function useFocusOnArrival(fresh: boolean) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!fresh || !ref.current) return;
    ref.current.focus({ preventScroll: true });
    ref.current.closest('section')?.scrollIntoView({ block: 'start' });
  }, []);
  return ref;
}

function Done(props: { title: string; tone: 'ok' | 'neutral'; fresh?: boolean; children: ComponentChildren }) {
  const id = useId();
  const ref = useFocusOnArrival(!!props.fresh);
  return (
    <section class={`card outcome outcome-${props.tone}`} aria-labelledby={id}>
      <div class="outcome-head">
        <span class="outcome-icon" aria-hidden="true">
          {props.tone === 'ok' ? '✓' : '–'}
        </span>
        <h2 id={id} ref={ref} tabIndex={-1}>
          {props.title}
        </h2>
      </div>
      {props.children}
    </section>
  );
}

function signedLine(t: Translate, lang: 'th' | 'en', name: string, iso: string | null | undefined): string {
  return iso ? t('quote.signed', { name, date: formatDateTime(lang, iso, t('app.timeSuffix')) }) : t('accepted.signedBy', { name });
}

/** Just accepted on this page: signed, a copy on its way, and straight on to the deposit. */
function AcceptedPanel({ quote, outcome }: { quote: PortalQuote; outcome: Extract<QuoteOutcome, { kind: 'accepted' }> }) {
  const { view, token, lang, t } = usePortal();
  const { result } = outcome;
  const next = result.next;
  const customerLink = view.scope === 'customer';
  const signedAt = result.signedAtIso ?? quote.signed?.signedAtIso;
  return (
    <>
      <Done title={t('accepted.title')} tone="ok" fresh>
        <p class="strong" data-signed-by>
          {signedLine(t, lang, quote.signed?.name ?? outcome.name, signedAt)}
        </p>
        <p>{t('accepted.copySent')}</p>
        {customerLink && (
          <FileLink class="btn btn-soft btn-block" url={urls.document(token, result.signedDocumentId)} aria-label={t('accepted.signedPdf')}>
            {t('accepted.signedPdf')}
          </FileLink>
        )}
        {!next && <p class="outcome-next">{t('accepted.thanksBody')}</p>}
      </Done>
      {next && <NextDeposit next={next} />}
    </>
  );
}

function NextDeposit({ next }: { next: NonNullable<AcceptResult['next']> }) {
  const { view, liff, lang, t } = usePortal();
  const amount = formatMoney(next.amountSatang, lang);
  const titleId = useId();
  return (
    <section class="card pay" id="pay" aria-labelledby={titleId}>
      <h2 id={titleId} class="pay-title">
        {t('accepted.nextDeposit', { number: next.number })}
      </h2>
      <p class="pay-label">{t('pay.amount')}</p>
      <p class="pay-amount">
        <Money satang={next.amountSatang} />
      </p>
      <img class="qr" src={next.qrDataUrl} width={240} height={240} alt={t('pay.qrAlt', { amount })} data-qr="deposit" />
      <dl class="payee">
        <div>
          <dt>{t('pay.payee')}</dt>
          <dd>{next.payee}</dd>
        </div>
      </dl>
      {view.scope === 'customer' ? (
        <FileLink class="btn btn-primary btn-block" url={`${next.qrImageUrl}?download=1`} download>
          {t('pay.saveQr')}
        </FileLink>
      ) : liff ? (
        // LINE's browser cannot save a file and this link no longer opens elsewhere: the image itself can be kept.
        <p class="note">{t('accepted.saveQrHint')}</p>
      ) : (
        <a class="btn btn-primary btn-block" href={next.qrDataUrl} download={`${next.number}.png`}>
          {t('pay.saveQr')}
        </a>
      )}
      <p class="muted small">{t('deposit.note')}</p>
      <p class="muted small">{t('pay.howTo')}</p>
    </section>
  );
}

/** An accepted quote seen again later (customer-wide link): who signed, when, and the deposit to pay. */
function SignedSummary({ quote }: { quote: PortalQuote }) {
  const { view, lang, t } = usePortal();
  const name = quote.signed?.name ?? quote.signedBy;
  const deposit = view.scope === 'customer' ? view.deposits.find((d) => d.quoteNumber === quote.number && d.pay) : undefined;
  return (
    <Done title={t('accepted.title')} tone="ok">
      {name && (
        <p class="strong" data-signed-by>
          {signedLine(t, lang, name, quote.signed?.signedAtIso ?? quote.signedAt)}
        </p>
      )}
      {deposit && (
        <Link to={paths.deposits(deposit.id)} class="btn btn-primary btn-block">
          {t('accepted.payDeposit', { amount: formatMoney(deposit.pay!.amountSatang, lang) })}
        </Link>
      )}
    </Done>
  );
}

function DeclinedPanel({ reason, fresh }: { reason: string | null; fresh?: boolean }) {
  const { t } = usePortal();
  return (
    <Done title={t('decline.doneTitle')} tone="neutral" fresh={fresh}>
      {reason && <p>{t('quote.declineReason', { reason })}</p>}
      <p>{t('decline.doneBody')}</p>
    </Done>
  );
}
