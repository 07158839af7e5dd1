import { AuditOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';
import { CASE_FIELDS } from './api';

/** The enforcement module's audit verbs and note keys, in Chinese (shared verbs come from lib/auditLabels). */
const CASE_ACTIONS: Record<string, string> = {
  filed: '立案',
  evidence_added: '登记证据',
  evidence_captured: '现场取证',
  extended: '延长期限',
  proposed: '拟定处罚',
  dismissed: '撤销案件',
  notified: '告知',
  statement_recorded: '陈述申辩',
  rights_waived: '放弃陈述申辩',
  hearing_requested: '申请听证',
  hearing_scheduled: '听证通知',
  hearing_held: '听证',
  review_submitted: '提交法制审核',
  review_passed: '法制审核同意',
  review_rejected: '法制审核存在问题',
  discussed: '集体讨论',
  decision_submitted: '呈报负责人审批',
  decision_returned: '负责人退回',
  decided: '作出决定',
  served: '送达',
  publication_marked: '公示',
  executed: '执行完毕',
  closed: '结案',
  archived: '归档',
  revoked: '撤销决定',
  publication_recorded: '登记公示',
  publication_updated: '更新公示',
  published: '已公示',
  publication_withdrawn: '撤回公示',
};
const NOTES: Record<string, string> = {
  stage: '阶段',
  event: '环节',
  on: '日期',
  evidence: '证据',
  evidenceId: '证据编号',
  attachmentId: '附件',
  capturedAt: '拍摄时间（设备）',
  location: '拍摄位置',
  receivedAt: '接收时间（服务器）',
  sha256: 'SHA-256',
  lateCharge: '加处罚款',
  statement: '说明',
  to: '移送至',
  decisionNo: '决定文书号',
  dueOn: '公示期限',
  publishedOn: '公示日期',
  caseNo: '案件编号',
  caseId: '案件',
  seed: '随机种子',
  approvedBy: '审批负责人',
  opinion: '意见',
  publicNotice: '公告送达',
};

const CaseListPage = lazyNamed(() => import('./components/CaseListPage'), 'CaseListPage');
const CasePage = lazyNamed(() => import('./components/CasePage'), 'CasePage');
const CluesPage = lazyNamed(() => import('./components/CluesPage'), 'CluesPage');
const OfficersPage = lazyNamed(() => import('./components/OfficersPage'), 'OfficersPage');
const ItemsPage = lazyNamed(() => import('./components/ItemsPage'), 'ItemsPage');
const SupervisionPage = lazyNamed(() => import('./components/SupervisionPage'), 'SupervisionPage');
const WorkflowPage = lazyNamed(() => import('./components/WorkflowPage'), 'WorkflowPage');
const PublicDisclosurePage = lazyNamed(() => import('./components/PublicDisclosurePage'), 'PublicDisclosurePage');

/** 行政执法 — cases from clue to archive, officers, the item catalogue, and the supervision of the streets (server module `enforcement`). */
export const enforcementFeature = defineFeature({
  key: 'enforcement',
  title: '行政执法',
  icon: <AuditOutlined />,
  menu: [
    { path: '/enforcement/cases', label: '行政处罚案件', permission: 'enforcement.case.read' },
    { path: '/enforcement/clues', label: '案件线索', permission: 'enforcement.clue.read' },
    { path: '/enforcement/supervision', label: '街道执法监督', permission: 'enforcement.review.read' },
    { path: '/enforcement/officers', label: '执法人员', permission: 'enforcement.catalogue.read' },
    { path: '/enforcement/items', label: '执法事项目录', permission: 'enforcement.catalogue.read' },
    { path: '/enforcement/workflow', label: '流程矩阵与期限', permission: 'enforcement.case.read' },
  ],
  routes: [
    { path: '/enforcement/cases', element: <CaseListPage />, permission: 'enforcement.case.read' },
    { path: '/enforcement/cases/:id', element: <CasePage />, permission: 'enforcement.case.read' },
    { path: '/enforcement/clues', element: <CluesPage />, permission: 'enforcement.clue.read' },
    { path: '/enforcement/supervision', element: <SupervisionPage />, permission: 'enforcement.review.read' },
    { path: '/enforcement/officers', element: <OfficersPage />, permission: 'enforcement.catalogue.read' },
    { path: '/enforcement/items', element: <ItemsPage />, permission: 'enforcement.catalogue.read' },
    { path: '/enforcement/workflow', element: <WorkflowPage />, permission: 'enforcement.case.read' },
  ],
  publicRoutes: [{ path: '/public/enforcement', element: <PublicDisclosurePage /> }],
  entities: {
    'enforcement.case': { label: '行政处罚案件', link: (id) => `/enforcement/cases/${id}`, fields: CASE_FIELDS, actions: CASE_ACTIONS, notes: NOTES },
    'enforcement.clue': {
      label: '案件线索',
      link: () => '/enforcement/clues',
      fields: {
        status: '状态',
        org_id: '办理单位',
        transfer_due_on: '反馈期限',
        receipt_on: '签收日期',
        feedback: '反馈',
        feedback_on: '反馈日期',
        close_reason: '不予立案理由',
        closed_on: '办结日期',
        case_id: '案件',
        clue_no: '线索编号',
        source: '线索来源',
      },
      actions: { transferred: '移送', received: '签收', feedback_given: '反馈', closed: '办结（不立案）', filed_as_case: '立案' },
      notes: NOTES,
    },
    'enforcement.item': {
      label: '执法事项',
      link: () => '/enforcement/items',
      fields: { code: '事项编码', name: '事项名称', legal_basis: '法律依据', penalty_basis: '处罚依据', discretion_text: '裁量基准', delegated: '下放街道' },
    },
    'enforcement.officer': {
      label: '执法人员',
      link: () => '/enforcement/officers',
      fields: {
        name: '姓名',
        org_id: '所属单位',
        cert_no: '执法证号',
        cert_issued_on: '发证日期',
        cert_valid_until: '有效期至',
        exam_score: '考试成绩',
        active: '在岗',
      },
    },
    'enforcement.review': {
      label: '案卷评查',
      link: () => '/enforcement/supervision',
      fields: { score: '得分', findings: '发现问题', rectification: '整改情况', population: '可抽案卷数', sample: '抽取案卷', seed: '随机种子' },
      actions: { drawn: '抽取评查案卷', item_scored: '评分' },
      notes: NOTES,
    },
    'enforcement.legal_reviewer': {
      label: '法制审核人员',
      link: () => '/enforcement/officers',
      fields: { name: '姓名', qualification_no: '法律职业资格证书编号', qualified_on: '取得法律职业资格日期' },
    },
    'enforcement.payment_place': {
      label: '罚没款缴纳地点',
      link: () => '/enforcement/items',
      fields: { bank: '开户银行', account_name: '户名', account_no: '账号' },
    },
  },
});
