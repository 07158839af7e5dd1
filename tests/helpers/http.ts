import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildServer } from '../../src/server/app.js';
import type { System } from '../../src/core/system.js';
import { DEMO_PASSWORD } from '../../src/modules/system/demo.js';

/** A signed-in client for `app.inject`: carries the session cookie and the CSRF token. */
export interface Client {
  cookie: string;
  csrf: string;
  req(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
}

export async function testServer(sys: System): Promise<FastifyInstance> {
  return buildServer(sys, { logger: false, webDist: null });
}

export async function login(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  const csrf = res.json().data.csrfToken as string;
  return {
    cookie,
    csrf,
    async req(method, url, body, headers = {}) {
      const r = await app.inject({ method, url, payload: body as any, headers: { cookie, 'x-csrf-token': csrf, ...headers } });
      let parsed: unknown = r.body;
      try {
        parsed = r.json();
      } catch {
        /* not JSON (a file) */
      }
      return { status: r.statusCode, body: parsed, headers: r.headers };
    },
  };
}

/** Uploads a ledger file through the API (`POST /api/ledgers/:key/import`). */
export function uploadLedger(c: Client, key: string, data: Buffer | string, filename: string, opts: { dryRun?: boolean } = {}) {
  const boundary = `----fazhi${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const body = Buffer.concat([head, Buffer.isBuffer(data) ? data : Buffer.from(data), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return c.req('POST', `/api/ledgers/${key}/import${opts.dryRun ? '?dryRun=true' : ''}`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}
