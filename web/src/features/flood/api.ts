import { api } from '../../api/client';

export type RiskStatus = '未整治' | '整治中' | '已完成';
export const RISK_STATUSES: RiskStatus[] = ['未整治', '整治中', '已完成'];
export const STATUS_COLORS: Record<RiskStatus, string> = { 未整治: '#cf1322', 整治中: '#d48806', 已完成: '#389e0d' };
export const RISK_LEVELS = ['高', '中', '低'] as const;
/** The risk points (unpaged: the map; `/list`: a page of the list; `/export`: the filtered points as the ledger). */
export const RISK_POINT_LIST = '/api/flood/risk-points';
/** The registers' lists on the one list component: `${path}/list` (a page) and `${path}/export` (the filtered rows, the ledger's headers). */
export const DEPLOYMENT_LIST = '/api/flood/deployments';
export const PROJECT_LIST = '/api/flood/projects';
export const DUTY_LIST = '/api/flood/duty';
export const WARNING_LIST = '/api/flood/warnings';
export const WORK_LIST = '/api/flood/works';
export const STATUS_TAG: Record<RiskStatus, string> = { 未整治: 'red', 整治中: 'gold', 已完成: 'green' };

/** 水浸风险点 as `/api/flood/risk-points` presents it. */
export interface RiskPoint {
  id: string;
  code: string;
  name: string;
  orgId: string;
  street: string;
  lng: number | null;
  lat: number | null;
  riskLevel: '高' | '中' | '低' | null;
  registeredOn: string;
  measure: string | null;
  status: RiskStatus;
  completedOn: string | null;
  adminPerson: string | null;
  techPerson: string | null;
  patrolPerson: string | null;
  version: number;
}
export interface Progress {
  id: string;
  onDate: string;
  status: RiskStatus;
  note: string;
  createdBy: string;
}
export interface RiskPointDetail extends RiskPoint {
  progress: Progress[];
  actions: { edit: boolean; progress: boolean };
}

export type ProjectKind = '内涝治理项目' | '零星排水改造应急工程';
export interface Project {
  id: string;
  name: string;
  kind: ProjectKind;
  orgId: string;
  orgName: string;
  street: string | null;
  streetOrgId: string | null;
  startedOn: string | null;
  completedOn: string | null;
  status: string | null;
  version: number;
}

export interface Deployment {
  id: string;
  orgId: string;
  onDate: string;
  event: string;
  persons: number;
  pumps: number;
  vehicles: number;
  note: string | null;
  version: number;
}

export interface DutyLine {
  id?: string;
  orgId?: string;
  date: string;
  shift: string;
  role: 'A角' | 'B角';
  person: string;
  phone: string | null;
}

export interface Warning {
  id: string;
  title: string;
  level: '蓝色' | '黄色' | '橙色' | '红色';
  startsOn: string;
  endsOn: string | null;
  version: number;
}
export interface Dispatch {
  id: string;
  onDate: string;
  chlorideMgl: number | null;
  content: string;
  createdBy: string;
}
export interface WarningDetail extends Warning {
  dispatches: Dispatch[];
  missingDays: string[];
  actions: { edit: boolean; dispatch: boolean };
}

export interface Person {
  name: string;
  post: string | null;
  phone: string | null;
}
export interface Work {
  id: string;
  name: string;
  kind: string;
  location: string | null;
  orgId: string;
  orgName: string;
  admin: Person;
  tech: Person;
  patrol: Person;
  version: number;
}
export interface Disclosure {
  year: number;
  publishedOn: string;
  note: string | null;
  onTime: boolean;
  seasonStartsOn: string;
}
export interface PublicList {
  bureau: string;
  years: number[];
  year: number | null;
  publishedOn: string | null;
  works: Array<Omit<Work, 'id' | 'orgId' | 'orgName' | 'version'> & { org: string }>;
  changes: Array<{ work: string; change: string }>;
}

export const floodApi = {
  createPoint: (body: Partial<RiskPoint>) => api.post<RiskPoint>('/api/flood/risk-points', body),
  updatePoint: (id: string, version: number, body: Partial<RiskPoint>) => api.patch<RiskPoint>(`/api/flood/risk-points/${id}`, { ...body, version }),
  addProgress: (id: string, body: { onDate: string; status: RiskStatus; note: string }) => api.post(`/api/flood/risk-points/${id}/progress`, body),
  createProject: (body: Partial<Project>) => api.post<Project>('/api/flood/projects', body),
  updateProject: (id: string, version: number, body: Partial<Project>) => api.patch<Project>(`/api/flood/projects/${id}`, { ...body, version }),
  createDeployment: (body: Partial<Deployment>) => api.post<Deployment>('/api/flood/deployments', body),
  updateDeployment: (id: string, version: number, body: Partial<Deployment>) => api.patch<Deployment>(`/api/flood/deployments/${id}`, { ...body, version }),
  saveDuty: (entries: DutyLine[]) => api.put<{ days: number; changedDays: number }>('/api/flood/duty', { entries }),
  createWarning: (body: Partial<Warning>) => api.post<Warning>('/api/flood/warnings', body),
  updateWarning: (id: string, version: number, body: Partial<Warning>) => api.patch<Warning>(`/api/flood/warnings/${id}`, { ...body, version }),
  addDispatch: (id: string, body: { onDate: string; chlorideMgl?: number | null; content: string }) =>
    api.post<Dispatch>(`/api/flood/warnings/${id}/dispatches`, body),
  createWork: (body: unknown) => api.post<Work>('/api/flood/works', body),
  updateWork: (id: string, version: number, body: unknown) => api.patch<Work>(`/api/flood/works/${id}`, { ...(body as object), version }),
  publish: (body: { year: number; publishedOn: string; note?: string }) => api.post<Disclosure>('/api/flood/disclosures', body),
};
