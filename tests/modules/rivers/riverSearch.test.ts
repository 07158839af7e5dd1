/**
 * The river register's text search (`GET /api/rivers?q=`): the text is matched as typed — a % or _ in it
 * is a character, not a LIKE wildcard (core/lists.ts `containsPattern`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testSystem } from '../../helpers/system.js';
import { login, testServer, type Client } from '../../helpers/http.js';
import type { System } from '../../../src/core/system.js';

let sys: System;
let app: FastifyInstance;
let flood: Client;

beforeAll(async () => {
  sys = await testSystem('demo');
  app = await testServer(sys);
  flood = await login(app, 'flood');
});
afterAll(async () => {
  await app.close();
  await sys.close();
});

const names = async (q: string): Promise<string[]> => {
  const res = await flood.req('GET', `/api/rivers?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return res.body.data.map((r: { name: string }) => r.name);
};

describe('the river search', () => {
  it('finds a river by part of its name', async () => {
    expect(await names('沙河')).toContain('沙河涌');
  });

  it('takes % and _ as characters: no river name has them, so none matches', async () => {
    expect((await flood.req('GET', '/api/rivers')).body.data.length).toBeGreaterThan(0);
    expect(await names('%')).toEqual([]);
    expect(await names('_')).toEqual([]);
    expect(await names('沙_涌')).toEqual([]);
  });
});
