import { SolutionOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const AdvicePage = lazyNamed(() => import('./components/AdvicePage'), 'AdvicePage');
const DocumentsPage = lazyNamed(() => import('./components/DocumentsPage'), 'DocumentsPage');
const ContractsPage = lazyNamed(() => import('./components/ContractsPage'), 'ContractsPage');
const PublicNormativePage = lazyNamed(() => import('./components/PublicNormativePage'), 'PublicNormativePage');

const FIELDS = {
  date: '日期',
  kind: '类型',
  title: '名称',
  firm: '顾问单位',
  handler: '承办人',
  opinion: '意见',
  contract_no: '合同编号',
  start_on: '起始日期',
  end_on: '截止日期',
  fee_fen: '合同金额（分）',
  submitted_on: '送审日期',
  status: '状态',
  reviewed_on: '审查日期',
  review_result: '审查结论',
  review_opinion: '审查意见',
  reviewer: '审查人',
  issued_on: '印发（决策）日期',
  doc_no: '文号',
  drafted_on: '起草日期',
  comment_from: '征求意见起始日期',
  comment_until: '征求意见截止日期',
  comment_channel: '征求意见方式',
  comment_summary: '意见采纳情况',
  review_checklist: '审核要点',
  deliberated_on: '集体审议日期',
  deliberation: '审议会议',
  doc_year: '编号年度',
  doc_seq: '编号序号',
  filing_due: '备案期限',
  filed_on: '备案日期',
  valid_until: '有效期至',
  repealed_on: '废止日期',
  repeal_reason: '废止理由',
  year: '年度',
  appraised_on: '考核日期',
  total: '总分',
  grade: '等次',
  suggestions: '改进建议',
};

/** 法律顾问 — the advisor's work ledger with attachments, legality review of documents and decisions, the contract and the annual appraisal. */
export const legalFeature = defineFeature({
  key: 'legal',
  title: '法律顾问',
  icon: <SolutionOutlined />,
  menu: [
    { path: '/legal/advice', label: '顾问工作台账', permission: 'legal.read' },
    { path: '/legal/documents', label: '规范性文件与合法性审查', permission: 'legal.read' },
    { path: '/legal/contracts', label: '顾问合同与考核', permission: 'legal.read' },
  ],
  routes: [
    { path: '/legal/advice/:id?', element: <AdvicePage />, permission: 'legal.read' },
    { path: '/legal/documents/:id?', element: <DocumentsPage />, permission: 'legal.read' },
    { path: '/legal/contracts', element: <ContractsPage />, permission: 'legal.read' },
  ],
  publicRoutes: [{ path: '/public/legal/normative-documents', element: <PublicNormativePage /> }],
  entities: {
    'legal.advice': { label: '法律顾问工作记录', link: (id) => `/legal/advice/${id}`, fields: FIELDS },
    'legal.document': {
      label: '规范性文件 / 送审文件',
      link: (id) => `/legal/documents/${id}`,
      fields: FIELDS,
      actions: {
        drafted: '起草登记',
        comment_opened: '公开征求意见',
        submitted: '送审',
        reviewed: '合法性审查',
        deliberated: '集体审议',
        issued: '印发 / 作出决策',
        published: '统一编号公布',
        filed: '报送备案',
        cleaned: '清理',
        repealed: '废止',
      },
      notes: { cleanedOn: '清理日期', outcome: '清理结论', reason: '理由' },
    },
    'legal.contract': { label: '顾问合同', link: () => '/legal/contracts', fields: FIELDS },
    'legal.appraisal': { label: '法律顾问年度考核', link: () => '/legal/contracts', fields: FIELDS },
  },
});
