/**
 * What the legal routes answer, described with TypeBox: the OpenAPI description of each answer
 * and the schema Fastify serialises it by. The presenters return `Static<typeof …>` of these,
 * so a presenter and its schema cannot drift (and the test server checks every answer
 * strictly, src/server/responses.ts).
 */
import { type Static, type TSchema, Type } from '@fastify/type-provider-typebox';
import { Data, IsoDateString, Nullable } from '../../core/schemas.js';

/** `{ data: T[] }` */
export const DataList = <T extends TSchema>(item: T) => Data(Type.Array(item));

const Str = Type.String();
const NStr = Nullable(Str);
const Int = Type.Integer();
const Num = Type.Number();
const Bool = Type.Boolean();
const Day = IsoDateString;
const NDay = Nullable(Day);

export const AdviceKindView = Type.Union([
  Type.Literal('合同审查'),
  Type.Literal('文件审核'),
  Type.Literal('法律意见书'),
  Type.Literal('会议'),
  Type.Literal('业务研讨'),
  Type.Literal('专题培训'),
]);
export const DocumentKindView = Type.Union([Type.Literal('规范性文件'), Type.Literal('重大行政决策'), Type.Literal('三重一大')]);
export const DocumentStageView = Type.Union([Type.Literal('submitted'), Type.Literal('reviewed'), Type.Literal('issued')]);

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

/** A page of work records with the count of each kind (under the filter). */
export const AdvicePage = Data(
  Type.Object({
    items: Type.Array(AdviceView),
    total: Type.Integer({ minimum: 0 }),
    byKind: Type.Record(Str, Int, { description: '按类型计数' }),
  }),
);

/** An action in the workflow engine's one shape (`legal.document`). */
export const DocumentActionView = Type.Object(
  { event: Type.Union([Type.Literal('review'), Type.Literal('issue')]), label: Str, allowed: Bool, reasons: Type.Array(Str), to: Nullable(DocumentStageView) },
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
  actions: Type.Array(DocumentActionView),
  version: Int,
};

/** 送审文件 with its legality review and the actions of its stage for the actor. */
export const DocumentView = Type.Object(documentFields, { description: '送审文件及其合法性审查' });
export type DocumentView = Static<typeof DocumentView>;

/** A document's page: the document and the rule its review follows. */
export const DocumentDetailView = Type.Object({ ...documentFields, reviewSource: Str }, { description: '送审文件及其合法性审查依据' });

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
