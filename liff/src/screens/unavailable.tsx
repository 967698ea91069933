import { useState } from 'preact/hooks';
import type { PortalBusiness } from '../../../server/portal/portal-view.ts';
import { requestNewLink } from '../api.ts';
import type { Translate } from '../i18n.ts';
import { ContactCard } from '../contact.tsx';

/**
 * One page for every unusable link. It deliberately does not say whether the link expired,
 * was revoked or never existed, and the "new link" answer is the same whatever happens.
 * `busy` (the server answered 429): the same page asking the client to wait a few minutes.
 */
export function Unavailable({ business, busy = false, token, t }: { business: PortalBusiness | null; busy?: boolean; token: string | null; t: Translate }) {
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'failed'>('idle');
  const send = async () => {
    if (!token || state === 'sending' || state === 'sent') return;
    setState('sending');
    setState((await requestNewLink(token)) ? 'sent' : 'failed');
  };
  return (
    <>
      <div class="card unavailable">
        <svg class="unavailable-icon" viewBox="0 0 24 24" width="48" height="48" aria-hidden="true">
          <path d="M10 14a4 4 0 005.7 0l3-3a4 4 0 00-5.7-5.7l-1 1M14 10a4 4 0 00-5.7 0l-3 3a4 4 0 005.7 5.7l1-1" />
        </svg>
        <h1 id="page-title" tabIndex={-1}>
          {t(busy ? 'busy.title' : 'unavailable.title')}
        </h1>
        <p>{t(busy ? 'busy.body' : 'unavailable.body')}</p>
        {token && !busy && (
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
        <div role="status" aria-live="polite">
          {state === 'sent' && <p class="note">{t('unavailable.sent')}</p>}
        </div>
        {state === 'failed' && (
          <p class="note note-warn" role="alert">
            {t('error.body')}
          </p>
        )}
      </div>
      <ContactCard business={business} t={t} />
    </>
  );
}
