import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';
import { CASE_FIELD_LABELS } from './api';

const CaseListPage = lazyNamed(() => import('./components/CaseListPage'), 'CaseListPage');
const CasePage = lazyNamed(() => import('./components/CasePage'), 'CasePage');

/** 行政复议与行政诉讼 — cases in which the bureau is 被申请人 or 被告 (server module `litigation`). */
export const litigationFeature = defineFeature({
  key: 'litigation',
  title: '复议与应诉',
  icon: <SafetyCertificateOutlined />,
  menu: [{ path: '/litigation/cases', label: '行政复议、行政诉讼案件', permission: 'litigation.read' }],
  routes: [
    { path: '/litigation/cases', element: <CaseListPage />, permission: 'litigation.read' },
    { path: '/litigation/cases/:id', element: <CasePage />, permission: 'litigation.read' },
  ],
  entities: {
    'litigation.case': {
      label: '行政复议、行政诉讼案件',
      link: (id) => `/litigation/cases/${id}`,
      fields: CASE_FIELD_LABELS,
      actions: {
        reply: '提交答复（答辩）',
        hearing: '登记开庭（听证）',
        hearing_recorded: '记录开庭（听证）情况',
        conclude: '登记审结结果',
        serve: '登记文书送达',
        appeal: '登记上诉',
        rectify: '登记整改',
        close: '结案',
      },
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
  },
});
