import { reportsLabels } from './labels.js';
import { defineModule, sqlMigrations, type PermissionDef } from '../../core/module.js';
import { reportRoutes } from './routes.js';
import { loadReportsDemo } from './demo.js';
import { unknownReportMetrics } from './template.js';
import { unknownDashboardMetrics } from './dashboard.js';
import { bureauId } from './repository.js';

export const reportPermissions = {
  'reports.read': { label: '查看年度报告', roles: ['admin', 'leader', 'legal', 'viewer'] },
  'reports.edit': { label: '编写年度报告', roles: ['admin', 'legal'] },
  'reports.dashboard': { label: '领导驾驶舱', roles: ['admin', 'leader', 'legal', 'viewer'] },
} as const satisfies Record<string, PermissionDef>;

/**
 * 年度报告 — the annual rule-of-law report composed from the bureau's narratives
 * and the metric registry (DOCX in GB/T 9704, HTML with drill-down links, PDF),
 * the export of a year's metrics, and the leaders' dashboard.
 */
export const reportsModule = defineModule({
  key: 'reports',
  title: '年度报告',
  migrations: sqlMigrations('reports', new URL('./migrations/', import.meta.url), ['0001_init.sql', '0002_figure_include.sql']),
  permissions: reportPermissions,
  entities: {
    'reports.narrative': {
      ...reportsLabels['reports.narrative'],
      readPermission: 'reports.read',
      ownerOrg: (db, tenantId) => bureauId(db, tenantId),
    },
    /** How a figure is written in a year's report (rounding, year-over-year, left out). */
    'reports.figure_option': {
      ...reportsLabels['reports.figure_option'],
      readPermission: 'reports.read',
      ownerOrg: (db, tenantId) => bureauId(db, tenantId),
    },
  },
  routes: reportRoutes,
  checks: ({ metrics, modules }) => [
    ...unknownReportMetrics(
      metrics,
      modules.map((m) => m.key),
    ).map((k) => `报告句子引用的指标 ${k} 未注册（指标被改名或拼写有误）`),
    ...unknownDashboardMetrics(
      metrics,
      modules.map((m) => m.key),
    ).map((k) => `领导驾驶舱引用的指标 ${k} 未注册（指标被改名或拼写有误）`),
  ],
  demo: loadReportsDemo,
});
