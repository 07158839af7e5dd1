import type { Kysely } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import { isIsoDate } from '../../core/calendar/calendar.js';
import { errors } from '../../core/errors.js';

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
  oneOf<T extends string>(field: string, label: string, v: unknown, values: readonly T[], opts: { required?: boolean } = {}): T | null {
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

/**
 * The street offices of a tenant by name; a ledger or a form may write
 * “五山街道” or “五山”.
 */
export async function streetsByName(db: Kysely<KernelDB>, tenantId: string): Promise<{ byName: Map<string, { id: string; name: string }>; byId: Map<string, string>; find(name: string): { id: string; name: string } | undefined }> {
  const rows = await db.selectFrom('org').select(['id', 'name']).where('tenant_id', '=', tenantId).where('kind', '=', 'street').execute();
  const byName = new Map(rows.map((r) => [r.name, r]));
  return {
    byName,
    byId: new Map(rows.map((r) => [r.id, r.name])),
    find: (name: string) => byName.get(name.trim()) ?? byName.get(`${name.trim()}街道`),
  };
}

/** Every org's name by id (presenters show names, not ids). */
export async function orgNames(db: Kysely<KernelDB>, tenantId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('org').select(['id', 'name']).where('tenant_id', '=', tenantId).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The department that owns the module's bureau-level records (河涌: 河湖管理科);
 * the bureau itself when the department does not exist.
 */
export async function homeOrg(db: Kysely<KernelDB>, tenantId: string, department: string): Promise<string> {
  const dept = await db.selectFrom('org').select('id').where('tenant_id', '=', tenantId).where('name', '=', department).executeTakeFirst();
  if (dept) return dept.id;
  const bureau = await db.selectFrom('org').select('id').where('tenant_id', '=', tenantId).where('kind', '=', 'bureau').orderBy('created_at').executeTakeFirstOrThrow();
  return bureau.id;
}

export const RIVER_DEPARTMENT = '河湖管理科';
