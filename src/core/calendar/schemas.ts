/**
 * What the calendar and deadline routes answer, described with TypeBox (the OpenAPI description and
 * the schema Fastify serialises by). `satisfies`-checked against the service's own types where the
 * routes return them, so a field added to `TrackedDeadline` or `DayInfo` cannot go unnoticed.
 */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { IsoDateString, Nullable } from '../schemas.js';

const Str = Type.String();
const Int = Type.Integer();
const Day = IsoDateString;

export const DeadlineUnitView = Type.Union([Type.Literal('workday'), Type.Literal('day'), Type.Literal('month')]);

/** A deadline rule (期限规则). */
export const DeadlineRuleView = Type.Object({
  key: Str,
  label: Str,
  unit: DeadlineUnitView,
  n: Int,
  source: Str,
  rollToWorkday: Type.Optional(Type.Boolean()),
});

const MetDayView = Type.Object({ date: Day, name: Type.Optional(Str) });

/** The explanation of a due date (computeDeadline). */
export const DeadlineExplanationView = Type.Object(
  {
    start: Day,
    effectiveStart: Day,
    rule: DeadlineRuleView,
    source: Str,
    due: Day,
    unit: DeadlineUnitView,
    n: Int,
    extensionDays: Int,
    extensions: Type.Array(Type.Object({ n: Int, unit: DeadlineUnitView, reason: Str, approvedOn: Type.Optional(Day) })),
    pausedDays: Int,
    countedDays: Type.Array(Day),
    holidaysMet: Type.Array(MetDayView),
    makeupDaysMet: Type.Array(MetDayView),
    rolledFrom: Type.Optional(Day),
    warnings: Type.Array(Str),
    text: Str,
  },
  { description: '届满日及其计算说明' },
);
export type DeadlineExplanationView = Static<typeof DeadlineExplanationView>;

export const DeadlineStatusView = Type.Union([Type.Literal('done'), Type.Literal('ok'), Type.Literal('due_soon'), Type.Literal('overdue')]);

/** A deadline a module tracks (the kernel's table of open and closed terms). */
export const TrackedDeadlineView = Type.Object(
  {
    id: Str,
    module: Str,
    entity: Str,
    entityId: Str,
    orgId: Str,
    title: Str,
    rule: DeadlineRuleView,
    start: Day,
    due: Day,
    doneOn: Nullable(Day),
    status: DeadlineStatusView,
    label: Nullable(Str),
    mine: Type.Boolean({ description: '由本人承办' }),
  },
  { description: '跟踪的期限' },
);
export type TrackedDeadlineView = Static<typeof TrackedDeadlineView>;

/** A tracked deadline with the explanation of its due date. */
export const ExplainedDeadlineView = Type.Object(
  { ...TrackedDeadlineView.properties, explanation: DeadlineExplanationView },
  { description: '期限及其计算说明' },
);

/** One day of the working-day calendar, with why it is (not) a working day. */
export const DayInfoView = Type.Object(
  {
    date: Day,
    workday: Type.Boolean(),
    kind: Type.Union([Type.Literal('weekday'), Type.Literal('weekend'), Type.Literal('holiday'), Type.Literal('makeup')]),
    name: Type.Optional(Str),
    source: Type.Union([Type.Literal('chinese-days'), Type.Literal('override'), Type.Literal('statute'), Type.Literal('weekday-rule')]),
  },
  { description: '某日是否工作日及原因' },
);

/** A month of the calendar: whether its year is covered, and each day. */
export const CalendarMonthView = Type.Object({ covered: Type.Boolean(), days: Type.Array(DayInfoView) }, { description: '某月每日' });

/** One row of the administrator's override table (节假日调整). */
export const CalendarOverrideView = Type.Object({
  date: Day,
  kind: Type.Union([Type.Literal('workday'), Type.Literal('holiday')]),
  name: Nullable(Str),
  note: Nullable(Str),
});
export const CalendarOverrideList = Type.Array(CalendarOverrideView);

/** What an override changed: the tracked deadlines whose due date moved, and what to check. */
export const OverrideResultView = Type.Object(
  {
    changes: Type.Array(Type.Object({ id: Str, tenantId: Str, title: Str, entity: Str, entityId: Str, before: Day, after: Day })),
    warnings: Type.Array(Str),
  },
  { description: '调整后重新计算的期限' },
);

export const TrackedDeadlineList = Type.Array(TrackedDeadlineView);

/** 我的待办: my deadlines, then my unit's, and the bell's counts. */
export const MyDeadlinesView = Type.Object(
  {
    items: TrackedDeadlineList,
    overdue: Type.Integer({ minimum: 0, description: '已逾期' }),
    dueSoon: Type.Integer({ minimum: 0, description: '3个工作日内到期' }),
  },
  { description: '我的待办期限' },
);
