/**
 * The Chinese names of what a demand's audit events carry, shared by every demand kind (12345, 信访,
 * 建议提案, 依申请公开): each kind's own labels.ts names its record type and spreads these (src/core/labels.ts).
 */
import type { EntityLabels } from '../../core/labels.js';

/** Field names of demand audit events. */
export const DEMAND_FIELD_LABELS = {
  ref_no: '编号',
  org_id: '承办单位',
  assignee_id: '承办人',
  status: '状态',
  title: '事项',
  demand_type: '类型',
  channel: '方式/形式',
  due_on: '届满日',
  first_due_on: '签收/受理期限',
  result: '办理结果',
  satisfaction: '满意度',
  reply: '答复内容',
  received_at: '受理时间',
  first_done_at: '签收/受理时间',
  replied_at: '答复时间',
  closed_at: '办结时间',
  kind: '类别',
  content: '诉求内容',
  person_name: '姓名/名称',
  person_phone: '联系电话',
  person_id_no: '证件号码',
  location: '地点',
  clock_start: '计时起点',
  rule: '期限规则',
  pauses: '中止计时',
  extensions: '延期',
  restart_on: '重新计时日期',
  paused_since: '中止计时起',
  pause_reason: '中止计时理由',
  evaluated_at: '评价时间',
  attrs: '其他信息',
};

/** Chinese names of the demand lifecycle's audit verbs (demands/service.ts PAST). */
export const DEMAND_ACTION_LABELS = {
  assigned: '派单',
  signed: '签收',
  returned: '退回',
  paused: '中止计时',
  resumed: '恢复计时',
  extended: '延期',
  replied: '答复',
  closed: '办结',
  evaluated: '评价',
  linked: '关联疑似重复',
  clue_requested: '转执法线索',
  clue_consumed: '线索已接收',
  review_requested: '申请复查/复核',
  review_answered: '复查/复核答复',
  remedy_recorded: '登记复议诉讼',
};

/** A demand record's fields and verbs, for a kind's labels and the kernel's entity (demandEntity). */
export const demandRecordLabels: Omit<EntityLabels, 'label'> = { fields: DEMAND_FIELD_LABELS, actions: DEMAND_ACTION_LABELS };
