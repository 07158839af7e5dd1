import { api } from '../../api/client';

/** How a figure is written in the report (the server's FigureFormat). */
export type FigureFormat = 'count' | 'percent' | 'wan' | 'class' | 'score';

/** 取整 — how a count is stated: exactly, 'N余' or '逾N'. */
export type Rounding = 'exact' | 'yu10' | 'yu100' | 'yu1000' | 'yu_over10' | 'yu_over100';

/** A figure in a sentence, as `GET /api/reports/rule-of-law/:year` composes it. */
export interface ComposedFigure {
  metric: string;
  title: string;
  value: number | string | null | undefined;
  previous: number | string | null | undefined;
  /** The text as it stands in the sentence ('981', '70.11', '200余', '（无数据）'). */
  text: string;
  approx: boolean;
  /** No value to state: the sentence is flagged (待核实), never invented. */
  missing: boolean;
  /** The change on last year as stated in the text (only when the bureau asked for it). */
  yoy: string | null;
  /** The change on last year, always available to the editor (null: nothing to compare). */
  change: string | null;
  /** Sent by newer servers: the figure's format and the bureau's options for it. */
  format?: FigureFormat;
  rounding?: Rounding;
  stateYoy?: boolean;
}

export type Segment = { text: string } | { figure: ComposedFigure };

export interface ComposedSentence {
  key: string;
  segments: Segment[];
  missing: boolean;
  /** One member of a metric family (e.g. a monitoring section): stated only when the bureau includes it. */
  optional?: { metric: string; included: boolean };
}

export interface Narrative {
  body: string;
  version: number;
  author: string;
  /** ISO instant. */
  at: string;
}

export interface ComposedSection {
  key: string;
  /** '一、' or '（一）'. */
  number: string;
  title: string;
  narrative: Narrative | null;
  sentences: ComposedSentence[];
  children: ComposedSection[];
}

export interface ComposedReport {
  report: 'rule-of-law';
  year: number;
  bureau: string;
  title: string;
  sections: ComposedSection[];
  /** Figures the data cannot support (待核实). */
  warnings: string[];
}

/** A stored version of a narrative (`GET …/narratives/:section/versions`, newest first). */
export interface NarrativeVersion {
  version: number;
  body: string;
  author: string;
  created_at: string;
}

export const ROUNDING_OPTIONS: ReadonlyArray<{ value: Rounding; label: string; example: string }> = [
  { value: 'exact', label: '精确', example: '如 293' },
  { value: 'yu10', label: '十位取整（N余）', example: '如 290余' },
  { value: 'yu100', label: '百位取整（N余）', example: '如 200余' },
  { value: 'yu1000', label: '千位取整（N余）', example: '如 1000余' },
  { value: 'yu_over10', label: '十位取整（逾N）', example: '如 逾290' },
  { value: 'yu_over100', label: '百位取整（逾N）', example: '如 逾200' },
];

export type DocumentFormat = 'docx' | 'html' | 'pdf';

const base = (year: number) => `/api/reports/rule-of-law/${year}`;

/** Paths and writes of the annual rule-of-law report (src/modules/reports/routes.ts). */
export const reportsApi = {
  reportPath: (year: number) => base(year),
  versionsPath: (year: number, section: string) => `${base(year)}/narratives/${encodeURIComponent(section)}/versions`,
  documentPath: (year: number, format: DocumentFormat) => `${base(year)}/document?format=${format}`,
  metricsXlsxPath: (year: number) => `/api/reports/metrics/${year}`,
  versions: (year: number, section: string) => api.get<NarrativeVersion[]>(`${base(year)}/narratives/${encodeURIComponent(section)}/versions`),
  /** Saves a narrative as a new version; `baseVersion` is the version the editor loaded (null: none) — a stale one gets 409. */
  saveNarrative: (year: number, section: string, body: string, baseVersion: number | null) =>
    api.put<{ version: number }>(`${base(year)}/narratives/${encodeURIComponent(section)}`, { body, baseVersion }),
  setFigureOption: (year: number, metric: string, rounding: Rounding, stateYoy: boolean) =>
    api.put<{ ok: true }>(`${base(year)}/figures/${encodeURIComponent(metric)}`, { rounding, stateYoy }),
};
