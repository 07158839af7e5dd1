import { ReadOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const StaffPage = lazyNamed(() => import('./components/StaffPage'), 'StaffPage');

const FIELDS = {
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

/** 学法用法 — law study, exams, trainings (incl. the streets'), the 谁执法谁普法 list and publicity activities. */
export const staffFeature = defineFeature({
  key: 'staff',
  title: '学法用法',
  icon: <ReadOutlined />,
  menu: [{ path: '/staff/study-sessions', label: '学法、考试与培训', permission: 'staff.read' }],
  routes: [{ path: '/staff/:tab/:id?', element: <StaffPage />, permission: 'staff.read' }],
  entities: {
    'staff.study_session': { label: '学法记录', link: (id) => `/staff/study-sessions/${id}`, fields: FIELDS },
    'staff.exam_result': { label: '考试成绩', link: (id) => `/staff/exam-results/${id}`, fields: FIELDS },
    'staff.training': { label: '培训记录', link: (id) => `/staff/trainings/${id}`, fields: FIELDS },
    'staff.pufa_duty': { label: '普法责任', link: (id) => `/staff/pufa-duties/${id}`, fields: FIELDS },
    'staff.pufa_activity': { label: '普法活动', link: (id) => `/staff/pufa-activities/${id}`, fields: FIELDS },
  },
});
