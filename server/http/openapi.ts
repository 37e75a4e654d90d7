import { z } from 'zod';
import type { Route } from './route.ts';

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** OpenAPI 3.1 for every route, generated from the same zod schemas that validate requests. */
export function openApiDocument(routes: readonly Route[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/gu, '{$1}');
    const params = [...r.path.matchAll(/:(\w+)/gu)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const queryShape = r.query instanceof z.ZodObject ? (r.query.shape as Record<string, z.ZodType>) : {};
    const queryParams = Object.entries(queryShape).map(([name, schema]) => ({
      name, in: 'query', required: !schema.safeParse(undefined).success, schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
    }));
    const ok = r.response === 'event-stream'
      ? { description: 'Server-sent events', content: { 'text/event-stream': { schema: { type: 'string' } } } }
      : r.response === 'bytes'
        ? { description: 'The bytes', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }
        : { description: 'OK', content: { 'application/json': { schema: z.toJSONSchema(r.response, { unrepresentable: 'any' }) } } };
    const errors = Object.fromEntries(
      Object.entries({ ...(r.body ? { 400: 'Invalid request body' } : {}), ...(r.auth === 'user' ? { 401: 'Not signed in or token expired' } : {}), ...r.errors }).map(([status, description]) => [
        status, { description, content: { 'application/json': { schema: z.toJSONSchema(ErrorBody) } } },
      ]),
    );
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      summary: r.summary,
      tags: [r.tag],
      ...(r.auth === 'user' ? { security: [{ bearer: [] }] } : {}),
      parameters: [...params, ...queryParams],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' }) } } } } : {}),
      ...(r.rawBody ? { requestBody: { required: true, description: `At most ${String(r.rawBody.maxBytes)} bytes`, content: { [r.rawBody.mediaType]: { schema: { type: 'string', format: 'binary' } } } } } : {}),
      responses: { 200: ok, ...errors },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Kancelaria — central case API', version },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
