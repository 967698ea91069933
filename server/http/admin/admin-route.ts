/**
 * Admin API routes are declared once, as data: method, path, zod schemas and handler. The same
 * declarations build the Express router (parsing every input with zod) and the OpenAPI document,
 * so the documentation cannot drift from what the code accepts — or from what it answers: every
 * route declares its success body (`response`), which OpenAPI publishes and which is checked
 * against each real answer outside production.
 */
import { Router, type Request } from 'express';
import { z, type ZodType } from 'zod';
import type { AppContext } from '../../services/context.ts';
import { conflict, DomainError } from '../../domain/errors.ts';
import { checkIdempotencyKey, IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_TTL_MS, requestHash, runIdempotent } from '../../services/idempotent-request.ts';
import { CERTIFICATE_TYPES } from '../../payments/sniff-upload.ts';

export interface AdminHandlerInput<P, B, Q> {
  params: P;
  body: B;
  query: Q;
  req: Request;
  ctx: AppContext;
  /** Who is acting, recorded by use cases that keep it ('admin-api' for the key, 'staff-app:<staffId>' for a staff session). */
  actor: string;
}

// biome-ignore lint/suspicious/noExplicitAny: a route list mixes routes of every shape; each route is typed where adminRoute() declares it.
export interface AdminRoute<P = any, B = any, Q = any, R = any, Id extends string = string> {
  /** Stable name of the operation (OpenAPI `operationId`; the typed test client is keyed by it). */
  operationId: Id;
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** Express path relative to /api/admin, e.g. '/customers/:id'. */
  path: string;
  summary: string;
  tag: string;
  params?: ZodType<P>;
  body?: ZodType<B>;
  query?: ZodType<Q>;
  /** Status of a successful answer (default 200). */
  successStatus?: number;
  /** Other statuses this route answers with, documented in OpenAPI. */
  errors?: number[];
  /**
   * A raw (non-JSON) response such as a PDF: the handler returns `RawBody` (see `rawBody`) and the
   * router sends its bytes with this content type.
   */
  raw?: { contentType: string };
  /** The success body: a DTO schema (strict objects, ISO date strings, satang integers). */
  response: ZodType<R>;
  /**
   * The route records money: it accepts `Idempotency-Key`, and with one the handler runs inside a
   * transaction that also stores its answer (services/idempotent-request.ts). The handler must
   * write only through the `ctx` it is given (its use case's `ctx.db.$transaction` then joins
   * that transaction) and must not publish anything outside it before returning.
   */
  idempotent?: boolean;
  /** Only the owner may call it (the bearer key acts as the owner); a staff session gets 403. */
  ownerOnly?: boolean;
  handler: (input: AdminHandlerInput<P, B, Q>) => Promise<R>;
}

export function adminRoute<Id extends string, P, B, Q, R>(route: AdminRoute<P, B, Q, R, Id>): AdminRoute<P, B, Q, R, Id> {
  return route;
}

/** What a `raw` route's handler returns. */
export const rawBody = z.strictObject({
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be bytes'),
  fileName: z.string().optional(),
  /** The bytes' own type, where the route serves more than one (stored uploads). */
  contentType: z.enum(CERTIFICATE_TYPES).optional(),
});
export type RawBody = z.infer<typeof rawBody>;

/**
 * Outside production every answer is parsed with its route's schema before it is sent. DTO
 * schemas are strict, so a Prisma row leaking an extra column, a Date where an ISO string is
 * promised or a missing field fails the request with a 500 — and so the test that made it. In
 * production the check is skipped: it costs a parse per request and a drift there should not
 * turn a correct write into an error answer.
 */
function checkResponse(route: AdminRoute, result: unknown, enabled: boolean): unknown {
  if (!enabled) return result;
  const parsed = route.response.safeParse(result);
  if (parsed.success) return parsed.data;
  // A plain Error, not the ZodError: the error mapper would turn that into a 400 blaming the caller.
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new Error(`Response of ${route.operationId} does not match its schema: ${issues}`);
}

/** The caller's identity for idempotency scopes and "who did it", set by the caller check (admin-api.ts). */
export function callerIdentity(locals: Record<string, unknown>): string {
  return typeof locals.callerId === 'string' ? locals.callerId : 'admin';
}

function actorOf(locals: Record<string, unknown>): string {
  return typeof locals.actor === 'string' ? locals.actor : 'admin-api';
}

/** Refuses an owner-only route to anyone the caller check did not mark as the owner. */
function checkRole(route: AdminRoute, locals: Record<string, unknown>): void {
  if (route.ownerOnly && locals.callerRole !== 'owner') {
    throw new DomainError('FORBIDDEN', `Only the owner may call ${route.operationId}`, { reason: 'owner_only' });
  }
}

export function buildAdminRouter(routes: AdminRoute[], ctx: AppContext): Router {
  const router = Router();
  const checkResponses = ctx.config.env !== 'production';
  // Keys whose first request is still running in this process: a second request with the same key
  // gets a 409 at once instead of waiting (and then replaying). Across processes the unique
  // (scope, key) row decides, see runIdempotent.
  const running = new Set<string>();
  for (const route of routes) {
    if (route.idempotent && route.raw) throw new Error(`${route.operationId}: a raw route cannot be idempotent`);
    // Express 5 hands a rejected promise to the error mapper itself: no wrapper needed.
    router[route.method](route.path, async (req, res) => {
      checkRole(route, res.locals);
      const headerKey = route.idempotent ? req.get(IDEMPOTENCY_HEADER) : undefined;
      const key = headerKey === undefined ? null : checkIdempotencyKey(headerKey);
      const params = route.params ? route.params.parse(req.params) : req.params;
      const body = route.body ? route.body.parse(req.body ?? {}) : undefined;
      const query = route.query ? route.query.parse(req.query) : req.query;
      const run = async (runCtx: AppContext) =>
        checkResponse(route, await route.handler({ params, body, query, req, ctx: runCtx, actor: actorOf(res.locals) }), checkResponses);
      const status = route.successStatus ?? 200;
      if (key !== null) {
        const scope = `${route.operationId}:${callerIdentity(res.locals)}`;
        const slot = `${scope}\n${key}`;
        if (running.has(slot)) {
          throw conflict(`A request with this ${IDEMPOTENCY_HEADER} is still being processed; retry once it has finished`, { field: IDEMPOTENCY_HEADER });
        }
        running.add(slot);
        try {
          const answer = await runIdempotent(ctx, { scope, key, requestHash: requestHash({ params, body }) }, async (joined) => ({
            status,
            body: await run(joined),
          }));
          if (answer.replayed) res.setHeader('Idempotent-Replayed', 'true');
          if (answer.status === 204) res.status(204).end();
          else res.status(answer.status).json(answer.body);
        } finally {
          running.delete(slot);
        }
        return;
      }
      const result = await run(ctx);
      if (route.raw) {
        const { bytes, fileName, contentType } = result as RawBody;
        res.type(contentType ?? route.raw.contentType);
        if (fileName) res.setHeader('Content-Disposition', `inline; filename="${fileName}"`);
        res.send(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes));
        return;
      }
      if (status === 204) res.status(204).end();
      else res.status(status).json(result);
    });
  }
  return router;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `error.field` names the offending field. Nothing was changed.',
  401: 'Missing or wrong `Authorization: Bearer <ADMIN_API_KEY>`, and no valid staff app session cookie.',
  403: 'With a staff session: a write without the CSRF header `X-Staff-App: 1` (or from another Origin), or an owner-only operation called by staff. Nothing was changed.',
  404: 'No such record.',
  409: 'Not allowed in the record’s current state (or changed concurrently). Nothing was changed.',
  422: 'The `Idempotency-Key` was already used with a different request. Nothing was changed.',
  503: 'Not set up yet (e.g. no business profile).',
};

function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function jsonSchema(schema: ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    // `format: date-time` says it all; zod's long regex for it would only bury the document.
    override: ({ jsonSchema }) => {
      if (jsonSchema.format === 'date-time') delete jsonSchema.pattern;
    },
  }) as Record<string, unknown>;
  return rest;
}

export function buildOpenApi(routes: AdminRoute[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = toOpenApiPath(`/api/admin${route.path}`);
    const parameters: unknown[] = [];
    if (route.params) {
      const shape = jsonSchema(route.params) as { properties?: Record<string, unknown> };
      for (const [name, schema] of Object.entries(shape.properties ?? {})) {
        parameters.push({ name, in: 'path', required: true, schema });
      }
    }
    if (route.query) {
      const shape = jsonSchema(route.query) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(shape.properties ?? {})) {
        parameters.push({ name, in: 'query', required: shape.required?.includes(name) ?? false, schema });
      }
    }
    if (route.idempotent) {
      parameters.push({
        name: IDEMPOTENCY_HEADER,
        in: 'header',
        required: false,
        description:
          `Any unique string (a UUID is fine) for this one request. A retry with the same key within ${IDEMPOTENCY_KEY_TTL_MS / 3_600_000} h ` +
          'returns the first answer again (header `Idempotent-Replayed: true`) and records nothing new; the same key with a ' +
          'different body is 422; while the first request with the key is still running, 409. Without the header every request records money.',
        schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7e]+$' },
      });
    }
    const status = String(route.successStatus ?? 200);
    const responses: Record<string, unknown> = {
      [status]: route.raw
        ? { description: 'OK', content: { [route.raw.contentType]: { schema: { type: 'string', format: 'binary' } } } }
        : status === '204'
          ? { description: 'Done' }
          : { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } },
    };
    const staffRefusal = route.ownerOnly || route.method !== 'get' ? [403] : [];
    const errors = [400, 401, ...staffRefusal, ...(route.errors ?? []), ...(route.idempotent ? [409, 422] : [])];
    for (const code of [...new Set(errors)].sort((a, b) => a - b)) {
      responses[String(code)] = {
        description: ERROR_DESCRIPTIONS[code] ?? 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    paths[path] ??= {};
    paths[path][route.method] = {
      operationId: route.operationId,
      tags: [route.tag],
      summary: route.ownerOnly ? `${route.summary} (owner only)` : route.summary,
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      ...info,
      description:
        'Back-office API of the client portal. Amounts are integers in satang (1 baht = 100 satang) in fields ending `Satang`. Calendar dates are `YYYY-MM-DD` in Bangkok time.',
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }, { staffSession: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'ADMIN_API_KEY (acts as the owner)' },
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'staff_session',
          description:
            'Staff app session from POST /api/staff/session (LIFF ID token). Requests that change data must also send `X-Staff-App: 1`; owner-only operations answer 403 to staff.',
        },
      },
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } },
              required: ['code', 'message'],
            },
          },
        },
      },
    },
    paths,
  };
}
