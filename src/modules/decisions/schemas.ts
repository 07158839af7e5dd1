/** What the decisions routes answer (TypeBox): the presenters return `Static<typeof …>` of these. */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { Bool, CLOCK_FIELDS, Data, Int, KeyOf, NDay, NStr, Nullable, Str, WorkflowActionView } from '../../core/schemas.js';
import { DECISION_STAGE_LABELS } from './labels.js';

export const StatusView = KeyOf(DECISION_STAGE_LABELS);

export const RuleView = Type.Object({ key: Str, label: Str, text: Str, source: Str }, { description: '程序规则及其依据' });
export const RulesView = Data(Type.Object({ note: Str, rules: Type.Array(RuleView) }));

export const ClockView = Type.Object(CLOCK_FIELDS, { description: '期限' });

/** One procedural step as the decision page shows it. */
export const StepView = Type.Object(
  {
    key: Str,
    label: Str,
    required: Bool,
    naReason: NStr,
    done: Bool,
    on: NDay,
    source: Str,
    fields: Type.Array(Type.Object({ label: Str, value: Str })),
  },
  { description: '决策程序环节' },
);

export const ActionView = WorkflowActionView(StatusView);

export const DecisionView = Type.Object(
  {
    id: Str,
    orgId: Str,
    orgName: NStr,
    year: Int,
    title: Str,
    catalogueItemId: NStr,
    catalogueTitle: NStr,
    catalogueSeq: Nullable(Int),
    summary: NStr,
    leader: NStr,
    handler: NStr,
    status: StatusView,
    statusLabel: Str,
    madeOn: NDay,
    participationOn: NDay,
    expertOn: NDay,
    riskOn: NDay,
    reviewResult: NStr,
    reviewOn: NDay,
    discussionOn: NDay,
    discussionResult: NStr,
    publicationOn: NDay,
    evaluationOn: NDay,
    archivedOn: NDay,
    participationFrom: NDay,
    participationTo: NDay,
    reviewSubmittedOn: NDay,
    version: Int,
    steps: Type.Array(StepView),
    clocks: Type.Array(ClockView),
    actions: Type.Array(ActionView),
  },
  { description: '重大行政决策' },
);
export type DecisionView = Static<typeof DecisionView>;
export type StepView = Static<typeof StepView>;
export type ClockView = Static<typeof ClockView>;

export const CatalogueItemView = Type.Object(
  {
    id: Str,
    orgId: Str,
    orgName: NStr,
    year: Int,
    seq: Int,
    title: Str,
    category: Str,
    planned: NStr,
    note: NStr,
    publishedOn: NDay,
    decisions: Int,
    version: Int,
  },
  { description: '年度重大行政决策事项目录事项' },
);
export type CatalogueItemView = Static<typeof CatalogueItemView>;

export const PublicCatalogueView = Type.Object(
  {
    bureau: Str,
    years: Type.Array(
      Type.Object({
        year: Int,
        publishedOn: NDay,
        items: Type.Array(Type.Object({ seq: Int, title: Str, category: Str, unit: NStr, planned: NStr })),
      }),
    ),
  },
  { description: '年度重大行政决策事项目录（公开）' },
);
export type PublicCatalogueView = Static<typeof PublicCatalogueView>;
