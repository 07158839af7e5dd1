import { ScheduleOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const PlansPage = lazyNamed(() => import('./components/PlansPage'), 'PlansPage');
const PlanPage = lazyNamed(() => import('./components/PlanPage'), 'PlanPage');
const RegistersPage = lazyNamed(() => import('./components/RegistersPage'), 'RegistersPage');

/** 双随机、一公开 — plans, the reproducible draw, results and their publication; the registers (server module `inspections`). */
export const inspectionsFeature = defineFeature({
  key: 'inspections',
  title: '双随机、一公开',
  icon: <ScheduleOutlined />,
  menu: [
    { path: '/inspections/plans', label: '抽查计划与结果', permission: 'inspections.read' },
    { path: '/inspections/registers', label: '抽查名录', permission: 'inspections.read' },
  ],
  routes: [
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
      actions: { drawn: '摇号抽取' },
      notes: { seed: '随机种子', algorithm: '抽取算法', population: '检查对象总数', sampleSize: '抽取数量', resultHash: '抽取结果哈希' },
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
