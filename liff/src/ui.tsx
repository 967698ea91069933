/** Small shared building blocks. Presentation only. */
import type { ComponentChildren, JSX } from 'preact';
import type {
  DepositStatus,
  InvoiceDisplayStatus,
  JobStage,
  PaymentStatus,
  PortalDocument,
  PortalLine,
  PortalTotals,
  QuoteDisplayStatus,
} from '../../server/portal/portal-view.ts';
import { urls } from './api.ts';
import { usePortal } from './context.ts';
import { useEffect, useId, useRef } from 'preact/hooks';
import { formatDate, formatMoney, formatQuantity } from './format.ts';

type Tone = 'ok' | 'info' | 'warn' | 'danger' | 'neutral';

/** An in-app link: a real <a href> (works with open-in-new-tab), navigated with pushState. */
export function Link(props: { to: string; class?: string; children: ComponentChildren; 'aria-label'?: string; 'aria-current'?: 'page' }) {
  const { href, navigate } = usePortal();
  const { to, ...rest } = props;
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a {...rest} href={href(to)} onClick={onClick} />;
}

export function Page(props: { title: string; back?: string; children: ComponentChildren; sub?: ComponentChildren }) {
  const { t } = usePortal();
  return (
    <>
      {props.back && (
        <Link to={props.back} class="back">
          ‹ {t('app.back')}
        </Link>
      )}
      <h1 id="page-title" tabIndex={-1}>
        {props.title}
      </h1>
      {props.sub}
      {props.children}
    </>
  );
}

export function Section(props: { title: string; children: ComponentChildren; action?: ComponentChildren; id?: string }) {
  const autoId = useId();
  const id = props.id ?? autoId;
  return (
    <section class="section" aria-labelledby={id}>
      <div class="section-head">
        <h2 id={id}>{props.title}</h2>
        {props.action}
      </div>
      {props.children}
    </section>
  );
}

export function Badge(props: { tone: Tone; children: ComponentChildren }) {
  return <span class={`badge badge-${props.tone}`}>{props.children}</span>;
}

const invoiceTone: Record<InvoiceDisplayStatus, Tone> = {
  draft: 'neutral',
  sent: 'warn',
  partially_paid: 'info',
  paid: 'ok',
  void: 'neutral',
  overdue: 'danger',
};
const quoteTone: Record<QuoteDisplayStatus, Tone> = {
  draft: 'neutral',
  sent: 'info',
  accepted: 'ok',
  declined: 'neutral',
  expired: 'neutral',
};
const depositTone: Record<DepositStatus, Tone> = {
  pending: 'warn',
  partially_held: 'info',
  held: 'info',
  returned: 'ok',
  partially_returned: 'ok',
  forfeited: 'neutral',
};
const paymentTone: Record<PaymentStatus, Tone> = { pending_review: 'warn', confirmed: 'ok', rejected: 'danger', void: 'neutral' };

export function InvoiceBadge({ status }: { status: InvoiceDisplayStatus }) {
  return <Badge tone={invoiceTone[status]}>{usePortal().t(`inv.${status}`)}</Badge>;
}
export function QuoteBadge({ status }: { status: QuoteDisplayStatus }) {
  return <Badge tone={quoteTone[status]}>{usePortal().t(`quote.${status}`)}</Badge>;
}
export function DepositBadge({ status }: { status: DepositStatus }) {
  return <Badge tone={depositTone[status]}>{usePortal().t(`dep.${status}`)}</Badge>;
}
export function PaymentBadge({ status }: { status: PaymentStatus }) {
  return <Badge tone={paymentTone[status]}>{usePortal().t(`payment.${status}`)}</Badge>;
}
export function StageChip({ stage }: { stage: JobStage }) {
  const tone: Tone = stage === 'closed' ? 'ok' : stage === 'cancelled' ? 'neutral' : 'info';
  return <span class={`chip chip-${tone}`}>{usePortal().t(`stage.${stage}`)}</span>;
}

export function Money({ satang, class: cls }: { satang: number; class?: string }) {
  return <span class={cls ? `money ${cls}` : 'money'}>{formatMoney(satang, usePortal().lang)}</span>;
}

export function Empty({ text }: { text: string }) {
  return <p class="empty">{text}</p>;
}

/** A label/value list (<dl>) for facts such as dates and amounts. */
export function Facts({ rows, stacked }: { rows: Array<[string, ComponentChildren] | null | false>; stacked?: boolean }) {
  return (
    <dl class={stacked ? 'facts facts-stacked' : 'facts'}>
      {rows
        .filter((r): r is [string, ComponentChildren] => !!r)
        .map(([k, v]) => (
          <div class="fact" key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

export function LinesTable({ lines }: { lines: PortalLine[] }) {
  const { t, lang } = usePortal();
  return (
    <table class="lines">
      <caption class="sr-only">{t('invoice.items')}</caption>
      <tbody>
        {lines.map((line, i) => (
          <tr key={i}>
            <th scope="row">
              {line.description}
              <span class="muted small block">
                {t('line.qtyPrice', { qty: formatQuantity(line.quantity), price: formatMoney(line.unitPriceSatang, lang) })}
              </span>
            </th>
            <td>
              <Money satang={line.amountSatang} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TotalsTable({ totals }: { totals: PortalTotals }) {
  const { t } = usePortal();
  const rows: Array<[string, number, string?]> = [];
  if (totals.discountSatang || totals.vatMode === 'exclusive') rows.push([t('totals.subtotal'), totals.subtotalSatang]);
  if (totals.discountSatang) rows.push([t('totals.discount'), -totals.discountSatang]);
  if (totals.vatMode !== 'none') rows.push([t(totals.vatMode === 'inclusive' ? 'totals.vatIncluded' : 'totals.vat'), totals.vatSatang]);
  rows.push([t('totals.total'), totals.totalSatang, 'strong']);
  if (totals.withholdingSatang) {
    rows.push([t('totals.wht'), -totals.withholdingSatang]);
    rows.push([t('totals.net'), totals.netPayableSatang, 'strong']);
  }
  return <AmountRows rows={rows} />;
}

/** A totals table: label and amount per row; `strong` marks the amounts that matter. */
export function AmountRows({ rows }: { rows: Array<[string, number, string?]> }) {
  return (
    <table class="totals">
      <tbody>
        {rows.map(([label, amount, cls]) => (
          <tr key={label} class={cls}>
            <th scope="row">{label}</th>
            <td>
              <Money satang={amount} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A link to a file (PDF, ZIP, QR PNG). On the web it opens/downloads normally; inside LINE
 * the in-app browser cannot download, so it opens in the phone's browser via liff.openWindow.
 */
export function FileLink(props: { url: string; download?: boolean; class?: string; children: ComponentChildren; 'aria-label'?: string }) {
  const { liff, t } = usePortal();
  const onClick = liff
    ? (e: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
        e.preventDefault();
        liff.openExternal(props.url);
      }
    : undefined;
  return (
    <a
      class={props.class}
      href={props.url}
      download={props.download ? '' : undefined}
      target={props.download ? undefined : '_blank'}
      rel="noopener noreferrer"
      aria-label={props['aria-label'] ? `${props['aria-label']} ${props.download ? '' : t('app.newWindow')}`.trim() : undefined}
      onClick={onClick}
    >
      {props.children}
    </a>
  );
}

export function DocumentRow({ doc }: { doc: PortalDocument }) {
  const { token, lang, t } = usePortal();
  const name = `${doc.title[lang]} ${doc.number}`;
  return (
    <li class="doc">
      <div class="doc-info">
        <span class="row">
          <span class="doc-title">{doc.title[lang]}</span>
          {doc.cancelled && <Badge tone="neutral">{t('receipt.cancelled')}</Badge>}
        </span>
        <span class="muted small">
          {doc.number} · {formatDate(lang, doc.issuedAt)}
        </span>
      </div>
      <div class="doc-actions">
        <FileLink class="btn btn-small btn-soft" url={urls.document(token, doc.id)} aria-label={t('docs.viewLabel', { name })}>
          {t('docs.view')}
        </FileLink>
        <FileLink class="btn btn-small btn-quiet" url={urls.document(token, doc.id, true)} download aria-label={t('docs.downloadLabel', { name })}>
          {t('docs.download')}
        </FileLink>
      </div>
    </li>
  );
}

export function DocumentList({ ids }: { ids: string[] }) {
  const { documentsById } = usePortal();
  const docs = ids.map((id) => documentsById.get(id)).filter((d): d is PortalDocument => !!d);
  if (!docs.length) return null;
  return (
    <ul class="docs card">
      {docs.map((d) => (
        <DocumentRow key={d.id} doc={d} />
      ))}
    </ul>
  );
}

/** A receipt number, linked to its PDF when the receipt is in this view. */
export function ReceiptRef({ number }: { number: string }) {
  const { view, token, t } = usePortal();
  const receipt = view.receipts.find((r) => r.number === number);
  const label = t('invoice.receiptNo', { number });
  if (!receipt) return <span class="small block">{label}</span>;
  return (
    <FileLink class="small receipt-link" url={urls.document(token, receipt.documentId)} aria-label={t('docs.viewLabel', { name: label })}>
      {label}
    </FileLink>
  );
}

/**
 * A modal dialog on the native <dialog> (focus kept inside, Esc, the rest of the page inert),
 * which LINE's in-app browsers support. Esc and the backdrop ask `onClose`; the caller decides
 * (a dialog that is sending ignores it). On open the heading takes focus, not the first field,
 * so a phone does not throw its keyboard over the dialog.
 */
export function Modal(props: { labelledBy: string; onClose: () => void; class?: string; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;
  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement as HTMLElement | null;
    // Older in-app browsers (iOS before 15.4) have <dialog> without showModal: show it as an overlay.
    if (typeof dialog.showModal !== 'function') dialog.classList.add('modal-fallback');
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    document.getElementById(props.labelledBy)?.focus();
    const onCancel = (e: Event) => {
      e.preventDefault();
      onClose.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) {
        if (typeof dialog.close === 'function') dialog.close();
        else dialog.removeAttribute('open');
      }
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);
  return (
    <dialog ref={ref} class={props.class ? `modal ${props.class}` : 'modal'} aria-labelledby={props.labelledBy}>
      {props.children}
    </dialog>
  );
}

/** The foot of every small client form: the server's refusal (if any), then Cancel and the action. */
export function FormFooter(props: { error: string | null; busy: boolean; onCancel: () => void; submitLabel: string }) {
  const { t } = usePortal();
  return (
    <>
      {props.error && (
        <p class="note note-warn" role="alert">
          {props.error}
        </p>
      )}
      <div class="paid-actions">
        <button type="button" class="btn btn-quiet" onClick={props.onCancel} disabled={props.busy}>
          {t('paid.cancel')}
        </button>
        <button type="submit" class="btn btn-primary" disabled={props.busy}>
          {props.submitLabel}
        </button>
      </div>
    </>
  );
}
