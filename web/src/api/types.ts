/** Shapes the kernel routes answer with (see /api/docs). Module-specific shapes live in each feature's api.ts. */

/** `GET /api/auth/me`. */
export interface Me {
  userId: string;
  username: string;
  name: string;
  org: { id: string; name: string; kind: string } | null;
  /** `watermark`: the bureau's 屏幕水印 setting (系统设置). */
  tenant: { id: string; name: string; watermark?: boolean } | null;
  roles: Array<{ key: string; label: string }>;
  scope: { all: true } | { all: false; orgIds: string[] };
  permissions: string[];
  csrfToken: string;
  mustChangePassword: boolean;
  modules: Array<{ key: string; title: string }>;
}

/** One field's change in an audit event. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** An audit event (`GET /api/audit`, `GET /api/history/:entity/:id`); `at` is an ISO instant. */
export interface AuditEvent {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string;
  orgId: string | null;
  entity: string;
  entityId: string;
  action: string;
  changes: { fields: FieldChange[]; note?: Record<string, unknown> };
  requestId: string | null;
  prevHash: string;
  hash: string;
}

/** 期限状态 as the server computes it. */
export type DeadlineStatus = 'done' | 'ok' | 'due_soon' | 'overdue';

/** A tracked deadline (`GET /api/deadlines`). */
export interface TrackedDeadline {
  id: string;
  module: string;
  entity: string;
  entityId: string;
  orgId: string;
  title: string;
  rule: { key: string; label: string; unit: DeadlineUnit; n: number; source: string };
  start: string;
  due: string;
  doneOn: string | null;
  status: DeadlineStatus;
  /** The record as people name it (案号、工单编号 …), when its module gave one. */
  label: string | null;
  /** Assigned to me (本人承办). */
  mine: boolean;
}

/** 我的待办 (`GET /api/deadlines/mine`): mine first, then my unit's; the bell's counts. */
export interface MyDeadlines {
  items: TrackedDeadline[];
  overdue: number;
  dueSoon: number;
}

export type DeadlineUnit = 'workday' | 'day' | 'month';

/** A day met inside a period. */
export interface MetDay {
  date: string;
  name?: string;
}

/** A deadline's explanation (`GET /api/calendar/explain`, `GET /api/deadlines/:id`). */
export interface DeadlineExplanation {
  start: string;
  effectiveStart: string;
  source: string;
  due: string;
  unit: DeadlineUnit;
  n: number;
  extensionDays: number;
  extensions: Array<{ n: number; unit: DeadlineUnit; reason: string; approvedOn?: string }>;
  pausedDays: number;
  countedDays: string[];
  holidaysMet: MetDay[];
  makeupDaysMet: MetDay[];
  rolledFrom?: string;
  warnings: string[];
  text: string;
}
