/** Boot: sign in (session.ts), then the app; or the "not staff" / sign-in screens. */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { errorText } from './api.ts';
import { App } from './app.tsx';
import { initialLang, translator, type Lang } from './i18n.ts';
import { loginWithLine, startSession, type SignedIn } from './session.ts';

function Gate({ first, lang }: { first: SignedIn; lang: Lang }) {
  const [state, setState] = useState(first);
  const t = translator(lang);
  if (state.kind === 'signedIn') return <App session={state.session} liff={state.liff} lang={lang} />;
  let title: string;
  let body: string | null = null;
  if (state.kind === 'notStaff') {
    title = t('notStaff.title');
    body = t('notStaff.body');
  } else if (state.kind === 'notSetUp') title = t('signin.notSetUp');
  else if (state.kind === 'failed') {
    title = t('signin.failed');
    body = state.error ? errorText(state.error, lang, t('app.errorGeneric'), t('app.errorNetwork')) : t('app.errorNetwork');
  } else title = t('signin.login');
  const liff = state.kind === 'needsLogin' ? state.liff : null;
  return (
    <main class="page gate">
      <h1>{title}</h1>
      {body && <p>{body}</p>}
      {liff && (
        <button type="button" class="primary line" onClick={async () => setState(await loginWithLine(liff))}>
          {t('signin.login')}
        </button>
      )}
      {state.kind === 'failed' && (
        <button type="button" class="primary" onClick={() => location.reload()}>
          {t('app.retry')}
        </button>
      )}
    </main>
  );
}

async function boot(root: HTMLElement) {
  const lang = initialLang();
  document.documentElement.lang = lang;
  root.textContent = '';
  render(
    <p class="loading" role="status" aria-busy="true">
      {translator(lang)('signin.busy')}
    </p>,
    root,
  );
  const first = await startSession();
  render(<Gate first={first} lang={lang} />, root);
}

void boot(document.getElementById('app')!);
