/**
 * Signing in. A session cookie from earlier is used as it is. Otherwise: inside LINE, `liff.init`
 * then the ID token goes to POST /api/staff/session; outside LINE, LINE Login first (a redirect
 * that comes back here), then the same. The server verifies the token with LINE and answers 403
 * for anyone who is not (or no longer) enrolled staff.
 */
import { currentSession, signIn, type ApiError, type StaffSession } from './api.ts';
import { loadLiff } from '../src/liff/bridge.ts';
import type { LiffBridge } from '../src/liff/types.ts';
import { BASE } from './router.ts';

export type SignedIn =
  | { kind: 'signedIn'; session: StaffSession; liff: LiffBridge | null }
  | { kind: 'notStaff' }
  | { kind: 'notSetUp' }
  /** Redirected to LINE Login, or LINE gave no token: the screen offers the login button. */
  | { kind: 'needsLogin'; liff: LiffBridge }
  | { kind: 'failed'; error: ApiError | null };

function staffLiffId(): string | null {
  return document.querySelector('meta[name="liff-id"]')?.getAttribute('content') ?? null;
}

/** LINE opened the endpoint with the target in `liff.state`: go there (within the app) once init resolved. */
function followLiffState(): void {
  const state = new URLSearchParams(location.search).get('liff.state');
  if (state === null) return;
  const target = state.startsWith('/') ? state : `/${state}`;
  history.replaceState(null, '', target.startsWith(BASE) ? target : `${BASE}${target === '/' ? '' : target}`);
}

async function withToken(liff: LiffBridge, idToken: string): Promise<SignedIn> {
  const r = await signIn(idToken);
  if (r.ok) return { kind: 'signedIn', session: r.data, liff };
  if (r.error.status === 403) return { kind: 'notStaff' };
  return { kind: 'failed', error: r.error };
}

export async function startSession(): Promise<SignedIn> {
  const liffId = staffLiffId();
  const mock = window.__LIFF_MOCK__;
  if (!liffId && !mock) {
    const existing = await currentSession();
    return existing.ok ? { kind: 'signedIn', session: existing.data, liff: null } : { kind: 'notSetUp' };
  }
  let liff: LiffBridge;
  try {
    liff = await loadLiff(liffId ?? 'mock-liff-id', mock);
  } catch {
    return { kind: 'failed', error: null };
  }
  followLiffState();
  const idToken = liff.idToken();
  if (idToken) return withToken(liff, idToken);
  const existing = await currentSession();
  if (existing.ok) return { kind: 'signedIn', session: existing.data, liff };
  // Outside LINE: straight to LINE Login, once; if it comes back without a token, the button is there.
  if (!sessionStorage.getItem(LOGIN_TRIED)) {
    sessionStorage.setItem(LOGIN_TRIED, '1');
    return loginWithLine(liff);
  }
  return { kind: 'needsLogin', liff };
}

const LOGIN_TRIED = 'staff-login-tried';

/** The login button: LINE Login, then the token (the mock logs in on the spot; LINE redirects back). */
export async function loginWithLine(liff: LiffBridge): Promise<SignedIn> {
  liff.login();
  const idToken = liff.idToken();
  return idToken ? withToken(liff, idToken) : { kind: 'needsLogin', liff };
}
