import { SHARED_ACTION_LABELS, SHARED_NOTE_LABELS } from '../../../src/core/labels';

/** Chinese names of the audit verbs every module shares (src/core/labels.ts); a module's own come from its labels. */
export const ACTION_LABELS: Readonly<Record<string, string>> = SHARED_ACTION_LABELS;

/** The action's Chinese name, or the verb itself when unknown. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/** Tag colour of an action in the audit views. */
export function actionColor(action: string): string {
  if (action === 'created' || action === 'imported') return 'green';
  if (action === 'deleted' || action === 'locked' || action === 'login_failed' || action === 'login_refused') return 'red';
  if (action === 'updated' || action === 'password_reset' || action === 'password_changed') return 'blue';
  if (action === 'deadline_recomputed') return 'orange';
  return 'default';
}

/** Chinese names of the note keys every module shares (src/core/labels.ts). */
export const NOTE_LABELS: Readonly<Record<string, string>> = SHARED_NOTE_LABELS;

/** A note value as text: a few well-known codes in Chinese, else as is. */
export function noteValue(key: string, v: unknown): string {
  if (key === 'by' && v === 'self') return '本人修改';
  if (key === 'via' && typeof v === 'string' && v.startsWith('ledger:')) return `台账导入（${v.slice(7)}）`;
  if (key === 'via' && v === 'demo') return '演示数据';
  if (v === null || v === undefined) return '（空）';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
