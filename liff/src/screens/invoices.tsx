import type { PortalInvoice } from '../../../server/portal/portal-view.ts';
import { usePortal } from '../context.ts';
import { formatDate, formatDateTime, formatMoney } from '../format.ts';
import { paths } from '../router.ts';
import { DocumentList, Empty, Facts, InvoiceBadge, LinesTable, Link, Money, Page, PaymentBadge, ReceiptRef, Section, TotalsTable } from '../ui.tsx';
import { PaySection } from './pay.tsx';
import { AttachCertificate } from './attach-certificate.tsx';
import { pendingSatang } from './paid-form.tsx';

function InvoiceCard({ inv }: { inv: PortalInvoice }) {
  const { lang, t } = usePortal();
  return (
    <li>
      <Link to={paths.invoice(inv.id)} class="card card-link">
        <span class="row">
          <span class="card-title">{inv.number}</span>
          <InvoiceBadge status={inv.status} />
        </span>
        {inv.balanceSatang > 0 && inv.status !== 'void' ? (
          <span class="block stack-tight">
            <span class="muted small block">{t('invoice.balance')}</span>
            <Money satang={inv.balanceSatang} class="amount" />
          </span>
        ) : (
          <span class="block stack-tight">
            <Money satang={inv.totals.totalSatang} class="strong" />
          </span>
        )}
        {inv.status === 'void' ? (
          <span class="muted small block">{t('invoice.voidNote')}</span>
        ) : (
          <span class="muted small block">{t('invoice.due', { date: formatDate(lang, inv.dueDate) })}</span>
        )}
        {inv.pendingNotices.length > 0 && (
          <span class="small block">
            {t('paid.pendingFact')}: {formatMoney(pendingSatang(inv.pendingNotices), lang)}
          </span>
        )}
      </Link>
    </li>
  );
}

export function Invoices() {
  const { view, t } = usePortal();
  const payable = (i: PortalInvoice) => i.pay !== null && i.status !== 'void';
  const open = view.invoices.filter(payable);
  const others = view.invoices.filter((i) => !payable(i));
  return (
    <Page title={t('invoices.title')}>
      {!view.invoices.length && <Empty text={t('invoices.empty')} />}
      {open.length > 0 && (
        <Section title={t('invoices.outstanding')}>
          <ul class="stack">
            {open.map((i) => (
              <InvoiceCard key={i.id} inv={i} />
            ))}
          </ul>
        </Section>
      )}
      {others.length > 0 && (
        <Section title={t('invoices.others')}>
          <ul class="stack">
            {others.map((i) => (
              <InvoiceCard key={i.id} inv={i} />
            ))}
          </ul>
        </Section>
      )}
      {view.receipts.length > 0 && (
        <p class="center">
          <Link to={paths.receipts()} class="btn btn-quiet">
            {t('invoices.receiptsLink')} ({view.receipts.length})
          </Link>
        </p>
      )}
    </Page>
  );
}

export function InvoicePage({ id, standalone }: { id: string; standalone?: boolean }) {
  const { view, lang, t } = usePortal();
  const inv = view.invoices.find((i) => i.id === id);
  if (!inv)
    return (
      <Page title={t('invoice.notFound')} back={standalone ? undefined : paths.invoices()}>
        {null}
      </Page>
    );
  const suffix = t('app.timeSuffix');
  const isVoid = inv.status === 'void';
  return (
    <Page
      title={t('invoice.title', { number: inv.number })}
      back={standalone ? undefined : paths.invoices()}
      sub={
        <p class="row">
          <InvoiceBadge status={inv.status} />
          {inv.jobNumber && (
            <span class="muted small">
              {t('invoice.job')} {inv.jobNumber}
            </span>
          )}
        </p>
      }
    >
      <div class="card">
        <Facts
          rows={[
            [t('invoice.issueDate'), formatDate(lang, inv.issueDate)],
            [t('invoice.dueDate'), formatDate(lang, inv.dueDate)],
            inv.taxInvoiceNumber ? [t('invoice.taxInvoice'), inv.taxInvoiceNumber] : false,
            [t('invoice.total'), <Money satang={inv.totals.totalSatang} />],
            // With withholding the client transfers the net: total − withheld = net, net − paid = balance.
            inv.totals.withholdingSatang > 0 ? [t('totals.wht'), <Money satang={-inv.totals.withholdingSatang} />] : false,
            inv.totals.withholdingSatang > 0 ? [t('totals.net'), <Money satang={inv.totals.netPayableSatang} />] : false,
            inv.paidSatang > 0 ? [t('invoice.paid'), <Money satang={inv.paidSatang} />] : false,
            // A void invoice asks for nothing: no balance line at all, its state in words instead.
            isVoid ? [t('inv.void'), t('invoice.voidNote')] : [t('invoice.balance'), <Money satang={inv.balanceSatang} class="strong" />],
            pendingSatang(inv.pendingNotices) > 0 ? [t('paid.pendingFact'), <Money satang={pendingSatang(inv.pendingNotices)} />] : false,
          ]}
        />
      </div>

      {inv.pay && !isVoid && (
        <PaySection kind="invoice" id={inv.id} pay={inv.pay} withholdingSatang={inv.totals.withholdingSatang} pending={inv.pendingNotices} />
      )}

      <Section title={t('invoice.items')}>
        <div class="card">
          <LinesTable lines={inv.lines} />
          <TotalsTable totals={inv.totals} />
        </div>
      </Section>

      <Section title={t('invoice.payments')}>
        {inv.payments.length ? (
          <ul class="card list">
            {inv.payments.map((p) => (
              <li key={p.id} class="list-item">
                <div class="row">
                  <Money satang={p.amountSatang} class="strong" />
                  <PaymentBadge status={p.status} />
                </div>
                <span class="muted small block">
                  {formatDateTime(lang, p.receivedAt, suffix)} · {t(`method.${p.method}`)}
                  {p.reference ? ` · ${p.reference}` : ''}
                </span>
                {p.receiptNumber && <ReceiptRef number={p.receiptNumber} />}
                {inv.totals.withholdingSatang > 0 && p.noticeId && p.status === 'confirmed' && (
                  <AttachCertificate noticeId={p.noticeId} attached={p.withholdingCertificate} />
                )}
              </li>
            ))}
          </ul>
        ) : (
          <Empty text={t('invoice.noPayments')} />
        )}
      </Section>

      {inv.documentIds.length > 0 && (
        <Section title={t('docs.title')}>
          <DocumentList ids={inv.documentIds} />
        </Section>
      )}
    </Page>
  );
}
