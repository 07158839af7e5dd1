/**
 * What the 河涌水质 routes answer, described with TypeBox: the OpenAPI description of each
 * answer and the schema it is serialised by. The presenters return `Static<typeof …>` of
 * these, so a presenter and its schema cannot drift (and the test server checks every
 * answer strictly, src/server/responses.ts).
 */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { Nullable, OneOf, Str, NStr, Int, Bool, IsoDateString as Day } from '../../core/schemas.js';
import { BLACK_GRADES, CLASSES, PARAMS, PERIOD_CLASS_METHOD_KEYS, WATER_TYPES, type BlackParam } from './rules.js';

const Num = Type.Number();
const NNum = Nullable(Num);
/** An object with some of the given keys, each of one schema (a value per parameter measured). */
const byKey = <T extends ReturnType<typeof OneOf> | typeof Num | typeof NNum>(keys: readonly string[], value: T) =>
  Type.Partial(Type.Object(Object.fromEntries(keys.map((k) => [k, value])) as Record<string, T>));

const WaterClass = OneOf(CLASSES);
const WaterType = OneOf(WATER_TYPES);
const BlackGrade = OneOf(BLACK_GRADES);
const AlertGrade = OneOf(['light', 'severe'] as const);
const BLACK_PARAMS: readonly BlackParam[] = ['transparency', 'do', 'orp', 'nh3n'];

/** 河涌 (its sections listed). */
export const RiverView = Type.Object(
  {
    id: Str,
    name: Str,
    lengthKm: NNum,
    orgId: Str,
    owner: Str,
    streets: Type.Array(Str),
    streetOrgIds: Type.Array(Str),
    chief: NStr,
    waterType: WaterType,
    sections: Type.Array(Type.Object({ id: Str, name: Str })),
    version: Int,
  },
  { description: '河涌' },
);
export type RiverView = Static<typeof RiverView>;

/** A river as the list shows it: the year's samples, black-odour samples, the latest sample and open alerts. */
export const RiverListItemView = Type.Object(
  {
    ...RiverView.properties,
    samples: Int,
    blackSamples: Int,
    latest: Nullable(Type.Object({ sampledOn: Day, gbClass: Nullable(WaterClass), blackGrade: Nullable(BlackGrade) })),
    openAlerts: Int,
  },
  { description: '河涌（名录）' },
);

/** A sample's measured values. */
const SampleValues = {
  transparencyCm: NNum,
  depthCm: NNum,
  doMgl: NNum,
  orpMv: NNum,
  nh3nMgl: NNum,
  tpMgl: NNum,
  codMgl: NNum,
  codmnMgl: NNum,
  bod5Mgl: NNum,
  tnMgl: NNum,
};

/** A sample with its class and grade and why, per parameter. */
export const SampleView = Type.Object(
  {
    id: Str,
    riverId: Str,
    river: Str,
    waterType: WaterType,
    sectionId: NStr,
    section: NStr,
    sampledOn: Day,
    ...SampleValues,
    gbClass: Nullable(WaterClass),
    classByParam: byKey(PARAMS, WaterClass),
    classDecidedBy: Type.Array(OneOf(PARAMS)),
    blackGrade: Nullable(BlackGrade),
    blackGradeLabel: Str,
    blackByParam: byKey(BLACK_PARAMS, BlackGrade),
    transparencyBound: Num,
    createdBy: Str,
    orgId: Str,
    version: Int,
  },
  { description: '水质监测记录' },
);
export type SampleView = Static<typeof SampleView>;

/** 黑臭预警. */
export const AlertView = Type.Object(
  {
    id: Str,
    riverId: Str,
    river: Str,
    sampleId: Str,
    orgId: Str,
    owner: Str,
    grade: AlertGrade,
    gradeLabel: Str,
    raisedOn: Day,
    message: Str,
    status: OneOf(['open', 'handled'] as const),
    handledOn: Nullable(Day),
    handledBy: NStr,
    handledNote: NStr,
    version: Int,
  },
  { description: '黑臭预警' },
);
export type AlertView = Static<typeof AlertView>;

/** An alert in the list, with whether the caller may record its handling. */
export const AlertListItemView = Type.Object({ ...AlertView.properties, actions: Type.Object({ handle: Bool }) }, { description: '黑臭预警（列表）' });

/** A sample with the alert it raised (if any). */
export const SampleWithAlertView = Type.Object({ ...SampleView.properties, alert: Nullable(AlertView) }, { description: '监测记录及其预警' });

/** How a section's class over a period was found (rules.ts PERIOD_CLASS_METHODS). */
export const PeriodClassMethod = OneOf(PERIOD_CLASS_METHOD_KEYS);

/** A section's class over the period, by the method named (worst month of monthly means, or the period mean). */
const SectionClassView = Type.Object({
  sectionId: Str,
  section: Str,
  class: Nullable(WaterClass),
  method: PeriodClassMethod,
  methodLabel: Str,
  methodText: Str,
  methodSource: Str,
  worstMonth: NStr,
  months: Type.Array(Type.Object({ month: Str, samples: Int, means: byKey(PARAMS, NNum), class: Nullable(WaterClass), decidedBy: Type.Array(OneOf(PARAMS)) })),
  period: Nullable(Type.Object({ samples: Int, means: byKey(PARAMS, NNum), decidedBy: Type.Array(OneOf(PARAMS)) })),
  reference: Nullable(Type.Object({ tn: Type.Object({ mean: Num, class: WaterClass }) })),
});

/** A river's page: its samples, its sections' classes, its alerts and what the caller may do. */
export const RiverDetailView = Type.Object(
  {
    ...RiverView.properties,
    samples: Type.Array(SampleView),
    sectionClasses: Type.Array(SectionClassView),
    alerts: Type.Array(AlertView),
    actions: Type.Object({ edit: Bool, sample: Bool }),
  },
  { description: '河涌（详情）' },
);

const Limit = Type.Object({
  label: Str,
  unit: Str,
  kind: OneOf(['min', 'max'] as const),
  // the rules table's read-only tuple of the limits of classes I..V
  limits: Type.Unsafe<readonly number[]>(Type.Array(Num, { minItems: 5, maxItems: 5 })),
  source: Str,
});
const BlackBound = { label: Str, unit: Str, light: Num, severe: Num };

/** The standards the classification and grading follow (GB 3838-2002 表1; 黑臭水体整治工作指南 表1). */
export const RulesView = Type.Object(
  {
    gb3838: Type.Object(Object.fromEntries(PARAMS.map((p) => [p, Limit])) as Record<(typeof PARAMS)[number], typeof Limit>),
    gb3838Lake: Type.Object({ tp: Limit, tn: Limit }, { description: 'GB 3838-2002 表1 湖、库限值（总磷、总氮）' }),
    waterTypes: Type.Array(WaterType),
    periodClassMethods: Type.Object(
      Object.fromEntries(PERIOD_CLASS_METHOD_KEYS.map((k) => [k, Type.Object({ label: Str, text: Str, source: Str })])) as Record<
        (typeof PERIOD_CLASS_METHOD_KEYS)[number],
        ReturnType<typeof Type.Object<{ label: typeof Str; text: typeof Str; source: typeof Str }>>
      >,
    ),
    blackOdour: Type.Object({
      transparency: Type.Object({ ...BlackBound, shallowDepth: Num, shallowShare: Num }),
      do: Type.Object(BlackBound),
      orp: Type.Object(BlackBound),
      nh3n: Type.Object(BlackBound),
      source: Str,
    }),
  },
  { description: '分类与黑臭判定标准' },
);

/** 外勤水质采样 — a sample recorded in the field with its photo, as the device recorded it and the server received it. */
export const FieldSampleView = Type.Object(
  {
    id: Type.String(),
    key: Type.String(),
    sampleId: Type.String(),
    riverId: Type.String(),
    sampledOn: Type.String(),
    gbClass: Nullable(Type.String()),
    blackGrade: Nullable(Type.String()),
    attachmentId: Type.String(),
    filename: Type.String(),
    sha256: Type.String(),
    capturedAt: Type.String({ description: '设备采样时间（ISO 8601）' }),
    receivedAt: Type.String({ description: '服务器接收时间（ISO 8601）' }),
    lat: Nullable(Type.Number()),
    lng: Nullable(Type.Number()),
    accuracy: Nullable(Type.Number()),
  },
  { description: '外勤水质采样（设备时间、位置、接收时间、照片 SHA-256）' },
);
