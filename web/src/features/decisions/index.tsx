import { AuditOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';
import { CATALOGUE_FIELD_LABELS, DECISION_FIELD_LABELS } from './api';

const DecisionListPage = lazyNamed(() => import('./components/DecisionListPage'), 'DecisionListPage');
const DecisionPage = lazyNamed(() => import('./components/DecisionPage'), 'DecisionPage');
const CataloguePage = lazyNamed(() => import('./components/CataloguePage'), 'CataloguePage');
const PublicCataloguePage = lazyNamed(() => import('./components/PublicCataloguePage'), 'PublicCataloguePage');

/** 重大行政决策 — the annual catalogue and each decision with its procedural steps (server module `decisions`). */
export const decisionsFeature = defineFeature({
  key: 'decisions',
  title: '重大行政决策',
  icon: <AuditOutlined />,
  menu: [
    { path: '/decisions', label: '重大行政决策', permission: 'decisions.read' },
    { path: '/decisions/catalogue', label: '决策事项目录', permission: 'decisions.read' },
  ],
  routes: [
    { path: '/decisions', element: <DecisionListPage />, permission: 'decisions.read' },
    { path: '/decisions/catalogue', element: <CataloguePage />, permission: 'decisions.read' },
    { path: '/decisions/:id', element: <DecisionPage />, permission: 'decisions.read' },
  ],
  publicRoutes: [{ path: '/public/major-decisions', element: <PublicCataloguePage /> }],
  entities: {
    'decisions.decision': {
      label: '重大行政决策',
      link: (id) => `/decisions/${id}`,
      fields: DECISION_FIELD_LABELS,
      actions: {
        scope: '调整程序适用',
        consult: '登记公开征求意见',
        participation: '登记公众参与情况',
        expert: '登记专家论证',
        risk: '登记风险评估',
        submit_review: '送请合法性审查',
        review_pass: '合法性审查同意',
        review_fail: '合法性审查不同意',
        decide: '集体讨论决定（同意）',
        defer: '集体讨论（暂缓决定）',
        reject: '集体讨论（不同意）',
        publish: '决策公布',
        evaluate: '决策后评估',
        archive: '归档',
      },
      notes: { step: '程序环节' },
    },
    'decisions.step': {
      label: '重大行政决策程序环节',
      link: (id) => `/decisions/${id.split(':')[0]}`,
      recordLabel: (id) => {
        const step = id.split(':')[1] ?? '';
        return (
          (
            {
              participation: '公众参与',
              expert: '专家论证',
              risk: '风险评估',
              review: '合法性审查',
              discussion: '集体讨论',
              publication: '公布',
              evaluation: '决策后评估',
            } as Record<string, string>
          )[step] ?? step
        );
      },
    },
    'decisions.catalogue_item': {
      label: '重大行政决策事项目录事项',
      link: () => '/decisions/catalogue',
      fields: CATALOGUE_FIELD_LABELS,
      actions: { published: '公布目录' },
    },
  },
});
