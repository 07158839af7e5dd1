// What the module tests share around the API: the demo system with its HTTP server and signed-in
// accounts, opened before a file's tests and closed after; and the refusal every bad input gets.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { type Ctx, systemActor } from '../../src/core/context.js';
import type { ModuleDef } from '../../src/core/module.js';
import type { System } from '../../src/core/system.js';
import { listTenants } from '../../src/core/tenant.js';
import { type Client, login, testServer } from './http.js';
import { testSystem } from './system.js';

/** A test file's system: read its fields inside tests and hooks (they are set in `beforeAll`). */
export interface ServerSuite {
  sys: System;
  app: FastifyInstance;
  /** The (one) tenant of the seeded system (none in the empty one). */
  tenantId: string;
  /** The system actor's context in that tenant, for calling commands and ledgers directly. */
  ctx: Ctx;
}

/**
 * A file's preamble in one call: `serverSuite({ clerk: 'licensing', leader: 'leader' })` opens the demo
 * system (tests/helpers/system.ts) and its server before the file's tests, signs each named account in
 * (`t.clerk` is the demo user `licensing`), and closes both after. `opts.modules`: the system's modules
 * when a file adds or changes one (default: the product's, as in testSystem).
 */
export function serverSuite<K extends string>(
  accounts: Record<K, string>,
  which: 'empty' | 'demo' = 'demo',
  opts: { modules?: readonly ModuleDef[] } = {},
): ServerSuite & Record<K, Client> {
  const suite = {} as ServerSuite & Record<K, Client>;
  beforeAll(async () => {
    suite.sys = await testSystem(which, opts.modules);
    suite.app = await testServer(suite.sys);
    for (const [as, username] of Object.entries(accounts) as Array<[K, string]>) (suite as Record<K, Client>)[as] = await login(suite.app, username);
    const tenant = (await listTenants(suite.sys.db))[0];
    if (tenant) {
      suite.tenantId = tenant.id;
      suite.ctx = suite.sys.ctx(systemActor(tenant.id));
    }
  });
  afterAll(async () => {
    await suite.app?.close();
    await suite.sys?.close();
  });
  return suite;
}

/** A 400 that names the field, with each of `texts` in its message (the statute, the limit…). */
export function expectRefused(r: { status: number; body: any }, field: string, ...texts: string[]) {
  expect(r.status, JSON.stringify(r.body)).toBe(400);
  expect(r.body.field).toBe(field);
  for (const text of texts) expect(r.body.message).toContain(text);
}
