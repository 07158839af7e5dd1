import type { Insertable } from 'kysely';
import type { DemoContext } from '../../core/demo.js';
import { write } from '../../core/audit/audit.js';
import { addDays } from '../../core/calendar/calendar.js';
import { orgsByName } from '../../core/orgs.js';
import type { AdviceKind, LegalTables } from './schema.js';
import { appraise, formatDocNo, MAX_VALID_YEARS, NORMATIVE_RULES, REVIEW_CHECKLIST } from './rules.js';
import { trackNormative } from './commands.js';
import { insertAdviceRows, insertAppraisal, insertCleanup, insertContracts, insertDocuments } from './repository.js';
import { computeDeadline } from '../../core/calendar/deadline.js';

/** The 2022 report: 315 contracts, 31 documents, 6 opinions, 11 meetings, 50余 consultations, 2 trainings. */
const YEAR_2022: Record<AdviceKind, number> = { 合同审查: 315, 文件审核: 31, 法律意见书: 6, 会议: 11, 业务研讨: 53, 专题培训: 2 };
const YEAR_2023: Record<AdviceKind, number> = { 合同审查: 96, 文件审核: 9, 法律意见书: 2, 会议: 4, 业务研讨: 16, 专题培训: 1 };

const FIRM = '广东衡正律师事务所（演示）';
const LAWYERS = ['郑律师', '何律师', '梁律师'];
const SUBJECTS = [
  '猎德涌',
  '车陂涌',
  '沙河涌',
  '深涌',
  '程界东涌',
  '乌涌',
  '天河区排水管网',
  '龙洞片区',
  '员村片区',
  '珠吉片区',
  '泵站',
  '水闸',
  '智慧水务平台',
  '防汛物资仓库',
];
const CONTRACTS = [
  '清淤工程施工合同',
  '维修养护服务合同',
  '设计服务合同',
  '监理服务合同',
  '检测服务合同',
  '物资采购合同',
  '技术服务合同',
  '运行维护合同',
  '租赁合同',
  '委托代建协议',
];
const DOCS = [
  '行政执法公示实施办法',
  '执法全过程记录实施办法',
  '重大执法决定法制审核实施办法',
  '内部审批监督管理规定',
  '12345热线工作实施细则',
  '防汛值班制度',
  '河涌巡查管理办法',
  '档案管理办法',
  '合同管理办法',
  '政务公开工作制度',
];
const TOPICS: Record<AdviceKind, string[]> = {
  合同审查: [],
  文件审核: DOCS,
  法律意见书: [
    '关于某排水设施损坏赔偿事宜的法律意见书',
    '关于河道管理范围内违法建设处置的法律意见书',
    '关于合同解除争议的法律意见书',
    '关于信息公开申请答复的法律意见书',
    '关于行政复议案件应诉的法律意见书',
    '关于工程款结算纠纷的法律意见书',
  ],
  会议: ['局长办公会议', '重大行政处罚案件集体讨论会', '“三重一大”事项决策会议', '信访维稳工作会议', '重大行政决策论证会'],
  业务研讨: ['行政处罚案件办理研讨', '违法排水查处研讨', '在建工地黄泥水查处研讨', '政府合同风险研讨', '信访事项依法处理研讨', '镇街综合执法衔接研讨'],
  专题培训: ['《信访工作条例》专题培训', '《民法典》合同编专题培训'],
};

/** Loads the advisor contract, the 2022 (and partial 2023) work records, documents under review and the appraisal of 2021. */
export async function loadLegalDemo(ctx: DemoContext): Promise<void> {
  const rnd = ctx.random;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const cal = ctx.sys.calendar.current;
  const orgs = await orgsByName(ctx.db, ctx.tenantId);
  const orgId = orgs.get('依法行政办公室')!.id;
  const workdays = (from: string, to: string) => {
    const out: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) if (cal.isWorkday(d)) out.push(d);
    return out;
  };
  await write(ctx, async (w) => {
    const contracts = await insertContracts(w.tx, [
      {
        tenant_id: ctx.tenantId,
        org_id: orgId,
        firm: FIRM,
        contract_no: 'THSW-FLGW-2021-01',
        start_on: '2021-07-01',
        end_on: '2023-06-30',
        fee_fen: 12_000_000,
        lawyers: LAWYERS.join('、'),
        procurement: '政府采购（竞争性磋商）',
      },
      {
        tenant_id: ctx.tenantId,
        org_id: orgId,
        firm: FIRM,
        contract_no: 'THSW-FLGW-2023-01',
        start_on: '2023-07-01',
        end_on: '2025-06-30',
        fee_fen: 12_000_000,
        lawyers: LAWYERS.join('、'),
        procurement: '政府采购（竞争性磋商）',
      },
    ]);
    await w.auditMany(
      contracts.map((c) => ({
        entity: 'legal.contract',
        entityId: c.id,
        action: 'created',
        orgId,
        after: { firm: c.firm, contract_no: c.contract_no, start_on: c.start_on, end_on: c.end_on },
        note: { via: 'demo' },
      })),
    );

    const rows: Array<Insertable<LegalTables['legal_advice']> & { date: string }> = [];
    for (const [counts, from, to] of [
      [YEAR_2022, '2022-01-04', '2022-12-30'],
      [YEAR_2023, '2023-01-03', '2023-04-28'],
    ] as const) {
      const days = workdays(from, to);
      for (const kind of Object.keys(counts) as AdviceKind[]) {
        for (let i = 0; i < counts[kind]; i++) {
          const title =
            kind === '合同审查'
              ? `${pick(SUBJECTS)}${pick(CONTRACTS)}`
              : kind === '专题培训'
                ? TOPICS.专题培训[i % 2]!
                : kind === '文件审核'
                  ? `《广州市天河区水务局${pick(DOCS)}》`
                  : pick(TOPICS[kind]);
          rows.push({
            tenant_id: ctx.tenantId,
            org_id: orgId,
            date: pick(days),
            kind,
            title,
            firm: FIRM,
            handler: pick(LAWYERS),
            contract_id: contracts[0]!.id,
          });
        }
      }
    }
    rows.sort((a, b) => a.date.localeCompare(b.date));
    for (let i = 0; i < rows.length; i += 500) {
      const ins = await insertAdviceRows(w.tx, rows.slice(i, i + 500));
      await w.auditMany(
        ins.map((r) => ({
          entity: 'legal.advice',
          entityId: r.id,
          action: 'created',
          orgId,
          after: { date: r.date, kind: r.kind, title: r.title, firm: r.firm, handler: r.handler },
          note: { via: 'demo' },
        })),
      );
    }

    // Decisions and 三重一大 matters: reviewed 同意, then decided (one still under way).
    const decisions = [
      {
        kind: '重大行政决策',
        title: '2021-2022年天河区抗旱防咸保供水工作方案',
        submitted_on: '2022-01-10',
        reviewed_on: '2022-01-14',
        issued_on: '2022-01-20',
      },
      { kind: '三重一大', title: '天河区内涝治理项目资金安排', submitted_on: '2022-06-06', reviewed_on: '2022-06-10', issued_on: '2022-06-17' },
      { kind: '三重一大', title: '局常年法律顾问服务采购', submitted_on: '2022-11-07', reviewed_on: '2022-11-11', issued_on: '2022-11-18' },
      { kind: '重大行政决策', title: '天河区排水设施移交管理方案', submitted_on: '2023-03-06', reviewed_on: '2023-03-13', issued_on: null },
    ] as const;
    const opinion = '经审查，该文件制定主体、权限、程序合法，内容不违反上位法规定，同意提交审议。';
    const decisionRows = await insertDocuments(
      w.tx,
      decisions.map((d) => ({
        tenant_id: ctx.tenantId,
        org_id: orgId,
        kind: d.kind,
        title: d.title,
        submitted_on: d.submitted_on,
        status: d.issued_on ? ('issued' as const) : ('reviewed' as const),
        reviewed_on: d.reviewed_on,
        review_result: '同意' as const,
        review_opinion: opinion,
        reviewer: '陈法制',
        issued_on: d.issued_on,
        doc_no: null,
      })),
    );

    // 行政规范性文件 through the whole lifecycle (国办发〔2018〕37号): 2 published in 2022 (one filed
    // late), one of 2018 repealed and one of 2019 kept at the 2022 cleanup — 3 in force at the year's end.
    const normative = [
      {
        title: '广州市天河区水务局排水设施巡查管理办法',
        seq: [2018, 1],
        dates: ['2018-03-01', '2018-03-05', '2018-04-04', '2018-04-10', '2018-04-17', '2018-04-24', '2018-05-02', '2018-05-20'],
        cleanup: { on: '2022-11-15', outcome: '废止', reason: '所依据的排水管理规定已修订，本办法内容已被新规定替代' },
      },
      {
        title: '广州市天河区水务局河涌管理范围内建设项目审批服务规范',
        seq: [2019, 1],
        dates: ['2019-03-11', '2019-03-18', '2019-04-17', '2019-04-22', '2019-04-29', '2019-05-21', '2019-06-03', '2019-06-20'],
        cleanup: { on: '2022-11-15', outcome: '继续有效', reason: '与现行法律法规一致，仍适应管理需要，继续有效' },
      },
      {
        title: '广州市天河区水务局行政执法公示 执法全过程记录 重大执法决定法制审核实施办法',
        seq: [2022, 1],
        dates: ['2022-02-07', '2022-02-07', '2022-03-09', '2022-03-14', '2022-03-21', '2022-03-29', '2022-04-06', '2022-04-22'],
        cleanup: null,
      },
      {
        title: '广州市天河区水务局12345政府服务热线工作实施细则',
        seq: [2022, 2],
        dates: ['2022-04-01', '2022-04-06', '2022-05-06', '2022-05-09', '2022-05-16', '2022-05-24', '2022-05-30', '2022-07-05'],
        cleanup: null,
      },
    ] as const;
    const checklist = JSON.stringify(Object.fromEntries(REVIEW_CHECKLIST.map((c) => [c.key, true])));
    const normativeRows = await insertDocuments(
      w.tx,
      normative.map((d) => {
        const [drafted, from, until, submitted, reviewed, deliberated, issued, filed] = d.dates;
        const repealed = d.cleanup?.outcome === '废止' ? d.cleanup : null;
        return {
          tenant_id: ctx.tenantId,
          org_id: orgId,
          kind: '规范性文件' as const,
          title: d.title,
          status: repealed ? ('repealed' as const) : ('published' as const),
          drafted_on: drafted,
          comment_from: from,
          comment_until: until,
          comment_channel: '区政府门户网站公开征求意见',
          comment_summary: '公开征求意见期间收到意见若干条，已采纳的在送审稿中修改，未采纳的说明理由。',
          submitted_on: submitted,
          reviewed_on: reviewed,
          review_result: '同意' as const,
          review_opinion: opinion,
          review_checklist: checklist,
          reviewer: '陈法制',
          deliberated_on: deliberated,
          deliberation: '局长办公会议',
          issued_on: issued,
          doc_no: formatDocNo('天水规', d.seq[0], d.seq[1]),
          doc_year: d.seq[0],
          doc_seq: d.seq[1],
          filing_due: computeDeadline({ rule: NORMATIVE_RULES.filing, start: issued }, cal).due,
          filed_on: filed,
          valid_until: computeDeadline({ rule: NORMATIVE_RULES.validity, start: issued }, cal).due,
          repealed_on: repealed?.on ?? null,
          repeal_reason: repealed ? `清理：${repealed.reason}` : null,
        };
      }),
    );
    for (const [i, d] of normative.entries()) {
      const row = normativeRows[i]!;
      if (d.cleanup)
        await insertCleanup(w.tx, {
          tenant_id: ctx.tenantId,
          org_id: orgId,
          document_id: row.id,
          cleaned_on: d.cleanup.on,
          outcome: d.cleanup.outcome,
          reason: d.cleanup.reason,
        });
      await trackNormative(w, row, { issuedOn: row.issued_on!, validYears: MAX_VALID_YEARS, filedOn: row.filed_on, cleanedOn: d.cleanup?.on ?? null });
    }
    const docRows = [...decisionRows, ...normativeRows];
    await w.auditMany(
      docRows.map((d) => ({
        entity: 'legal.document',
        entityId: d.id,
        action: 'created',
        orgId,
        after: {
          kind: d.kind,
          title: d.title,
          submitted_on: d.submitted_on,
          review_result: d.review_result,
          issued_on: d.issued_on,
          ...(d.kind === '规范性文件' ? { doc_no: d.doc_no, filed_on: d.filed_on, valid_until: d.valid_until, repealed_on: d.repealed_on } : {}),
        },
        note: { via: 'demo' },
      })),
    );

    const criteria = [
      { name: '服务态度与廉洁自律', max: 20, score: 19 },
      { name: '专业能力', max: 30, score: 28 },
      { name: '响应时效', max: 20, score: 17 },
      { name: '工作成效', max: 30, score: 27 },
    ];
    const a = appraise(criteria);
    const ap = await insertAppraisal(w.tx, {
      tenant_id: ctx.tenantId,
      org_id: orgId,
      year: 2021,
      contract_id: contracts[0]!.id,
      appraised_on: '2022-10-20',
      self_check:
        '对照《广东省政府法律顾问工作规定》《广州市政府部门聘请常年法律顾问办法》，局系统逐项自查法律顾问参与重大行政决策、合同审查、合规性审查和重大执法决定法制审核情况，工作台账完整。',
      criteria: JSON.stringify(criteria),
      total: a.total,
      grade: a.grade,
      suggestions: '加强对镇街综合执法疑难案件的指导；针对信访、政府合同等重点领域提供更具针对性的专题培训；缩短紧急合同审查的反馈时间。',
    });
    await w.audit({
      entity: 'legal.appraisal',
      entityId: ap.id,
      action: 'created',
      orgId,
      after: { year: 2021, total: a.total, grade: a.grade },
      note: { via: 'demo' },
    });
    ctx.log(`法律顾问：${rows.length} 条工作记录、${docRows.length} 件送审文件、1 份年度考核`);
  });
}
