/** The signed-in app: a bottom menu and one screen per route. */
import { useState } from 'preact/hooks';
import type { StaffSession } from './api.ts';
import { signOut } from './api.ts';
import { Ctx, type StaffContext } from './context.ts';
import { rememberLang, translator, type Lang, type MessageKey } from './i18n.ts';
import { paths, useRoute, type Route } from './router.ts';
import { Link } from './ui.tsx';
import type { LiffBridge } from '../src/liff/types.ts';
import { Customers } from './screens/customers.tsx';
import { CustomerEdit, CustomerNew } from './screens/customer-form.tsx';
import { CustomerPage } from './screens/customer-page.tsx';
import { DocumentEditor, DraftEditor } from './screens/document-editor.tsx';
import { QuotePage } from './screens/quote-page.tsx';
import { InvoicePage } from './screens/invoice-page.tsx';
import { Money } from './screens/money.tsx';
import { Today } from './screens/today.tsx';
import { Jobs } from './screens/jobs.tsx';
import { DepositPage } from './screens/deposit-page.tsx';
import { Business } from './screens/business.tsx';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'today':
      return <Today />;
    case 'jobs':
      return <Jobs />;
    case 'customers':
      return <Customers />;
    case 'deposit':
      return <DepositPage key={route.id} id={route.id} />;
    case 'money':
      return <Money />;
    case 'business':
      return <Business />;
    case 'customerNew':
      return <CustomerNew />;
    case 'customer':
      return <CustomerPage key={route.id} id={route.id} />;
    case 'customerEdit':
      return <CustomerEdit id={route.id} />;
    case 'quoteNew':
      return <DocumentEditor kind="quote" customerId={route.customerId} quoteId={null} />;
    case 'invoiceNew':
      return <DocumentEditor kind="invoice" customerId={route.customerId} quoteId={route.quoteId} jobId={route.jobId} />;
    case 'quote':
      return <QuotePage key={route.id} id={route.id} />;
    case 'quoteEdit':
      return <DraftEditor key={route.id} kind="quote" id={route.id} />;
    case 'invoiceEdit':
      return <DraftEditor key={route.id} kind="invoice" id={route.id} />;
    case 'invoice':
      return <InvoicePage key={route.id} id={route.id} />;
  }
}

const NAV: Array<[Route['name'][], string, MessageKey]> = [
  [['today'], paths.today(), 'nav.today'],
  [
    ['customers', 'customer', 'customerNew', 'customerEdit', 'quoteNew', 'invoiceNew', 'quote', 'invoice', 'quoteEdit', 'invoiceEdit'],
    paths.customers(),
    'nav.customers',
  ],
  [['jobs'], paths.jobs(), 'nav.jobs'],
  [['money', 'deposit'], paths.money(), 'nav.money'],
  [['business'], paths.business(), 'nav.business'],
];

export function App(props: { session: StaffSession; liff: LiffBridge | null; lang: Lang }) {
  const [lang, setLang] = useState(props.lang);
  const route = useRoute();
  const t = translator(lang);
  const ctx: StaffContext = { lang, t, staff: props.session.staff, openExternal: props.liff ? (url) => props.liff!.openExternal(url) : null };
  const switchLang = () => {
    const next: Lang = lang === 'th' ? 'en' : 'th';
    rememberLang(next);
    document.documentElement.lang = next;
    setLang(next);
  };
  return (
    <Ctx.Provider value={ctx}>
      <header class="top">
        <span class="who">{props.session.staff.displayName ?? t('app.title')}</span>
        <button type="button" class="lang" lang={lang === 'th' ? 'en' : 'th'} aria-label={t('app.langToggleLabel')} onClick={switchLang}>
          {t('app.langToggle')}
        </button>
        <button
          type="button"
          class="lang"
          onClick={async () => {
            await signOut();
            location.reload();
          }}
        >
          {t('signout')}
        </button>
      </header>
      <Screen route={route} />
      <nav class="tabs" aria-label={t('nav.label')}>
        {NAV.map(([names, to, key]) => (
          <Link key={to} to={to} aria-current={names.includes(route.name) ? 'page' : undefined}>
            {t(key)}
          </Link>
        ))}
      </nav>
    </Ctx.Provider>
  );
}
