import { useState } from 'preact/hooks';
import type { PortalBusiness } from '../../../server/portal/portal-view.ts';
import { requestNewLink } from '../api.ts';
import type { Translate } from '../i18n.ts';
import { ContactButtons, hasContact } from '../ui.tsx';

/**
 * One page for every unusable link. It deliberately does not say whether the link expired,
 * was revoked or never existed, and the "new link" answer is the same whatever happens.
 */
export function Unavailable({ business, token, t }: { business: PortalBusiness | null; token: string | null; t: Translate }) {
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'failed'>('idle');
  const send = async () => {
    if (!token || state === 'sending' || state === 'sent') return;
    setState('sending');
    setState((await requestNewLink(token)) ? 'sent' : 'failed');
  };
  return (
    <>
      <div class="card unavailable">
        <span class="unavailable-icon" aria-hidden="true">🔗</span>
        <h1 id="page-title" tabIndex={-1}>{t('unavailable.title')}</h1>
        <p>{t('unavailable.body')}</p>
        {token && (
          <button
            type="button"
            class="btn btn-primary btn-block"
            onClick={send}
            disabled={state === 'sending' || state === 'sent'}
            aria-disabled={state === 'sending' || state === 'sent'}
          >
            {t(state === 'sending' ? 'unavailable.sending' : 'unavailable.recover')}
          </button>
        )}
        <p class="note" role="status" hidden={state !== 'sent'}>{state === 'sent' ? t('unavailable.sent') : ''}</p>
        {state === 'failed' && <p class="note note-warn" role="alert">{t('error.body')}</p>}
      </div>
      {hasContact(business) && (
        <section class="section" aria-labelledby="contact-title">
          <h2 id="contact-title">{t('contact.title')}</h2>
          <ContactButtons business={business} t={t} />
        </section>
      )}
    </>
  );
}
