/**
 * The OpenAPI description says what every route answers: each JSON route declares its 200
 * response schema (and the test server checks answers against it, src/server/responses.ts).
 * Routes still without one are counted per area; the counts may only shrink (issue 12).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testSystem } from '../helpers/system.js';
import { testServer } from '../helpers/http.js';
import type { System } from '../../src/core/system.js';

const WITHOUT_RESPONSE_SCHEMA: Record<string, number> = {
  '/api/public': 1,
  '/api/enforcement': 46,
};

let sys: System;
let app: FastifyInstance;
beforeAll(async () => {
  sys = await testSystem('empty');
  app = await testServer(sys);
});
afterAll(async () => {
  await app.close();
  await sys.close();
});

describe('OpenAPI', () => {
  it('describes the answer of every route, area by area (the unconverted may only shrink)', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    const missing: Record<string, number> = {};
    let routes = 0;
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        routes++;
        const ok = (op.responses?.['200'] ?? op.responses?.['201']) as { content?: Record<string, { schema?: unknown }> } | undefined;
        if ((ok?.content && Object.values(ok.content).some((c) => c.schema)) || op.responses?.['204']) continue;
        const area = p.split('/').slice(0, 3).join('/');
        missing[area] = (missing[area] ?? 0) + 1;
      }
    }
    expect(routes).toBeGreaterThan(150);
    const grown = Object.entries(missing).filter(([a, n]) => n > (WITHOUT_RESPONSE_SCHEMA[a] ?? 0));
    expect(grown.map(([a, n]) => `${a}: ${n} routes without a response schema (allowed ${WITHOUT_RESPONSE_SCHEMA[a] ?? 0})`)).toEqual([]);
  });
});
