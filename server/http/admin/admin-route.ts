/**
 * Admin API routes are declared once, as data: method, path, zod schemas and handler. The same
 * declarations build the Express router (parsing every input with zod) and the OpenAPI document,
 * so the documentation cannot drift from what the code accepts.
 */
import { Router, type Request } from 'express';
import { z, type ZodType } from 'zod';
import { asyncHandler } from '../errors.ts';
import type { AppContext } from '../../services/context.ts';

export interface AdminHandlerInput<P, B, Q> {
  params: P;
  body: B;
  query: Q;
  req: Request;
  ctx: AppContext;
}

export interface AdminRoute<P = any, B = any, Q = any> {
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
  /** A raw (non-JSON) response such as a PDF: the handler writes to res itself. */
  raw?: { contentType: string };
  handler: (input: AdminHandlerInput<P, B, Q>) => Promise<unknown>;
}

export function adminRoute<P, B, Q>(route: AdminRoute<P, B, Q>): AdminRoute<P, B, Q> {
  return route;
}

export function buildAdminRouter(routes: AdminRoute[], ctx: AppContext): Router {
  const router = Router();
  for (const route of routes) {
    router[route.method](
      route.path,
      asyncHandler(async (req, res) => {
        const params = route.params ? route.params.parse(req.params) : req.params;
        const body = route.body ? route.body.parse(req.body ?? {}) : undefined;
        const query = route.query ? route.query.parse(req.query) : req.query;
        const result = await route.handler({ params, body, query, req, ctx });
        if (route.raw) {
          const { bytes, fileName } = result as { bytes: Buffer; fileName?: string };
          res.type(route.raw.contentType);
          if (fileName) res.setHeader('Content-Disposition', `inline; filename="${fileName}"`);
          res.send(bytes);
          return;
        }
        const status = route.successStatus ?? 200;
        if (status === 204) res.status(204).end();
        else res.status(status).json(result);
      }),
    );
  }
  return router;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `error.field` names the offending field. Nothing was changed.',
  401: 'Missing or wrong `Authorization: Bearer <ADMIN_API_KEY>`.',
  404: 'No such record.',
  409: 'Not allowed in the record’s current state (or changed concurrently). Nothing was changed.',
  503: 'Not set up yet (e.g. no business profile).',
};

function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function jsonSchema(schema: ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
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
    const status = String(route.successStatus ?? 200);
    const responses: Record<string, unknown> = {
      [status]: route.raw
        ? { description: 'OK', content: { [route.raw.contentType]: { schema: { type: 'string', format: 'binary' } } } }
        : { description: status === '204' ? 'Done' : 'OK' },
    };
    for (const code of [400, 401, ...(route.errors ?? [])]) {
      responses[String(code)] = { description: ERROR_DESCRIPTIONS[code] ?? 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    paths[path] ??= {};
    paths[path][route.method] = {
      tags: [route.tag],
      summary: route.summary,
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { ...info, description: 'Back-office API of the client portal. Amounts are integers in satang (1 baht = 100 satang) in fields ending `Satang`. Calendar dates are `YYYY-MM-DD` in Bangkok time.' },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'ADMIN_API_KEY' } },
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
