import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRecords } from '../../src/core/audit/records.js';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { testSystem } from '../helpers/system.js';
import { login, type Client } from '../helpers/http.js';
import { buildServer } from '../../src/server/app.js';
import type { System } from '../../src/core/system.js';

/**
 * Input fuzzing: every route the OpenAPI document lists gets a deterministic set of
 * malformed requests generated from its schema (path params, query strings, JSON
 * bodies, multipart uploads), as the admin and — for a sample — as the street user
 * `wushan`. No input may answer ≥ 500. Seeded PRNG, so a failure reproduces.
 *
 * Skipped routes (they destroy the session the fuzz runs on, so later answers would
 * all be 401 and prove nothing):
 *   POST /api/auth/logout, POST /api/auth/password.
 * Pure downloads are fuzzed like any GET (their params and queries are input too).
 */

const SKIP = new Set(['POST /api/auth/logout', 'POST /api/auth/password']);
/** Routes still answering 5xx on some input, each with its cause (docs/security.md). Empty: none. */
const KNOWN_5XX = new Set<string>([]);

// ── A fixed PRNG (mulberry32) ──
let seed = 0x5eed_f422;
const rand = () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const NUL = 'a\u0000b';
const SURROGATE = 'x\ud800y';
const MEGA = 'x'.repeat(1024 * 1024);
const LONG = 'z'.repeat(300);

/** Malformed path-param values (already percent-encoded for the URL). */
const BAD_PARAMS = [
  'not-a-uuid',
  '-'.repeat(36),
  'g0000000-0000-4000-8000-00000000000g',
  'null',
  '%2e%2e',
  '12345678-1234-1234-1234-1234567890ab%00',
  '%00',
  LONG,
  '..%2F..%2Fetc%2Fpasswd',
  '%ED%A0%80',
  '00000000-0000-0000-0000-000000000000',
  '-1',
  '99999999999999999999',
  '2023-02-30',
  '%E2%80%AE',
];
/** Malformed query values. */
const BAD_QUERY = [NUL, SURROGATE, '2023-02-30', '2023-13-01', '-1', '99999999999999999999', '2147483648', '1.5', '1e309', '', LONG, 'true\u0000'];
const BAD_STRINGS: Array<[string, unknown]> = [
  ['nul', NUL],
  ['surrogate', SURROGATE],
  ['1mb', MEGA],
  ['empty', ''],
  ['number', 12345],
  ['object', { a: 1 }],
  ['array', ['x']],
  ['bool', true],
  ['long300', LONG],
];
const BAD_NUMBERS: Array<[string, unknown]> = [
  ['negative', -1],
  ['huge', 1e20],
  ['int32+1', 2147483648],
  ['fraction', 1.5],
  ['20digits', Number('99999999999999999999')],
  ['string', 'abc'],
  ['numeric-string', '2147483648'],
  ['year-1', -1e9],
];
const BAD_DATES: Array<[string, unknown]> = [
  ['feb30', '2023-02-30'],
  ['month13', '2023-13-01'],
  ['zero', '0000-00-00'],
  ['5digit-year', '99999-01-01'],
  ['datetime-garbage', '2023-02-30T25:61:00Z'],
];

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  additionalProperties?: unknown;
};

interface Case {
  route: string;
  name: string;
  opts: InjectOptions;
}

const typeOf = (s: Schema): string => {
  if (s.anyOf) return typeOf(s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0]!);
  if (s.oneOf) return typeOf(s.oneOf[0]!);
  if (s.const !== undefined || s.enum) return 'enum';
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null') ?? 'string';
  return s.type ?? 'any';
};
const unwrap = (s: Schema): Schema => (s.anyOf ? (s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0]!) : s);
const isDateField = (name: string, s: Schema) =>
  s.format === 'date' || s.format === 'date-time' || (s.pattern ?? '').includes('\\d{4}-\\d{2}-\\d{2}') || /(On|Date|date|At|Until|From|To|Day)$/.test(name);

describe('fuzz: no input answers 5xx', () => {
  let sys: System;
  let app: FastifyInstance;
  let admin: Client;
  let street: Client;
  let orgId = '';
  let doc: {
    paths: Record<
      string,
      Record<
        string,
        { parameters?: Array<{ in: string; name: string; schema: Schema; required?: boolean }>; requestBody?: { content: Record<string, { schema: Schema }> } }
      >
    >;
  };
  let ledgers: Array<{ key: string; columns: Array<{ header: string }> }> = [];
  let entities: string[] = [];
  const causes = new Map<string, string>();
  /** Database errors answered as client errors (a schema bound would have caught them earlier). */
  const dbErrors: string[] = [];
  const routeOf = new Map<string, string>();
  let reqNo = 0;

  beforeAll(async () => {
    sys = await testSystem('demo');
    // Errors the handler logs (the 500s), by request id, so a failure shows its cause.
    app = await buildServer(sys, {
      webDist: null,
      logger: {
        level: 'warn',
        stream: {
          write: (line: string) => {
            const l = JSON.parse(line) as { reqId?: string; err?: { message?: string; code?: string } };
            if (l.reqId && (l as { level?: number }).level === 40) dbErrors.push(`${l.reqId} ${l.err?.code ?? ''} ${l.err?.message ?? ''}`.slice(0, 200));
            else if (l.reqId) causes.set(l.reqId, `${l.err?.code ?? ''} ${l.err?.message ?? ''}`.trim().slice(0, 160));
          },
        },
      },
    });
    admin = await login(app, 'admin');
    street = await login(app, 'wushan');
    doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    ledgers = (await admin.req('GET', '/api/ledgers')).body.data;
    entities = [...sys.registry.entities.keys()];
    const row = await sql<{ id: string }>`select id from org order by name limit 1`.execute(sys.db);
    orgId = row.rows[0]!.id;
  });
  afterAll(async () => {
    await app?.close();
    await sys?.close();
  });

  /** A plausible value for a field, so one mutation at a time reaches deeper. */
  const plausible = (name: string, s0: Schema): unknown => {
    const s = unwrap(s0);
    if (s.const !== undefined) return s.const;
    if (s.enum) return s.enum[0];
    if (s.anyOf?.every((x) => x.const !== undefined)) return s.anyOf[0]!.const;
    const t = typeOf(s);
    if (t === 'string') {
      if (s.format === 'uuid') return /org/i.test(name) ? orgId : '00000000-0000-4000-8000-000000000001';
      if (s.format === 'date-time') return '2024-03-01T08:00:00Z';
      if (isDateField(name, s)) return '2024-03-01';
      if (/year/i.test(name)) return '2024';
      return `fuzz-${name}-${Math.floor(rand() * 1e6)}`;
    }
    if (t === 'integer' || t === 'number') return /year/i.test(name) ? 2024 : Math.max(s.minimum ?? 1, Math.min(s.maximum ?? 1, 1));
    if (t === 'boolean') return false;
    if (t === 'array') return s.items ? [plausible(name, s.items)] : [];
    if (t === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) o[k] = plausible(k, v);
      return o;
    }
    return 'x';
  };

  /** Every (path, mutation) of a JSON schema: strings, numbers, dates, nested objects/arrays. */
  const mutations = (s0: Schema, path: string[] = []): Array<{ path: string[]; name: string; value: unknown; drop?: boolean }> => {
    const s = unwrap(s0);
    const out: Array<{ path: string[]; name: string; value: unknown; drop?: boolean }> = [];
    const t = typeOf(s);
    const last = path.at(-1) ?? '';
    if (t === 'object' && s.properties) {
      for (const [k, v] of Object.entries(s.properties)) out.push(...mutations(v, [...path, k]));
      for (const r of s.required ?? []) out.push({ path: [...path, r], name: 'missing', value: undefined, drop: true });
      return out;
    }
    if (t === 'array') {
      out.push(
        { path, name: 'not-array', value: 'x' },
        { path, name: 'array-of-nul', value: [NUL] },
        { path, name: 'array-huge', value: Array.from({ length: 2000 }, (_, i) => `v${i}`) },
      );
      if (s.items) for (const m of mutations(s.items, [...path, '0'])) out.push(m);
      return out;
    }
    if (t === 'string' || t === 'enum' || t === 'any') {
      for (const [n, v] of BAD_STRINGS) out.push({ path, name: `string:${n}`, value: v });
      if (isDateField(last, s)) for (const [n, v] of BAD_DATES) out.push({ path, name: `date:${n}`, value: v });
      return out;
    }
    if (t === 'integer' || t === 'number') {
      for (const [n, v] of BAD_NUMBERS) out.push({ path, name: `number:${n}`, value: v });
      out.push({ path, name: 'number:nul-string', value: NUL });
      return out;
    }
    if (t === 'boolean') out.push({ path, name: 'bool:string', value: 'maybe' }, { path, name: 'bool:nul', value: NUL });
    return out;
  };
  const setAt = (obj: unknown, path: string[], value: unknown, drop = false): unknown => {
    if (!path.length) return value;
    const clone = structuredClone(obj) as Record<string, unknown>;
    let cur: any = clone;
    for (const k of path.slice(0, -1)) {
      if (cur[k] == null || typeof cur[k] !== 'object') cur[k] = {};
      cur = cur[k];
    }
    if (drop) delete cur[path.at(-1)!];
    else cur[path.at(-1)!] = value;
    return clone;
  };

  const urlOf = (path: string, params: Record<string, string>, query: Record<string, string> = {}) => {
    let u = path.replace(/\{(\w+)\}/g, (_m, k: string) => params[k] ?? 'x');
    const qs = Object.entries(query)
      .map(([k, v]) => `${encodeURIComponent(k)}=${v}`)
      .join('&');
    if (qs) u += `?${qs}`;
    return u;
  };
  /** Encodes a query value, keeping a lone surrogate as its raw UTF-8 bytes (encodeURIComponent throws on it). */
  const enc = (v: string) =>
    v
      .split('')
      .map((ch) => (ch === '\ud800' ? '%ED%A0%80' : encodeURIComponent(ch)))
      .join('');

  /** A real record id for a route's {id}, from its list route (not users/sessions: the fuzz must not disable its own account). */
  const realIds = new Map<string, string>();
  const realId = async (oaPath: string) => {
    const base = oaPath.split('/{id}')[0]!;
    if (!oaPath.includes('{id}') || /users|sessions|auth/.test(base) || base.includes('{')) return undefined;
    if (!realIds.has(base)) {
      const r = await admin.req('GET', base);
      const d = r.status === 200 ? (r.body?.data?.items ?? r.body?.data) : null;
      realIds.set(base, Array.isArray(d) && typeof d[0]?.id === 'string' ? d[0].id : '');
    }
    return realIds.get(base) || undefined;
  };
  const templates = new Map<string, Buffer>();

  const buildCases = (): Case[] => {
    const cases: Case[] = [];
    for (const [oaPath, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const M = method.toUpperCase() as InjectOptions['method'];
        const route = `${M} ${oaPath}`;
        if (SKIP.has(route) || !oaPath.startsWith('/api/')) continue;
        const params = (op.parameters ?? []).filter((p) => p.in === 'path');
        const query = (op.parameters ?? []).filter((p) => p.in === 'query');
        // Plausible params: a real ledger key / entity name where the route takes one, else a random uuid.
        const good: Record<string, string> = {};
        for (const p of params)
          good[p.name] =
            p.name === 'key' && oaPath.includes('ledgers')
              ? ledgers[0]!.key
              : p.name === 'entity'
                ? entities[0]!
                : p.schema.pattern
                  ? p.name === 'month'
                    ? '2024-03'
                    : '2024-03-01'
                  : '00000000-0000-4000-8000-000000000001';
        const real = realIds.get(oaPath.split('/{id}')[0]!);
        if (real && 'id' in good) good.id = real;
        const goodQuery: Record<string, string> = {};
        for (const q of query) if (q.required) goodQuery[q.name] = enc(String(plausible(q.name, q.schema)));
        const add = (name: string, o: InjectOptions) => cases.push({ route, name, opts: { method: M, ...o } });
        // Path params.
        for (const p of params)
          for (const bad of BAD_PARAMS) add(`param ${p.name}=${bad.slice(0, 40)}`, { url: urlOf(oaPath, { ...good, [p.name]: bad }, goodQuery) });
        // Query strings.
        for (const q of query) {
          for (const bad of BAD_QUERY)
            add(`query ${q.name}=${JSON.stringify(bad.slice(0, 20))}`, { url: urlOf(oaPath, good, { ...goodQuery, [q.name]: enc(bad) }) });
        }
        add('query unknown=NUL', { url: urlOf(oaPath, good, { ...goodQuery, zzz: enc(NUL) }) });
        if (query.length) add('query all missing', { url: urlOf(oaPath, good) });
        // JSON bodies.
        const json = op.requestBody?.content['application/json']?.schema;
        const multipart = op.requestBody?.content['multipart/form-data'] || (M === 'POST' && /import|attachments$/.test(oaPath));
        if (json) {
          const base = plausible('', json);
          const url = urlOf(oaPath, good, goodQuery);
          add('body plausible', { url, payload: base as object });
          add('body plausible again', { url, payload: base as object });
          for (const m of mutations(json))
            add(`body ${m.path.join('.') || '(root)'} ${m.name}`, { url, payload: setAt(base, m.path, m.value, m.drop) as object });
          add('body extra property', { url, payload: { ...(base as object), zzzExtra: NUL } });
          add('body array', { url, payload: [base] as unknown as object });
          add('body null', { url, payload: 'null', headers: { 'content-type': 'application/json' } });
          add('body garbage', { url, payload: '{"a":', headers: { 'content-type': 'application/json' } });
          add('body nul raw', { url, payload: '{"a":"\\u0000"}', headers: { 'content-type': 'application/json' } });
          add('body empty', { url, payload: '', headers: { 'content-type': 'application/json' } });
        } else if (M !== 'GET' && !multipart) {
          const url = urlOf(oaPath, good, goodQuery);
          add('no-schema body garbage', { url, payload: '{"a":', headers: { 'content-type': 'application/json' } });
          add('no-schema body nul', { url, payload: { a: NUL, b: SURROGATE } });
        }
        if (multipart) {
          const keys = oaPath.includes('{key}') ? ledgers.map((l) => l.key) : ['-'];
          for (const key of keys) {
            const url = urlOf(oaPath, { ...good, key }, goodQuery);
            const b = 'fuzzBoundary';
            const part = (name: string, filename: string | null, data: string) =>
              `--${b}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n\r\n${data}\r\n`;
            const ledger = ledgers.find((l) => l.key === key);
            const header = ledger ? ledger.columns.map((c) => c.header).join(',') : 'a,b';
            const mp = (name: string, body: string, boundary = b) =>
              add(`multipart ${key} ${name}`, { url, payload: Buffer.from(body), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
            mp('truncated', `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc`);
            mp('long-boundary', `${part('file', 'a.csv', header)}--${b}--\r\n`, b + 'x'.repeat(5000));
            mp('boundary-mismatch', `${part('file', 'a.csv', header)}--${b}--\r\n`, 'other');
            mp('no-file', `${part('entity', null, 'x')}--${b}--\r\n`);
            mp('empty-file', `${part('entity', null, entities[0]!) + part('entityId', null, NUL) + part('file', 'a.csv', '')}--${b}--\r\n`);
            mp('headers-only-csv', `${part('file', 'a.csv', `${header}\r\n`)}--${b}--\r\n`);
            const tpl = templates.get(key);
            if (tpl)
              add(`multipart ${key} headers-only template xlsx`, {
                url,
                payload: Buffer.concat([
                  Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="t.xlsx"\r\n\r\n`),
                  tpl,
                  Buffer.from(`\r\n--${b}--\r\n`),
                ]),
                headers: { 'content-type': `multipart/form-data; boundary=${b}` },
              });
            mp('garbage-xlsx', `${part('file', 'a.xlsx', 'PK\u0003\u0004garbage')}--${b}--\r\n`);
            mp('nul-filename', `${part('file', 'a\u0000.csv', `${header}\n`)}--${b}--\r\n`);
            mp(
              'nul-row',
              `${part(
                'file',
                'a.csv',
                `${header}\n${header
                  .split(',')
                  .map(() => NUL)
                  .join(',')}\n`,
              )}--${b}--\r\n`,
            );
            mp('no-content-type-boundary', part('file', 'a.csv', header), '');
          }
        }
      }
    }
    return cases;
  };

  it('answers every malformed request with < 500', { timeout: 600_000 }, async () => {
    for (const p of Object.keys(doc.paths)) await realId(p);
    for (const l of ledgers) {
      const r = await app.inject({ method: 'GET', url: `/api/ledgers/${l.key}/template`, headers: { cookie: admin.cookie } });
      if (r.statusCode === 200) templates.set(l.key, r.rawPayload);
    }
    const cases = buildCases();
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const perRoute = new Map<string, number>();
    let sent = 0;
    const run = async (client: Client, c: Case, who: string) => {
      const id = `fuzz-${++reqNo}`;
      routeOf.set(id, `${c.route} ${c.name}`);
      const r = await app.inject({ ...c.opts, headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'x-request-id': id, ...(c.opts.headers ?? {}) } });
      sent++;
      statuses.set(r.statusCode, (statuses.get(r.statusCode) ?? 0) + 1);
      if (r.statusCode >= 500) {
        perRoute.set(c.route, (perRoute.get(c.route) ?? 0) + 1);
        if (!KNOWN_5XX.has(c.route)) failures.push(`${c.route} [${who}] ${c.name} → ${r.statusCode} ${r.body.slice(0, 120)} cause: ${causes.get(id) ?? '?'}`);
      }
      if (r.statusCode === 401 && who === 'admin' && !c.route.startsWith('POST /api/auth/login'))
        throw new Error(`the admin session was lost at ${c.route} ${c.name}`);
    };
    const BATCH = 6;
    for (let i = 0; i < cases.length; i += BATCH) {
      const batch = cases.slice(i, i + BATCH);
      await Promise.all(batch.map((c, j) => run(admin, c, 'admin').then(() => ((i + j) % 2 === 0 ? run(street, c, 'wushan') : undefined))));
    }
    const routes = new Set(cases.map((c) => c.route)).size;
    console.log(
      `fuzz: ${sent} requests on ${routes} routes (${realIds.size} list routes probed for real ids); 5xx on ${perRoute.size} routes (${[...perRoute.values()].reduce((a, b) => a + b, 0)} responses); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
    );
    if (failures.length) console.log(failures.join('\n'));
    if (process.env.FUZZ_VERBOSE)
      console.log(`answered from database errors (${dbErrors.length}):\n${dbErrors.map((l) => `${routeOf.get(l.split(' ')[0]!)} ← ${l}`).join('\n')}`);
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(failures).toEqual([]);
  });

  it("names the field and changes nothing for the probe's causes", async () => {
    const officers = async () => (await admin.req('GET', '/api/enforcement/officers')).body.data as Array<{ name: string; orgId: string }>;
    const before = await officers();
    const o = before[0]!;
    // NUL and a lone surrogate: 400 naming the field, before any SQL.
    let r = await admin.req('POST', '/api/enforcement/officers', { orgId: o.orgId, name: 'a\u0000b' });
    expect([r.status, r.body.field]).toEqual([400, 'name']);
    r = await admin.req('POST', '/api/enforcement/officers', { orgId: o.orgId, name: 'x', certNo: 'x\ud800' });
    expect([r.status, r.body.field]).toEqual([400, 'certNo']);
    r = await admin.req('GET', '/api/enforcement/cases?q=a%00b');
    expect([r.status, r.body.field]).toEqual([400, 'q']);
    // The same officer name in an org: 409 on the name, in Chinese.
    r = await admin.req('POST', '/api/enforcement/officers', { orgId: o.orgId, name: o.name });
    expect([r.status, r.body.code, r.body.field]).toEqual([409, 'DUPLICATE', 'name']);
    expect(r.body.message).toContain('已存在');
    // Impossible dates, out-of-range and non-finite numbers.
    r = await admin.req('POST', '/api/enforcement/officers', { orgId: o.orgId, name: '新人员', certIssuedOn: '2023-02-30' });
    expect([r.status, r.body.field]).toEqual([400, 'certIssuedOn']);
    r = await admin.req('GET', '/api/flood/duty?from=2023-02-30&to=2023-03-01');
    expect([r.status, r.body.field]).toEqual([400, 'from']);
    for (const y of ['-1', '2147483648', '99999999999999999999', '1e309']) {
      r = await admin.req('GET', `/api/enforcement/cases?year=${y}`);
      expect([y, r.status, r.body.field]).toEqual([y, 400, 'year']);
    }
    r = await admin.req('GET', '/api/licensing/permits?page=99999999999999999999');
    expect([r.status, r.body.field]).toEqual([400, 'page']);
    // A 1 MB code: bounded by the schema.
    r = await admin.req('POST', '/api/enforcement/items', { code: 'x'.repeat(1024 * 1024), name: 'n', legalBasis: 'b' });
    expect([r.status, r.body.field]).toEqual([400, 'code']);
    // A malformed attachment id; a bad multipart boundary.
    r = await admin.req('GET', `/api/attachments/${'-'.repeat(36)}/content`);
    expect([r.status, r.body.field]).toEqual([400, 'id']);
    r = await admin.req('POST', '/api/attachments', Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc'), {
      'content-type': 'multipart/form-data; boundary=b',
    });
    expect([r.status, r.body.code]).toEqual([400, 'BAD_UPLOAD']);
    r = await admin.req('POST', '/api/attachments', Buffer.from('x'), { 'content-type': `multipart/form-data; boundary=${'b'.repeat(300)}` });
    expect([r.status, r.body.code]).toEqual([400, 'BAD_UPLOAD']);
    // Nothing changed.
    expect((await officers()).length).toBe(before.length);
  });

  it('leaves every record it wrote consistent with its audit trail (verify --records)', async () => {
    // The fuzz's plausible bodies created and changed records through every route: each change
    // must have left an audit event recording the record's state after it (no write without an
    // event, no event before its change).
    const tenantId = (await sql<{ id: string }>`select id from tenant limit 1`.execute(sys.db)).rows[0]!.id;
    const r = await verifyRecords(sys.db, tenantId, { limit: 50 });
    expect(r.problems).toEqual([]);
    expect(r.tamperedImports).toEqual([]);
  });
});
