import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Shows a server error on the form field it names (when the form has that field),
 * else returns the message for the caller to show. Returns null when placed on a field.
 */
export function applyApiError(form: FormInstance, e: unknown, fieldMap: Record<string, string> = {}): string | null {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
  const field = e.field ? (fieldMap[e.field] ?? e.field) : undefined;
  if (field && form.getFieldsError().some((f) => f.name.join('.') === field)) {
    form.setFields([{ name: field, errors: [e.message] }]);
    return null;
  }
  return e.message;
}
