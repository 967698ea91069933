import type { PortalPayTarget, PortalPendingNotice } from '../../../server/portal/portal-view.ts';
import { urls } from '../api.ts';
import { usePortal } from '../context.ts';
import { formatMoney } from '../format.ts';
import { FileLink, Money } from '../ui.tsx';
import { PaidForm, PendingNotices } from './paid-form.tsx';

/**
 * PromptPay payment block. Everything shown was computed by the server: the amount (net of
 * withholding tax where it applies), the payee, and the QR image made from the EMVCo payload.
 */
export function PaySection(props: {
  kind: 'invoice' | 'deposit';
  id: string;
  pay: PortalPayTarget;
  withholdingSatang?: number;
  pending: PortalPendingNotice[];
}) {
  const { token, t, lang } = usePortal();
  const { pay } = props;
  const withholding = props.withholdingSatang ?? 0;
  const amount = formatMoney(pay.amountSatang, lang);
  return (
    <section class="card pay" id="pay" aria-labelledby={`pay-${props.id}`}>
      <h2 id={`pay-${props.id}`} class="pay-title" tabIndex={-1}>
        {t('pay.title')}
      </h2>
      <p class="pay-label">{t(withholding ? 'pay.netAmount' : 'pay.amount')}</p>
      <p class="pay-amount">
        <Money satang={pay.amountSatang} />
      </p>
      {withholding > 0 && <p class="note">{t('pay.whtNote', { amount: formatMoney(withholding, lang) })}</p>}
      <img class="qr" src={urls.qr(token, props.kind, props.id)} width={240} height={240} alt={t('pay.qrAlt', { amount })} />
      <dl class="payee">
        <div>
          <dt>{t('pay.payee')}</dt>
          <dd>{pay.payeeName}</dd>
        </div>
        <div>
          <dt>{t('pay.promptPayId')}</dt>
          <dd>{pay.promptPayIdDisplay}</dd>
        </div>
      </dl>
      <FileLink class="btn btn-primary btn-block" url={urls.qr(token, props.kind, props.id, true)} download>
        {t('pay.saveQr')}
      </FileLink>
      <p class="muted small">{t('pay.howTo')}</p>
      <PendingNotices notices={props.pending} withholding={withholding > 0} />
      <PaidForm target={`${props.kind}.${props.id}`} balanceSatang={pay.amountSatang} withholding={withholding > 0} formId={`paid-${props.id}`} />
    </section>
  );
}
