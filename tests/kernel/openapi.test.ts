/**
 * The OpenAPI description says what every route answers: each route declares its 200/201
 * response schema (a file download a binary string), and the test server checks every answer
 * strictly against it (src/server/responses.ts). A route without one fails this test, naming it.
 */
import { describe, expect, it } from 'vitest';
import { compileAll } from '../../src/server/validation.js';
import { serverSuite } from '../helpers/server.js';

const env = serverSuite({}, 'empty');

/**
 * Bodies still open by declaration (`additionalProperties: true`), each checked field by field by
 * its command; the 12345 platform's push carries the platform's own fields. A ratchet: it only shrinks.
 */
const OPEN_BODIES = ['PATCH /api/rivers/{id} (body)', 'POST /api/river-alerts/{id}/handle (body)', 'POST /api/hotline/push (body)'];

describe('OpenAPI', () => {
  it('compiles every route schema (a server compiles each on its first call; one that cannot compile fails here)', async () => {
    // Two validators or serialisers per route at least (params/query/body and each answer).
    expect(await compileAll(env.app)).toBeGreaterThan(300);
  });

  it('describes the answer of every route', async () => {
    const doc = (await env.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    const missing: string[] = [];
    let routes = 0;
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        routes++;
        const ok = (op.responses?.['200'] ?? op.responses?.['201']) as { content?: Record<string, { schema?: unknown }> } | undefined;
        if ((ok?.content && Object.values(ok.content).some((c) => c.schema)) || op.responses?.['204']) continue;
        missing.push(`${method.toUpperCase()} ${p}`);
      }
    }
    expect(routes).toBeGreaterThan(150);
    expect(missing).toEqual([]);
  });

  it('closes every JSON body: an object that lists its properties refuses any other (no body is an open object by accident)', async () => {
    const doc = (await env.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>>;
    };
    const open: string[] = [];
    let bodies = 0;
    const walk = (s: unknown, at: string, where: string) => {
      if (!s || typeof s !== 'object') return;
      const o = s as Record<string, unknown>;
      if (o.allOf) open.push(`${where} ${at}: an intersection left open`);
      if (o.properties && typeof o.properties === 'object') {
        if (o.additionalProperties !== false && o.patternProperties === undefined) open.push(`${where} ${at || '(body)'}`);
        for (const [k, v] of Object.entries(o.properties)) walk(v, at ? `${at}.${k}` : k, where);
      }
      if (o.items) walk(o.items, `${at}[]`, where);
      for (const k of ['anyOf', 'oneOf'] as const) if (Array.isArray(o[k])) for (const x of o[k] as unknown[]) walk(x, at, where);
    };
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const json = op.requestBody?.content?.['application/json']?.schema;
        if (!json) continue;
        bodies++;
        walk(json, '', `${method.toUpperCase()} ${p}`);
      }
    }
    expect(bodies).toBeGreaterThan(60);
    expect(open.filter((o) => !OPEN_BODIES.includes(o))).toEqual([]);
    // The allowance only shrinks: a body closed since is taken off it.
    expect(OPEN_BODIES.filter((o) => !open.includes(o))).toEqual([]);
  });
});
