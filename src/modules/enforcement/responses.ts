/**
 * What the enforcement routes answer (`response: { 200: Data(…) }`): the OpenAPI description
 * of each answer, and the schema Fastify serialises it by. The big records (a case, a clue, an
 * item) list their known fields and allow more (`additionalProperties: true`), so nothing the
 * web reads is dropped; the small answers are exact. Under the test runner every answer is
 * checked against these (src/server/responses.ts).
 */
import { type TProperties, type TSchema, Type } from '@fastify/type-provider-typebox';
import { Bool, Int, IsoDateString as Day, NDay, NStr, Nullable, OneOf, Str } from '../../core/schemas.js';

const Num = Type.Number();
const Strs = Type.Array(Str);
/** A record whose known fields are listed; others pass through. */
const Open = <P extends TProperties>(p: P, description?: string) => Type.Object(p, { additionalProperties: true, ...(description ? { description } : {}) });
const List = <T extends TSchema>(t: T) => Type.Array(t);
const DeadlineStatus = OneOf(['ok', 'due_soon', 'overdue', 'done']);

/** An action in the workflow engine's one shape. */
export const WorkflowActionView = Type.Object(
  { event: Str, label: Str, allowed: Bool, reasons: Strs, to: NStr },
  { description: '流程环节：是否可办理及原因' },
);

export const OfficerView = Type.Object(
  {
    id: Str,
    orgId: Str,
    orgName: NStr,
    name: Str,
    certNo: NStr,
    certIssuedOn: NDay,
    certValidUntil: NDay,
    certStatus: OneOf(['valid', 'expiring', 'expired', 'none']),
    examScore: Nullable(Num),
    examPassLine: Num,
    active: Bool,
    version: Int,
  },
  { description: '执法人员' },
);

export const ItemView = Open(
  {
    id: Str,
    code: Str,
    name: Str,
    legalBasis: Str,
    penaltyBasis: NStr,
    discretion: List(Open({ level: Str, label: Str, minFen: Num, maxFen: Nullable(Num), minYuan: Num, maxYuan: Nullable(Num), rangeText: Str })),
    discretionText: NStr,
    discretionUnparsed: List(Type.Unknown()),
    delegated: Bool,
    version: Int,
  },
  '执法事项（含裁量基准）',
);

const caseSummary = {
  id: Str,
  caseNo: Str,
  orgId: Str,
  orgName: Str,
  orgKind: Str,
  stage: Str,
  stageLabel: Str,
  procedure: Str,
  source: NStr,
  cause: Str,
  partyType: Str,
  partyName: Str,
  filedOn: Day,
  decidedOn: NDay,
  closedOn: NDay,
  major: Bool,
  penaltyKinds: Strs,
  fineYuan: Num,
  confiscationYuan: Num,
  deadline: Nullable(Type.Object({ label: Str, due: Day, status: DeadlineStatus })),
  version: Int,
};

export const CaseSummaryView = Type.Object(caseSummary, { description: '案件（列表）' });

/** 追责时效 (行政处罚法第三十六条) of a clue or case: null without a violation date. */
const LimitationView = Nullable(
  Type.Object(
    { from: Day, years: Int, lastDay: Day, source: Str, text: Str, discoveredOn: Day, discoveredAs: Str, expired: Bool, override: NStr },
    { description: '追责时效：起算日、年限、届满日，发现之日是否已超过' },
  ),
);

/** 法制审核人员 with the 法律职业资格 (行政处罚法第五十八条第二款) and the reviews they recorded. */
export const LegalReviewerView = Type.Object(
  { id: NStr, userId: Str, name: Str, qualificationNo: NStr, qualifiedOn: NDay, reviews: Int, firstReviewOn: NDay, version: Nullable(Int) },
  { description: '法制审核人员：法律职业资格及已作出的法制审核' },
);

export const CaseView = Open(
  {
    ...caseSummary,
    sourceRef: NStr,
    clueId: NStr,
    item: Nullable(ItemView),
    partyIdNo: NStr,
    officers: List(OfficerView),
    proposedKinds: Strs,
    proposedFineYuan: Nullable(Num),
    notifiedOn: NDay,
    decisionNo: NStr,
    decisionSubmittedOn: NDay,
    decisionApprover: NStr,
    decisionApproverCapacity: Nullable(OneOf(['head', 'deputy'])),
    decisionApproverCapacityLabel: NStr,
    decisionApproverDelegation: NStr,
    reviewByName: NStr,
    servedOn: NDay,
    serviceMethod: NStr,
    serviceNoticeOn: NDay,
    serviceConsentOn: NDay,
    publishedOn: NDay,
    revokedOn: NDay,
    evidence: List(Open({ id: Str, kind: Str, kindLabel: Str, title: Str, collectedOn: Day, note: NStr, attachmentId: NStr })),
    deadlines: List(Open({ key: Str, label: Str, start: Day, due: Day, doneOn: NDay, status: DeadlineStatus, late: Bool })),
    actions: List(WorkflowActionView),
    partyAddress: NStr,
    violationOn: NDay,
    violationEndedOn: NDay,
    limitationSerious: Bool,
    limitation: LimitationView,
  },
  '案件详情：期限、证据、承办人、裁量基准和当前可办理的环节',
);

export const ClueView = Open(
  {
    id: Str,
    clueNo: Str,
    orgId: Str,
    orgName: NStr,
    source: Str,
    sourceRef: NStr,
    receivedOn: Day,
    summary: Str,
    status: OneOf(['open', 'transferred', 'case', 'closed']),
    statusLabel: Str,
    transferDueOn: NDay,
    feedbackStatus: Nullable(DeadlineStatus),
    caseId: NStr,
    actions: List(WorkflowActionView),
    version: Int,
    partyAddress: NStr,
    violationOn: NDay,
    violationEndedOn: NDay,
    limitationSerious: Bool,
    limitation: LimitationView,
  },
  '案件线索',
);

/** The bureau's payment place for fines (null until configured). */
export const PaymentPlaceView = Nullable(Type.Object({ bank: Str, accountName: Str, accountNo: Str, version: Int }, { description: '罚没款缴纳地点' }));

export const MetaView = Open({
  stages: Type.Record(Str, Str),
  events: Type.Record(Str, Str),
  penaltyKinds: Strs,
  sources: Strs,
  evidenceKinds: Type.Record(Str, Str),
  reviewChecklist: List(Open({ key: Str, label: Str })),
  rules: List(Open({ key: Str, label: Str })),
});

export const WorkflowMatrixView = Type.Object({ markdown: Str, rows: List(Type.Object({ role: Str, stage: Str, event: Str, to: NStr })) });

const YuanRange = Nullable(Open({ minYuan: Num, maxYuan: Nullable(Num) }));
export const DiscretionView = Type.Object({ item: ItemView, range: YuanRange, bounds: YuanRange, waiverAllowed: Bool, problems: Strs, notices: Strs });

export const HotlineImportView = List(Type.Object({ clueNo: Str, orderNo: Str }));

export const PublicDisclosureView = Type.Object({
  agency: Str,
  duties: Str,
  officers: List(Type.Object({ name: Str, certNo: NStr, unit: Str })),
  items: List(Open({ code: Str, name: Str })),
  procedure: Strs,
  remedies: Str,
});

const review = {
  id: Str,
  orgId: Str,
  orgName: Str,
  title: Str,
  year: Int,
  seed: Num,
  algorithm: Str,
  sampleSize: Int,
  population: Int,
  drawnOn: Day,
};
export const ReviewSummaryView = Type.Object(review, { description: '案卷评查' });
export const ReviewView = Type.Object({
  ...review,
  checklist: List(Open({ key: Str, label: Str, points: Num })),
  items: List(
    Type.Object({
      id: Str,
      caseId: Str,
      caseNo: Str,
      cause: Str,
      closedOn: NDay,
      scores: Nullable(Type.Record(Str, Num)),
      score: Nullable(Num),
      findings: NStr,
      rectification: NStr,
      rectifiedOn: NDay,
      scoredOn: NDay,
      version: Int,
    }),
  ),
});
export const IdView = Type.Object({ id: Str });
export const ScoreView = Type.Object({ id: Str, score: Nullable(Num), version: Int });

export const ComparisonRowView = Type.Object({
  orgId: Str,
  orgName: Str,
  filed: Int,
  closed: Int,
  penaltyYuan: Num,
  open: Int,
  overdue: Int,
  reviewed: Int,
  avgScore: Nullable(Num),
});

/** 现场取证 — a photo or video from the field app, as the device recorded it and the server received it. */
export const CaptureView = Type.Object(
  {
    id: Str,
    key: Str,
    caseId: Str,
    evidenceId: Str,
    attachmentId: Str,
    kind: Str,
    title: Str,
    note: NStr,
    filename: Str,
    mime: Str,
    size: Int,
    sha256: Str,
    capturedAt: Type.String({ description: '设备拍摄时间（ISO 8601）' }),
    receivedAt: Type.String({ description: '服务器接收时间（ISO 8601）' }),
    lat: Nullable(Num),
    lng: Nullable(Num),
    accuracy: Nullable(Num),
  },
  { description: '现场取证（设备时间、位置、接收时间、SHA-256）' },
);
