/**
 * 行政处罚案件流程 — the penalty case workflow as typed data: role × stage × event →
 * { if, to, after }. An event not listed for a role at a stage is forbidden. Guards
 * are pure functions returning the reasons an event is blocked (empty = allowed), so
 * the server can send each case's allowed actions *and* why the others are not yet
 * allowed; the web app never recomputes a gate. `validateWorkflow` runs at start-up.
 */
import {
  actionsFor as engineActions,
  defineWorkflow,
  eventsFor as engineEvents,
  matrixMarkdown,
  transitionFor as engineTransition,
  type Guard as EngineGuard,
  type Transition as EngineTransition,
  type WorkflowAction,
} from '../../core/workflow/index.js';

/** 案件阶段 */
export const STAGES = {
  investigation: '调查取证',
  proposed: '拟处罚（待告知）',
  notified: '已告知（待决定）',
  hearing: '听证',
  legal_review: '法制审核',
  approval: '待负责人审批',
  decided: '已决定（待送达）',
  served: '已送达（待执行）',
  executed: '执行完毕（待结案）',
  closed: '已结案',
  archived: '已归档',
  revoked: '决定已撤销',
} as const;
export type Stage = keyof typeof STAGES;

/** 办案环节（事件） */
export const EVENTS = {
  add_evidence: '登记证据',
  approve_extension: '批准延长办案期限',
  propose: '拟定处罚意见',
  summary_decide: '当场作出处罚决定（简易程序，不经负责人审批）',
  dismiss: '撤销案件（不予行政处罚）',
  notify: '送达行政处罚告知书',
  record_statement: '记录陈述申辩',
  waive_rights: '当事人放弃陈述申辩和听证',
  request_hearing: '登记听证申请',
  schedule_hearing: '发出听证通知',
  record_hearing: '记录听证情况',
  submit_review: '提交法制审核',
  pass_review: '法制审核：同意',
  reject_review: '法制审核：存在问题',
  record_discussion: '记录集体讨论',
  submit_decision: '呈报负责人审批',
  return_decision: '负责人退回',
  decide: '负责人审批作出行政处罚决定',
  serve: '送达处罚决定书',
  publish: '公示处罚决定',
  execute: '登记执行完毕',
  close: '结案',
  archive: '归档',
  revoke: '变更或撤销处罚决定',
} as const;
export type CaseEvent = keyof typeof EVENTS;

/** The facts a guard reads: computed by the command from the case, its evidence, its officers and the calendar. */
export interface GuardFacts {
  today: string;
  procedure: 'general' | 'summary';
  evidenceCount: number;
  /** 行政处罚法第四十二条 problems (fewer than two certified officers …) */
  officerProblems: readonly string[];
  hasProposal: boolean;
  /** 陈述申辩/听证申请 window end (null before the notice) */
  windowEnds: string | null;
  rightsWaived: boolean;
  /** Reasons the party has a hearing right (empty = none) */
  hearingRight: readonly string[];
  hearingRequested: boolean;
  hearingNoticeOn: string | null;
  hearingHeld: boolean;
  /** 法制审核 trigger reasons (empty = not required) */
  reviewReasons: readonly string[];
  reviewPassed: boolean;
  major: boolean;
  discussionDone: boolean;
  extensionApproved: boolean;
  fineFen: number;
  paid: boolean;
  decided: boolean;
  published: boolean;
  publicationWithdrawn: boolean;
  /** 行政处罚法第五十九条 contents missing from the decision */
  documentProblems: readonly string[];
}

/** A guard: the reasons the event is not allowed now (empty when allowed). */
export type Guard = EngineGuard<GuardFacts>;

/** What runs after a transition (exhaustively handled by the command). */
export type Effect = 'track_deadlines' | 'record_publication' | 'publish' | 'withdraw_publication';

export type Transition<S extends string = Stage> = EngineTransition<S, GuardFacts, Effect>;

// ── Guards (each cites its rule) ──

export const guards = {
  /** 行政处罚法第四十二条 */
  officers: (f) => [...f.officerProblems],
  /** 行政处罚法第四十条：查明事实，证据确凿 */
  evidence: (f) => (f.evidenceCount > 0 ? [] : ['尚未登记任何证据（行政处罚法第四十条：违法事实不清、证据不足的，不得给予行政处罚）']),
  proposal: (f) => (f.hasProposal ? [] : ['尚未拟定处罚意见']),
  /** 行政处罚法第四十四、六十二条：告知后等待陈述申辩、听证申请期满或当事人放弃 */
  windowClosed: (f) =>
    f.rightsWaived || (f.windowEnds !== null && f.today > f.windowEnds)
      ? []
      : [`陈述申辩、听证申请期限至${f.windowEnds ?? '（未告知）'}届满，期满或当事人明确放弃后方可决定（行政处罚法第六十二条）`],
  withinHearingWindow: (f) => (f.windowEnds !== null && f.today <= f.windowEnds ? [] : [`听证申请期限已于${f.windowEnds ?? '—'}届满（行政处罚法第六十四条）`]),
  hearingRight: (f) => (f.hearingRight.length ? [] : ['本案拟处罚不属于应当告知听证权利的情形（行政处罚法第六十三条）']),
  noPendingHearing: (f) => (f.hearingRequested && !f.hearingHeld ? ['当事人已申请听证，听证结束前不得作出决定（行政处罚法第六十五条）'] : []),
  hearingNoticed: (f) => (f.hearingNoticeOn ? [] : ['尚未发出听证通知（行政处罚法第六十四条：听证七日前通知）']),
  reviewRequired: (f) => (f.reviewReasons.length ? [] : ['本案无须法制审核']),
  reviewNotPassed: (f) => (f.reviewPassed ? ['法制审核已通过'] : []),
  /** 行政处罚法第五十八条 */
  reviewPassedIfRequired: (f) =>
    f.reviewReasons.length && !f.reviewPassed ? [`须经法制审核且审核通过后方可决定（行政处罚法第五十八条）：${f.reviewReasons.join('；')}`] : [],
  /** 行政处罚法第五十七条 */
  discussionIfMajor: (f) => (f.major && !f.discussionDone ? ['重大案件须经负责人集体讨论后方可决定（行政处罚法第五十七条）'] : []),
  major: (f) => (f.major ? [] : ['本案不是重大案件，无须集体讨论']),
  discussionNotDone: (f) => (f.discussionDone ? ['已记录集体讨论'] : []),
  notExtended: (f) => (f.extensionApproved ? ['办案期限已延长过一次'] : []),
  notPublished: (f) => (f.published ? ['已公示'] : f.publicationWithdrawn ? ['公示已撤回'] : []),
  /** 国办发〔2018〕118号 */
  published: (f) => (f.published || f.publicationWithdrawn ? [] : ['处罚决定尚未公示（国办发〔2018〕118号：7个工作日内公示）']),
  /** 行政处罚法第五十九条 */
  documentComplete: (f) => f.documentProblems.map((p) => `决定书缺少：${p}（行政处罚法第五十九条）`),
  summary: (f) => (f.procedure === 'summary' ? [] : ['一般程序案件']),
  general: (f) => (f.procedure === 'general' ? [] : ['简易程序案件']),
} as const satisfies Record<string, (f: GuardFacts) => string[]>;

// The case handler's rows: bureau enforcement officers and street officers work the same stages.
const handler = {
  investigation: {
    add_evidence: {},
    propose: { to: 'proposed', if: [guards.evidence, guards.officers] },
    summary_decide: { to: 'decided', if: [guards.officers], after: ['track_deadlines', 'record_publication'] },
    dismiss: { to: 'closed', after: ['track_deadlines'] },
  },
  proposed: {
    add_evidence: {},
    propose: {},
    notify: { to: 'notified', if: [guards.proposal, guards.officers], after: ['track_deadlines'] },
  },
  notified: {
    add_evidence: {},
    record_statement: {},
    waive_rights: { if: [guards.withinHearingWindow] },
    request_hearing: { to: 'hearing', if: [guards.hearingRight, guards.withinHearingWindow] },
    submit_review: { to: 'legal_review', if: [guards.reviewRequired, guards.reviewNotPassed, guards.windowClosed, guards.noPendingHearing] },
    // 行政处罚法第五十七条: the officer submits the draft decision; the head decides (deciderExtras.approval).
    submit_decision: {
      to: 'approval',
      if: [guards.officers, guards.windowClosed, guards.noPendingHearing, guards.reviewPassedIfRequired, guards.discussionIfMajor],
    },
  },
  hearing: {
    schedule_hearing: {},
    record_hearing: { to: 'notified', if: [guards.hearingNoticed] },
  },
  decided: {
    serve: { to: 'served', after: ['track_deadlines'] },
    publish: { if: [guards.notPublished], after: ['publish'] },
  },
  served: {
    execute: { to: 'executed', after: ['track_deadlines'] },
    publish: { if: [guards.notPublished], after: ['publish'] },
  },
  executed: {
    publish: { if: [guards.notPublished], after: ['publish'] },
    close: { to: 'closed', if: [guards.published, guards.documentComplete], after: ['track_deadlines'] },
  },
  closed: {
    archive: { to: 'archived' },
  },
} as const;

const deciderExtras = {
  investigation: { approve_extension: { if: [guards.notExtended], after: ['track_deadlines'] } },
  proposed: { approve_extension: { if: [guards.notExtended], after: ['track_deadlines'] } },
  notified: {
    approve_extension: { if: [guards.notExtended], after: ['track_deadlines'] },
    record_discussion: { if: [guards.major, guards.discussionNotDone, guards.reviewPassedIfRequired] },
  },
  // 行政处罚法第五十七条: 行政机关负责人 (or a deputy head under a recorded delegation) reviews the result and decides.
  // Summary procedure (第五十一、五十二条, 当场作出) is not subject to it: `summary_decide` is the officers' own.
  approval: {
    decide: {
      to: 'decided',
      if: [guards.officers, guards.reviewPassedIfRequired, guards.discussionIfMajor],
      after: ['track_deadlines', 'record_publication'],
    },
    return_decision: { to: 'notified' },
  },
  decided: { revoke: { to: 'revoked', after: ['withdraw_publication', 'track_deadlines'] } },
  served: { revoke: { to: 'revoked', after: ['withdraw_publication', 'track_deadlines'] } },
  executed: { revoke: { to: 'revoked', after: ['withdraw_publication', 'track_deadlines'] } },
  closed: { revoke: { to: 'revoked', after: ['withdraw_publication', 'track_deadlines'] } },
} as const;

/**
 * The matrix. Street officers also hold their street leadership's extension, discussion,
 * decision (recording the street office's head by name) and revocation.
 */
export const caseWorkflow = defineWorkflow<Stage, CaseEvent, GuardFacts, Effect>({
  key: 'enforcement.case',
  label: '行政处罚案件',
  stages: STAGES,
  events: EVENTS,
  initial: 'investigation',
  guards,
  guardLabels: {
    officers: '两名以上持证执法人员（第四十二条）',
    evidence: '已登记证据（第四十条）',
    proposal: '已拟定处罚意见',
    windowClosed: '陈述申辩、听证申请期满或放弃（第六十二条）',
    withinHearingWindow: '在听证申请期限内（第六十四条）',
    hearingRight: '有听证权利（第六十三条）',
    noPendingHearing: '无待举行的听证（第六十五条）',
    hearingNoticed: '已发出听证通知（第六十四条）',
    reviewRequired: '须法制审核',
    reviewNotPassed: '法制审核尚未通过',
    reviewPassedIfRequired: '须审核的已审核通过（第五十八条）',
    discussionIfMajor: '重大案件已集体讨论（第五十七条）',
    major: '重大案件',
    discussionNotDone: '尚未记录集体讨论',
    notExtended: '未延长过办案期限',
    notPublished: '尚未公示',
    published: '已公示（国办发〔2018〕118号）',
    documentComplete: '决定书内容齐全（第五十九条）',
    summary: '简易程序',
    general: '一般程序',
  },
  whoLabels: { enforcement: '局执法人员', street: '街道执法人员', legal: '依法行政办（法制审核）', leader: '局领导' },
  matrix: {
    enforcement: handler,
    street: {
      ...handler,
      investigation: { ...handler.investigation, ...deciderExtras.investigation },
      proposed: { ...handler.proposed, ...deciderExtras.proposed },
      notified: { ...handler.notified, ...deciderExtras.notified },
      approval: deciderExtras.approval,
      decided: { ...handler.decided, ...deciderExtras.decided },
      served: { ...handler.served, ...deciderExtras.served },
      executed: { ...handler.executed, ...deciderExtras.executed },
      closed: { ...handler.closed, ...deciderExtras.closed },
    },
    legal: {
      legal_review: {
        pass_review: { to: 'notified' },
        reject_review: { to: 'proposed' },
      },
    },
    leader: deciderExtras,
  },
});

/** An action as the server sends it with a case (the engine's one shape). */
export type ActionView = WorkflowAction<CaseEvent, Stage>;

/**
 * The roles that count on a case: a street's cases are handled by that street
 * (the bureau's legal office may review them, the bureau otherwise only watches);
 * the bureau's own cases are handled by the bureau's roles.
 */
export function rolesOnCase(roles: readonly string[], caseOwnedByStreet: boolean): string[] {
  return caseOwnedByStreet ? roles.filter((r) => r === 'street' || r === 'legal') : roles.filter((r) => r !== 'street');
}

/** The transition for a role set (the first role that lists the event at the stage). */
export function transitionFor(roles: readonly string[], stage: Stage, event: CaseEvent): Transition | undefined {
  return engineTransition(caseWorkflow, roles, stage, event);
}

/** The events listed for any of the roles at a stage (the table test asserts these). */
export function eventsFor(roles: readonly string[], stage: Stage): CaseEvent[] {
  return engineEvents(caseWorkflow, roles, stage);
}

/** Each listed event with whether its guards pass now and, if not, why. */
export function actionsFor(roles: readonly string[], stage: Stage, facts: GuardFacts): ActionView[] {
  return engineActions(caseWorkflow, roles, stage, facts);
}

/** The matrix as a table the legal office can review (Markdown). */
export function workflowMatrix(): string {
  return matrixMarkdown(caseWorkflow);
}
