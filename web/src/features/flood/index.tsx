import { CloudOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';
import { FLOOD_FIELDS } from './api';

/** Audit verbs of the flood records (the shared ones come from lib/auditLabels). */
const FLOOD_ACTIONS: Record<string, string> = { progressed: '整治进展', scheduled: '排班', dispatched: '每日调度', published: '公示' };

const RiskPointsPage = lazyNamed(() => import('./components/RiskPointsPage'), 'RiskPointsPage');
const RiskPointPage = lazyNamed(() => import('./components/RiskPointPage'), 'RiskPointPage');
const ProjectsPage = lazyNamed(() => import('./components/ProjectsPage'), 'ProjectsPage');
const DeploymentsPage = lazyNamed(() => import('./components/DeploymentsPage'), 'DeploymentsPage');
const DutyPage = lazyNamed(() => import('./components/DutyPage'), 'DutyPage');
const DroughtPage = lazyNamed(() => import('./components/DroughtPage'), 'DroughtPage');
const WorksPage = lazyNamed(() => import('./components/WorksPage'), 'WorksPage');
const PublicPersonsPage = lazyNamed(() => import('./components/PublicPersonsPage'), 'PublicPersonsPage');

const R = 'flood.read';

/** 防汛 — risk points (list, map, record pages), works, deployments, duty, drought dispatch, responsible persons. */
export const floodFeature = defineFeature({
  key: 'flood',
  title: '防汛',
  icon: <CloudOutlined />,
  menu: [
    { path: '/flood/risk-points', label: '水浸风险点', permission: R },
    { path: '/flood/projects', label: '内涝治理项目', permission: R },
    { path: '/flood/deployments', label: '抢险投入', permission: R },
    { path: '/flood/duty', label: '值班表', permission: R },
    { path: '/flood/drought', label: '抗旱防咸', permission: R },
    { path: '/flood/works', label: '防汛责任人', permission: R },
  ],
  routes: [
    { path: '/flood/risk-points', element: <RiskPointsPage />, permission: R },
    { path: '/flood/risk-points/:id', element: <RiskPointPage />, permission: R },
    { path: '/flood/projects/:id?', element: <ProjectsPage />, permission: R },
    { path: '/flood/deployments/:id?', element: <DeploymentsPage />, permission: R },
    { path: '/flood/duty', element: <DutyPage />, permission: R },
    { path: '/flood/drought/:id?', element: <DroughtPage />, permission: R },
    { path: '/flood/works/:id?', element: <WorksPage />, permission: R },
  ],
  publicRoutes: [{ path: '/public/flood/responsible-persons', element: <PublicPersonsPage /> }],
  entities: {
    'flood.risk_point': { label: '水浸风险点', link: (id) => `/flood/risk-points/${id}`, fields: FLOOD_FIELDS, actions: FLOOD_ACTIONS, notes: FLOOD_FIELDS },
    'flood.project': { label: '内涝治理项目', link: (id) => `/flood/projects/${id}`, fields: FLOOD_FIELDS, actions: FLOOD_ACTIONS, notes: FLOOD_FIELDS },
    'flood.deployment': { label: '抢险投入记录', link: (id) => `/flood/deployments/${id}`, fields: FLOOD_FIELDS, actions: FLOOD_ACTIONS, notes: FLOOD_FIELDS },
    'flood.duty': { label: '值班安排', link: () => '/flood/duty', fields: FLOOD_FIELDS, actions: FLOOD_ACTIONS, notes: FLOOD_FIELDS },
    'flood.warning': { label: '抗旱防咸预警', link: (id) => `/flood/drought/${id}`, fields: FLOOD_FIELDS, actions: FLOOD_ACTIONS, notes: FLOOD_FIELDS },
    'flood.work': { label: '水利工程责任人', link: (id) => `/flood/works/${id}`, fields: FLOOD_FIELDS, actions: FLOOD_ACTIONS, notes: FLOOD_FIELDS },
    'flood.disclosure': { label: '防汛责任人名单公示', link: () => '/flood/works', fields: FLOOD_FIELDS, actions: FLOOD_ACTIONS, notes: FLOOD_FIELDS },
    'flood.checkin': {
      label: '巡查打卡',
      link: () => '/field/patrol',
      fields: { point: '风险点', note: '巡查情况' },
      actions: { recorded: '打卡' },
      notes: { pointId: '风险点', capturedAt: '打卡时间（设备）', location: '打卡位置', receivedAt: '接收时间（服务器）', sha256: '照片 SHA-256' },
    },
  },
});
