import { systemActor } from '../../core/context.js';
import type { System } from '../../core/system.js';
import type { MetricDef } from '../../core/metrics/registry.js';
import { yearPeriod, metricQuery } from '../../core/metrics/registry.js';
import { formatFigure, formatOf, yoyPhrase, type FigureFormat } from './figures.js';
import { RULE_OF_LAW_REPORT, type SectionDef, type SentencePart } from './template.js';
import { currentNarratives, figureOptions, tenantOf } from './repository.js';
import type { ComposedFigure, ComposedReport, ComposedSection, ComposedSentence, Segment } from './schemas.js';

export type { ComposedFigure, ComposedReport, ComposedSection, ComposedSentence, Segment } from './schemas.js';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/**
 * Composes the annual rule-of-law report for a year from the bureau's narratives
 * and the metric registry (this year's and last year's values).
 */
export async function composeRuleOfLawReport(sys: System, tenantId: string, year: number): Promise<ComposedReport> {
  const q = metricQuery(sys.ctx(systemActor(tenantId, '报告')), yearPeriod(year));
  const qPrev = { ...q, period: yearPeriod(year - 1) };
  const defs = await sys.registry.metrics.expand(q);
  const byKey = new Map<string, MetricDef>(defs.map((d) => [d.key, d]));
  const [values, previous, narratives, options, tenant] = await Promise.all([
    sys.registry.metrics.computeAll(q, defs),
    sys.registry.metrics.computeAll(qPrev, defs),
    currentNarratives(sys.db, tenantId, 'rule-of-law', year),
    figureOptions(sys.db, tenantId, 'rule-of-law', year),
    tenantOf(sys.db, tenantId),
  ]);
  const warnings: string[] = [];

  const figure = (p: Exclude<SentencePart, string>): ComposedFigure => {
    const def = byKey.get(p.metric);
    const format: FigureFormat = p.format ?? (def ? formatOf(def.unit) : 'count');
    const opt = options.get(p.metric);
    const f = formatFigure(def ? values[p.metric] : undefined, format, opt?.rounding ?? 'exact');
    if (!def) warnings.push(`指标 ${p.metric} 尚无来源（相关模块未启用），该句已标注，不会编造数字`);
    else if (f.missing) warnings.push(`指标“${def.title}”在${year}年没有记录可以支撑，该句已标注`);
    const change = def ? yoyPhrase(values[p.metric], previous[p.metric], format) : null;
    return {
      metric: p.metric,
      title: def?.title ?? p.metric,
      value: def ? values[p.metric] : undefined,
      previous: def ? previous[p.metric] : undefined,
      text: f.text,
      approx: f.approx,
      missing: f.missing,
      yoy: opt?.stateYoy ? change : null,
      change,
      format,
      rounding: opt?.rounding ?? 'exact',
      stateYoy: opt?.stateYoy ?? false,
    };
  };

  const sentence = (key: string, parts: readonly SentencePart[]): ComposedSentence => {
    const segments: Segment[] = parts.map((p) => (typeof p === 'string' ? { text: p.replaceAll('{year}', String(year)) } : { figure: figure(p) }));
    return { key, segments, missing: segments.some((s) => 'figure' in s && s.figure.missing) };
  };

  const section = (d: SectionDef, index: number, depth: number): ComposedSection => {
    const n = narratives.get(d.key);
    const families = (d.familySentences ?? []).flatMap((fs) =>
      defs
        .filter((x) => x.key.startsWith(`${fs.prefix}.`))
        .map((x) => ({
          ...sentence(x.key, fs.parts(x.key.slice(fs.prefix.length + 1))),
          optional: { metric: x.key, included: options.get(x.key)?.include ?? false },
        })),
    );
    return {
      key: d.key,
      number: depth === 0 ? `${CN[index]}、` : `（${CN[index]}）`,
      title: d.title.replaceAll('{year}', String(year)).replaceAll('{next}', String(year + 1)),
      narrative: n ? { body: n.body, version: n.version, author: n.author, at: new Date(n.created_at).toISOString() } : null,
      sentences: [...(d.sentences ?? []).map((s) => sentence(s.key, s.parts)), ...families],
      children: (d.children ?? []).map((c, i) => section(c, i, depth + 1)),
    };
  };

  return {
    report: 'rule-of-law',
    year,
    bureau: tenant.name,
    title: `${tenant.name}关于${year}年度法治政府建设情况的报告`,
    sections: RULE_OF_LAW_REPORT.map((d, i) => section(d, i, 0)),
    warnings: [...new Set(warnings)],
  };
}

/** The sentences a rendered report states: every sentence, except family sentences the bureau did not include. */
export function statedSentences(s: ComposedSection): ComposedSentence[] {
  return s.sentences.filter((x) => !x.optional || x.optional.included);
}

/** The sentence's plain text, with 余/逾 and the year-over-year phrase where chosen. */
export function sentenceText(s: ComposedSentence): string {
  return s.segments
    .map((seg) => ('text' in seg ? seg.text : seg.figure.text + (seg.figure.yoy ? `（${seg.figure.yoy}）` : '')))
    .join('')
    .replace(/(\d)%（/g, '$1%（');
}

/** Every figure of a composed report, in reading order. */
export function allFigures(r: ComposedReport): ComposedFigure[] {
  const walk = (s: ComposedSection): ComposedFigure[] => [
    ...statedSentences(s).flatMap((x) => x.segments.flatMap((seg) => ('figure' in seg ? [seg.figure] : []))),
    ...s.children.flatMap(walk),
  ];
  return r.sections.flatMap(walk);
}
