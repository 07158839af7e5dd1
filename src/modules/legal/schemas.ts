/**
 * What the legal routes answer, described with TypeBox: the OpenAPI description of each answer
 * and the schema Fastify serialises it by. The presenters return `Static<typeof …>` of these,
 * so a presenter and its schema cannot drift (and the test server checks every answer
 * strictly, src/server/responses.ts).
 */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { Bool, Data, Int, IsoDateString as Day, NDay, NStr, Nullable, OneOf, Str } from '../../core/schemas.js';
import { ADVICE_KINDS, DOCUMENT_KINDS } from './schema.js';

const Num = Type.Number();

export const AdviceKindView = OneOf(ADVICE_KINDS);
export const DocumentKindView = OneOf(DOCUMENT_KINDS);
export const DocumentStageView = Type.Union([
  Type.Literal('drafting'),
  Type.Literal('commenting'),
  Type.Literal('submitted'),
  Type.Literal('reviewed'),
  Type.Literal('deliberated'),
  Type.Literal('issued'),
  Type.Literal('published'),
  Type.Literal('repealed'),
]);
const DocumentEventView = Type.Union([
  Type.Literal('openComment'),
  Type.Literal('submit'),
  Type.Literal('review'),
  Type.Literal('deliberate'),
  Type.Literal('issue'),
  Type.Literal('publish'),
  Type.Literal('file'),
  Type.Literal('clean'),
  Type.Literal('repeal'),
]);
/** What the public sees of a published normative document. */
export const NormativeStatusView = Type.Union([Type.Literal('现行有效'), Type.Literal('已废止'), Type.Literal('已失效')]);

/** A deadline of a published normative document (备案, 有效期) with its status and source. */
const DocumentDeadlineView = Type.Object({
  key: Str,
  label: Str,
  due: Day,
  doneOn: NDay,
  status: Type.Union([Type.Literal('ok'), Type.Literal('due_soon'), Type.Literal('overdue'), Type.Literal('done')]),
  source: Str,
});

/** 常年法律顾问合同 */
export const ContractView = Type.Object(
  {
    id: Str,
    orgId: Str,
    firm: Str,
    contractNo: Str,
    startOn: Day,
    endOn: Day,
    feeYuan: Nullable(Num),
    lawyers: NStr,
    procurement: NStr,
    version: Int,
    term: Type.Optional(
      Type.Union([Type.Literal('current'), Type.Literal('ended'), Type.Literal('upcoming')], { description: '合同期限：履行中 / 已到期 / 未开始（列表）' }),
    ),
  },
  { description: '常年法律顾问合同' },
);
export type ContractView = Static<typeof ContractView>;

/** 法律顾问工作记录 */
export const AdviceView = Type.Object(
  {
    id: Str,
    orgId: Str,
    date: Day,
    kind: AdviceKindView,
    title: Str,
    firm: NStr,
    handler: NStr,
    contractId: NStr,
    opinion: NStr,
    version: Int,
  },
  { description: '法律顾问工作记录' },
);
export type AdviceView = Static<typeof AdviceView>;

/** What a page of work records carries besides its rows: the count of each kind (under the filter). */
export const AdvicePageExtra = { byKind: Type.Record(Str, Int, { description: '按类型计数' }) };

/** An action in the workflow engine's one shape (`legal.document`). */
export const DocumentActionView = Type.Object(
  { event: DocumentEventView, label: Str, allowed: Bool, reasons: Type.Array(Str), to: Nullable(DocumentStageView) },
  { description: '办理操作：是否可办理及原因' },
);

const documentFields = {
  id: Str,
  orgId: Str,
  orgName: NStr,
  kind: DocumentKindView,
  title: Str,
  submittedOn: Day,
  status: DocumentStageView,
  statusLabel: Str,
  reviewedOn: NDay,
  reviewResult: Nullable(Type.Union([Type.Literal('同意'), Type.Literal('存在问题')])),
  reviewOpinion: NStr,
  reviewer: NStr,
  issuedOn: NDay,
  docNo: NStr,
  draftedOn: NDay,
  commentFrom: NDay,
  commentUntil: NDay,
  commentChannel: NStr,
  commentSummary: NStr,
  reviewChecklist: Nullable(Type.Record(Str, Bool)),
  deliberatedOn: NDay,
  deliberation: NStr,
  filingDue: NDay,
  filedOn: NDay,
  /** Filed by the due date (null: not filed, or not a published normative document). */
  filedOnTime: Nullable(Bool),
  validUntil: NDay,
  expiryReminderOn: NDay,
  repealedOn: NDay,
  repealReason: NStr,
  /** 现行有效 / 已废止 / 已失效 for a published normative document; null otherwise. */
  publicStatus: Nullable(NormativeStatusView),
  deadlines: Type.Array(DocumentDeadlineView),
  actions: Type.Array(DocumentActionView),
  version: Int,
};

/** 送审文件 with its legality review and the actions of its stage for the actor. */
export const DocumentView = Type.Object(documentFields, { description: '送审文件及其合法性审查' });
export type DocumentView = Static<typeof DocumentView>;

/** A document's page: the document and the rule its review follows. */
export const DocumentDetailView = Type.Object(
  {
    ...documentFields,
    reviewSource: Str,
    /** The review checklist of a normative document (its points and source). */
    checklist: Type.Array(Type.Object({ key: Str, label: Str })),
    checklistSource: Str,
    /** The lifecycle's configured terms with their sources (公开征求意见, 备案, 有效期). */
    terms: Type.Array(Type.Object({ key: Str, label: Str, n: Int, unit: Str, source: Str })),
    cleanups: Type.Array(Type.Object({ id: Str, cleanedOn: Day, outcome: Str, reason: Str })),
  },
  { description: '送审文件及其合法性审查依据、规范性文件的清理记录' },
);

/** The public list of normative documents (no login). */
export const PublicNormativeView = Type.Object(
  {
    bureau: Str,
    items: Type.Array(Type.Object({ id: Str, docNo: NStr, title: Str, publishedOn: Day, validUntil: NDay, repealedOn: NDay, status: NormativeStatusView })),
  },
  { description: '行政规范性文件目录（公开）' },
);

const CriterionView = Type.Object({ name: Str, max: Num, score: Num });

/** 法律顾问年度考核 */
export const AppraisalView = Type.Object(
  {
    id: Str,
    orgId: Str,
    year: Int,
    contractId: NStr,
    appraisedOn: Day,
    selfCheck: Str,
    criteria: Type.Array(CriterionView),
    total: Num,
    grade: Str,
    suggestions: NStr,
    version: Int,
  },
  { description: '法律顾问年度考核' },
);
export type AppraisalView = Static<typeof AppraisalView>;

/** The appraisals with the grade thresholds. */
export const AppraisalsView = Data(
  Type.Object({ items: Type.Array(AppraisalView), grades: Type.Array(Type.Object({ min: Num, grade: Str })) }, { description: '年度考核及等次标准' }),
);
