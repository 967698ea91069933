/** The portal HTTP API as the app sees it: URL builders and the few calls it makes. */
import type { Lang, PortalBusiness, PortalView } from '../../server/portal/portal-view.ts';
import type { BindResult, BindStatus } from '../../server/services/line-binding.ts';
import type { Translate } from './i18n.ts';

export type { BindResult, BindStatus };

export type Loaded = { kind: 'view'; view: PortalView } | { kind: 'unavailable'; business: PortalBusiness | null; busy?: boolean } | { kind: 'error' };

/** `busy`: too many requests from this network (429): wait, the link itself may be fine. */
export interface UnavailablePayload {
  unavailable: true;
  business: PortalBusiness;
  busy?: boolean;
}

export function isUnavailable(data: unknown): data is UnavailablePayload {
  return typeof data === 'object' && data !== null && (data as { unavailable?: unknown }).unavailable === true;
}

export function toLoaded(data: unknown): Loaded {
  if (isUnavailable(data)) return { kind: 'unavailable', business: data.business ?? null, ...(data.busy === true ? { busy: true } : {}) };
  if (typeof data === 'object' && data !== null && 'scope' in data) return { kind: 'view', view: data as PortalView };
  return { kind: 'error' };
}

const enc = encodeURIComponent;
export const apiBase = (token: string): string => `/api/portal/${enc(token)}`;

export const urls = {
  document: (token: string, id: string, download = false) => `${apiBase(token)}/documents/${enc(id)}${download ? '?download=1' : ''}`,
  /** The statement of account; `year` (Buddhist era) chooses a calendar year instead of the last 12 months. */
  statement: (token: string, id: string, year?: number) => `${apiBase(token)}/documents/${enc(id)}${year ? `?year=${year}` : ''}`,
  documentsZip: (token: string) => `${apiBase(token)}/documents.zip`,
  qr: (token: string, kind: 'invoice' | 'deposit', id: string, download = false) =>
    `${apiBase(token)}/qr/${kind}/${enc(id)}.png${download ? '?download=1' : ''}`,
  events: (token: string) => `${apiBase(token)}/events`,
  lineOa: (oaId: string) => `https://line.me/R/ti/p/${enc(oaId)}`,
};

/** The server's access log tells LIFF from web by this header (EventSource and file links cannot send it). */
const channelHeaders: Record<string, string> = {};
export function markLiffChannel(): void {
  channelHeaders['X-Portal-Channel'] = 'liff';
}
const jsonHeaders = () => ({ 'Content-Type': 'application/json', Accept: 'application/json', ...channelHeaders });

/** GET the view; 410 (or 404) carries `{unavailable, business}`. Network trouble → 'error'. */
export async function fetchView(token: string): Promise<Loaded> {
  try {
    const res = await fetch(apiBase(token), { headers: { Accept: 'application/json', ...channelHeaders }, cache: 'no-store', credentials: 'same-origin' });
    if (res.ok || res.status === 410 || res.status === 404) {
      const body: unknown = await res.json().catch(() => null);
      const loaded = toLoaded(body);
      if (loaded.kind !== 'error' || res.ok) return loaded;
      return { kind: 'unavailable', business: null };
    }
    if (res.status === 429) return { kind: 'unavailable', business: null, busy: true };
    return { kind: 'error' };
  } catch {
    return { kind: 'error' };
  }
}

/** Always answered with the same neutral 202; failures are reported only as "try again". */
export async function requestNewLink(token: string): Promise<boolean> {
  try {
    const res = await fetch('/api/portal/recover', { method: 'POST', headers: jsonHeaders(), body: JSON.stringify({ token }) });
    return res.ok;
  } catch {
    return false;
  }
}

/** The standard error body's useful part: which field, and a sentence in each language. */
export interface ApiError {
  status: number;
  code: string;
  field?: string;
  messages?: { th: string; en: string };
}
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** After acceptance: what to pay next. A quote link stops opening once answered, so the QR comes inline. */
export interface AcceptNextDeposit {
  kind: 'deposit';
  depositId: string;
  number: string;
  amountSatang: number;
  payee: string;
  promptPayPayload: string;
  qrImageUrl: string;
  qrDataUrl: string;
}
export interface AcceptResult {
  status: 'accepted';
  signedDocumentId: string;
  next: AcceptNextDeposit | null;
  /** When the server says when it recorded the signature (ISO-8601). */
  signedAtIso?: string;
}

/** The server's sentence in the client's language; our own words when there is none (offline). */
export function errorText(error: ApiError, lang: Lang, t: Translate): string {
  if (error.messages) return error.messages[lang];
  return t(error.status === 0 ? 'sign.errNetwork' : 'error.generic');
}

/** JSON bodies and multipart forms alike: one reading of the server's answer and its error body. */
async function send<T>(url: string, body: unknown, method: 'POST' | 'PUT' = 'POST'): Promise<ApiResult<T>> {
  let res: Response;
  try {
    const init: RequestInit =
      body instanceof FormData
        ? { method, headers: { Accept: 'application/json', ...channelHeaders }, body, credentials: 'same-origin' }
        : { method, headers: jsonHeaders(), body: JSON.stringify(body), credentials: 'same-origin' };
    res = await fetch(url, init);
  } catch {
    return { ok: false, error: { status: 0, code: 'NETWORK' } };
  }
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

export function acceptQuote(token: string, quoteId: string, body: { name: string; signature: string; consent: true }): Promise<ApiResult<AcceptResult>> {
  return send(`${apiBase(token)}/quotes/${enc(quoteId)}/accept`, body);
}

/** The client's own PromptPay for deposit refunds (customer links only); answers it masked. */
export function saveRefundPromptPay(token: string, promptPayId: string): Promise<ApiResult<{ refundPromptPay: string | null }>> {
  return send(`${apiBase(token)}/refund-promptpay`, { promptPayId }, 'PUT');
}

export function declineQuote(token: string, quoteId: string, reason: string): Promise<ApiResult<{ status: 'declined' }>> {
  return send(`${apiBase(token)}/quotes/${enc(quoteId)}/decline`, reason ? { reason } : {});
}

async function postIdToken<T>(token: string, what: 'status' | 'bind', idToken: string): Promise<T | null> {
  try {
    const res = await fetch(`${apiBase(token)}/line/${what}`, { method: 'POST', headers: jsonHeaders(), body: JSON.stringify({ idToken }) });
    return res.ok ? ((await res.json()) as T) : null;
  } catch {
    return null;
  }
}

/** Whether this LINE account is bound to the link's customer, or could be (then the portal asks). Null: could not tell. */
export function lineStatus(token: string, idToken: string): Promise<BindStatus | null> {
  return postIdToken<BindStatus>(token, 'status', idToken);
}

/** Binds this LINE account; called only after the client said yes. Null: it failed. */
export function bindLine(token: string, idToken: string): Promise<BindResult | null> {
  return postIdToken<BindResult>(token, 'bind', idToken);
}

/** POST the "I have paid" form (multipart: target, amountSatang, slip, withholdingCertificate). */
export function sendPaymentNotice(token: string, form: FormData): Promise<ApiResult<unknown>> {
  return send(`${apiBase(token)}/payment-notices`, form);
}

/** POST the 50 ทวิ sent after the slip (multipart: withholdingCertificate). */
export function sendWithholdingCertificate(token: string, noticeId: string, form: FormData): Promise<ApiResult<unknown>> {
  return send(`${apiBase(token)}/payment-notices/${enc(noticeId)}/withholding-certificate`, form);
}
