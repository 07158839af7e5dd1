import { describe, expect, it } from 'vitest';
import { validateWorkflow } from '../../core/workflow/index.js';
import { actionsFor, caseWorkflow, eventsFor, rolesOnCase, STAGES, workflowMatrix, type GuardFacts, type Stage } from './workflow.js';

/** The allowed events of every role at every stage: the legal office reviews this table. */
const EXPECTED: Record<string, Partial<Record<Stage, string[]>>> = {
  enforcement: {
    investigation: ['add_evidence', 'propose', 'summary_decide', 'dismiss'],
    proposed: ['add_evidence', 'propose', 'notify'],
    notified: ['add_evidence', 'record_statement', 'waive_rights', 'request_hearing', 'submit_review', 'submit_decision'],
    hearing: ['schedule_hearing', 'record_hearing'],
    legal_review: [],
    approval: [],
    decided: ['serve', 'publish'],
    served: ['publish', 'execute'],
    executed: ['publish', 'close'],
    closed: ['archive'],
    archived: [],
    revoked: [],
  },
  street: {
    investigation: ['add_evidence', 'approve_extension', 'propose', 'summary_decide', 'dismiss'],
    proposed: ['add_evidence', 'approve_extension', 'propose', 'notify'],
    notified: [
      'add_evidence',
      'approve_extension',
      'record_statement',
      'waive_rights',
      'request_hearing',
      'submit_review',
      'record_discussion',
      'submit_decision',
    ],
    hearing: ['schedule_hearing', 'record_hearing'],
    legal_review: [],
    approval: ['return_decision', 'decide'],
    decided: ['serve', 'publish', 'revoke'],
    served: ['publish', 'execute', 'revoke'],
    executed: ['publish', 'close', 'revoke'],
    closed: ['archive', 'revoke'],
    archived: [],
    revoked: [],
  },
  legal: { legal_review: ['pass_review', 'reject_review'], notified: [], approval: [], decided: [] },
  leader: {
    investigation: ['approve_extension'],
    proposed: ['approve_extension'],
    notified: ['approve_extension', 'record_discussion'],
    approval: ['return_decision', 'decide'],
    decided: ['revoke'],
    served: ['revoke'],
    executed: ['revoke'],
    closed: ['revoke'],
    legal_review: [],
  },
  viewer: { investigation: [], notified: [], approval: [], decided: [] },
  admin: { investigation: [], notified: [] },
};

describe('the workflow matrix (role × stage → allowed events)', () => {
  for (const [role, byStage] of Object.entries(EXPECTED)) {
    for (const [stage, events] of Object.entries(byStage)) {
      it(`${role} at ${STAGES[stage as Stage]}: ${events.join(', ') || 'nothing'}`, () => {
        expect(eventsFor([role], stage as Stage)).toEqual(events);
      });
    }
  }
  it('is valid at start-up and prints for the legal office', () => {
    expect(() => validateWorkflow(caseWorkflow)).not.toThrow();
    expect(workflowMatrix()).toContain('| 局执法人员 | 已告知（待决定） | 呈报负责人审批 | 待负责人审批 |');
    expect(workflowMatrix()).toContain(
      '| 局领导 | 待负责人审批 | 负责人审批作出行政处罚决定 | 已决定（待送达） | 两名以上持证执法人员（第四十二条）、须审核的已审核通过（第五十八条）、重大案件已集体讨论（第五十七条） |',
    );
    expect(workflowMatrix()).toContain('| 街道执法人员 | 待负责人审批 | 负责人审批作出行政处罚决定 | 已决定（待送达） |');
    expect(workflowMatrix()).not.toContain('| 局执法人员 | 待负责人审批 |');
  });
});

const ready: GuardFacts = {
  today: '2022-06-20',
  procedure: 'general',
  evidenceCount: 2,
  officerProblems: [],
  hasProposal: true,
  windowEnds: '2022-06-13',
  rightsWaived: false,
  hearingRight: [],
  hearingRequested: false,
  hearingNoticeOn: null,
  hearingHeld: false,
  reviewReasons: [],
  reviewPassed: false,
  major: false,
  discussionDone: false,
  extensionApproved: false,
  fineFen: 100_000,
  paid: false,
  decided: false,
  published: false,
  publicationWithdrawn: false,
  documentProblems: [],
};
const decide = (f: Partial<GuardFacts>) => actionsFor(['enforcement'], 'notified', { ...ready, ...f }).find((a) => a.event === 'submit_decision')!;

describe('stage gates: why 呈报负责人审批 (and so 作出决定) is blocked', () => {
  it.each([
    ['an ordinary case after the window', {}, []],
    [
      'before the statement/hearing window ends (行政处罚法第六十二条)',
      { windowEnds: '2022-06-25' },
      ['陈述申辩、听证申请期限至2022-06-25届满，期满或当事人明确放弃后方可决定（行政处罚法第六十二条）'],
    ],
    ['the party waived its rights: no wait', { windowEnds: '2022-06-25', rightsWaived: true }, []],
    ['a requested hearing not yet held (第六十五条)', { hearingRequested: true }, ['当事人已申请听证，听证结束前不得作出决定（行政处罚法第六十五条）']],
    [
      'legal review required but not passed (第五十八条)',
      { reviewReasons: ['重大案件（涉及重大公共利益或情况疑难复杂）'] },
      ['须经法制审核且审核通过后方可决定（行政处罚法第五十八条）：重大案件（涉及重大公共利益或情况疑难复杂）'],
    ],
    ['legal review passed', { reviewReasons: ['经过听证程序'], reviewPassed: true }, []],
    [
      'a major case without collective discussion (第五十七条)',
      { major: true, reviewReasons: ['重大案件'], reviewPassed: true },
      ['重大案件须经负责人集体讨论后方可决定（行政处罚法第五十七条）'],
    ],
    [
      'fewer than two certified officers (第四十二条)',
      { officerProblems: ['执法人员不得少于两人且须持有效执法证件（行政处罚法第四十二条），现有1人'] },
      ['执法人员不得少于两人且须持有效执法证件（行政处罚法第四十二条），现有1人'],
    ],
  ] as const)('%s', (_n, f, reasons) => {
    const a = decide(f as Partial<GuardFacts>);
    expect(a.reasons).toEqual(reasons);
    expect(a.allowed).toBe(reasons.length === 0);
  });

  it('no decision before the rights notice: 作出决定 is not an event of the investigation or proposal stages', () => {
    for (const stage of ['investigation', 'proposed'] as const)
      for (const role of ['enforcement', 'street', 'leader', 'legal']) expect(eventsFor([role], stage)).not.toContain('decide');
  });

  it('行政处罚法第五十七条: an officer never decides a general-procedure case — only the head (leader), or on a street case the street recording its head', () => {
    for (const stage of Object.keys(STAGES) as Stage[]) {
      expect(eventsFor(['enforcement'], stage)).not.toContain('decide');
      expect(eventsFor(['legal'], stage)).not.toContain('decide');
    }
    expect(eventsFor(['leader'], 'approval')).toContain('decide');
  });

  it('the head decides only after the review and discussion a case needs', () => {
    const head = (f: Partial<GuardFacts>) => actionsFor(['leader'], 'approval', { ...ready, ...f }).find((a) => a.event === 'decide')!;
    expect(head({}).allowed).toBe(true);
    expect(head({ reviewReasons: ['经过听证程序'] }).reasons).toEqual(['须经法制审核且审核通过后方可决定（行政处罚法第五十八条）：经过听证程序']);
  });

  it('proposing needs evidence and two certified officers', () => {
    const p = actionsFor(['enforcement'], 'investigation', { ...ready, evidenceCount: 0, officerProblems: ['x'] }).find((a) => a.event === 'propose')!;
    expect(p.allowed).toBe(false);
    expect(p.reasons).toHaveLength(2);
  });

  it('closing needs the publication and a complete decision document (第五十九条)', () => {
    const c = actionsFor(['enforcement'], 'executed', { ...ready, published: false, documentProblems: ['行政处罚的种类和依据'] }).find(
      (a) => a.event === 'close',
    )!;
    expect(c.reasons).toEqual(['处罚决定尚未公示（国办发〔2018〕118号：7个工作日内公示）', '决定书缺少：行政处罚的种类和依据（行政处罚法第五十九条）']);
  });
});

describe('who handles whose cases', () => {
  it.each([
    ["a street's case: the street and the bureau's legal office", ['street'], true, ['street']],
    ["a street's case: the bureau's enforcement officers and leaders only watch", ['enforcement', 'leader', 'legal'], true, ['legal']],
    ["the bureau's case: bureau roles", ['enforcement', 'leader'], false, ['enforcement', 'leader']],
    ["the bureau's case: never a street role", ['street'], false, []],
  ])('%s', (_n, roles, street, out) => expect(rolesOnCase(roles, street)).toEqual(out));
});
