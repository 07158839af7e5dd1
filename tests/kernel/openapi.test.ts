/**
 * The OpenAPI description says what every route answers: each route declares its 200/201
 * response schema (a file download a binary string), and the test server checks every answer
 * strictly against it (src/server/responses.ts). A route without one fails this test, naming it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testSystem } from '../helpers/system.js';
import { testServer } from '../helpers/http.js';
import type { System } from '../../src/core/system.js';

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
  it('describes the answer of every route', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
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
});
