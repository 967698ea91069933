/**
 * How to reach the business — its LINE Official Account, phone and email (never the customer's
 * own details). One card, shown at the foot of every screen of every link scope and on the
 * unavailable page, so a client holding only a quote or an invoice link can always ask.
 */
import type { PortalBusiness } from '../../server/portal/portal-view.ts';
import { urls } from './api.ts';
import type { Translate } from './i18n.ts';

export function hasContact(business: PortalBusiness | null): business is PortalBusiness {
  return !!business && !!(business.lineOaId || business.phone || business.email);
}

export function ContactCard({ business, t }: { business: PortalBusiness | null; t: Translate }) {
  if (!hasContact(business)) return null;
  return (
    <footer class="contact-footer">
      <section class="section" aria-labelledby="contact-title">
        <h2 id="contact-title">{t('contact.title')}</h2>
        <div class="contact card">
          {business.lineOaId && (
            <a class="btn btn-line" href={urls.lineOa(business.lineOaId)} rel="noopener noreferrer" data-contact="line">
              {t('contact.line')}
            </a>
          )}
          {business.phone && (
            <a class="btn btn-quiet" href={`tel:${business.phone.replace(/[^\d+]/g, '')}`} data-contact="phone">
              {t('contact.call', { phone: business.phone })}
            </a>
          )}
          {business.email && (
            <a class="btn btn-quiet" href={`mailto:${business.email}`} data-contact="email">
              {t('contact.email')}
            </a>
          )}
        </div>
      </section>
    </footer>
  );
}
