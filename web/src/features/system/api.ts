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

/** The org list (`/list`: a page of orgs with their parent's name; `/export`: the filtered orgs under the orgs ledger's headers). */
export const ORG_LIST = '/api/orgs';
/** An org in the list: the org and its parent's name (null: none, or not in the user's scope). */
export type OrgListRow = Org & { parentName: string | null };

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
  createApiKey: (input: { name: string; permissions: string[]; expiresOn: string }) => api.post<NewApiKey>('/api/api-keys', input),
  revokeApiKey: (id: string) => api.post<ApiKey>(`/api/api-keys/${id}/revoke`),
};

/** 接口密钥 as `GET /api/api-keys` presents it (never the secret). */
export interface ApiKey {
  id: string;
  name: string;
  permissions: string[];
  createdBy: string;
  createdAt: string;
  expiresOn: string;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
  status: 'active' | 'expired' | 'revoked';
}

/** A key just created: the token is shown this once. */
export interface NewApiKey {
  key: ApiKey;
  token: string;
}

/** A permission a key may be given, with its Chinese name and module. */
export interface GrantablePermission {
  key: string;
  label: string;
  module: string;
  moduleTitle: string;
}
