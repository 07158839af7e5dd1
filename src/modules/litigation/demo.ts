/**
 * The demo bureau's 2022 cases against it: three reconsiderations (one decided on the papers and
 * upheld, one heard and revoked with its rectification, one still open at the year's end) and two
 * lawsuits (one dismissed at first instance, appealed by the plaintiff and dismissed again; one
 * the bureau lost — 确认违法 — with its rectification). Each goes through the module's own
 * commands (registerCase, applyCaseEvent), so the demo's records, audit trail and tracked
 * deadlines are what the forms would make. Penalty cases of the enforcement demo are linked where
 * the challenged act is one (read-only: the enforcement records are not changed, so its figures
 * stay those of the seed report).
 */
import type { DemoContext } from '../../core/demo.js';
import { orgsByName } from '../../core/orgs.js';
import { idCardCheckChar } from '../../core/ledger/validators.js';
import { applyCaseEvent, registerCase, type RegisterInput } from './commands.js';
import type { CaseEventName } from './events.js';
import { servedPenaltiesOnLegalPersons } from './repository.js';

type Step = { event: CaseEventName; on: string } & Record<string, unknown>;

interface DemoCase {
  input: Omit<RegisterInput, 'orgId'>;
  /** The penalty decision this case challenges (served before this date), when the act is one. */
  penaltyBefore?: string;
  /** The owning unit when the case is not a penalty's. */
  org?: string;
  steps: Step[];
}

const LEGAL = { handler: '陈法制', agent: '郑律师（广东衡正律师事务所）' };
/** A reconsideration of a penalty decision before the district government: the party and the act come from the penalty case it links. */
const PENALTY_RECONSIDERATION = {
  kind: '复议',
  claimantType: '法人',
  claimantName: '',
  actKind: '行政处罚',
  actTitle: '',
  body: '广州市天河区人民政府',
} as const;
/** A synthetic 居民身份证号 with a valid check character (stored encrypted, shown masked). */
const idNo = (first17: string) => `${first17}${idCardCheckChar(first17)}`;

const CASES: DemoCase[] = [
  {
    input: {
      caseNo: '天府复〔2022〕21号',
      ...PENALTY_RECONSIDERATION,
      receivedOn: '2022-04-11',
      ...LEGAL,
    },
    penaltyBefore: '2022-04-01',
    steps: [
      { event: 'reply', on: '2022-04-20' },
      { event: 'conclude', on: '2022-06-02', outcome: '维持', servedOn: '2022-06-06', note: '书面审理：事实清楚，证据确凿，适用依据正确，程序合法，内容适当' },
      { event: 'close', on: '2022-06-10' },
    ],
  },
  {
    input: {
      caseNo: '天府复〔2022〕57号',
      ...PENALTY_RECONSIDERATION,
      receivedOn: '2022-07-11',
      ...LEGAL,
    },
    penaltyBefore: '2022-07-01',
    steps: [
      { event: 'reply', on: '2022-07-19' },
      { event: 'hearing', on: '2022-08-16', headRole: '副职负责人', headName: '何副局长', note: '复议机构组织听证，分管副局长参加' },
      { event: 'conclude', on: '2022-09-05', outcome: '撤销', servedOn: '2022-09-07', note: '认定违法排水量的监测报告未经当事人确认，主要事实不清、证据不足' },
      {
        event: 'rectify',
        on: '2022-09-20',
        rectification: '撤回原处罚决定的公示；水政监察大队重新调查取证，完善监测取样程序；在全局执法案卷评查中专项检查证据确认环节',
      },
      { event: 'close', on: '2022-09-26' },
    ],
  },
  {
    input: {
      caseNo: '天府复〔2022〕96号',
      kind: '复议',
      claimantType: '自然人',
      claimantName: '林志强',
      claimantIdNo: idNo('44010619780512031'),
      actKind: '政府信息公开答复',
      actTitle: '天水依申请公开〔2022〕38号答复（车陂涌整治工程资金使用情况）',
      body: '广州市天河区人民政府',
      receivedOn: '2022-11-21',
      ...LEGAL,
    },
    org: '办公室',
    steps: [{ event: 'reply', on: '2022-11-30' }],
  },
  {
    input: {
      caseNo: '(2022)粤7101行初1203号',
      kind: '诉讼',
      instance: '一审',
      claimantType: '法人',
      claimantName: '',
      actKind: '行政处罚',
      actTitle: '',
      body: '广州铁路运输法院',
      receivedOn: '2022-05-09',
      ...LEGAL,
    },
    penaltyBefore: '2022-04-15',
    steps: [
      { event: 'reply', on: '2022-05-20' },
      { event: 'hearing', on: '2022-06-23', headRole: '正职负责人', headName: '李局长', note: '局长出庭应诉并发表意见' },
      { event: 'conclude', on: '2022-07-15', outcome: '驳回诉讼请求', servedOn: '2022-07-19' },
      { event: 'appeal', on: '2022-07-29', appellant: '对方当事人' },
      {
        event: 'hearing',
        on: '2022-09-22',
        headRole: null,
        absenceReason: '局正职、副职负责人均在防汛防台一线值守（全区防风Ⅲ级应急响应），经法院同意委托依法行政办公室负责人和律师出庭',
      },
      { event: 'conclude', on: '2022-11-10', outcome: '驳回诉讼请求', servedOn: '2022-11-14', note: '二审判决驳回上诉，维持原判' },
      { event: 'close', on: '2022-11-18' },
    ],
  },
  {
    input: {
      caseNo: '(2022)粤7101行初2377号',
      kind: '诉讼',
      instance: '一审',
      claimantType: '自然人',
      claimantName: '黄建华',
      claimantIdNo: idNo('44010619850312021'),
      actKind: '政府信息公开答复',
      actTitle: '天水依申请公开〔2022〕21号答复（逾期答复）',
      body: '广州铁路运输法院',
      receivedOn: '2022-08-15',
      ...LEGAL,
    },
    org: '办公室',
    steps: [
      { event: 'reply', on: '2022-08-26' },
      { event: 'hearing', on: '2022-10-13', headRole: '副职负责人', headName: '何副局长' },
      { event: 'conclude', on: '2022-11-04', outcome: '确认违法', servedOn: '2022-11-08', note: '答复超过法定期限，判决确认答复行为违法' },
      {
        event: 'rectify',
        on: '2022-11-25',
        rectification: '已向原告补正答复；依申请公开办理纳入系统期限提醒，答复前由依法行政办公室审核期限',
      },
      { event: 'close', on: '2022-11-28' },
    ],
  },
];

/** Loads the 2022 cases through the module's commands. */
export async function loadLitigationDemo(ctx: DemoContext): Promise<void> {
  const sys = ctx.sys;
  const orgs = await orgsByName(ctx.db, ctx.tenantId);
  const penalties = await servedPenaltiesOnLegalPersons(ctx.db, ctx.tenantId, '2022-01-01');
  const used = new Set<string>();
  let made = 0;
  for (const c of CASES) {
    let input: RegisterInput = { ...c.input, orgId: c.org ? orgs.get(c.org)!.id : null };
    if (c.penaltyBefore) {
      const p = penalties.find((x) => !used.has(x.id) && x.served_on! < c.penaltyBefore!);
      if (!p) continue; // an enforcement demo without penalty decisions: the case is not made up
      used.add(p.id);
      input = {
        ...input,
        claimantName: p.party_name,
        actTitle: `${p.decision_no}行政处罚决定（${p.case_no}）`,
        actEntity: 'enforcement.case',
        actRecordId: p.id,
        orgId: p.org_id,
      };
    }
    let r = await registerCase(ctx, sys, input);
    for (const { event, ...body } of c.steps) r = await applyCaseEvent(ctx, sys, { id: r.id, event, body: { ...body, version: r.version } });
    made++;
  }
  ctx.log(`行政复议、行政诉讼：${made} 件（2022年）`);
}
