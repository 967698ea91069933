import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Lang, PortalView } from '../../server/portal/portal-view.ts';
import { fetchView, urls, type Loaded } from './api.ts';
import { ContactCard } from './contact.tsx';
import { firstLinePrompt, LineConsent, type LinePrompt } from './line-consent.tsx';
import { Portal, usePortal, type PortalContext } from './context.ts';
import { initialLang, rememberLang, translator, type MessageKey, type Translate } from './i18n.ts';
import type { LiffBridge } from './liff/types.ts';
import { connectLive, type LiveStatus, type StageEvent } from './live.ts';
import { hrefFor, parseRoute, paths, readLocation, type PortalLocation, type Route } from './router.ts';
import { Deposits } from './screens/deposits.tsx';
import { Documents, ReceiptList, Receipts } from './screens/documents.tsx';
import { Home } from './screens/home.tsx';
import { InvoicePage, Invoices } from './screens/invoices.tsx';
import { JobPage, Jobs } from './screens/jobs.tsx';
import { QuotePage, Quotes } from './screens/quotes.tsx';
import { Unavailable } from './screens/unavailable.tsx';
import { Link, Section } from './ui.tsx';

export interface AppProps {
  initial: Loaded;
  loc: PortalLocation;
  liff: LiffBridge | null;
}

function applyStage(view: PortalView, ev: StageEvent): PortalView {
  return {
    ...view,
    jobs: view.jobs.map((job) => {
      if (job.id !== ev.jobId) return job;
      const seen = job.history.some((h) => h.stage === ev.stage && h.at === ev.at);
      return { ...job, stage: ev.stage, history: seen ? job.history : [...job.history, { stage: ev.stage, at: ev.at, note: ev.note }] };
    }),
  };
}

export function App({ initial, loc, liff }: AppProps) {
  const [loaded, setLoaded] = useState<Loaded>(initial);
  const view = loaded.kind === 'view' ? loaded.view : null;
  const [lang, setLang] = useState<Lang>(() => initialLang(view?.customer.language));
  const [sub, setSub] = useState(loc.sub);
  const [live, setLive] = useState<LiveStatus | 'off'>('off');
  const [friendPrompt, setFriendPrompt] = useState(false);
  const [linePrompt, setLinePrompt] = useState<LinePrompt | null>(null);
  const firstRender = useRef(true);
  const token = loc.token ?? '';
  const t = useMemo(() => translator(lang), [lang]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // Back/forward buttons: re-render the entry and put the scroll position back where it was.
  const restoreY = useRef<number | null>(null);
  useEffect(() => {
    history.scrollRestoration = 'manual';
    const onPop = (e: PopStateEvent) => {
      const y = (e.state as { y?: unknown } | null)?.y;
      restoreY.current = typeof y === 'number' ? y : null;
      setSub(readLocation().sub);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // After each navigation: title, focus for screen readers, scroll position.
  useEffect(() => {
    const h1 = document.getElementById('page-title');
    const business = view ? (lang === 'th' ? view.business.name : view.business.nameEn) : '';
    document.title = [h1?.textContent, business].filter(Boolean).join(' · ');
    if (firstRender.current) {
      firstRender.current = false;
      if (!location.hash) return;
    }
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (restoreY.current !== null) {
      window.scrollTo(0, restoreY.current);
      restoreY.current = null;
      h1?.focus({ preventScroll: true });
    } else if (target) {
      target.scrollIntoView();
      target.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
    } else {
      window.scrollTo(0, 0);
      h1?.focus({ preventScroll: true });
    }
  }, [sub, lang, loaded.kind]);

  const resync = async () => {
    const next = await fetchView(token);
    if (next.kind !== 'error') setLoaded(next);
  };

  // Live job stages and payment changes; after a dropped connection, refetch everything to catch up.
  const hasJobs = !!view && view.jobs.length > 0;
  const hasMoney = !!view && [...view.invoices, ...view.deposits].some((r) => r.pay || r.pendingNotices.length > 0);
  const wantsLive = hasJobs || hasMoney;
  useEffect(() => {
    if (!wantsLive || !token) return;
    let resyncTimer: ReturnType<typeof setTimeout> | undefined;
    const stop = connectLive(token, {
      onStage: (ev) => {
        setLoaded((prev) => (prev.kind === 'view' ? { kind: 'view', view: applyStage(prev.view, ev) } : prev));
        // Derived fields (timing, balances) come from the server: refresh them shortly after.
        clearTimeout(resyncTimer);
        resyncTimer = setTimeout(resync, 1500);
      },
      onResync: () => void resync(),
      onStatus: setLive,
    });
    return () => {
      clearTimeout(resyncTimer);
      stop();
    };
  }, [wantsLive, token]);

  // Inside LINE, on a customer-wide link: ask before binding this LINE account (only "Yes" binds;
  // the server verifies the ID token), and suggest adding the OA to a client who has not.
  useEffect(() => {
    if (!liff || !view || !token) return;
    const idToken = liff.idToken();
    if (idToken && view.scope === 'customer') {
      void firstLinePrompt(token, idToken).then((first) => {
        if (first?.kind === 'friend') setFriendPrompt(true);
        else if (first) setLinePrompt(first);
      });
    }
    if (view.business.lineOaId) void liff.isFriend().then((friend) => friend === false && setFriendPrompt(true));
  }, [liff, !!view]);

  const toggleLang = () => {
    const next: Lang = lang === 'th' ? 'en' : 'th';
    rememberLang(next);
    setLang(next);
  };

  const header = (
    <header class="topbar">
      {view?.business.logoUrl && <img class="brand-logo" src={view.business.logoUrl} alt="" width={32} height={32} />}
      <span class="brand">
        {view
          ? lang === 'th'
            ? view.business.name
            : view.business.nameEn
          : loaded.kind === 'unavailable' && loaded.business
            ? lang === 'th'
              ? loaded.business.name
              : loaded.business.nameEn
            : ''}
      </span>
      <button type="button" class="lang" onClick={toggleLang} aria-label={t('lang.toggleLabel')} lang={lang === 'th' ? 'en' : 'th'}>
        {t('lang.toggle')}
      </button>
    </header>
  );

  if (!view) {
    return (
      <>
        {header}
        <main id="main" class="main">
          {loaded.kind === 'unavailable' ? <Unavailable business={loaded.business} busy={loaded.busy === true} token={loc.token} t={t} /> : <ErrorPage t={t} />}
        </main>
      </>
    );
  }

  const ctx: PortalContext = {
    view,
    token,
    lang,
    t,
    liff,
    live,
    href: (to) => hrefFor(loc, to),
    navigate: (to, opts) => {
      const url = hrefFor(loc, to);
      if (opts?.replace) history.replaceState(null, '', url);
      else {
        history.replaceState({ y: window.scrollY }, '');
        history.pushState(null, '', url);
      }
      setSub(readLocation().sub);
    },
    documentsById: new Map(view.documents.map((d) => [d.id, d])),
    refresh: resync,
  };
  const route = parseRoute(sub);
  const customerScope = view.scope === 'customer';

  return (
    <Portal.Provider value={ctx}>
      {header}
      {linePrompt && (
        <LineConsent
          prompt={linePrompt}
          token={token}
          customer={view.customer.name}
          business={lang === 'th' ? view.business.name : view.business.nameEn}
          oaId={view.business.lineOaId}
          t={t}
          onChange={(next) => {
            setLinePrompt(next);
            // The "done" note carries its own add-friend button.
            if (next?.kind === 'done' && !next.following) setFriendPrompt(false);
          }}
        />
      )}
      {!linePrompt && friendPrompt && view.business.lineOaId && (
        <FriendBanner
          oaId={view.business.lineOaId}
          name={lang === 'th' ? view.business.name : view.business.nameEn}
          t={t}
          onDismiss={() => setFriendPrompt(false)}
        />
      )}
      <main id="main" class={customerScope ? 'main with-tabs' : 'main'}>
        {customerScope ? <CustomerScreen route={route} /> : <ScopedScreen view={view} t={t} />}
        <ContactCard business={view.business} t={t} />
      </main>
      {customerScope && <TabBar route={route} t={t} />}
    </Portal.Provider>
  );
}

function CustomerScreen({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <Home />;
    case 'jobs':
      return <Jobs tab={route.tab} />;
    case 'job':
      return <JobPage id={route.id} />;
    case 'invoices':
      return <Invoices />;
    case 'invoice':
      return <InvoicePage id={route.id} />;
    case 'quotes':
      return <Quotes />;
    case 'quote':
      return <QuotePage id={route.id} />;
    case 'deposits':
      return <Deposits />;
    case 'receipts':
      return <Receipts />;
    case 'documents':
      return <Documents />;
    case 'notFound':
      return <NotFound />;
  }
}

/** A quote or invoice link sees exactly one record, whatever path it was opened with. */
function ScopedScreen({ view, t }: { view: PortalView; t: Translate }) {
  if (view.scope === 'quote') {
    const quote = view.quotes[0];
    return quote ? <QuotePage id={quote.id} standalone /> : <NotFound />;
  }
  const invoice = view.invoices[0];
  if (!invoice) return <NotFound />;
  return (
    <>
      <InvoicePage id={invoice.id} standalone />
      {view.receipts.length > 0 && (
        <Section title={t('receipts.title')}>
          <ReceiptList />
        </Section>
      )}
    </>
  );
}

function NotFound() {
  const { t, view } = usePortal();
  return (
    <div class="card center">
      <h1 id="page-title" tabIndex={-1}>
        {t('notFound.title')}
      </h1>
      {view.scope === 'customer' && (
        <Link to={paths.home()} class="btn btn-primary">
          {t('notFound.home')}
        </Link>
      )}
    </div>
  );
}

function ErrorPage({ t }: { t: Translate }) {
  return (
    <div class="card center">
      <h1 id="page-title" tabIndex={-1}>
        {t('error.title')}
      </h1>
      <p>{t('error.body')}</p>
      <button type="button" class="btn btn-primary" onClick={() => location.reload()}>
        {t('error.retry')}
      </button>
    </div>
  );
}

function FriendBanner({ oaId, name, t, onDismiss }: { oaId: string; name: string; t: Translate; onDismiss: () => void }) {
  return (
    <aside class="friend" aria-label={t('friend.add')}>
      <p>{t('friend.text', { name })}</p>
      <div class="friend-actions">
        <a class="btn btn-line" href={urls.lineOa(oaId)}>
          {t('friend.add')}
        </a>
        <button type="button" class="icon-btn" onClick={onDismiss} aria-label={t('friend.dismiss')}>
          ×
        </button>
      </div>
    </aside>
  );
}

type Tab = { to: string; label: MessageKey; icon: string; match: Route['name'][] };
const TABS: Tab[] = [
  { to: paths.home(), label: 'nav.home', icon: 'M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10', match: ['home'] },
  {
    to: paths.jobs(),
    label: 'nav.jobs',
    icon: 'M2 6h12v11H2zM14 10h4l4 4v3h-8M6 20a2 2 0 100-4 2 2 0 000 4zM18 20a2 2 0 100-4 2 2 0 000 4z',
    match: ['jobs', 'job'],
  },
  { to: paths.invoices(), label: 'nav.invoices', icon: 'M6 2h12v20l-3-2-3 2-3-2-3 2zM9 7h6M9 11h6M9 15h4', match: ['invoices', 'invoice', 'receipts'] },
  { to: paths.deposits(), label: 'nav.deposits', icon: 'M12 2l8 3v6c0 5-3.5 9-8 11-4.5-2-8-6-8-11V5z', match: ['deposits'] },
  { to: paths.documents(), label: 'nav.documents', icon: 'M6 2h8l5 5v15H6zM14 2v5h5M9 13h7M9 17h7', match: ['documents', 'quotes', 'quote'] },
];

function TabBar({ route, t }: { route: Route; t: Translate }) {
  return (
    <nav class="tabbar" aria-label={t('nav.label')}>
      {TABS.map((tab) => {
        const on = tab.match.includes(route.name);
        return (
          <Link key={tab.to} to={tab.to} class={on ? 'tabbar-item on' : 'tabbar-item'} aria-current={on ? 'page' : undefined}>
            <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
              <path d={tab.icon} />
            </svg>
            <span>{t(tab.label)}</span>
          </Link>
        );
      })}
    </nav>
  );
}
