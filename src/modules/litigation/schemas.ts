/** What the litigation routes answer (TypeBox): the presenters return `Static<typeof …>` of these. */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { Bool, CLOCK_FIELDS, Int, IsoDateString as Day, KeyOf, NDay, NStr, Nullable, Str, WorkflowActionView } from '../../core/schemas.js';
import { CASE_STAGE_LABELS } from './labels.js';

export const StatusView = KeyOf(CASE_STAGE_LABELS);

export const RuleView = Type.Object({ key: Str, label: Str, text: Str, source: Str }, { description: '期限与认定规则及其法律依据' });

/** A clock on the case page: its due date, whether met, and the explanation. */
export const ClockView = Type.Object({ ...CLOCK_FIELDS, consequence: NStr }, { description: '期限' });

export const HearingView = Type.Object(
  { id: Str, instance: NStr, heldOn: Day, headRole: NStr, headName: NStr, headAppeared: Bool, absenceReason: NStr, note: NStr },
  { description: '开庭（听证）及负责人出庭情况' },
);

export const ActionView = WorkflowActionView(StatusView);

export const CaseView = Type.Object(
  {
    id: Str,
    orgId: Str,
    orgName: NStr,
    caseNo: Str,
    kind: Str,
    instance: NStr,
    status: StatusView,
    statusLabel: Str,
    claimantType: Str,
    claimantName: Str,
    claimantIdNo: NStr,
    actKind: Str,
    actTitle: Str,
    actEntity: NStr,
    actRecordId: NStr,
    body: Str,
    receivedOn: Day,
    replyDueOn: Day,
    replyFiledOn: NDay,
    replyOnTime: Nullable(Bool),
    outcome: NStr,
    outcomeLabel: NStr,
    outcomeSource: NStr,
    outcomeOn: NDay,
    outcomeServedOn: NDay,
    outcomeActChanged: Bool,
    outcomeNote: NStr,
    corrected: Bool,
    lost: Bool,
    firstOutcome: NStr,
    firstOutcomeOn: NDay,
    appealDueOn: NDay,
    appealedOn: NDay,
    appellant: NStr,
    handler: NStr,
    agent: NStr,
    rectification: NStr,
    rectifiedOn: NDay,
    closedOn: NDay,
    version: Int,
    clocks: Type.Array(ClockView),
    hearings: Type.Array(HearingView),
    actions: Type.Array(ActionView),
  },
  { description: '行政复议、行政诉讼案件' },
);
export type CaseView = Static<typeof CaseView>;
export type HearingView = Static<typeof HearingView>;
export type ClockView = Static<typeof ClockView>;

export const OutcomeCategoryView = Type.Object({ kind: Str, value: Str, label: Str, form: Str, counts: Str, source: Str }, { description: '结果类别' });

/** A record a case may link as the challenged act (`GET /litigation/act-records`). */
export const ActRecordView = Type.Object(
  {
    entity: Type.String(),
    id: Type.String(),
    number: Type.String(),
    title: Type.String(),
    date: Type.Union([Type.String(), Type.Null()]),
  },
  { description: '被申请（被诉）行为所涉记录' },
);
