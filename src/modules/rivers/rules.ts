/**
 * Water-quality rules: GB 3838-2002 surface-water classes and the 2015 urban
 * black-odorous water guideline. Pure functions over a rules table, each limit
 * with its source, so they can be read against the standard.
 */

/** GB 3838-2002 classes, best first; 劣V is worse than class V on some parameter. */
export const CLASSES = ['I', 'II', 'III', 'IV', 'V', '劣V'] as const;
export type WaterClass = (typeof CLASSES)[number];

/** Parameters a sample may carry (mg/L unless noted). */
export type Param = 'do' | 'codmn' | 'cod' | 'bod5' | 'nh3n' | 'tp';

/**
 * GB 3838-2002 表1 基本项目标准限值 (rivers; TP for lakes and reservoirs differs):
 * DO is a minimum (≥), the others maxima (≤). Limits for I..V.
 */
export const GB3838_LIMITS: Readonly<
  Record<Param, { label: string; unit: string; kind: 'min' | 'max'; limits: readonly [number, number, number, number, number]; source: string }>
> = {
  do: { label: '溶解氧', unit: 'mg/L', kind: 'min', limits: [7.5, 6, 5, 3, 2], source: 'GB 3838-2002 表1 第4项' },
  codmn: { label: '高锰酸盐指数', unit: 'mg/L', kind: 'max', limits: [2, 4, 6, 10, 15], source: 'GB 3838-2002 表1 第5项' },
  cod: { label: '化学需氧量', unit: 'mg/L', kind: 'max', limits: [15, 15, 20, 30, 40], source: 'GB 3838-2002 表1 第6项' },
  bod5: { label: '五日生化需氧量', unit: 'mg/L', kind: 'max', limits: [3, 3, 4, 6, 10], source: 'GB 3838-2002 表1 第7项' },
  nh3n: { label: '氨氮', unit: 'mg/L', kind: 'max', limits: [0.15, 0.5, 1.0, 1.5, 2.0], source: 'GB 3838-2002 表1 第8项' },
  tp: { label: '总磷', unit: 'mg/L', kind: 'max', limits: [0.02, 0.1, 0.2, 0.3, 0.4], source: 'GB 3838-2002 表1 第9项（河流）' },
};

export const PARAMS = Object.keys(GB3838_LIMITS) as Param[];

/** The class of one parameter's value: the best class whose limit it meets; 劣V beyond V. */
export function paramClass(param: Param, value: number): WaterClass {
  const { kind, limits } = GB3838_LIMITS[param];
  const i = limits.findIndex((l) => (kind === 'min' ? value >= l : value <= l));
  return i < 0 ? '劣V' : CLASSES[i]!;
}

/** The worse of two classes. */
export function worseClass(a: WaterClass, b: WaterClass): WaterClass {
  return CLASSES.indexOf(a) >= CLASSES.indexOf(b) ? a : b;
}

export type ParamValues = Partial<Record<Param, number | null>>;

/**
 * A sample's class: the worst of its parameters' classes (单因子评价, GB 3838-2002
 * §6); null when it carries none of the parameters. `byParam` and `decidedBy` say why.
 */
export function classify(values: ParamValues): { class: WaterClass | null; byParam: Partial<Record<Param, WaterClass>>; decidedBy: Param[] } {
  const byParam: Partial<Record<Param, WaterClass>> = {};
  let worst: WaterClass | null = null;
  for (const p of PARAMS) {
    const v = values[p];
    if (v == null || !Number.isFinite(v)) continue;
    const c = paramClass(p, v);
    byParam[p] = c;
    worst = worst ? worseClass(worst, c) : c;
  }
  return { class: worst, byParam, decidedBy: worst ? PARAMS.filter((p) => byParam[p] === worst) : [] };
}

// ─────────────────────────── Black-odorous water ───────────────────────────

export const BLACK_GRADES = ['none', 'light', 'severe'] as const;
export type BlackGrade = (typeof BLACK_GRADES)[number];
export const BLACK_GRADE_LABELS: Record<BlackGrade, string> = { none: '不黑不臭', light: '轻度黑臭', severe: '重度黑臭' };

export type BlackParam = 'transparency' | 'do' | 'orp' | 'nh3n';

/**
 * 城市黑臭水体整治工作指南（住房城乡建设部、环境保护部，2015）表1 城市黑臭水体污染程度分级标准:
 *
 * | 指标 | 轻度黑臭 | 重度黑臭 |
 * |---|---|---|
 * | 透明度 (cm) | 25～10 (水深不足25 cm时，该指标按水深的40%取值) | < 10 |
 * | 溶解氧 (mg/L) | 0.2～2.0 | < 0.2 |
 * | 氧化还原电位 (mV) | −200～50 | < −200 |
 * | 氨氮 (mg/L) | 8.0～15 | > 15 |
 *
 * Boundaries: a light range is taken inclusive (a transparency of exactly 25 cm is
 * light), the severe bound exclusive as the table writes “<” and “>”. The shallow-water
 * rule replaces the 25 cm bound by 40 % of the depth; the 10 cm severe bound stays, so
 * shallow water graded by transparency (below 40 % of a depth under 25 cm, hence under
 * 10 cm) is severe. (The boundary convention and this reading are this system's; unverified.)
 */
export const BLACK_THRESHOLDS = {
  transparency: { label: '透明度', unit: 'cm', light: 25, severe: 10, shallowDepth: 25, shallowShare: 0.4 },
  do: { label: '溶解氧', unit: 'mg/L', light: 2.0, severe: 0.2 },
  orp: { label: '氧化还原电位', unit: 'mV', light: 50, severe: -200 },
  nh3n: { label: '氨氮', unit: 'mg/L', light: 8.0, severe: 15 },
  source: '城市黑臭水体整治工作指南（建城〔2015〕130号）表1',
} as const;

export interface BlackInput {
  transparencyCm?: number | null;
  depthCm?: number | null;
  doMgl?: number | null;
  orpMv?: number | null;
  nh3nMgl?: number | null;
}

/** The transparency bound for light black-odour at this depth (25 cm, or 40 % of a depth under 25 cm). */
export function transparencyLightBound(depthCm: number | null | undefined): number {
  const t = BLACK_THRESHOLDS.transparency;
  return depthCm != null && depthCm > 0 && depthCm < t.shallowDepth ? Math.round(depthCm * t.shallowShare * 100) / 100 : t.light;
}

/** One parameter's grade. */
export function blackParamGrade(param: BlackParam, value: number, depthCm?: number | null): BlackGrade {
  const T = BLACK_THRESHOLDS;
  switch (param) {
    case 'transparency': {
      if (value > transparencyLightBound(depthCm)) return 'none';
      return value < T.transparency.severe ? 'severe' : 'light';
    }
    case 'do':
      return value < T.do.severe ? 'severe' : value <= T.do.light ? 'light' : 'none';
    case 'orp':
      return value < T.orp.severe ? 'severe' : value <= T.orp.light ? 'light' : 'none';
    case 'nh3n':
      return value > T.nh3n.severe ? 'severe' : value >= T.nh3n.light ? 'light' : 'none';
  }
}

const rank = (g: BlackGrade) => BLACK_GRADES.indexOf(g);

/**
 * A sample's black-odour grade: any one parameter graded makes the water graded;
 * the worst parameter decides between light and severe. Parameters not measured
 * are left out; with none measured the grade is null (not assessed).
 */
export function gradeBlackOdour(s: BlackInput): { grade: BlackGrade | null; byParam: Partial<Record<BlackParam, BlackGrade>>; transparencyBound: number } {
  const byParam: Partial<Record<BlackParam, BlackGrade>> = {};
  const vals: Array<[BlackParam, number | null | undefined]> = [
    ['transparency', s.transparencyCm],
    ['do', s.doMgl],
    ['orp', s.orpMv],
    ['nh3n', s.nh3nMgl],
  ];
  let grade: BlackGrade | null = null;
  for (const [p, v] of vals) {
    if (v == null || !Number.isFinite(v)) continue;
    const g = blackParamGrade(p, v, s.depthCm);
    byParam[p] = g;
    grade = grade === null || rank(g) > rank(grade) ? g : grade;
  }
  return { grade, byParam, transparencyBound: transparencyLightBound(s.depthCm) };
}

// ─────────────────────────── A section's class over a period ───────────────────────────

export interface DatedSample extends ParamValues {
  sampledOn: string;
}

/**
 * 断面水质类别（时段）: for each month, the mean of each parameter over the
 * section's samples of that month; that mean's class (worst parameter); the period's
 * class is the worst month's. Months without samples are skipped. (METRICS.md
 * rivers.section_class; the monthly-mean method follows 地表水环境质量评价办法（试行）.)
 */
export function periodClass(samples: readonly DatedSample[]): {
  class: WaterClass | null;
  months: Array<{ month: string; samples: number; means: ParamValues; class: WaterClass | null; decidedBy: Param[] }>;
  worstMonth: string | null;
} {
  const byMonth = new Map<string, DatedSample[]>();
  for (const s of samples) byMonth.set(s.sampledOn.slice(0, 7), [...(byMonth.get(s.sampledOn.slice(0, 7)) ?? []), s]);
  const months = [...byMonth.keys()].sort().map((month) => {
    const xs = byMonth.get(month)!;
    const means: ParamValues = {};
    for (const p of PARAMS) {
      const vs = xs.map((x) => x[p]).filter((v): v is number => v != null && Number.isFinite(v));
      if (vs.length) means[p] = Math.round((vs.reduce((a, b) => a + b, 0) / vs.length) * 10000) / 10000;
    }
    const c = classify(means);
    return { month, samples: xs.length, means, class: c.class, decidedBy: c.decidedBy };
  });
  let worst: WaterClass | null = null;
  let worstMonth: string | null = null;
  for (const m of months) {
    if (m.class && (!worst || CLASSES.indexOf(m.class) > CLASSES.indexOf(worst))) {
      worst = m.class;
      worstMonth = m.month;
    }
  }
  return { class: worst, months, worstMonth };
}
