/**
 * What the 年度报告 routes and the leaders' dashboard answer, described with TypeBox: the OpenAPI
 * description and the schema Fastify serialises by. compose.ts and dashboard.ts return
 * `Static<typeof …>` of these, so the composed report cannot drift from its schema (the test server
 * checks every answer strictly, src/server/responses.ts).
 */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { Instant, Nullable, Str, NStr, Int, Bool } from '../../core/schemas.js';
import { TrackedDeadlineView } from '../../core/calendar/schemas.js';

/** A metric's value: a number, a class (水质类别) as text, or null when nothing supports it. */
export const MetricValueView = Nullable(Type.Union([Type.Number(), Str]));
const Rounding = Type.Union([
  Type.Literal('exact'),
  Type.Literal('yu10'),
  Type.Literal('yu100'),
  Type.Literal('yu1000'),
  Type.Literal('yu_over10'),
  Type.Literal('yu_over100'),
]);
const FigureFormat = Type.Union([Type.Literal('count'), Type.Literal('percent'), Type.Literal('wan'), Type.Literal('class'), Type.Literal('score')]);

/** A figure in a sentence, as written and with the bureau's choices for it. */
export const ComposedFigureView = Type.Object({
  metric: Str,
  title: Str,
  /** Absent when no module registers the metric. */
  value: Type.Optional(MetricValueView),
  previous: Type.Optional(MetricValueView),
  text: Str,
  approx: Bool,
  missing: Bool,
  /** Stated in the text when the bureau asked for the change on last year. */
  yoy: NStr,
  /** The change on last year, always available to the editor. */
  change: NStr,
  format: FigureFormat,
  rounding: Rounding,
  stateYoy: Bool,
});
export type ComposedFigure = Static<typeof ComposedFigureView>;

export const SegmentView = Type.Union([Type.Object({ text: Str }), Type.Object({ figure: ComposedFigureView })]);
export type Segment = Static<typeof SegmentView>;

export const ComposedSentenceView = Type.Object({
  key: Str,
  segments: Type.Array(SegmentView),
  /** A figure in it has no value: the sentence is flagged, never invented. */
  missing: Bool,
  /** A metric family's sentence (one per member): written into the report only when the bureau includes it. */
  optional: Type.Optional(Type.Object({ metric: Str, included: Bool })),
});
export type ComposedSentence = Static<typeof ComposedSentenceView>;

/** What every section and sub-part carries ('一、' for top sections, '（一）' for sub-parts). */
const SectionBody = Type.Object({
  key: Str,
  number: Str,
  title: Str,
  narrative: Nullable(Type.Object({ body: Str, version: Int, author: Str, at: Instant })),
  sentences: Type.Array(ComposedSentenceView),
});

/** A sub-part (（一）…): the report's template has two levels, so a sub-part has no parts of its own. */
const SubsectionView = Type.Object({ ...SectionBody.properties, children: Type.Array(Type.Object({}), { maxItems: 0 }) });

/** A section with its sub-parts. */
export const ComposedSectionView = Type.Object({ ...SectionBody.properties, children: Type.Array(SubsectionView) });

/** A composed section, as the renderers walk it (the schema above describes the template's two levels). */
export interface ComposedSection extends Static<typeof SectionBody> {
  children: ComposedSection[];
}
/** The compiler's check that a composed section is what the schema describes (a third level is caught by the strict response check). */
export const sectionView = (s: ComposedSection): Static<typeof ComposedSectionView> => s;

/** The annual rule-of-law report: structure, narratives and the sentences generated from metrics. */
export const ComposedReportView = Type.Object(
  {
    report: Type.Literal('rule-of-law'),
    year: Int,
    bureau: Str,
    title: Str,
    sections: Type.Array(ComposedSectionView),
    /** Figures the data cannot support, named for the editor. */
    warnings: Type.Array(Str),
  },
  { description: '法治政府建设年度报告' },
);
export type ComposedReport = Omit<Static<typeof ComposedReportView>, 'sections'> & { sections: ComposedSection[] };

/** One saved version of a section's narrative. */
export const NarrativeVersionView = Type.Object({ version: Int, body: Str, author: Str, created_at: Instant });
export const NarrativeVersionList = Type.Array(NarrativeVersionView);
export type NarrativeVersionView = Static<typeof NarrativeVersionView>;

export const SavedNarrativeView = Type.Object({ version: Int }, { description: '保存后的版本号' });
export const OkView = Type.Object({ ok: Type.Literal(true) });

const MetricRef = Type.Object({ key: Str, title: Str, unit: Str });

/** 领导驾驶舱. */
export const DashboardView = Type.Object(
  {
    year: Int,
    figures: Type.Array(Type.Object({ key: Str, title: Str, unit: Str, value: MetricValueView, previous: MetricValueView, change: NStr })),
    trends: Type.Object({ months: Type.Array(Int), series: Type.Array(Type.Object({ key: Str, title: Str, values: Type.Array(MetricValueView) })) }),
    deadlines: Type.Object({
      byModule: Type.Array(Type.Object({ module: Str, title: Str, overdue: Int, dueSoon: Int, ok: Int })),
      urgent: Type.Array(TrackedDeadlineView),
    }),
    streets: Type.Object({
      metrics: Type.Array(MetricRef),
      /** Each street's values keyed by metric: a free-form map. */
      rows: Type.Array(Type.Object({ orgId: Str, name: Str, values: Type.Record(Str, MetricValueView), overdue: Int })),
    }),
  },
  { description: '领导驾驶舱' },
);
export type DashboardView = Static<typeof DashboardView>;
export type DashboardFigure = DashboardView['figures'][number];
