import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Shows a server error on the form field it names (when the form has that field),
 * else returns the message for the caller to show. Returns null when placed on a field.
 */
export function applyApiError(form: FormInstance, e: unknown, fieldMap: Record<string, string> = {}): string | null {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
  const field = e.field ? (fieldMap[e.field] ?? e.field) : undefined;
  // The form's own name of the field: a nested one (`scores.legal` → ['scores', 'legal']) is a path, not a dotted key.
  const named = field ? form.getFieldsError().find((f) => f.name.join('.') === field) : undefined;
  if (named) {
    form.setFields([{ name: named.name, errors: [e.message] }]);
    return null;
  }
  return e.message;
}
