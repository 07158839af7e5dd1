/**
 * The audit chain's hash format must not change: existing chains verify only while canonicalJson and
 * eventHash give the same bytes as the first version. The first version is kept here as the
 * reference and compared with the kernel's on varied inputs (seeded, so a failure reproduces).
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, eventBody, eventHash, type AuditEvent } from '../../src/core/audit/audit.js';
import { canonicalJsonLoop } from '../../bench/auditJs.js';

/** canonicalJson as first written (src/core/audit/audit.ts before issue #17): the reference. */
function referenceCanonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) return `[${v.map(referenceCanonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${referenceCanonicalJson(o[k])}`)
    .join(',')}}`;
}

/** eventHash as first written: canonicalJson of the object, sha256. */
function referenceEventHash(e: Omit<AuditEvent, 'hash'>): string {
  const body = referenceCanonicalJson({
    tenantId: e.tenantId,
    seq: e.seq,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    orgId: e.orgId,
    entity: e.entity,
    entityId: e.entityId,
    action: e.action,
    changes: e.changes,
    requestId: e.requestId,
    prevHash: e.prevHash,
    ...(e.stateHash ? { stateHash: e.stateHash } : {}),
  });
  return crypto.createHash('sha256').update(body).digest('hex');
}

/** mulberry32: a seeded generator, so a failing input can be regenerated. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  'a',
  'B',
  'b',
  '_',
  'z',
  'Z',
  '10',
  '2',
  '0',
  '-1',
  '1.5',
  'field',
  'before',
  'after',
  '办结时间',
  '承办单位',
  'é',
  'e\u0301',
  '😀',
  '\ud83d',
  '"q"',
  'a\\b',
  'line\nbreak',
  '',
  ' ',
  'toString',
  'constructor',
  'valueOf',
];
const STRINGS = [
  '',
  '天河区水务局',
  'say "hi"',
  'back\\slash',
  'tab\there',
  'nl\nx',
  '\u0000\u001f',
  '\u2028\u2029',
  '😀 emoji',
  '\udc00 lone',
  '</script>',
  '2023-01-03T09:30:00+08:00',
];
const NUMBERS = [
  0,
  -0,
  1,
  -1,
  1.5,
  0.1 + 0.2,
  1e21,
  1e-7,
  123456789012345680000,
  Number.MAX_SAFE_INTEGER,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -Number.MIN_VALUE,
];

function value(r: () => number, depth: number): unknown {
  const x = r();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  if (depth > 3 || x < 0.35) {
    const y = r();
    if (y < 0.3) return pick(STRINGS);
    if (y < 0.55) return pick(NUMBERS);
    if (y < 0.65) return r() < 0.5;
    if (y < 0.75) return null;
    if (y < 0.82) return undefined;
    if (y < 0.9) return new Date(Date.UTC(2000 + Math.floor(r() * 30), 0, 1) + Math.floor(r() * 1e10));
    return `${pick(STRINGS)}${Math.floor(r() * 1000)}`;
  }
  if (x < 0.6) {
    const n = Math.floor(r() * 5);
    const a: unknown[] = Array.from({ length: n }, () => value(r, depth + 1));
    // Now and then a hole (a sparse array): map leaves it, join writes an empty element.
    if (n > 1 && r() < 0.15) delete a[Math.floor(r() * n)];
    return a;
  }
  const o: Record<string, unknown> = {};
  const n = Math.floor(r() * 6);
  for (let i = 0; i < n; i++) o[pick(KEYS)] = value(r, depth + 1);
  // Object.defineProperty, so a "__proto__" key is an own key as JSON.parse makes it.
  if (r() < 0.05) Object.defineProperty(o, '__proto__', { value: value(r, depth + 1), enumerable: true, configurable: true, writable: true });
  return o;
}

describe('canonicalJson keeps the hash format', () => {
  it('gives the first version’s bytes on 5 000 varied values', () => {
    const r = rng(20231103);
    for (let i = 0; i < 5000; i++) {
      const v = value(r, 0);
      const want = referenceCanonicalJson(v);
      expect(canonicalJson(v), `input #${i}`).toBe(want);
    }
  });

  it('gives the first version’s bytes on values JSON round-tripped (as the database returns them)', () => {
    const r = rng(7);
    for (let i = 0; i < 2000; i++) {
      const v = JSON.parse(JSON.stringify(value(r, 0)) ?? 'null');
      expect(canonicalJson(v), `input #${i}`).toBe(referenceCanonicalJson(v));
    }
  });

  it('gives the first version’s bytes on the edge cases one by one', () => {
    const edge: unknown[] = [
      undefined,
      null,
      [],
      {},
      [undefined, null],
      // biome-ignore lint/suspicious/noSparseArray: a hole is one of the cases
      [1, , 3],
      { a: undefined, b: 1 },
      { b: 1, a: 2, A: 3, _: 4, 10: 5, 2: 6 },
      [() => 1, Symbol('s')],
      { f: () => 1 },
      new Date('2023-01-03T01:30:00.123Z'),
      { d: new Date(0) },
      '😀',
      '\ud800',
      -0,
      Number.NaN,
      { fields: [{ field: 'status', before: 'handling', after: 'closed' }], note: { via: 'ledger:hotline-orders', row: 2 } },
    ];
    for (const v of edge) expect(canonicalJson(v)).toBe(referenceCanonicalJson(v));
  });

  it('the bench’s loop candidate agrees on JSON values', () => {
    const r = rng(99);
    for (let i = 0; i < 2000; i++) {
      const v = JSON.parse(JSON.stringify(value(r, 0)) ?? 'null');
      expect(canonicalJsonLoop(v)).toBe(referenceCanonicalJson(v));
    }
  });
});

describe('eventHash keeps the hash format', () => {
  it('gives the first version’s hash on varied events, with and without a state hash', () => {
    const r = rng(4401);
    const str = () => STRINGS[Math.floor(r() * STRINGS.length)]!;
    for (let i = 0; i < 3000; i++) {
      const maybe = <T>(v: T) => (r() < 0.3 ? null : v);
      const e: Omit<AuditEvent, 'hash'> = {
        tenantId: crypto.randomUUID(),
        seq: Math.floor(r() * 1e9),
        at: new Date(Date.UTC(2020, 0, 1) + Math.floor(r() * 1e11)),
        actorId: maybe(crypto.randomUUID()),
        actorName: str(),
        orgId: maybe(crypto.randomUUID()),
        entity: 'hotline.order',
        entityId: str(),
        action: str(),
        changes: (r() < 0.8 ? { fields: [{ field: 'x', before: value(r, 2), after: value(r, 2) }], note: value(r, 2) } : value(r, 0)) as AuditEvent['changes'],
        requestId: maybe(str()),
        // A state hash: absent (events before state tracking), null, empty, or set.
        ...(r() < 0.2 ? {} : { stateHash: [null, '', 'f'.repeat(64)][Math.floor(r() * 3)]! }),
        prevHash: crypto.randomBytes(32).toString('hex'),
      };
      expect(eventHash(e), `event #${i}: ${eventBody(e)}`).toBe(referenceEventHash(e));
    }
  });

  it('leaves an undefined member out, as canonicalJson does', () => {
    const e = {
      tenantId: 't',
      seq: 1,
      at: new Date(0),
      actorName: 'a',
      orgId: null,
      entity: 'x',
      entityId: 'y',
      action: 'z',
      changes: { fields: [] },
      requestId: null,
      prevHash: 'p',
    };
    expect(eventHash(e as unknown as Omit<AuditEvent, 'hash'>)).toBe(referenceEventHash(e as unknown as Omit<AuditEvent, 'hash'>));
  });
});
