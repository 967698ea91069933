import type { PortalDeposit } from '../../../server/portal/portal-view.ts';
import { usePortal } from '../context.ts';
import { formatDateTime, formatMoney } from '../format.ts';
import { DepositBadge, Empty, Facts, Money, Page, ReceiptRef } from '../ui.tsx';
import { PaySection } from './pay.tsx';
import { pendingSatang } from './paid-form.tsx';
import { RefundPromptPay } from './refund-promptpay.tsx';

export function DepositCard({ deposit: d }: { deposit: PortalDeposit }) {
  const { lang, t } = usePortal();
  const suffix = t('app.timeSuffix');
  return (
    <article class="deposit" id={`dep-${d.id}`} aria-labelledby={`dep-title-${d.id}`}>
      <div class="card">
        <div class="row">
          <h2 id={`dep-title-${d.id}`} class="card-title" tabIndex={-1}>
            {t('deposit.title', { number: d.number })}
          </h2>
          <DepositBadge status={d.status} />
        </div>
        {(d.jobNumber || d.quoteNumber) && (
          <p class="muted small meta">
            {d.jobNumber && (
              <span>
                {t('deposit.job')} {d.jobNumber}
              </span>
            )}
            {d.quoteNumber && (
              <span>
                {t('deposit.quote')} {d.quoteNumber}
              </span>
            )}
          </p>
        )}
        <Facts
          rows={[
            [t('deposit.required'), <Money satang={d.requiredSatang} />],
            [t('deposit.held'), <Money satang={d.heldSatang} class="strong" />],
            d.returnedSatang > 0 ? [t('deposit.returned'), <Money satang={d.returnedSatang} />] : false,
            d.deductedSatang > 0 ? [t('deposit.deducted'), <Money satang={d.deductedSatang} />] : false,
            pendingSatang(d.pendingNotices) > 0 ? [t('paid.pendingFact'), <Money satang={pendingSatang(d.pendingNotices)} />] : false,
          ]}
        />
        <p class="muted small">{t('deposit.note')}</p>
        {d.entries.length > 0 && (
          <>
            <h3 class="subhead">{t('deposit.entries')}</h3>
            <ul class="list">
              {d.entries.map((e, i) => (
                <li key={i} class="list-item">
                  <div class="row">
                    <span>{t(e.kind === 'collection' ? 'deposit.collection' : 'deposit.return')}</span>
                    <Money satang={e.amountSatang} class="strong" />
                  </div>
                  <span class="muted small block">
                    {formatDateTime(lang, e.at, suffix)}
                    {e.method ? ` · ${t(`method.${e.method}`)}` : ''}
                  </span>
                  {e.deductions?.length ? (
                    <ul class="small deductions" aria-label={t('deposit.deducted')}>
                      {e.deductions.map((x, j) => (
                        <li key={j}>
                          {t('deposit.deductedAmount', { amount: formatMoney(x.amountSatang, lang) })}: {x.reason}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <>
                      {e.deductedSatang > 0 && (
                        <span class="small block">
                          {t('deposit.deductedAmount', { amount: formatMoney(e.deductedSatang, lang) })}
                          {e.reason ? `: ${e.reason}` : ''}
                        </span>
                      )}
                      {e.deductedSatang === 0 && e.reason && <span class="small block">{e.reason}</span>}
                    </>
                  )}
                  {e.receiptNumber && <ReceiptRef number={e.receiptNumber} />}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {d.pay && <PaySection kind="deposit" id={d.id} pay={d.pay} pending={d.pendingNotices} />}
    </article>
  );
}

export function Deposits() {
  const { view, t } = usePortal();
  return (
    <Page title={t('deposits.title')}>
      {view.deposits.length ? (
        <div class="stack">
          {view.deposits.map((d) => (
            <DepositCard key={d.id} deposit={d} />
          ))}
          <RefundPromptPay />
        </div>
      ) : (
        <Empty text={t('deposits.empty')} />
      )}
    </Page>
  );
}
