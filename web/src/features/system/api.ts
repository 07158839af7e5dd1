import { api } from '../../api/client';

/** 单位 as `GET /api/orgs` presents it. */
export interface Org {
  id: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  uscc: string | null;
  divisionCode: string | null;
  sort: number;
  version: number;
}
export type OrgKind = 'bureau' | 'department' | 'street' | 'other';

export interface OrgInput {
  name: string;
  kind: OrgKind;
  parentId?: string | null;
  uscc?: string | null;
  divisionCode?: string | null;
  sort?: number;
}

/** 用户 as `GET /api/users` presents it. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  roles: string[];
  mustChangePassword: boolean;
  lockedUntil: string | null;
  disabled: boolean;
  version: number;
}

export interface Role {
  key: string;
  label: string;
  scope: 'all' | 'own-org';
}

export interface NewUser {
  username: string;
  displayName: string;
  orgId: string;
  roles: string[];
  password: string;
}

export interface UserPatch {
  displayName?: string;
  orgId?: string;
  roles?: string[];
  disabled?: boolean;
  resetPassword?: string;
}

/** 节假日调整 — one row of the override table. */
export interface CalendarOverride {
  date: string;
  kind: 'workday' | 'holiday';
  name: string | null;
  note: string | null;
}

/** A deadline moved by a calendar change. */
export interface RecomputeChange {
  id: string;
  title: string;
  entity: string;
  entityId: string;
  before: string;
  after: string;
}

/** What saving or deleting an override answers: the deadlines recomputed and what to check. */
export interface OverrideResult {
  changes: RecomputeChange[];
  warnings: string[];
}

/** `GET /api/calendar/day/:date`. */
export interface DayInfo {
  date: string;
  workday: boolean;
  kind: 'weekday' | 'weekend' | 'holiday' | 'makeup';
  name?: string;
  source: 'chinese-days' | 'override' | 'statute' | 'weekday-rule';
}

/** `POST /api/audit/verify`. */
export type VerifyResult = { ok: true; events: number; lastHash: string } | { ok: false; events: number; brokenAt: number; reason: string };

export const systemApi = {
  createOrg: (input: OrgInput) => api.post<Org>('/api/orgs', input),
  updateOrg: (id: string, version: number, patch: Partial<OrgInput>) => api.patch<Org>(`/api/orgs/${id}`, { ...patch, version }),
  createUser: (input: NewUser) => api.post<User>('/api/users', input),
  updateUser: (id: string, version: number, patch: UserPatch) => api.patch<User>(`/api/users/${id}`, { ...patch, version }),
  setOverride: (date: string, body: { kind: CalendarOverride['kind']; name?: string | null; note?: string | null }) =>
    api.put<OverrideResult>(`/api/calendar/overrides/${date}`, body),
  deleteOverride: (date: string) => api.del<OverrideResult>(`/api/calendar/overrides/${date}`),
  dayInfo: (date: string) => api.get<DayInfo>(`/api/calendar/day/${date}`),
  verifyAudit: () => api.post<VerifyResult>('/api/audit/verify'),
};
