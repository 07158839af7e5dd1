import { ScheduleOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const PlansPage = lazyNamed(() => import('./components/PlansPage'), 'PlansPage');
const PlanPage = lazyNamed(() => import('./components/PlanPage'), 'PlanPage');
const RegistersPage = lazyNamed(() => import('./components/RegistersPage'), 'RegistersPage');
const RecordsPage = lazyNamed(() => import('./components/RecordsPage'), 'RecordsPage');
const RecordPage = lazyNamed(() => import('./components/RecordPage'), 'RecordPage');
const AnnualPlansPage = lazyNamed(() => import('./components/AnnualPlansPage'), 'AnnualPlansPage');

/** 行政检查 and 双随机、一公开 — the inspection records and annual plans; plans, the reproducible draw, results and their publication; the registers (server module `inspections`). */
export const inspectionsFeature = defineFeature({
  key: 'inspections',
  title: '行政检查',
  icon: <ScheduleOutlined />,
  menu: [
    { path: '/inspections/records', label: '行政检查', permission: 'inspections.read' },
    { path: '/inspections/annual-plans', label: '年度检查计划', permission: 'inspections.read' },
    { path: '/inspections/plans', label: '双随机抽查计划', permission: 'inspections.read' },
    { path: '/inspections/registers', label: '抽查名录', permission: 'inspections.read' },
  ],
  routes: [
    { path: '/inspections/records', element: <RecordsPage />, permission: 'inspections.read' },
    { path: '/inspections/records/:id', element: <RecordPage />, permission: 'inspections.read' },
    { path: '/inspections/annual-plans', element: <AnnualPlansPage />, permission: 'inspections.read' },
    { path: '/inspections/plans', element: <PlansPage />, permission: 'inspections.read' },
    { path: '/inspections/plans/:id', element: <PlanPage />, permission: 'inspections.read' },
    { path: '/inspections/registers', element: <RegistersPage />, permission: 'inspections.read' },
  ],
  entities: {
    'inspections.plan': {
      label: '抽查计划',
      link: (id) => `/inspections/plans/${id}`,
      fields: {
        year: '年度',
        title: '计划名称',
        item_id: '抽查事项',
        ratio_bp: '抽查比例（万分比）',
        per_entity: '每户检查人员数',
        window_from: '开始日期',
        window_to: '结束日期',
      },
      actions: { drawn: '摇号抽取', verified: '复核抽取结果' },
      notes: {
        seed: '随机种子',
        algorithm: '抽取算法',
        population: '检查对象总数',
        sampleSize: '抽取数量',
        resultHash: '抽取结果哈希',
        drawId: '抽取批次',
        ok: '复核结果',
      },
    },
    'inspections.task': {
      label: '抽查任务',
      fields: {
        inspected_on: '检查日期',
        result: '检查结果',
        problems: '问题及处理',
        publish_due_on: '公示期限',
        published_on: '公示日期',
        entity_id: '检查对象',
        inspector_ids: '执法检查人员',
      },
      actions: { result_recorded: '录入检查结果', published: '公示' },
      notes: { drawId: '抽取批次' },
    },
    'inspections.record': {
      label: '行政检查记录',
      link: (id) => `/inspections/records/${id}`,
      fields: {
        record_no: '检查编号',
        inspected_on: '检查日期',
        kind: '检查类别',
        entity_id: '检查对象',
        basis: '检查依据',
        follow_up: '处理结果',
        rectify_due_on: '整改期限',
        rectified_on: '整改完成日期',
        rectify_note: '整改情况',
        clue_id: '关联线索',
        case_id: '关联案件',
        closed_on: '办结日期',
      },
      actions: { rectification_ordered: '责令整改', rectified: '整改完成', escalated: '转移送或立案', closed: '办结' },
    },
    'inspections.annual_plan': {
      label: '年度检查计划',
      link: () => '/inspections/annual-plans',
      fields: { year: '年度', title: '计划名称', entity_cap: '每企业年度检查次数上限' },
      actions: { entries_added: '添加计划检查' },
      notes: { count: '数量' },
    },
    'inspections.item': { label: '抽查事项', link: () => '/inspections/registers', fields: { code: '事项编码', name: '事项名称' } },
    'inspections.entity': { label: '检查对象', link: () => '/inspections/registers', fields: { code: '对象编码', name: '名称', kind: '类别' } },
    'inspections.inspector': {
      label: '执法检查人员',
      link: () => '/inspections/registers',
      fields: { code: '人员编码', name: '姓名', cert_no: '执法证号' },
      actions: { conflict_added: '登记回避关系' },
      notes: { entity: '检查对象', reason: '理由' },
    },
  },
});
