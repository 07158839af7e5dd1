import { floodLabels } from '../../../../src/modules/flood/labels';
import { CloudOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

/** Audit verbs of the flood records (the shared ones come from lib/auditLabels). */
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
    'flood.risk_point': { ...floodLabels['flood.risk_point'], link: (id) => `/flood/risk-points/${id}` },
    'flood.project': { ...floodLabels['flood.project'], link: (id) => `/flood/projects/${id}` },
    'flood.deployment': { ...floodLabels['flood.deployment'], link: (id) => `/flood/deployments/${id}` },
    'flood.duty': { ...floodLabels['flood.duty'], link: () => '/flood/duty' },
    'flood.warning': { ...floodLabels['flood.warning'], link: (id) => `/flood/drought/${id}` },
    'flood.work': { ...floodLabels['flood.work'], link: (id) => `/flood/works/${id}` },
    'flood.disclosure': { ...floodLabels['flood.disclosure'], link: () => '/flood/works' },
    'flood.checkin': { ...floodLabels['flood.checkin'], link: () => '/field/patrol' },
  },
});
