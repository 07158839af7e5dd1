/** Shapes of the enforcement module's API (`/api/enforcement/*`). */
import type { DeadlineStatus } from '../../api/types';

export type Stage =
  | 'investigation'
  | 'proposed'
  | 'notified'
  | 'hearing'
  | 'legal_review'
  | 'approval'
  | 'decided'
  | 'served'
  | 'executed'
  | 'closed'
  | 'archived'
  | 'revoked';

/** The case list (`/list`: a page; `/export`: the filtered cases as the penalty-cases ledger). */
export const CASE_LIST = '/api/enforcement/cases';
/** The clue list (`/list`: a page; `/export`: the filtered clues with the list's columns). */
export const CLUE_LIST = '/api/enforcement/clues';
/** The officer list (`/list`: a page; `/export`: the filtered officers under the officers ledger's headers). */
export const OFFICER_LIST = '/api/enforcement/officers';

export interface CaseSummary {
  id: string;
  caseNo: string;
  orgId: string;
  orgName: string;
  orgKind: string;
  stage: Stage;
  stageLabel: string;
  procedure: 'general' | 'summary';
  source: string | null;
  cause: string;
  partyType: string;
  partyName: string;
  filedOn: string;
  decidedOn: string | null;
  closedOn: string | null;
  major: boolean;
  penaltyKinds: string[];
  fineYuan: number;
  confiscationYuan: number;
  deadline: { label: string; due: string; status: DeadlineStatus } | null;
  version: number;
}

export interface CaseDeadline {
  key: string;
  label: string;
  source: string;
  start: string;
  due: string;
  doneOn: string | null;
  status: DeadlineStatus;
  /** Done after its due date (逾期办结), e.g. a decision after a term whose late extension did not count. */
  late?: boolean;
  text: string;
}

/** 追责时效 (行政处罚法第三十六条) of a clue or case, as the server judged it. */
export interface Limitation {
  from: string;
  years: number;
  lastDay: string;
  source: string;
  text: string;
  discoveredOn: string;
  discoveredAs: string;
  expired: boolean;
  override: string | null;
}

/** The party's address and the violation's dates (行政处罚法第五十九条、第三十六条). */
export interface ViolationFields {
  partyAddress: string | null;
  violationOn: string | null;
  violationEndedOn: string | null;
  limitationSerious: boolean;
  limitation: Limitation | null;
}

/** 罚没款缴纳地点 (one per bureau). */
/** 法制审核人员 (`GET /api/enforcement/legal-reviewers`): every legal-office account, with its 法律职业资格 when recorded. */
export interface LegalReviewer {
  /** The reviewer record; null until a qualification is first recorded. */
  id: string | null;
  userId: string;
  name: string;
  qualificationNo: string | null;
  qualifiedOn: string | null;
  /** 法制审核 recorded by this person, and the first one's date. */
  reviews: number;
  firstReviewOn: string | null;
  version: number | null;
}

export interface PaymentPlace {
  bank: string;
  accountName: string;
  accountNo: string;
  version: number;
}

/** An action the server allows (or explains why not) for the current user. */
export interface CaseAction {
  event: string;
  label: string;
  allowed: boolean;
  reasons: string[];
  to: Stage | null;
}

/** 线索环节 (`enforcement.clue` workflow). */
export type ClueEvent = 'file' | 'transfer' | 'receive' | 'feedback' | 'close';

/** A clue action in the workflow engine's one shape (as a case's). */
export interface ClueAction {
  event: ClueEvent;
  label: string;
  allowed: boolean;
  reasons: string[];
  to: Clue['status'] | null;
}

export interface Officer {
  id: string;
  orgId: string;
  orgName: string | null;
  name: string;
  certNo: string | null;
  certIssuedOn: string | null;
  certValidUntil: string | null;
  certStatus: 'valid' | 'expiring' | 'expired' | 'none';
  examScore: number | null;
  examPassLine: number;
  active: boolean;
  version: number;
}

/** One level of an item's 裁量基准 as the server presents it (see src/modules/enforcement/schema.ts). */
export interface DiscretionLevel {
  level: string;
  label: string;
  minFen: number;
  /** null: no upper limit ("X元以上") */
  maxFen: number | null;
  minYuan: number;
  maxYuan: number | null;
  /** Set when the range is a multiple of the case's 违法所得 / 货值金额. */
  basis?: 'illegal_gains' | 'goods_value';
  minMultiple?: number;
  maxMultiple?: number | null;
  waiver?: boolean;
  /** The range in words, e.g. "5000—20000元", "50000元以上", "违法所得的1倍—3倍". */
  rangeText: string;
}

export interface Item {
  id: string;
  code: string;
  name: string;
  legalBasis: string;
  penaltyBasis: string | null;
  discretion: DiscretionLevel[];
  discretionText: string | null;
  /** Parts of the text from which no range could be derived (reason in Chinese). */
  discretionUnparsed: string[];
  delegated: boolean;
  version: number;
}

export interface Evidence {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  collectedOn: string;
  note: string | null;
  attachmentId: string | null;
}

export interface CaseDetail extends CaseSummary, ViolationFields {
  sourceRef: string | null;
  clueId: string | null;
  item: Item | null;
  itemCode: string | null;
  partyIdNo: string | null;
  officers: Officer[];
  circumstance: string | null;
  firstViolation: boolean;
  proposedKinds: string[];
  proposedFineYuan: number | null;
  proposedConfiscationYuan: number | null;
  /** 违法所得 / 货值金额 given with the proposal (levels set as a multiple of it). */
  discretionBaseYuan: number | null;
  notifiedOn: string | null;
  rightsWaived: boolean;
  statement: string | null;
  hearingRight: string[];
  hearingRequestedOn: string | null;
  hearingNoticeOn: string | null;
  hearingOn: string | null;
  hearingHeldOn: string | null;
  hearingRecord: string | null;
  reviewReasons: string[];
  reviewRequired: boolean;
  reviewOn: string | null;
  reviewResult: string | null;
  reviewOpinion: string | null;
  discussionOn: string | null;
  discussionMinutes: string | null;
  extensionDays: number | null;
  decisionNo: string | null;
  decisionFacts: string | null;
  decisionBasis: string | null;
  /** 行政处罚法第五十七条: submitted to the head; who decided, as head or as a delegated deputy head. */
  decisionSubmittedOn: string | null;
  decisionApprover: string | null;
  decisionApproverCapacity: 'head' | 'deputy' | null;
  decisionApproverCapacityLabel: string | null;
  decisionApproverDelegation: string | null;
  /** Who did the 法制审核 (行政处罚法第五十八条第二款). */
  reviewByName: string | null;
  servedOn: string | null;
  /** 行政处罚法第六十一条: how the decision was served; 公告送达's publication date; 电子送达's consent date. */
  serviceMethod: string | null;
  serviceNoticeOn: string | null;
  serviceConsentOn: string | null;
  paidOn: string | null;
  lateFeeYuan: number;
  executedOn: string | null;
  closeReason: string | null;
  publishedOn: string | null;
  archivedOn: string | null;
  revokedOn: string | null;
  revokeReason: string | null;
  imported: boolean;
  evidence: Evidence[];
  deadlines: CaseDeadline[];
  actions: CaseAction[];
}

export interface Clue extends ViolationFields {
  id: string;
  clueNo: string;
  orgId: string;
  orgName: string | null;
  source: string;
  sourceRef: string | null;
  receivedOn: string;
  summary: string;
  location: string | null;
  partyName: string | null;
  status: 'open' | 'transferred' | 'case' | 'closed';
  statusLabel: string;
  fromOrgId: string | null;
  transferredOn: string | null;
  transferDueOn: string | null;
  feedbackStatus: DeadlineStatus | null;
  receiptOn: string | null;
  feedback: string | null;
  feedbackOn: string | null;
  caseId: string | null;
  closedOn: string | null;
  closeReason: string | null;
  /** The clue workflow's actions for the current user (decided by the server; none when another unit handles it). */
  actions: ClueAction[];
  version: number;
}

export interface Meta {
  stages: Record<Stage, string>;
  events: Record<string, string>;
  penaltyKinds: string[];
  sources: string[];
  evidenceKinds: Record<string, string>;
  reviewChecklist: Array<{ key: string; label: string }>;
  rules: Array<{ key: string; label: string; unit: string; n: number; source: string }>;
}

export interface ReviewSummary {
  id: string;
  orgId: string;
  orgName: string;
  title: string;
  year: number;
  seed: number;
  algorithm: string;
  sampleSize: number;
  population: number;
  drawnOn: string;
}

export interface ReviewDetail extends Omit<ReviewSummary, 'orgName'> {
  orgName?: string;
  checklist: Array<{ key: string; label: string; points: number }>;
  items: Array<{
    id: string;
    caseId: string;
    caseNo: string;
    cause: string;
    closedOn: string | null;
    scores: Record<string, number> | null;
    score: number | null;
    findings: string | null;
    rectification: string | null;
    rectifiedOn: string | null;
    scoredOn: string | null;
    version: number;
  }>;
}

export interface ComparisonRow {
  orgId: string;
  orgName: string;
  filed: number;
  closed: number;
  penaltyYuan: number;
  open: number;
  overdue: number;
  reviewed: number;
  avgScore: number | null;
}

export const CIRCUMSTANCE_LABELS: Record<string, string> = {
  minor: '轻微',
  light: '较轻',
  ordinary: '一般',
  serious: '较重',
  grave: '严重',
  extreme: '特别严重',
  first: '首次违法',
  repeat: '再次违法',
  uncorrected: '逾期不改正',
  no_illegal_gains: '没有违法所得',
  default: '不分情节',
};

export const STAGE_COLORS: Record<Stage, string> = {
  investigation: 'blue',
  proposed: 'geekblue',
  notified: 'purple',
  hearing: 'magenta',
  legal_review: 'gold',
  approval: 'lime',
  decided: 'orange',
  served: 'volcano',
  executed: 'cyan',
  closed: 'green',
  archived: 'default',
  revoked: 'red',
};
