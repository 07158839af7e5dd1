import { staffLabels } from '../../../../src/modules/staff/labels';
import { ReadOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const StaffPage = lazyNamed(() => import('./components/StaffPage'), 'StaffPage');

/** 学法用法 — law study, exams, trainings (incl. the streets'), the 谁执法谁普法 list and publicity activities. */
export const staffFeature = defineFeature({
  key: 'staff',
  title: '学法用法',
  icon: <ReadOutlined />,
  menu: [{ path: '/staff/study-sessions', label: '学法、考试与培训', permission: 'staff.read' }],
  routes: [{ path: '/staff/:tab/:id?', element: <StaffPage />, permission: 'staff.read' }],
  entities: {
    'staff.study_session': { ...staffLabels['staff.study_session'], link: (id) => `/staff/study-sessions/${id}` },
    'staff.exam_result': { ...staffLabels['staff.exam_result'], link: (id) => `/staff/exam-results/${id}` },
    'staff.training': { ...staffLabels['staff.training'], link: (id) => `/staff/trainings/${id}` },
    'staff.pufa_duty': { ...staffLabels['staff.pufa_duty'], link: (id) => `/staff/pufa-duties/${id}` },
    'staff.pufa_activity': { ...staffLabels['staff.pufa_activity'], link: (id) => `/staff/pufa-activities/${id}` },
  },
});
