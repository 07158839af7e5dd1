/** The Chinese names of the decisions module's records, their fields and verbs (src/core/labels.ts). */
import { defineLabels } from '../../core/labels.js';

/** 程序环节 (the step rows' columns, `step_<key>` in an edit's fields). */
export const STEP_COLUMNS: Record<string, string> = {
  participation: '公众参与',
  expert: '专家论证',
  risk: '风险评估',
  review: '合法性审查',
  discussion: '集体讨论',
  publication: '公布',
  evaluation: '决策后评估',
};

/** Chinese names of the fields a decision's audit events carry. */
const DECISION_FIELDS = {
  year: '年度',
  title: '决策事项',
  catalogue_item_id: '目录事项',
  summary: '决策内容摘要',
  leader: '分管领导',
  handler: '承办人',
  status: '状态',
  org_id: '承办单位',
  participation_required: '需要公众参与',
  participation_na_reason: '公众参与不适用理由',
  participation_methods: '公众参与方式',
  participation_from: '征求意见开始日期',
  participation_to: '征求意见截止日期',
  participation_short_reason: '征求意见期限缩短理由',
  participation_on: '公众参与完成日期',
  participation_record: '意见采纳情况',
  expert_required: '需要专家论证',
  expert_na_reason: '专家论证不适用理由',
  expert_on: '专家论证日期',
  expert_experts: '论证专家',
  expert_record: '论证意见',
  risk_required: '需要风险评估',
  risk_na_reason: '风险评估不适用理由',
  risk_on: '风险评估日期',
  risk_level: '风险等级',
  risk_record: '风险评估结论',
  review_submitted_on: '送审日期',
  review_on: '审查意见日期',
  review_result: '合法性审查意见',
  review_opinion: '审查意见内容',
  discussion_on: '集体讨论日期',
  discussion_meeting: '会议名称',
  discussion_attendees: '参会人员',
  discussion_result: '决定结果',
  discussion_content: '决定内容',
  discussion_dissent: '不同意见',
  discussion_head_reason: '首长决定理由',
  discussion_short_review_reason: '审查时间不足理由',
  publication_required: '需要公布',
  publication_na_reason: '不予公开理由',
  publication_on: '公布日期',
  publication_channel: '公布途径',
  publication_ref: '公布文号',
  evaluation_required: '开展决策后评估',
  evaluation_na_reason: '未评估理由',
  evaluation_on: '决策后评估日期',
  evaluation_by: '评估单位',
  evaluation_record: '决策后评估结论',
  archived_on: '归档日期',
  step: '程序环节',
  ...Object.fromEntries(Object.entries(STEP_COLUMNS).map(([k, v]) => [`step_${k}`, v])),
};

/** Each stage of a decision (the workflow's stages; the list's 状态 filter and tags). */
export const DECISION_STAGE_LABELS = {
  drafting: '拟定草案',
  in_review: '合法性审查中',
  reviewed: '待集体讨论',
  made: '已作出决定',
  published: '已公布',
  archived: '已归档',
  rejected: '决定不予实施',
} as const;

/** Each event of a decision's workflow as its button names it (the workflow's events; the web's actions). */
export const DECISION_EVENT_LABELS = {
  scope: '调整程序适用',
  consult: '登记公开征求意见',
  participation: '登记公众参与情况',
  expert: '登记专家论证',
  risk: '登记风险评估',
  submit_review: '送请合法性审查',
  review_pass: '合法性审查同意',
  review_fail: '合法性审查不同意',
  decide: '登记集体讨论决定（同意）',
  defer: '登记集体讨论（暂缓决定）',
  reject: '登记集体讨论（不同意）',
  publish: '登记决策公布',
  evaluate: '登记决策后评估',
  archive: '归档',
} as const;

const CATALOGUE_FIELDS = {
  year: '年度',
  seq: '序号',
  title: '决策事项',
  category: '事项类别',
  planned: '计划完成时间',
  note: '备注',
  published_on: '目录公布日期',
  org_id: '承办单位',
};

export const decisionsLabels = defineLabels({
  'decisions.decision': {
    label: '重大行政决策',
    fields: DECISION_FIELDS,
    // The audit log names what was recorded (集体讨论决定), where the button says what the user does (登记…).
    actions: {
      ...DECISION_EVENT_LABELS,
      decide: '集体讨论决定（同意）',
      defer: '集体讨论（暂缓决定）',
      reject: '集体讨论（不同意）',
      publish: '决策公布',
      evaluate: '决策后评估',
    },
    notes: { step: '程序环节' },
  },
  'decisions.step': { label: '重大行政决策程序环节' },
  'decisions.catalogue_item': { label: '重大行政决策事项目录事项', fields: CATALOGUE_FIELDS, actions: { published: '公布目录' } },
});
