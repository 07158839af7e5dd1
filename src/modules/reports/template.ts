import type { FigureFormat } from './figures.js';

/** A piece of a figure sentence: text, or a figure bound to a metric key (METRICS.md). */
export type SentencePart = string | { metric: string; format?: FigureFormat; unit?: string };

/** A sentence generated from the metric registry; `{year}` in text is replaced by the report's year. */
export interface FigureSentence {
  key: string;
  parts: readonly SentencePart[];
}

/** A section of the report: narrative paragraphs the bureau writes, and figure sentences. */
export interface SectionDef {
  key: string;
  /** Heading text without its number (the renderer numbers: 一、 / （一）). */
  title: string;
  children?: readonly SectionDef[];
  sentences?: readonly FigureSentence[];
  /** Metric families whose members get one sentence each, e.g. every monitoring section's class. */
  familySentences?: ReadonlyArray<{ prefix: string; parts: (member: string) => readonly SentencePart[] }>;
}

const m = (metric: string, format?: FigureFormat, unit?: string): SentencePart => ({ metric, format, unit });

/**
 * 法治政府建设年度报告 — the sections RULES.md ("Reports") requires: measures and
 * results (with the seed report's sub-parts), shortcomings, how the principal
 * leaders performed their duty, next year's plan, other matters.
 */
export const RULE_OF_LAW_REPORT: readonly SectionDef[] = [
  {
    key: 'measures',
    title: '{year}年度推进法治政府建设的主要举措和成效',
    children: [
      {
        key: 'measures.political',
        title: '加强思想政治建设',
        sentences: [{ key: 'study', parts: ['全年局党组理论学习中心组开展集体学习', m('study.party_group_sessions'), '次。'] }],
      },
      {
        key: 'measures.capacity',
        title: '提升法治思维和依法行政能力',
        sentences: [
          {
            key: 'exams',
            parts: [
              '机关公务员执法资格考试通过率',
              m('staff.cert_exam_pass_rate', 'percent'),
              '%，执法证持有率',
              m('staff.cert_holding_rate', 'percent'),
              '%；全体干部职工参加学法考试，通过率',
              m('staff.law_exam_pass_rate', 'percent'),
              '%，最低成绩',
              m('staff.law_exam_min_score', 'score'),
              '分。',
            ],
          },
          {
            key: 'decisions',
            parts: [
              '全年列入重大行政决策事项目录',
              m('decisions.catalogue_items'),
              '项，作出重大行政决策',
              m('decisions.made'),
              '项，其中经公众参与',
              m('decisions.with_participation'),
              '项、专家论证',
              m('decisions.with_expert'),
              '项、风险评估',
              m('decisions.with_risk'),
              '项、合法性审查',
              m('decisions.legality_reviewed'),
              '项；开展决策后评估',
              m('decisions.evaluated'),
              '项。',
            ],
          },
        ],
      },
      {
        key: 'measures.enforcement',
        title: '严格规范公正文明执法',
        sentences: [
          {
            key: 'bureau_cases',
            parts: [
              '{year}年，我局行政处罚立案',
              m('enforcement.bureau.filed'),
              '宗，办结',
              m('enforcement.bureau.closed'),
              '宗（其中警告',
              m('enforcement.bureau.closed_warning'),
              '宗、罚款',
              m('enforcement.bureau.closed_fine'),
              '宗），罚没金额合计',
              m('enforcement.bureau.penalty_yuan', 'wan'),
              '万元。',
            ],
          },
          {
            key: 'inspections',
            parts: [
              '全年开展行政检查',
              m('inspections.records'),
              '次，其中“双随机”抽查占',
              m('inspections.random_share', 'percent'),
              '%，检查企业',
              m('inspections.enterprises_inspected'),
              '家，发现问题立案查处',
              m('inspections.records_to_case'),
              '宗；超过年度检查次数上限的企业',
              m('inspections.over_cap_enterprises'),
              '家。',
            ],
          },
          { key: 'rivers', parts: ['辖区', m('rivers.total'), '条河涌中，', m('rivers.not_black_odorous'), '条全年未出现黑臭水体。'] },
        ],
        familySentences: [
          { prefix: 'rivers.section_class', parts: (s) => [`${s}断面水质达到`, m(`rivers.section_class.${s}`, 'class'), '类（按月均值最差月份法评价）。'] },
        ],
      },
      {
        key: 'measures.risk',
        title: '防范化解水安全风险',
        sentences: [
          {
            key: 'deployments',
            parts: [
              '汛期累计投入内涝抢险人员',
              m('flood.person_times'),
              '人次、抽水泵',
              m('flood.pump_times'),
              '台次、车辆',
              m('flood.vehicle_times'),
              '台次。',
            ],
          },
          { key: 'projects', parts: ['完成内涝治理项目方案', m('flood.plans_completed'), '个，实施零星排水改造应急工程', m('flood.emergency_works'), '项。'] },
          {
            key: 'risk_points',
            parts: [
              '在册水浸风险点',
              m('flood.risk_points.registered'),
              '处，已完成整治',
              m('flood.risk_points.remediated'),
              '处，正在整治',
              m('flood.risk_points.in_progress'),
              '处。',
            ],
          },
        ],
      },
      {
        key: 'measures.service',
        title: '服务群众和化解矛盾',
        sentences: [
          {
            key: 'hotline',
            parts: [
              '全年办结12345政务服务便民热线工单',
              m('hotline.closed'),
              '件，按时办结率',
              m('hotline.on_time_rate', 'percent'),
              '%，回复诉求人率',
              m('hotline.reply_rate', 'percent'),
              '%，满意率',
              m('hotline.satisfaction_rate', 'percent'),
              '%。',
            ],
          },
          {
            key: 'petitions',
            parts: [
              '办结信访事项',
              m('petitions.closed'),
              '件（系统转办',
              m('petitions.closed_system'),
              '件、来访',
              m('petitions.closed_visit'),
              '件），重复访',
              m('petitions.repeat'),
              '件、越级访',
              m('petitions.over_level'),
              '件、集体访',
              m('petitions.group'),
              '件。',
            ],
          },
        ],
      },
      {
        key: 'measures.advisor',
        title: '发挥法律顾问作用',
        sentences: [
          {
            key: 'advisor',
            parts: [
              '常年法律顾问全年审查合同',
              m('legal.contracts_reviewed'),
              '份、审核文件',
              m('legal.documents_reviewed'),
              '件，出具法律意见书',
              m('legal.opinions'),
              '份，参加会议',
              m('legal.meetings'),
              '次、业务研讨',
              m('legal.consultations'),
              '次，开展专题培训',
              m('legal.trainings'),
              '次。',
            ],
          },
        ],
      },
      {
        key: 'measures.supervision',
        title: '自觉接受监督',
        sentences: [
          {
            key: 'proposals',
            parts: [
              '办结区人大代表建议',
              m('proposals.npc.total'),
              '件（主办',
              m('proposals.npc.lead'),
              '件、协办',
              m('proposals.npc.co'),
              '件）和政协委员提案',
              m('proposals.cppcc.total'),
              '件（主办',
              m('proposals.cppcc.lead'),
              '件、协办',
              m('proposals.cppcc.co'),
              '件），按期答复率',
              m('proposals.on_time_rate', 'percent'),
              '%。',
            ],
          },
          {
            key: 'litigation',
            parts: [
              '全年本局作为被申请人、被告收到行政复议、行政诉讼案件',
              m('litigation.received'),
              '件，审结',
              m('litigation.concluded'),
              '件，被纠错率',
              m('litigation.correction_rate', 'percent'),
              '%；行政诉讼案件负责人出庭应诉率',
              m('litigation.head_appearance_rate', 'percent'),
              '%。',
            ],
          },
        ],
      },
      {
        key: 'measures.publicity',
        title: '推进政务公开和普法',
        sentences: [
          { key: 'credit', parts: ['在信用信息平台公示行政处罚、行政许可信息', m('disclosure.credit_items'), '条。'] },
          {
            key: 'requests',
            parts: [
              '办理政府信息公开申请',
              m('disclosure.requests.closed'),
              '件，其中网络申请',
              m('disclosure.requests.online'),
              '件、其他方式申请',
              m('disclosure.requests.offline'),
              '件。',
            ],
          },
        ],
      },
      {
        key: 'measures.approvals',
        title: '深化“放管服”改革',
        sentences: [
          {
            key: 'permits',
            parts: [
              '全年办结水利类行政审批',
              m('licensing.water.closed'),
              '宗、排水类',
              m('licensing.drainage.closed'),
              '宗、工程建设类',
              m('licensing.construction.closed'),
              '宗。',
            ],
          },
          {
            key: 'efficiency',
            parts: [
              '审批时限压缩率',
              m('licensing.compression_rate', 'percent'),
              '%，',
              m('licensing.no_visit_rate', 'percent'),
              '%的办件实现“零跑动”，纳入政务云窗的事项占',
              m('licensing.cloud_window_share', 'percent'),
              '%。',
            ],
          },
        ],
      },
      {
        key: 'measures.streets',
        title: '推进镇街综合行政执法',
        sentences: [
          { key: 'delegated', parts: ['下放街道实施的水行政执法事项共', m('enforcement.delegated_items'), '项。'] },
          {
            key: 'street_cases',
            parts: [
              '指导各街道行政处罚立案',
              m('enforcement.streets.filed'),
              '宗，办结',
              m('enforcement.streets.closed'),
              '宗（其中警告',
              m('enforcement.streets.closed_warning'),
              '宗、罚款',
              m('enforcement.streets.closed_fine'),
              '宗），罚没金额合计',
              m('enforcement.streets.penalty_yuan', 'wan'),
              '万元。',
            ],
          },
          { key: 'street_training', parts: ['组织街道执法专题培训，参训', m('streets.training_attendees'), '人次。'] },
        ],
      },
    ],
  },
  { key: 'shortcomings', title: '{year}年度推进法治政府建设存在的不足和原因' },
  { key: 'leaders', title: '党政主要负责人履行推进法治建设第一责任人职责情况' },
  { key: 'plan', title: '{next}年度推进法治政府建设的主要安排' },
  { key: 'other', title: '其他需要报告的事项' },
];

/** Every section key, depth first. */
export function sectionKeys(defs: readonly SectionDef[] = RULE_OF_LAW_REPORT): string[] {
  return defs.flatMap((d) => [d.key, ...sectionKeys(d.children ?? [])]);
}

/** Every metric a report's sentences name (without family members). */
export function reportMetrics(defs: readonly SectionDef[] = RULE_OF_LAW_REPORT): string[] {
  return [
    ...new Set(
      defs.flatMap((d) => [
        ...(d.sentences ?? []).flatMap((s) => s.parts.flatMap((p) => (typeof p === 'string' ? [] : [p.metric]))),
        ...reportMetrics(d.children ?? []),
      ]),
    ),
  ];
}

/**
 * Metric keys a report's sentences name that no module registers although the module the key
 * belongs to (its first segment) is enabled — a typo or a renamed metric, caught at start-up.
 * A key of a module that is not enabled stays a warning in the composed report (the sentence is
 * flagged, never given a number).
 */
export function unknownReportMetrics(
  metrics: { resolve(key: string): unknown },
  moduleKeys: readonly string[],
  defs: readonly SectionDef[] = RULE_OF_LAW_REPORT,
): string[] {
  return reportMetrics(defs).filter((k) => !metrics.resolve(k) && moduleKeys.includes(k.split('.')[0]!));
}
