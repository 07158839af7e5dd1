import { api } from '../../api/client';

export type BlackGrade = 'none' | 'light' | 'severe';
export const GRADE_LABEL: Record<BlackGrade, string> = { none: '不黑不臭', light: '轻度黑臭', severe: '重度黑臭' };
export const GRADE_COLOR: Record<BlackGrade, string> = { none: 'green', light: 'orange', severe: 'red' };
/** The water samples (`/list`: a page of the list; `/export`: the filtered samples as the water-samples ledger). */
export const SAMPLE_LIST = '/api/water-samples';
/** The alert list's routes: `${ALERT_LIST}/list` (a page) and `${ALERT_LIST}/export` (the filtered alerts, the list's columns). */
export const ALERT_LIST = '/api/river-alerts';
export const CLASS_COLOR: Record<string, string> = { I: 'cyan', II: 'blue', III: 'green', IV: 'gold', V: 'orange', 劣V: 'red' };

/** 水体类型 — GB 3838-2002 表1: 湖泊、水库 use the 湖、库 总磷 limits and are assessed for 总氮. */
export const WATER_TYPES = ['河流', '湖泊', '水库'] as const;
export type WaterType = (typeof WATER_TYPES)[number];
export const isLakeOrReservoir = (t: WaterType | undefined) => t === '湖泊' || t === '水库';

/** How a section's class over the year is found (`GET /api/rivers/:id?classMethod=`). */
export type PeriodClassMethod = 'worst_month' | 'period_mean';
export const PERIOD_CLASS_METHOD_LABEL: Record<PeriodClassMethod, string> = { worst_month: '月均值最差月份法', period_mean: '时段均值法' };

export interface River {
  id: string;
  name: string;
  lengthKm: number | null;
  orgId: string;
  owner: string;
  streets: string[];
  streetOrgIds: string[];
  chief: string | null;
  waterType: WaterType;
  sections: Array<{ id: string; name: string }>;
  version: number;
  samples?: number;
  blackSamples?: number;
  latest?: { sampledOn: string; gbClass: string | null; blackGrade: BlackGrade | null } | null;
  openAlerts?: number;
}

export interface Sample {
  id: string;
  riverId: string;
  river: string;
  waterType: WaterType;
  sectionId: string | null;
  section: string | null;
  sampledOn: string;
  transparencyCm: number | null;
  depthCm: number | null;
  doMgl: number | null;
  orpMv: number | null;
  nh3nMgl: number | null;
  tpMgl: number | null;
  codMgl: number | null;
  codmnMgl: number | null;
  bod5Mgl: number | null;
  tnMgl: number | null;
  gbClass: string | null;
  classByParam: Record<string, string>;
  classDecidedBy: string[];
  blackGrade: BlackGrade | null;
  blackGradeLabel: string;
  blackByParam: Record<string, BlackGrade>;
  transparencyBound: number;
  createdBy: string;
  version: number;
  alert?: Alert | null;
}

export interface Alert {
  id: string;
  riverId: string;
  river: string;
  sampleId: string;
  orgId: string;
  owner: string;
  grade: 'light' | 'severe';
  gradeLabel: string;
  raisedOn: string;
  message: string;
  status: 'open' | 'handled';
  handledOn: string | null;
  handledBy: string | null;
  handledNote: string | null;
  version: number;
  actions?: { handle: boolean };
}

export interface SectionClass {
  sectionId: string;
  section: string;
  class: string | null;
  method: PeriodClassMethod;
  methodLabel: string;
  methodText: string;
  methodSource: string;
  worstMonth: string | null;
  months: Array<{ month: string; samples: number; class: string | null; decidedBy: string[] }>;
  period: { samples: number; means: Record<string, number>; decidedBy: string[] } | null;
  reference: { tn: { mean: number; class: string } } | null;
}

export interface RiverDetail extends Omit<River, 'samples'> {
  samples: Sample[];
  sectionClasses: SectionClass[];
  alerts: Alert[];
  actions: { edit: boolean; sample: boolean };
}

/** Measured values: key, label, unit (GB 3838 parameters and the black-odour ones). */
export const MEASURES = [
  ['transparencyCm', '透明度', 'cm'],
  ['depthCm', '水深', 'cm'],
  ['doMgl', '溶解氧', 'mg/L'],
  ['orpMv', '氧化还原电位', 'mV'],
  ['nh3nMgl', '氨氮', 'mg/L'],
  ['tpMgl', '总磷', 'mg/L'],
  ['codMgl', '化学需氧量', 'mg/L'],
  ['codmnMgl', '高锰酸盐指数', 'mg/L'],
  ['bod5Mgl', '五日生化需氧量', 'mg/L'],
  ['tnMgl', '总氮（湖、库）', 'mg/L'],
] as const;

export const PARAM_LABEL: Record<string, string> = {
  do: '溶解氧',
  codmn: '高锰酸盐指数',
  cod: '化学需氧量',
  bod5: '五日生化需氧量',
  nh3n: '氨氮',
  tp: '总磷',
  tn: '总氮',
  transparency: '透明度',
  orp: '氧化还原电位',
};

export const riversApi = {
  createRiver: (body: unknown) => api.post<River>('/api/rivers', body),
  updateRiver: (id: string, version: number, body: unknown) => api.patch<River>(`/api/rivers/${id}`, { ...(body as object), version }),
  recordSample: (body: unknown) => api.post<Sample>('/api/water-samples', body),
  handleAlert: (id: string, version: number, note: string) => api.post<Alert>(`/api/river-alerts/${id}/handle`, { version, note }),
};
