/**
 * Water-quality rules: GB 3838-2002 surface-water classes and the 2015 urban
 * black-odorous water guideline. Pure functions over a rules table, each limit
 * with its source, so they can be read against the standard.
 */

/** GB 3838-2002 classes, best first; 劣V is worse than class V on some parameter. */
export const CLASSES = ['I', 'II', 'III', 'IV', 'V', '劣V'] as const;
export type WaterClass = (typeof CLASSES)[number];

/**
 * 水体类型 — GB 3838-2002 表1 sets other limits for 湖、库 (lakes and reservoirs): total
 * phosphorus, and total nitrogen, which is assessed for lakes and reservoirs only.
 */
export const WATER_TYPES = ['河流', '湖泊', '水库'] as const;
export type WaterType = (typeof WATER_TYPES)[number];
export const DEFAULT_WATER_TYPE: WaterType = '河流';
export const isLakeOrReservoir = (t: WaterType | null | undefined): boolean => t === '湖泊' || t === '水库';

/** Parameters a sample may carry (mg/L unless noted). */
export type Param = 'do' | 'codmn' | 'cod' | 'bod5' | 'nh3n' | 'tp' | 'tn';

export interface ParamLimit {
  label: string;
  unit: string;
  kind: 'min' | 'max';
  limits: readonly [number, number, number, number, number];
  source: string;
}

/**
 * GB 3838-2002 表1 地表水环境质量标准基本项目标准限值 (表1's items: 1 水温, 2 pH, 3 溶解氧,
 * 4 高锰酸盐指数, 5 化学需氧量, 6 五日生化需氧量, 7 氨氮, 8 总磷, 9 总氮 …): the limits of
 * classes I..V for a river; DO is a minimum (≥; class I “饱和率90%（或7.5）”, the 7.5 mg/L
 * form is used), the others maxima (≤). For 湖、库 see {@link GB3838_LAKE_LIMITS}.
 * 总氮 is given here with its 湖、库 limits: 表1 sets it for lakes and reservoirs only,
 * so a river's class never uses it.
 */
export const GB3838_LIMITS: Readonly<Record<Param, ParamLimit>> = {
  do: { label: '溶解氧', unit: 'mg/L', kind: 'min', limits: [7.5, 6, 5, 3, 2], source: 'GB 3838-2002 表1 第3项' },
  codmn: { label: '高锰酸盐指数', unit: 'mg/L', kind: 'max', limits: [2, 4, 6, 10, 15], source: 'GB 3838-2002 表1 第4项' },
  cod: { label: '化学需氧量', unit: 'mg/L', kind: 'max', limits: [15, 15, 20, 30, 40], source: 'GB 3838-2002 表1 第5项' },
  bod5: { label: '五日生化需氧量', unit: 'mg/L', kind: 'max', limits: [3, 3, 4, 6, 10], source: 'GB 3838-2002 表1 第6项' },
  nh3n: { label: '氨氮', unit: 'mg/L', kind: 'max', limits: [0.15, 0.5, 1.0, 1.5, 2.0], source: 'GB 3838-2002 表1 第7项' },
  tp: { label: '总磷（以P计）', unit: 'mg/L', kind: 'max', limits: [0.02, 0.1, 0.2, 0.3, 0.4], source: 'GB 3838-2002 表1 第8项（河流）' },
  tn: { label: '总氮（湖、库，以N计）', unit: 'mg/L', kind: 'max', limits: [0.2, 0.5, 1.0, 1.5, 2.0], source: 'GB 3838-2002 表1 第9项（仅湖、库）' },
};

/** GB 3838-2002 表1 的湖、库限值: total phosphorus (第8项括号内) and total nitrogen (第9项). */
export const GB3838_LAKE_LIMITS: Readonly<Pick<Record<Param, ParamLimit>, 'tp' | 'tn'>> = {
  tp: { label: '总磷（湖、库，以P计）', unit: 'mg/L', kind: 'max', limits: [0.01, 0.025, 0.05, 0.1, 0.2], source: 'GB 3838-2002 表1 第8项（湖、库）' },
  tn: GB3838_LIMITS.tn,
};

/** Every parameter a sample may carry. */
export const PARAMS = Object.keys(GB3838_LIMITS) as Param[];
/** The parameters that decide a river's class (总氮 is for lakes and reservoirs only). */
export const RIVER_PARAMS: readonly Param[] = PARAMS.filter((p) => p !== 'tn');

/** The parameters assessed for a water body of this type. */
export function paramsFor(type: WaterType = DEFAULT_WATER_TYPE): readonly Param[] {
  return isLakeOrReservoir(type) ? PARAMS : RIVER_PARAMS;
}

/** The limits of one parameter for a water body of this type (湖、库: TP and TN of the lake columns). */
export function limitOf(param: Param, type: WaterType = DEFAULT_WATER_TYPE): ParamLimit {
  return isLakeOrReservoir(type) && (param === 'tp' || param === 'tn') ? GB3838_LAKE_LIMITS[param] : GB3838_LIMITS[param];
}

/** The class of one parameter's value: the best class whose limit it meets; 劣V beyond V. */
export function paramClass(param: Param, value: number, type: WaterType = DEFAULT_WATER_TYPE): WaterClass {
  const { kind, limits } = limitOf(param, type);
  const i = limits.findIndex((l) => (kind === 'min' ? value >= l : value <= l));
  return i < 0 ? '劣V' : CLASSES[i]!;
}

/** The worse of two classes. */
export function worseClass(a: WaterClass, b: WaterClass): WaterClass {
  return CLASSES.indexOf(a) >= CLASSES.indexOf(b) ? a : b;
}

export type ParamValues = Partial<Record<Param, number | null>>;

/**
 * A sample's class: the worst of its parameters' classes (单因子评价, GB 3838-2002 第5.1条),
 * each by the limits of the water body's type (a river: 总磷 of the river column, 总氮 left
 * out; a lake or reservoir: the 湖、库 总磷 and 总氮); null when it carries none of the
 * parameters assessed. `byParam` and `decidedBy` say why.
 */
export function classify(
  values: ParamValues,
  type: WaterType = DEFAULT_WATER_TYPE,
): { class: WaterClass | null; byParam: Partial<Record<Param, WaterClass>>; decidedBy: Param[] } {
  const byParam: Partial<Record<Param, WaterClass>> = {};
  let worst: WaterClass | null = null;
  const params = paramsFor(type);
  for (const p of params) {
    const v = values[p];
    if (v == null || !Number.isFinite(v)) continue;
    const c = paramClass(p, v, type);
    byParam[p] = c;
    worst = worst ? worseClass(worst, c) : c;
  }
  return { class: worst, byParam, decidedBy: worst ? params.filter((p) => byParam[p] === worst) : [] };
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
 * How a section's class over a period is found:
 * - `worst_month` (the product's convention, METRICS.md `rivers.section_class`, the
 *   default): for each month the mean of each parameter, that mean's class (单因子评价),
 *   and the worst month's class;
 * - `period_mean` (地表水环境质量评价办法（试行）, 环办〔2011〕22号): the arithmetic mean of
 *   each parameter over all the period's samples, and that mean's class (单因子评价). The
 *   办法 assesses 总氮 of a lake or reservoir as a reference indicator on its own, outside
 *   the class: its mean and class are given apart (`reference`).
 */
export const PERIOD_CLASS_METHODS = {
  worst_month: {
    label: '月均值最差月份法',
    text: '按月对各项指标求算术平均值，按GB 3838-2002单因子评价确定月均值类别，取统计期内最差月份的类别',
    source: '本系统口径（METRICS.md）；单因子评价依据GB 3838-2002第5.1条',
  },
  period_mean: {
    label: '时段均值法',
    text: '对统计期内各次监测的每项指标求算术平均值，按GB 3838-2002单因子评价确定类别（湖泊、水库的总氮单独评价，不参与定类）',
    source: '地表水环境质量评价办法（试行）（环办〔2011〕22号）；GB 3838-2002第5.1条',
  },
} as const;
export type PeriodClassMethod = keyof typeof PERIOD_CLASS_METHODS;
export const PERIOD_CLASS_METHOD_KEYS = Object.keys(PERIOD_CLASS_METHODS) as PeriodClassMethod[];
export const DEFAULT_PERIOD_CLASS_METHOD: PeriodClassMethod = 'worst_month';

/** The mean of each parameter over samples (rounded to 4 decimals), those measured at least once. */
function meansOf(xs: readonly DatedSample[], params: readonly Param[]): ParamValues {
  const means: ParamValues = {};
  for (const p of params) {
    const vs = xs.map((x) => x[p]).filter((v): v is number => v != null && Number.isFinite(v));
    if (vs.length) means[p] = Math.round((vs.reduce((a, b) => a + b, 0) / vs.length) * 10000) / 10000;
  }
  return means;
}

export interface PeriodClass {
  class: WaterClass | null;
  method: PeriodClassMethod;
  /** 评价方法 — what was done, in words, and its source. */
  methodLabel: string;
  methodText: string;
  methodSource: string;
  /** Each month's means and class (both methods show them; `worst_month` decides by them). */
  months: Array<{ month: string; samples: number; means: ParamValues; class: WaterClass | null; decidedBy: Param[] }>;
  /** `worst_month`: the month that decided; null for `period_mean`. */
  worstMonth: string | null;
  /** `period_mean`: the period's means and the parameters that decided; null for `worst_month`. */
  period: { samples: number; means: ParamValues; decidedBy: Param[] } | null;
  /** `period_mean` of a lake or reservoir: 总氮 assessed on its own (参考指标), outside the class. */
  reference: { tn: { mean: number; class: WaterClass } } | null;
}

/**
 * 断面水质类别（时段）: a section's class over a period by the chosen method (see
 * {@link PERIOD_CLASS_METHODS}; default `worst_month`, so the product's figures stay),
 * each parameter judged by the limits of the water body's type. Months without samples
 * are skipped; no samples → class null.
 */
export function periodClass(samples: readonly DatedSample[], opts: { method?: PeriodClassMethod; waterType?: WaterType } = {}): PeriodClass {
  const method = opts.method ?? DEFAULT_PERIOD_CLASS_METHOD;
  const type = opts.waterType ?? DEFAULT_WATER_TYPE;
  const m = PERIOD_CLASS_METHODS[method];
  const params = paramsFor(type);
  const byMonth = new Map<string, DatedSample[]>();
  for (const s of samples) byMonth.set(s.sampledOn.slice(0, 7), [...(byMonth.get(s.sampledOn.slice(0, 7)) ?? []), s]);
  const months = [...byMonth.keys()].sort().map((month) => {
    const xs = byMonth.get(month)!;
    const means = meansOf(xs, params);
    const c = classify(means, type);
    return { month, samples: xs.length, means, class: c.class, decidedBy: c.decidedBy };
  });
  const head = { method, methodLabel: m.label, methodText: m.text, methodSource: m.source, months };
  if (method === 'period_mean') {
    const means = meansOf(samples, params);
    // 评价办法: 总氮 of a lake or reservoir is a reference indicator, assessed apart from the class.
    const { tn, ...classed } = means;
    const c = classify(classed, type);
    const reference = isLakeOrReservoir(type) && tn != null ? { tn: { mean: tn, class: paramClass('tn', tn, type) } } : null;
    return { ...head, class: c.class, worstMonth: null, period: samples.length ? { samples: samples.length, means, decidedBy: c.decidedBy } : null, reference };
  }
  let worst: WaterClass | null = null;
  let worstMonth: string | null = null;
  for (const mo of months) {
    if (mo.class && (!worst || CLASSES.indexOf(mo.class) > CLASSES.indexOf(worst))) {
      worst = mo.class;
      worstMonth = mo.month;
    }
  }
  return { ...head, class: worst, worstMonth, period: null, reference: null };
}
