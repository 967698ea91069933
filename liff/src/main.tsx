/**
 * Boot. Web path (`/c/<token>/…`): the server embedded the data, so the first paint needs
 * no second request and no LIFF code is downloaded. LINE path (`/liff…`): load the LIFF SDK
 * chunk, `await liff.init` before touching the URL, take the portal path from `liff.state`
 * (or the path LIFF redirected to), then fetch the data.
 */
import { render } from 'preact';
import type { PortalView } from '../../server/portal/portal-view.ts';
import { fetchView, markLiffChannel, toLoaded, type Loaded } from './api.ts';
import { App } from './app.tsx';
import { initialLang, translator } from './i18n.ts';
import { loadLiff } from './liff/bridge.ts';
import type { LiffBridge } from './liff/types.ts';
import { hrefFor, readLocation } from './router.ts';

function readEmbedded(): unknown {
  const text = document.getElementById('portal-data')?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function liffIdFrom(embedded: unknown): string | null {
  const meta = document.querySelector('meta[name="liff-id"]')?.getAttribute('content');
  if (meta) return meta;
  const liff = (embedded as Partial<PortalView> | null)?.liff;
  return liff?.liffId ?? null;
}

function Loading() {
  const t = translator(initialLang(undefined));
  return (
    <p class="boot" role="status" aria-busy="true">
      {t('app.loading')}
    </p>
  );
}

async function boot(root: HTMLElement) {
  const embedded = readEmbedded();
  let loc = readLocation();
  const unknownLink: Loaded = { kind: 'unavailable', business: null };

  if (!loc.prefix) {
    const initial = embedded !== null ? toLoaded(embedded) : loc.token ? await fetchView(loc.token) : unknownLink;
    root.textContent = '';
    render(<App initial={initial} loc={loc} liff={null} />, root);
    return;
  }

  markLiffChannel();
  root.textContent = '';
  render(<Loading />, root);
  const initialData = embedded !== null ? toLoaded(embedded) : null;
  // Only fetch before init when LIFF has already moved us to the final path (no redirect coming).
  const early = !initialData && loc.token && !loc.fromLiffState ? fetchView(loc.token) : null;
  const liffId = initialData?.kind === 'unavailable' ? null : liffIdFrom(embedded);
  let liff: LiffBridge | null = null;
  if (liffId) {
    try {
      liff = await loadLiff(liffId, window.__LIFF_MOCK__);
    } catch (err) {
      console.warn('LIFF init failed; continuing as a web page', err);
    }
  }
  loc = readLocation();
  if (loc.token && loc.fromLiffState) {
    history.replaceState(null, '', hrefFor(loc, loc.sub));
    loc = readLocation();
  }
  const initial = initialData ?? (early ? await early : loc.token ? await fetchView(loc.token) : unknownLink);
  render(<App initial={initial} loc={loc} liff={liff} />, root);
}

void boot(document.getElementById('app')!);
