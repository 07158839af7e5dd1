/**
 * What the demand routes answer, described with TypeBox: the OpenAPI description of each
 * answer and the schema Fastify serialises it by. The presenters return `Static<typeof …>`
 * of these, so a presenter and its schema cannot drift (and the test server checks every
 * answer strictly, src/server/responses.ts). The kind modules reuse them for their routes.
 */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { Bool, Instant, Int, IsoDateString, NDay, NStr, Nullable, OneOf, Str } from '../../core/schemas.js';

/** `{ data: T[] }`: the kernel's, which the kind modules take from here (`demands/index.ts`). */
export { DataList } from '../../core/schemas.js';

const Strs = Type.Array(Str);
const NInstant = Nullable(Instant);

export const DemandKindView = OneOf(['hotline', 'petition', 'proposal', 'disclosure']);
export const DemandStatusView = OneOf(['received', 'assigned', 'handling', 'paused', 'replied', 'closed']);
export const ClockStatusView = OneOf(['ok', 'due_soon', 'overdue', 'done', 'paused']);
const Unit = OneOf(['workday', 'day', 'month']);
const EventView = OneOf(['assign', 'sign', 'return', 'pause', 'resume', 'extend', 'reply', 'close', 'evaluate']);

/** A demand as lists show it (phones masked). */
export const DemandListItemView = Type.Object(
  {
    id: Str,
    kind: DemandKindView,
    module: Str,
    entity: Str,
    kindLabel: Str,
    refNo: Str,
    title: Str,
    demandType: NStr,
    channel: NStr,
    orgId: Str,
    orgName: Str,
    assigneeId: NStr,
    assigneeName: NStr,
    status: DemandStatusView,
    statusLabel: Str,
    receivedAt: Instant,
    firstDueOn: NDay,
    firstDoneAt: NInstant,
    dueOn: IsoDateString,
    clockStatus: ClockStatusView,
    repliedAt: NInstant,
    closedAt: NInstant,
    result: NStr,
    satisfaction: NStr,
    personName: NStr,
    personPhone: NStr,
    location: NStr,
    version: Int,
  },
  { description: '诉求（列表；电话已脱敏）' },
);
export type DemandListItemView = Static<typeof DemandListItemView>;

/** A deadline rule (期限规则). */
export const DeadlineRuleView = Type.Object({
  key: Str,
  label: Str,
  unit: Unit,
  n: Int,
  source: Str,
  rollToWorkday: Type.Optional(Bool),
});

const MetDayView = Type.Object({ date: IsoDateString, name: Type.Optional(Str) });

/** The kernel's explanation of a due date (computeDeadline). */
export const DeadlineExplanationView = Type.Object(
  {
    start: IsoDateString,
    effectiveStart: IsoDateString,
    rule: DeadlineRuleView,
    source: Str,
    due: IsoDateString,
    unit: Unit,
    n: Int,
    extensionDays: Int,
    extensions: Type.Array(Type.Object({ n: Int, unit: Unit, reason: Str, approvedOn: Type.Optional(IsoDateString) })),
    pausedDays: Int,
    countedDays: Type.Array(IsoDateString),
    holidaysMet: Type.Array(MetDayView),
    makeupDaysMet: Type.Array(MetDayView),
    rolledFrom: Type.Optional(IsoDateString),
    warnings: Strs,
    text: Str,
  },
  { description: '届满日及其计算说明' },
);

const PauseView = Type.Object({ from: IsoDateString, to: IsoDateString, reason: Str });
const ExtensionView = Type.Object({ n: Int, unit: Type.Optional(Unit), approvedOn: IsoDateString, approvedBy: Str, reason: Str });

/** An action in the workflow engine's one shape. */
export const DemandActionView = Type.Object(
  { event: EventView, label: Str, allowed: Bool, reasons: Strs, to: Nullable(DemandStatusView) },
  { description: '办理操作：是否可办理及原因' },
);

/** A link to another demand (likely repeat …). */
export const DemandLinkView = Type.Object({
  id: Str,
  kind: DemandKindView,
  refNo: Str,
  receivedAt: Instant,
  title: Str,
  reason: Str,
  direction: OneOf(['earlier', 'later']),
});
export type DemandLinkView = Static<typeof DemandLinkView>;

const { properties: listProps } = DemandListItemView;

/** A demand's record page without its links (the presenter's part). */
export const DemandRecordBody = Type.Object({
  ...listProps,
  content: Str,
  personIdNo: NStr,
  personalMasked: Bool,
  reply: NStr,
  evaluatedAt: NInstant,
  /** A kind's own free attributes (复查/复核, remedies, 协办意见 …): a free-form map. */
  attrs: Type.Record(Str, Type.Unknown()),
  clock: Type.Object({
    rule: DeadlineRuleView,
    start: IsoDateString,
    pauses: Type.Array(PauseView),
    extensions: Type.Array(ExtensionView),
    restartOn: NDay,
    pausedSince: NDay,
    pauseReason: NStr,
    explanation: DeadlineExplanationView,
    extensionCap: Nullable(Type.Object({ n: Int, unit: Unit, source: Str })),
  }),
  options: Type.Object({ pauseReasons: Strs, restartReasons: Strs, satisfactionValues: Strs, results: Nullable(Strs) }),
  actions: Type.Array(DemandActionView),
});
export type DemandRecordBody = Static<typeof DemandRecordBody>;

/** A demand's record page: everything, the clock with its explanation, the allowed actions, the links. */
export const DemandRecordView = Type.Object({ ...DemandRecordBody.properties, links: Type.Array(DemandLinkView) }, { description: '诉求详情' });
export type DemandRecordView = Static<typeof DemandRecordView>;

const KindCount = Type.Object({ kind: DemandKindView, module: Str, label: Str, open: Int, overdue: Int, dueSoon: Int, paused: Int });
const UnitCount = Type.Object({ orgId: Str, orgName: Str, open: Int, overdue: Int, dueSoon: Int });

/** 督办总览. */
export const DemandOverviewView = Type.Object(
  {
    today: IsoDateString,
    byKind: Type.Array(KindCount),
    byUnit: Type.Array(UnitCount),
    overdue: Type.Array(DemandListItemView),
    dueSoon: Type.Array(DemandListItemView),
  },
  { description: '督办总览' },
);
export type DemandOverviewView = Static<typeof DemandOverviewView>;

/** A user a demand may be assigned to. */
export const AssigneeView = Type.Object({ id: Str, name: Str, orgId: Str });
export type AssigneeView = Static<typeof AssigneeView>;
