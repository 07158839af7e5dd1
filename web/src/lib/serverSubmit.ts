import { useState } from 'react';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyApiError } from './formErrors';
import { asSave } from './editing';

/**
 * A form's save to the server: `saving` while it runs; a refusal goes on the field the server names
 * (or into `error`, for the alert at the top of the form), cleared on the next try. The leave guard
 * takes a save that succeeded as the end of the edit (`asSave`).
 */
export function useServerSubmit<V>(form: FormInstance, save: (values: V) => Promise<void>, fieldMap?: Record<string, string>) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (values: V) => {
    setSaving(true);
    setError(null);
    try {
      await asSave(() => save(values));
    } catch (e) {
      setError(applyApiError(form, e, fieldMap));
    } finally {
      setSaving(false);
    }
  };
  return { error, saving, submit };
}

/**
 * A form's values as the API takes them: each date picked (a Dayjs) as YYYY-MM-DD; the fields named in
 * `instants` (a date and time, `DateTimeInput`) as YYYY-MM-DD HH:mm, the minute kept.
 */
export function isoDates(values: Record<string, unknown>, instants: readonly string[] = []): Record<string, unknown> {
  const text = (k: string, v: Dayjs) => v.format(instants.includes(k) ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD');
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, dayjs.isDayjs(v) ? text(k, v) : v]));
}
