import { Type } from '@fastify/type-provider-typebox';
import { isIsoDate } from './calendar/calendar.js';
import { errors } from './errors.js';

/**
 * Input checks that throw `errors.validation(field, '中文')` naming the field, so a
 * form shows the message on the right input. Every write checks its input here
 * before touching the database.
 */
export const check = {
  text(field: string, label: string, v: unknown, opts: { required?: boolean; max?: number } = {}): string | null {
    const s = typeof v === 'string' ? v.trim() : v == null ? '' : String(v);
    if (!s) {
      if (opts.required) throw errors.validation(field, `${label}不能为空`);
      return null;
    }
    if (s.length > (opts.max ?? 200)) throw errors.validation(field, `${label}过长（不超过${opts.max ?? 200}字）`);
    return s;
  },
  date(field: string, label: string, v: unknown, opts: { required?: boolean } = {}): string | null {
    if (v == null || v === '') {
      if (opts.required) throw errors.validation(field, `${label}不能为空`);
      return null;
    }
    if (!isIsoDate(v)) throw errors.validation(field, `${label}无效：应为YYYY-MM-DD格式的真实日期`);
    return v;
  },
  int(field: string, label: string, v: unknown, opts: { required?: boolean; min?: number; max?: number } = {}): number | null {
    if (v == null || v === '') {
      if (opts.required) throw errors.validation(field, `${label}不能为空`);
      return null;
    }
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isInteger(n)) throw errors.validation(field, `${label}应为整数`);
    if (opts.min !== undefined && n < opts.min) throw errors.validation(field, `${label}不能小于${opts.min}`);
    if (opts.max !== undefined && n > opts.max) throw errors.validation(field, `${label}不能大于${opts.max}`);
    return n;
  },
  num(field: string, label: string, v: unknown, opts: { required?: boolean; min?: number; max?: number } = {}): number | null {
    if (v == null || v === '') {
      if (opts.required) throw errors.validation(field, `${label}不能为空`);
      return null;
    }
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) throw errors.validation(field, `${label}应为数字`);
    if (opts.min !== undefined && n < opts.min) throw errors.validation(field, `${label}不能小于${opts.min}`);
    if (opts.max !== undefined && n > opts.max) throw errors.validation(field, `${label}不能大于${opts.max}`);
    return n;
  },
  oneOf<T extends string>(field: string, label: string, v: unknown, opts: { values: readonly T[]; required?: boolean }): T | null {
    const { values } = opts;
    if (v == null || v === '') {
      if (opts.required) throw errors.validation(field, `${label}不能为空`);
      return null;
    }
    if (!values.includes(v as T)) throw errors.validation(field, `${label}应为${values.join('/')}之一`);
    return v as T;
  },
  phone(field: string, label: string, v: unknown): string | null {
    const s = check.text(field, label, v, { max: 20 });
    if (s && !/^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{7,8})$/.test(s)) throw errors.validation(field, `${label}格式不正确（手机号11位，或带区号的固定电话）`);
    return s;
  },
};

// ── The kernel's input guard (every request, before validation) ──

/** A real YYYY-MM-DD date the input must carry, or a 400 naming the field. */
export const requiredDate = (field: string, label: string, v: unknown): string => check.date(field, label, v, { required: true }) as string;

/** A text the input must carry, trimmed (its length is the schema's to cap), or a 400 naming the field. */
export const requiredText = (field: string, label: string, v: unknown): string =>
  check.text(field, label, v, { required: true, max: Number.POSITIVE_INFINITY }) as string;

/** A NUL or a lone UTF-16 surrogate: PostgreSQL cannot store either in text (22021/22P05). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL is what this guard looks for
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The first field (dotted path) of a value whose string — or key — holds a NUL or a
 * lone surrogate; null when the value is clean. Walks objects and arrays.
 */
export function badTextField(v: unknown, path = ''): string | null {
  if (typeof v === 'string') return BAD_TEXT.test(v) ? path || '(请求)' : null;
  if (v === null || typeof v !== 'object') return null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const f = badTextField(v[i], path ? `${path}.${i}` : String(i));
      if (f) return f;
    }
    return null;
  }
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const p = path ? `${path}.${k}` : k;
    if (BAD_TEXT.test(k)) return p;
    const f = badTextField(x, p);
    if (f) return f;
  }
  return null;
}

/** Throws 400 naming the field when a string holds a NUL or a lone surrogate. */
export function assertCleanText(v: unknown, path = ''): void {
  const f = badTextField(v, path);
  if (f) throw errors.validation(f, `字段“${f}”含有不允许的字符（空字符或不完整的 Unicode 字符）`);
}

/**
 * The first field holding a non-finite number. JSON cannot carry one, but the router's
 * type coercion turns a query's `1e309` or `Infinity` into Infinity and lets it past
 * `maximum`; checked after validation.
 */
export function nonFiniteField(v: unknown, path = ''): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? null : path || '(请求)';
  if (v === null || typeof v !== 'object') return null;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const f = nonFiniteField(x, path ? `${path}.${k}` : k);
    if (f) return f;
  }
  return null;
}

/** Throws 400 naming the field when a (coerced) number is not finite. */
export function assertFiniteNumbers(v: unknown): void {
  const f = nonFiniteField(v);
  if (f) throw errors.validation(f, `字段“${f}”数值超出范围`);
}

/** The bounds a route schema gets where it declares none, by where the value comes from. */
export const DEFAULT_BOUNDS = {
  /** Path segments and query values: ids, keys, filters. */
  paramMaxLength: 200,
  queryMaxLength: 500,
  /** Body strings: the longest declared text field is 20,000 characters. */
  bodyMaxLength: 20_000,
  /** Integers fit PostgreSQL's integer; other numbers a numeric amount. */
  intMin: -2_147_483_648,
  intMax: 2_147_483_647,
  numMin: -1e12,
  numMax: 1e12,
} as const;

const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/**
 * Bounds a JSON schema in place where it has none: every string a maxLength, every
 * integer/number a minimum and maximum, every YYYY-MM-DD pattern of a path or query
 * the `iso-date` format (a real calendar date, `isIsoDate`), so the router answers 400
 * before any SQL runs (a body's dates are checked by its command, naming the label). Idempotent (schemas shared between routes are walked more than once).
 */
export function boundSchema(s: unknown, where: 'param' | 'query' | 'body'): void {
  if (!s || typeof s !== 'object') return;
  if (Array.isArray(s)) {
    for (const x of s) boundSchema(x, where);
    return;
  }
  const o = s as Record<string, unknown>;
  const types = Array.isArray(o.type) ? (o.type as string[]) : typeof o.type === 'string' ? [o.type] : [];
  if (types.includes('string') && o.enum === undefined && o.const === undefined) {
    if (o.maxLength === undefined)
      o.maxLength = where === 'param' ? DEFAULT_BOUNDS.paramMaxLength : where === 'query' ? DEFAULT_BOUNDS.queryMaxLength : DEFAULT_BOUNDS.bodyMaxLength;
    // Body dates are checked by the commands, whose messages carry the field's label.
    if (o.pattern === ISO_DATE_PATTERN && o.format === undefined && where !== 'body') o.format = 'iso-date';
  }
  if (types.includes('integer')) {
    o.minimum ??= DEFAULT_BOUNDS.intMin;
    o.maximum ??= DEFAULT_BOUNDS.intMax;
  } else if (types.includes('number')) {
    o.minimum ??= DEFAULT_BOUNDS.numMin;
    o.maximum ??= DEFAULT_BOUNDS.numMax;
  }
  for (const k of ['properties', 'patternProperties'] as const) {
    const p = o[k];
    if (p && typeof p === 'object') for (const x of Object.values(p)) boundSchema(x, where);
  }
  for (const k of ['items', 'additionalProperties', 'not'] as const) if (o[k] && typeof o[k] === 'object') boundSchema(o[k], where);
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(o[k])) boundSchema(o[k], where);
}

/**
 * Closes a JSON body's objects: an object schema that lists its properties and says nothing
 * of others (no `additionalProperties`, no `patternProperties`) refuses any other property —
 * a misspelt or stale field is a 400 naming it, never silently ignored. Records
 * (`patternProperties`) and open objects that say `additionalProperties: true` stay open.
 */
export function closeBodies(s: unknown): void {
  if (!s || typeof s !== 'object') return;
  if (Array.isArray(s)) {
    for (const x of s) closeBodies(x);
    return;
  }
  const o = s as Record<string, unknown>;
  mergeObjectIntersection(o);
  if (o.properties && typeof o.properties === 'object') {
    if (o.additionalProperties === undefined && o.patternProperties === undefined) o.additionalProperties = false;
    for (const x of Object.values(o.properties)) closeBodies(x);
  }
  if (o.items && typeof o.items === 'object') closeBodies(o.items);
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(o[k])) closeBodies(o[k]);
}

/**
 * An intersection of plain object schemas (`Type.Intersect([Fields, { version }])`, an `allOf`
 * whose members only list properties) becomes the one object it means, so it can be closed:
 * closing each member of an `allOf` would refuse the other members' properties.
 */
function mergeObjectIntersection(o: Record<string, unknown>): void {
  const members = o.allOf;
  if (!Array.isArray(members) || members.length === 0) return;
  const plain = (m: unknown): m is { properties: Record<string, unknown>; required?: string[] } => {
    if (!m || typeof m !== 'object') return false;
    const r = m as Record<string, unknown>;
    // A member already closed (the same fields serve a create route, closed when it was registered) merges too.
    const closedOrSilent = r.additionalProperties === undefined || r.additionalProperties === false;
    return (
      r.type === 'object' &&
      typeof r.properties === 'object' &&
      closedOrSilent &&
      Object.keys(r).every((k) => ['type', 'properties', 'required', 'additionalProperties'].includes(k))
    );
  };
  if (!members.every(plain)) return;
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  for (const m of members) {
    Object.assign(properties, m.properties);
    for (const r of m.required ?? []) required.add(r);
  }
  delete o.allOf;
  o.type = 'object';
  o.properties = properties;
  if (required.size) o.required = [...required];
}

/** The ajv format behind `iso-date`: a real calendar date (2023-02-30 is not). */
export const isoDateFormat = { type: 'string' as const, validate: (s: string) => isIsoDate(s) };

/**
 * A YYYY-MM-DD date in a route schema. In a path or query the router also rejects
 * 2023-02-30 (format `iso-date`, added by `boundSchema`); in a body the command does,
 * with the field's label (`check.date`).
 */
export const IsoDate = Type.String({ pattern: ISO_DATE_PATTERN, maxLength: 10 });
