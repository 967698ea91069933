/**
 * Typed calls to the admin API, keyed by operationId: the request and the answer are typed from
 * the route's zod schemas, so a test that reads a field the API does not declare fails to compile.
 * `adminOp` answers `{ ok, status, body }` (body: the DTO when ok, the error body otherwise);
 * `adminOk` expects the declared success status and returns the DTO, throwing with the error body
 * otherwise (for set-up steps).
 */
import { ADMIN_ROUTES, type AdminOperations } from '../../server/http/admin/admin-api.ts';
import type { AdminRoute } from '../../server/http/admin/admin-route.ts';

export type AdminOpName = keyof AdminOperations;

type Parts<R> = R extends AdminRoute<infer P, infer B, infer Q, infer Res, string> ? { params: P; body: B; query: Q; response: Res } : never;
type Part<K extends AdminOpName, F extends keyof Parts<AdminOperations[AdminOpName]>> = Parts<AdminOperations[K]>[F];

/** Routes without path parameters or body take none; a body with only optional fields may be left out. */
export type AdminOpRequest<K extends AdminOpName> = (unknown extends Part<K, 'params'> ? { params?: never } : { params: Part<K, 'params'> }) &
  // biome-ignore lint/complexity/noBannedTypes: `{} extends T` is how a type asks "may this part be omitted?".
  (unknown extends Part<K, 'body'> ? { body?: never } : {} extends Part<K, 'body'> ? { body?: Part<K, 'body'> } : { body: Part<K, 'body'> }) &
  (unknown extends Part<K, 'query'>
    ? { query?: never }
    : { query?: { [F in keyof Part<K, 'query'>]?: string | number | boolean } }) /** Extra request headers, e.g. `Idempotency-Key`. */ & {
    headers?: Record<string, string>;
  };

export type AdminResponse<K extends AdminOpName> = Part<K, 'response'>;

export interface AdminErrorBody {
  error: { code: string; message: string; field?: string; messages?: { th: string; en: string }; [detail: string]: unknown };
}

export type AdminOpReply<K extends AdminOpName> =
  | { ok: true; status: number; body: AdminResponse<K>; headers: Headers }
  | { ok: false; status: number; body: AdminErrorBody; headers: Headers };

// biome-ignore lint/complexity/noBannedTypes: `{} extends T` is how a type asks "may this part be omitted?".
type OptionalArg<K extends AdminOpName> = {} extends AdminOpRequest<K> ? [request?: AdminOpRequest<K>] : [request: AdminOpRequest<K>];

export interface AdminClient {
  adminOp<K extends AdminOpName>(name: K, ...request: OptionalArg<K>): Promise<AdminOpReply<K>>;
  adminOk<K extends AdminOpName>(name: K, ...request: OptionalArg<K>): Promise<AdminResponse<K>>;
}

const routesById = new Map(ADMIN_ROUTES.map((r) => [r.operationId, r]));

export function adminClient(baseUrl: string, apiKey: string): AdminClient {
  return clientWithHeaders(baseUrl, { authorization: `Bearer ${apiKey}` });
}

/** The same typed client, signed in as a staff app session (cookie plus the CSRF header the staff app sends). */
export function staffSessionClient(baseUrl: string, sessionToken: string): AdminClient {
  return clientWithHeaders(baseUrl, { cookie: `staff_session=${sessionToken}`, 'x-staff-app': '1' });
}

function clientWithHeaders(baseUrl: string, authHeaders: Record<string, string>): AdminClient {
  async function adminOp<K extends AdminOpName>(name: K, ...[request]: OptionalArg<K>): Promise<AdminOpReply<K>> {
    const route = routesById.get(name);
    if (!route) throw new Error(`no admin operation ${name}`);
    const { params, body, query, headers } = (request ?? {}) as {
      params?: Record<string, string>;
      body?: unknown;
      query?: Record<string, unknown>;
      headers?: Record<string, string>;
    };
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, (_m, key: string) => encodeURIComponent(String(params?.[key])));
    const search = new URLSearchParams(
      Object.entries(query ?? {})
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    ).toString();
    const res = await fetch(`${baseUrl}/api/admin${path}${search ? `?${search}` : ''}`, {
      method: route.method.toUpperCase(),
      headers: { ...authHeaders, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    const ok = res.status === (route.successStatus ?? 200);
    return ok ? { ok: true, status: res.status, body: json, headers: res.headers } : { ok: false, status: res.status, body: json, headers: res.headers };
  }
  async function adminOk<K extends AdminOpName>(name: K, ...request: OptionalArg<K>): Promise<AdminResponse<K>> {
    const reply = await adminOp(name, ...request);
    if (!reply.ok) throw new Error(`${name} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body;
  }
  return { adminOp, adminOk };
}
