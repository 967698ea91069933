/**
 * The staff app's HTTP client. It signs in once (POST /api/staff/session with the LINE ID token;
 * the server answers with an httpOnly cookie) and then calls the admin API with that cookie and
 * `X-Staff-App: 1`, the header the server requires before it honours the cookie (a cross-site
 * form cannot send it).
 */
import type { Lang } from '../../server/domain/labels.ts';

export type Role = 'owner' | 'staff';
export interface StaffMember {
  id: string;
  displayName: string | null;
  role: Role;
}
export interface StaffSession {
  staff: StaffMember;
  expiresAt: string;
}

/** The server's error body, reduced to what the app shows: which field, and a sentence per language. */
export interface ApiError {
  status: number;
  code: string;
  field?: string;
  messages?: { th: string; en: string };
}
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

const STAFF_HEADERS = { Accept: 'application/json', 'X-Staff-App': '1' };

async function call<T>(method: string, url: string, body?: unknown, extra: Record<string, string> = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? { ...STAFF_HEADERS, ...extra } : { ...STAFF_HEADERS, 'Content-Type': 'application/json', ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, error: { status: 0, code: 'NETWORK' } };
  }
  if (res.status === 204) return { ok: true, data: undefined as T };
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, data: data as T };
  const error = (data as { error?: Partial<ApiError> } | null)?.error;
  return {
    ok: false,
    error: {
      status: res.status,
      code: typeof error?.code === 'string' ? error.code : 'HTTP',
      ...(typeof error?.field === 'string' ? { field: error.field } : {}),
      ...(error?.messages && typeof error.messages.th === 'string' && typeof error.messages.en === 'string' ? { messages: error.messages } : {}),
    },
  };
}

export const signIn = (idToken: string) => call<StaffSession>('POST', '/api/staff/session', { idToken });
export const currentSession = () => call<StaffSession>('GET', '/api/staff/me');
export const signOut = () => call<void>('DELETE', '/api/staff/session');

const enc = encodeURIComponent;
const admin = (path: string) => `/api/admin${path}`;

/** GET, POST, PATCH, PUT on the admin API (path relative to /api/admin). */
export const api = {
  get: <T>(path: string) => call<T>('GET', admin(path)),
  post: <T>(path: string, body: unknown = {}, headers?: Record<string, string>) => call<T>('POST', admin(path), body, headers),
  patch: <T>(path: string, body: unknown) => call<T>('PATCH', admin(path), body),
  put: <T>(path: string, body: unknown) => call<T>('PUT', admin(path), body),
  del: <T>(path: string) => call<T>('DELETE', admin(path)),
};

/** Money-recording calls carry an Idempotency-Key, so a double tap or a retry records once. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}

/** Any document's PDF (quote.<id>, invoice.<id>, receipt.<id>, …); a read, so the cookie alone opens it. */
export function pdfUrl(documentId: string): string {
  return admin(`/documents/${enc(documentId)}`);
}

export function errorText(error: ApiError, lang: Lang, generic: string, network: string): string {
  if (error.messages) return error.messages[lang];
  return error.status === 0 ? network : generic;
}

export { enc };
