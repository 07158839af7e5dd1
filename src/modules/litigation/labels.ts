/** The Chinese names of the litigation module's records, their fields, verbs and note keys (src/core/labels.ts). */
import { defineLabels } from '../../core/labels.js';

/** Chinese names of the fields a case's audit events carry. */
export const CASE_FIELD_LABELS = {
  case_no: '案号',
  kind: '案件类别',
  instance: '审级',
  status: '状态',
  claimant_type: '申请人（原告）类型',
  claimant_name: '申请人（原告）',
  claimant_id_no: '身份证号码',
  act_kind: '被申请（被诉）行为类别',
  act_title: '被申请（被诉）行为',
  act_entity: '关联记录类别',
  act_record_id: '关联记录',
  body: '复议机关（审理法院）',
  received_on: '收到副本日期',
  reply_due_on: '答复（答辩）期限',
  reply_filed_on: '答复（答辩）日期',
  outcome: '审结结果',
  outcome_on: '审结日期',
  outcome_served_on: '送达日期',
  outcome_act_changed: '本局已改变原行为',
  outcome_note: '结果说明',
  first_outcome: '一审结果',
  first_outcome_on: '一审审结日期',
  first_outcome_served_on: '一审送达日期',
  appeal_due_on: '上诉期限',
  appealed_on: '上诉日期',
  appellant: '上诉人',
  handler: '承办人',
  agent: '委托代理人',
  rectification: '整改情况',
  rectified_on: '整改日期',
  closed_on: '结案日期',
  org_id: '承办单位',
  heldOn: '开庭（听证）日期',
  head: '出庭负责人',
  absenceReason: '负责人未出庭理由',
  hearingId: '开庭记录',
  held_on: '开庭（听证）日期',
  head_role: '出庭负责人职务',
  head_name: '出庭负责人',
  absence_reason: '负责人未出庭理由',
  note: '备注',
  late: '逾期',
};

/** Each stage of a case (the workflow's stages; the list's 状态 filter and tags). */
export const CASE_STAGE_LABELS = {
  received: '已收案',
  replied: '已答复（答辩）',
  heard: '已开庭（听证）',
  concluded: '已审结',
  appealed: '上诉中',
  closed: '已结案',
} as const;

/** Each event of a case's workflow (the workflow's events and their buttons; the audit log's verbs). */
export const CASE_EVENT_LABELS = {
  reply: '提交答复（答辩）',
  hearing: '登记开庭（听证）',
  conclude: '登记审结结果',
  serve: '登记文书送达',
  appeal: '登记上诉',
  rectify: '登记整改',
  close: '结案',
} as const;

const { reply, hearing, ...laterEvents } = CASE_EVENT_LABELS;

export const litigationLabels = defineLabels({
  'litigation.case': {
    label: '行政复议、行政诉讼案件',
    fields: CASE_FIELD_LABELS,
    // The hearing's own record follows the event in the audit log's list of verbs.
    actions: { reply, hearing, hearing_recorded: '记录开庭（听证）情况', ...laterEvents },
    notes: {
      heldOn: '开庭（听证）日期',
      head: '出庭负责人',
      absenceReason: '负责人未出庭理由',
      hearingId: '开庭记录编号',
      late: '逾期答复',
      held_on: '开庭（听证）日期',
      head_role: '出庭负责人职务',
      head_name: '出庭负责人',
      absence_reason: '负责人未出庭理由',
      note: '备注',
    },
  },
});
