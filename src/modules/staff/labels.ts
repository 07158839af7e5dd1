/** The Chinese names of the staff module's records, their fields, verbs and note keys (src/core/labels.ts). */
import { defineLabels } from '../../core/labels.js';

const FIELDS = {
  org_id: '所属单位',
  date: '日期',
  form: '形式',
  topic: '主题',
  attendees: '参加人数',
  host: '主持/组织',
  exam: '考试名称',
  person: '姓名',
  score: '成绩',
  pass_mark: '及格线',
  audience: '对象',
  mode: '形式',
  onsite: '现场人数',
  online: '线上人数',
  venue: '地点',
  speaker: '主讲',
  year: '年度',
  law: '法律法规',
  content: '普法内容',
  measures: '措施',
  title: '活动名称',
  laws: '宣传法规',
  place: '地点',
  audience_count: '受众人数',
  duty_id: '对应普法责任',
};

export const staffLabels = defineLabels({
  'staff.study_session': { label: '学法记录', fields: FIELDS },
  'staff.exam_result': { label: '考试成绩', fields: FIELDS },
  'staff.training': { label: '培训记录', fields: FIELDS },
  'staff.pufa_duty': { label: '普法责任', fields: FIELDS },
  'staff.pufa_activity': { label: '普法活动', fields: FIELDS },
});
