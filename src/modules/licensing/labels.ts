/** The Chinese names of the licensing module's records, their fields, verbs and note keys (src/core/labels.ts). */
import { defineLabels } from '../../core/labels.js';

/** Chinese names of the fields a permit's audit events carry. */
export const PERMIT_FIELD_LABELS = {
  org_id: '承办单位',
  item_id: '许可事项',
  case_no: '办件编号',
  item: '许可事项',
  applicant: '申请人',
  applicant_type: '申请人类型',
  applicant_uscc: '统一社会信用代码',
  channel: '申请渠道',
  visits: '跑动次数',
  status: '状态',
  received_on: '收件日期',
  correction_notice_on: '补正告知日期',
  correction_items: '补正内容',
  corrected_on: '补正材料收到日期',
  accepted_on: '受理日期',
  clock_start_on: '期限起算日',
  deemed_accepted: '视为受理',
  not_accepted_on: '不予受理日期',
  not_accepted_reason: '不予受理理由',
  pauses: '扣除期间',
  extension_days: '延长工作日',
  extension_approved_on: '延长批准日期',
  extension_reason: '延长理由',
  due_on: '承诺期限',
  statutory_due_on: '法定期限',
  decided_on: '决定日期',
  result: '办理结果',
  decision_no: '决定文书号',
  decision_note: '决定说明',
  certificate_no: '证件编号',
  certificate_on: '发证日期',
  published_on: '公示日期',
};

/** 办件状态 — each stage of a permit (the `lic_permit.status` column; the list's 状态 filter and tags). */
export const PERMIT_STAGE_LABELS = {
  received: '已收件',
  correction: '待补正',
  accepted: '已受理',
  not_accepted: '不予受理',
  decided: '已决定',
  certified: '已发证',
  published: '已公示',
} as const;

/** 办件环节 — each step of a permit's workflow as its button names it (the route's `/licensing/permits/:id/<step>`). */
export const PERMIT_STEP_LABELS = {
  correction: '补正告知',
  corrected: '补正材料收讫',
  accept: '受理',
  not_accept: '不予受理',
  pause: '登记扣除期间',
  extend: '延长期限',
  decide: '作出决定',
  certify: '颁发证件',
  publish: '公示',
} as const;

export const licensingLabels = defineLabels({
  'licensing.permit': {
    label: '许可办件',
    fields: PERMIT_FIELD_LABELS,
    actions: {
      received: '收件',
      correction_requested: '告知补正',
      corrected: '收到补正材料',
      accepted: '受理',
      not_accepted: '不予受理',
      paused: '扣除期间',
      extended: '延长期限',
      decided: '作出决定',
      certified: '制发证件',
      publication_dated: '公示',
      publication_recorded: '记录公示',
    },
    notes: { dueOn: '公示期限', decisionNo: '决定文号', publishedOn: '公示日期' },
  },
  'licensing.item': {
    label: '许可事项',
    fields: {
      org_id: '所属单位',
      code: '事项编码',
      name: '事项名称',
      category: '类别',
      statutory_days: '法定时限',
      committed_days: '承诺时限',
      cloud_window: '纳入政务云窗',
      basis: '设定依据',
    },
  },
});
