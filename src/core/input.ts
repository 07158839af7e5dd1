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
